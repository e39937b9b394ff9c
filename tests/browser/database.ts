/**
 * The extension's database read, written and emptied with IndexedDB itself, from one of its
 * pages: what is really stored, whatever the extension's own code says. For Chromium (playwright) and Firefox
 * (puppeteer) pages alike: both evaluate a function in the page.
 */

/** A page that runs a function in itself and hands back its result. */
export interface EvaluatingPage {
  evaluate<R>(pageFunction: () => Promise<R>): Promise<R>;
}

/** Both tables, each sorted by id: the suite says which fields it looks at. */
export interface StoredTables<Clip extends { id: string }, Issue extends { id: string }> {
  clips: Clip[];
  issues: Issue[];
}

/** Both tables of the extension's database, each sorted by id. */
export function readDatabase<S extends StoredTables<{ id: string }, { id: string }>>(
  page: EvaluatingPage,
): Promise<S> {
  return page.evaluate(
    () =>
      new Promise<S>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const tx = idb.transaction(['clips', 'issues']);
          const clips = tx.objectStore('clips').getAll();
          const issues = tx.objectStore('issues').getAll();
          tx.oncomplete = () => {
            idb.close();
            const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
            resolve({ clips: clips.result.sort(byId), issues: issues.result.sort(byId) } as S);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Empties both tables, as a lost or reset browser profile would be. */
export function clearDatabase(page: EvaluatingPage): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const tx = idb.transaction(['clips', 'issues'], 'readwrite');
          tx.objectStore('clips').clear();
          tx.objectStore('issues').clear();
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** A page that runs a function with one argument in itself (playwright and puppeteer alike). */
export interface ArgumentPage {
  evaluate<R, A>(pageFunction: (argument: A) => Promise<R>, argument: A): Promise<R>;
}

/**
 * Writes records into the extension's database with IndexedDB itself, in one transaction, as
 * the extension stores them (derived fields included: the caller gives them), for a test that
 * needs many records or exact ones without going through the UI. Keyed by table: `clips`,
 * `issues`, or any other (`syncState`, `refusals`…) a test needs in a given state.
 */
export function writeDatabase(
  page: ArgumentPage,
  records: Record<string, object[]>,
): Promise<void> {
  return page.evaluate(
    (tables: Record<string, object[]>) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const tx = idb.transaction(Object.keys(tables), 'readwrite');
          for (const [name, rows] of Object.entries(tables)) {
            for (const row of rows) tx.objectStore(name).put(row);
          }
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

/** Empties the named tables (`clearDatabase` empties the two record tables, from any page). */
export function clearTables(page: ArgumentPage, tables: string[]): Promise<void> {
  return page.evaluate(
    (names: string[]) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const tx = idb.transaction(names, 'readwrite');
          for (const name of names) tx.objectStore(name).clear();
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    tables,
  );
}
