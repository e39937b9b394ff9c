import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackup, serializeBackup, type ParsedBackup } from '../../../storage/backup-format';
import {
  parseBackup,
  readBackup,
  readBackupFile,
  type ReadProgress,
} from '../../../storage/backup-read';
import {
  RESTORE_BATCH,
  WRITE_BATCH_CHARS,
  restoreBackup,
  type RestoreOptions,
  type RestoreProgress,
} from '../../../storage/backup-restore';
import { IndiscretsDB } from '../../../storage/db';
import { createIssue, addToIssue } from '../../../storage/issues';
import { isCancelled } from '../../../storage/slices';
import { addDraft, freshDatabase, steppingClock } from './helpers';

/**
 * A big backup read and restored a slice at a time (storage/slices.ts): how far it has got is
 * told, a cancel is heard, before the transaction and within it, and leaves the database as it
 * was; a restore that runs to its end gives what it gave in one go.
 */

const databases: IndiscretsDB[] = [];
function database(): IndiscretsDB {
  const made = freshDatabase();
  databases.push(made);
  return made;
}

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await Promise.all(databases.splice(0).map((made) => made.delete()));
});

/** Every record of both tables, by id, as stored (derived fields included). */
async function snapshot(db: IndiscretsDB) {
  const byId = <T extends { id: string }>(records: T[]) =>
    records.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { clips: byId(await db.clips.toArray()), issues: byId(await db.issues.toArray()) };
}

/**
 * The text of a backup of `count` drafts, more than a batch of the restore's requests
 * ({@link RESTORE_BATCH}), made from a desk of three (one in an issue, one with a quote), each
 * copied under other ids.
 */
async function bigBackupText(count: number): Promise<string> {
  const source = database();
  const clock = steppingClock('2027-03-10T08:00:00.000Z');
  const issue = await createIssue({ title: 'Les indiscrets', date: '2027-03-15' }, source, clock);
  const inIssue = await addDraft(source, {
    title: 'Dans le numéro',
    body: '<p>Un <b>texte</b></p>',
  });
  await addToIssue(inIssue.id, issue.id, source, clock);
  await addDraft(source, {
    title: 'Citée',
    quotes: [{ text: 'Une citation', html: '<em>Une</em> citation', clippedAt: clock() }],
  });
  await addDraft(source, { title: 'Piégée', body: '<p>Ok<script>alert(1)</script></p>' });
  const backup = await createBackup(source, new Date('2027-03-16T09:00:00.000Z'));
  const models = backup.clips;
  backup.clips = Array.from({ length: count }, (_, n) => ({
    ...models[n % models.length]!,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    title: `Brouillon ${n}`,
  }));
  return serializeBackup(backup);
}

function mustParse(text: string): ParsedBackup {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`not a backup: ${JSON.stringify(parsed.error)}`);
  return parsed.backup;
}

/** A database with a few drafts and an issue of its own, which a restore must not lose. */
async function desk(): Promise<IndiscretsDB> {
  const db = database();
  const clock = steppingClock('2027-01-01T08:00:00.000Z');
  await createIssue({ title: 'Numéro d’ici', date: '2027-01-08' }, db, clock);
  for (let n = 0; n < 5; n++) await addDraft(db, { title: `Ici ${n}` });
  return db;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('resolved, not rejected');
}

describe('readBackup', () => {
  it('gives what parseBackup gives, for a good file as for broken ones', async () => {
    const good = await bigBackupText(30);
    const texts = [
      good,
      `\uFEFF${good}`,
      `  ${good}\n\n`,
      good.replace('"clips": [', '"clips": [ 12,'),
      good.replace('"title": "Brouillon 7"', '"title": 7'),
      good.replace('"title": "Brouillon 7"', '"title": tru'),
      good.replace(
        '"id": "00000000-0000-4000-8000-000000000009"',
        '"id": "00000000-0000-4000-8000-000000000008"',
      ),
      `${good} {}`,
      good.slice(0, good.length / 2),
      good.replace('"format": "indiscrets-backup"', '"format": "autre"'),
      good.replace(
        '"format": "indiscrets-backup"',
        '"format": "autre", "format": "indiscrets-backup"',
      ),
      good.replace('"version": 1', '"version": 1, "__proto__": {"x": 1}'),
      good.replace(/"clips": \[[\s\S]*\],\s*"issues"/, '"clips": {}, "issues"'),
      good.replace(/\\"/g, '\\\\"'),
      '',
      '   ',
      'null',
      '[]',
      '"indiscrets-backup"',
      '{"format":"indiscrets-backup","version":1,"clips":[],"issues":[]}',
      '{"clips":[],"issues":[],"version":1,"format":"indiscrets-backup"}',
      '{"format":"indiscrets-backup","version":1,"clips":[{"a":"\\"]"}],"issues":[]}',
      '{"format":"indiscrets-backup","version":1,"clips":[],"issues":[],}',
      '{"format":"indiscrets-backup","version":1,"clips":[,],"issues":[]}',
      '{"format":"indiscrets-backup" "version":1}',
      '{',
    ];
    for (const text of texts) {
      const read = await readBackup(text);
      expect(read, text.slice(0, 80)).toEqual(parseBackup(text));
      // The file taken apart value by value reads as JSON.parse reads it whole.
      if (!text.trim()) continue;
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        expect(read, text.slice(0, 80)).toEqual({ ok: false, error: { code: 'not-json' } });
        continue;
      }
      expect(read, text.slice(0, 80)).toEqual(parseBackup(JSON.stringify(json)));
    }
  });

  it('tells how far it has got: the file scanned, then its drafts checked, to the end', async () => {
    const text = await bigBackupText(250);
    const seen: ReadProgress[] = [];
    const result = await readBackup(text, { onProgress: (progress) => seen.push(progress) });
    expect(result.ok).toBe(true);
    const parse = seen.filter((progress) => progress.step === 'parse');
    const check = seen.filter((progress) => progress.step === 'check');
    expect(seen.indexOf(check[0]!)).toBe(parse.length);
    expect(parse.every((progress) => progress.total === text.length)).toBe(true);
    expect(parse.map((progress) => progress.done)).toEqual(
      [...parse.map((progress) => progress.done)].sort((a, b) => a - b),
    );
    expect(check.map((progress) => progress.done).slice(0, 250)).toEqual(
      Array.from({ length: 250 }, (_, n) => n + 1),
    );
    expect(check.at(-1)).toEqual({ step: 'check', done: 250, total: 250 });
  });

  it('stops at a cancel, before it starts as while it checks the drafts', async () => {
    const text = await bigBackupText(250);
    const before = new AbortController();
    before.abort();
    expect(isCancelled(await rejection(readBackup(text, { signal: before.signal })))).toBe(true);
    const within = new AbortController();
    let after = 0;
    const error = await rejection(
      readBackup(text, {
        signal: within.signal,
        onProgress: (progress) => {
          if (within.signal.aborted) after++;
          if (progress.step === 'check' && progress.done === 100) within.abort();
        },
      }),
    );
    expect(isCancelled(error)).toBe(true);
    expect(after).toBe(0);
  });
});

/**
 * A file whose stream gives `text`'s UTF-8 bytes in pieces of `size` bytes (a piece may end in
 * the middle of a character), and which cannot be read whole: the file is read as it comes.
 */
function fileInPieces(text: string, size: number): Blob & { pulled: () => number } {
  const bytes = new TextEncoder().encode(text);
  let pulled = 0;
  return {
    size: bytes.byteLength,
    stream: () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= bytes.byteLength) controller.close();
          else {
            controller.enqueue(bytes.slice(pulled, pulled + size));
            pulled = Math.min(pulled + size, bytes.byteLength);
          }
        },
      }),
    text: () => Promise.reject(new Error('read whole')),
    pulled: () => pulled,
  } as unknown as Blob & { pulled: () => number };
}

describe('readBackupFile', () => {
  it('gives what parseBackup gives, the file cut in pieces anywhere', async () => {
    const good = (await bigBackupText(4)).replace('Brouillon 2', 'Brouillon « 2 » — \\"é\\" 😀');
    const texts = [
      good,
      `\uFEFF${good}`,
      `  ${good}\n\n`,
      good.replace('"title": "Brouillon 3"', '"title": 7'),
      good.replace('"title": "Brouillon 3"', '"title": tru'),
      `${good} {}`,
      good.slice(0, good.length / 2),
      '',
      '   ',
      '{"format":"indiscrets-backup","version":1,"clips":[],"issues":[],"version":1}',
      '{"format":"indiscrets-backup","version":12,"clips":[],"issues":[]}',
      '{"format":"indiscrets-backup","version":1,"clips":[1],"issues":[]}',
      '{"format":"indiscrets-backup","version":1,"clips":[],"issues":[],}',
      '{',
    ];
    for (const text of texts) {
      const expected = parseBackup(text);
      for (const size of [1, 2, 3, 7, 64, 1000, 1 << 20]) {
        const file = fileInPieces(text, size);
        // A key twice is read as JSON.parse reads it, from the whole text.
        if (text.endsWith('"version":1}')) file.text = async () => text;
        expect(await readBackupFile(file), `${text.slice(0, 40)} by ${size}`).toEqual(expected);
      }
    }
  });

  it('tells how far it has read the file, in bytes, before it has read all of it', async () => {
    const text = await bigBackupText(250);
    const file = fileInPieces(text, 4096);
    const seen: Array<ReadProgress & { pulled: number }> = [];
    const result = await readBackupFile(file, {
      onProgress: (progress) => seen.push({ ...progress, pulled: file.pulled() }),
    });
    expect(result).toEqual(parseBackup(text));
    const parse = seen.filter((progress) => progress.step === 'parse');
    expect(parse.every((progress) => progress.total === file.size)).toBe(true);
    expect(parse[0]!.pulled).toBeLessThan(file.size / 10);
    expect(parse.at(-1)!.done).toBe(file.size);
    expect(seen.at(-1)).toEqual({ step: 'check', done: 250, total: 250, pulled: file.size });
  });

  it('stops reading the file at a cancel', async () => {
    const text = await bigBackupText(250);
    const file = fileInPieces(text, 4096);
    const controller = new AbortController();
    const error = await rejection(
      readBackupFile(file, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.step === 'parse' && progress.done > file.size / 4) controller.abort();
        },
      }),
    );
    expect(isCancelled(error)).toBe(true);
    expect(file.pulled()).toBeLessThan(file.size / 2);
  });

  it('reads a file as readBackup reads its text, a byte order mark left by the decoder too', async () => {
    // A file saved twice with a mark (an editor adding its own): the decoder drops the first,
    // as `file.text()` does, and the reading the second, as it did before 026d404.
    const text = `\uFEFF\uFEFF${await bigBackupText(3)}`;
    const expected = parseBackup(new TextDecoder().decode(new TextEncoder().encode(text)));
    expect(expected.ok).toBe(true);
    for (const size of [1, 3, 1 << 20]) {
      expect(await readBackupFile(fileInPieces(text, size)), `by ${size}`).toEqual(expected);
    }
  });

  it('looks at a long value a few times, not again at each piece of it', async () => {
    // A draft of a page clipped whole (4 MB of text) in pieces of 4 KB: its text was scanned
    // again from its start at each piece, a thousand times (minutes for tens of MB).
    const text = (await bigBackupText(3)).replace(
      '<p>Un <b>texte</b></p>',
      `<p>${'Un texte cité, assez long. '.repeat(150_000)}</p>`,
    );
    const file = fileInPieces(text, 4096);
    const indexOf = String.prototype.indexOf;
    let searched = 0;
    const spy = vi.spyOn(String.prototype, 'indexOf').mockImplementation(function (
      this: string,
      search: string,
      from?: number,
    ) {
      const found = indexOf.call(this, search, from);
      // The characters looked at, to the quote found or to the end.
      if (search === '"') searched += (found < 0 ? this.length : found + 1) - (from ?? 0);
      return found;
    });
    let result;
    try {
      result = await readBackupFile(file);
    } finally {
      spy.mockRestore();
    }
    expect(result).toEqual(parseBackup(text));
    expect(searched).toBeLessThan(8 * text.length);
  });
});

describe('restoreBackup in slices', () => {
  const COUNT = RESTORE_BATCH * 2 + 50;

  for (const mode of ['merge', 'replace'] as const) {
    it(`gives the same result and records with progress told as in one go (${mode})`, async () => {
      const backup = mustParse(await bigBackupText(COUNT));
      const plain = await desk();
      const told = database();
      await told.clips.bulkAdd(await plain.clips.toArray());
      await told.issues.bulkAdd(await plain.issues.toArray());
      const seen: RestoreProgress[] = [];
      const expected = await restoreBackup(backup, plain, { mode });
      const result = await restoreBackup(backup, told, {
        mode,
        onProgress: (progress) => seen.push(progress),
      });
      expect(result).toEqual(expected);
      expect(await snapshot(told)).toEqual(await snapshot(plain));
      for (const step of ['prepare', 'compare', 'write'] as const) {
        const ofStep = seen.filter((progress) => progress.step === step);
        expect(ofStep.at(-1), step).toEqual({ step, done: COUNT, total: COUNT });
        expect(ofStep.length, step).toBeGreaterThan(1);
      }
      // In order: every step's progress after the one before it.
      const order = seen.map((progress) => ['prepare', 'compare', 'write'].indexOf(progress.step));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });
  }

  /** A restore into `desk()` cancelled when `when` says so: its error and the data after it. */
  async function cancelledRestore(
    mode: RestoreOptions['mode'],
    when: (progress: RestoreProgress) => boolean,
  ) {
    const backup = mustParse(await bigBackupText(COUNT));
    const db = await desk();
    const before = await snapshot(db);
    const controller = new AbortController();
    const error = await rejection(
      restoreBackup(backup, db, {
        mode,
        signal: controller.signal,
        onProgress: (progress) => {
          if (when(progress)) controller.abort();
        },
      }),
    );
    return { error, before, after: await snapshot(db) };
  }

  const moments: Array<[string, (progress: RestoreProgress) => boolean]> = [
    ['before the transaction, while cleaning', (p) => p.step === 'prepare' && p.done === 10],
    ['within it, while reading', (p) => p.step === 'compare' && p.done === RESTORE_BATCH],
    ['within it, half written', (p) => p.step === 'write' && p.done === RESTORE_BATCH],
    ['within it, at its last batch', (p) => p.step === 'write' && p.done === COUNT],
  ];
  for (const mode of ['merge', 'replace'] as const) {
    for (const [moment, when] of moments) {
      it(`leaves the database as it was when cancelled ${moment} (${mode})`, async () => {
        const { error, before, after } = await cancelledRestore(mode, when);
        expect(isCancelled(error)).toBe(true);
        expect(after).toEqual(before);
        expect(after.clips).toHaveLength(5);
      });
    }
  }

  it('writes long drafts fewer at a time, each write holding a bounded amount of text', async () => {
    // Drafts of pages quoted at length (some 12,000 characters each): 200 of them in one write
    // held the page's thread for up to 0.3 s in Chromium (their words indexed twice, cloned).
    const long = 'Une phrase citée, assez longue pour peser ce que pèse une citation. '.repeat(60);
    const backup = mustParse(await bigBackupText(COUNT));
    backup.clips = backup.clips.map((draft) => ({
      ...draft,
      body: `<p>${long}</p>`,
      quotes: [{ text: long, html: `<em>${long}</em>`, clippedAt: draft.createdAt }],
    }));
    const db = await desk();
    const written: number[] = [];
    const bulkPut = db.clips.bulkPut.bind(db.clips);
    vi.spyOn(db.clips, 'bulkPut').mockImplementation(((records: Array<{ body?: string }>) => {
      written.push(records.reduce((sum, draft) => sum + JSON.stringify(draft).length, 0));
      return bulkPut(records as never);
    }) as unknown as typeof db.clips.bulkPut);
    const result = await restoreBackup(backup, db, { mode: 'merge' });
    expect(result.clips.added).toBe(COUNT);
    expect(await db.clips.count()).toBe(COUNT + 5);
    expect(written.length).toBeGreaterThan(COUNT / RESTORE_BATCH + 1);
    // Each write's drafts, as stored (their words and quotes too), within twice the budget.
    expect(Math.max(...written)).toBeLessThan(WRITE_BATCH_CHARS * 2);
  });

  it('is refused at once with a signal already aborted', async () => {
    const db = await desk();
    const controller = new AbortController();
    controller.abort();
    const backup = mustParse(await bigBackupText(3));
    const kept = await snapshot(db);
    expect(
      isCancelled(
        await rejection(restoreBackup(backup, db, { mode: 'merge', signal: controller.signal })),
      ),
    ).toBe(true);
    expect(await snapshot(db)).toEqual(kept);
  });
});
