/**
 * The outbox: every local write of a draft or an issue queues the record for the shared desk,
 * in the same transaction as the write, when sync is on. One entry per record (a second write
 * before the push only raises its `seq`), so a burst of typing is one push.
 *
 * It is a Dexie middleware rather than a call in each storage function, so that no write can
 * forget it: saving a clip, an edit, a move (the fractional order key), trash, restore, merge,
 * delete and bulk `modify()` all go through `mutate`. It widens read-write transactions on
 * `clips` or `issues` to the sync tables (as Dexie Cloud's own middleware does) and reads the
 * sync state inside the transaction, so every context (popup, desk, background) agrees without
 * a message. Sync off: it reads one record and writes nothing.
 *
 * The sync engine's own writes (what it pulled, a rollback) must not be queued again: it runs
 * them through {@link quietly}.
 */

import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import type { OutboxEntry, SyncKind, SyncState } from './sync-state';
import { outboxKey } from './sync-state';

const TRACKED: Record<string, SyncKind> = { clips: 'draft', issues: 'issue' };
const SYNC_TABLES = ['outbox', 'syncState'];

/** Transactions of the sync engine: their writes are not queued. */
const quietTransactions = new WeakSet<object>();

type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * Calls `listener` after each committed transaction that queued something (in this context).
 * The desk and popup forward it to the background, which pushes ~2 s later. Returns `off`.
 */
export function onOutboxWrite(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `body` in a read-write transaction over `tables` whose writes to drafts and issues are
 * NOT queued: for the sync engine writing what the server says. Nested calls join it.
 */
export function quietly<T>(database: Dexie, tables: string[], body: () => Promise<T>): Promise<T> {
  return database.transaction('rw', tables, async (tx) => {
    quietTransactions.add(tx.idbtrans);
    return body();
  });
}

function primaryKeysOf(req: DBCoreMutateRequest): unknown[] | undefined {
  switch (req.type) {
    case 'add':
    case 'put':
      return req.keys ?? req.values.map((value: { id?: unknown }) => value?.id);
    case 'delete':
      return req.keys;
    default:
      return undefined;
  }
}

async function enqueue(
  outbox: DBCoreTable,
  trans: DBCoreTransaction,
  kind: SyncKind,
  ids: unknown[],
  op: OutboxEntry['op'],
): Promise<void> {
  const keys = [...new Set(ids.filter((id): id is string => typeof id === 'string'))].map((id) =>
    outboxKey(kind, id),
  );
  if (keys.length === 0) return;
  const existing = (await outbox.getMany({ trans, keys })) as (OutboxEntry | undefined)[];
  const at = new Date().toISOString();
  const values = keys.map((key, i): OutboxEntry => {
    const before = existing[i];
    const recordId = key.slice(kind.length + 1);
    return {
      key,
      kind,
      recordId,
      op,
      queuedAt: before?.queuedAt ?? at,
      seq: (before?.seq ?? 0) + 1,
      attempts: before?.attempts ?? 0,
      ...(before?.blocked ? { blocked: before.blocked } : {}),
    };
  });
  await outbox.mutate({ type: 'put', trans, values, keys });
}

function tracking(down: DBCore, name: string, kind: SyncKind): DBCoreTable {
  const table = down.table(name);
  return {
    ...table,
    async mutate(req) {
      const trans = req.trans as DBCoreTransaction & IDBTransaction;
      // Schema upgrades and the engine's own writes are not editors' edits.
      if (trans.mode === 'versionchange' || quietTransactions.has(trans)) return table.mutate(req);
      let state: SyncState | undefined;
      try {
        state = (await down.table('syncState').get({ trans, key: 'desk' })) as SyncState;
      } catch {
        // A transaction this middleware could not widen (opened before the tables existed).
        return table.mutate(req);
      }
      if (!state?.enabled) return table.mutate(req);
      let ids = primaryKeysOf(req);
      if (!ids && req.type === 'deleteRange') {
        const found = await table.query({
          trans,
          values: false,
          query: { index: table.schema.primaryKey, range: req.range },
        });
        ids = found.result;
      }
      const result = await table.mutate(req);
      const outbox = down.table('outbox');
      await enqueue(
        outbox,
        trans,
        kind,
        ids ?? [],
        req.type === 'add' || req.type === 'put' ? 'upsert' : 'delete',
      );
      trans.addEventListener?.('complete', () => listeners.forEach((listener) => listener()));
      return result;
    },
  };
}

/** The middleware: register with `db.use(outboxMiddleware)` after the schema versions. */
export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'indiscrets-outbox',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.some((store) => store in TRACKED)
            ? [...new Set([...stores, ...SYNC_TABLES])].filter((store) =>
                down.schema.tables.some((table) => table.name === store),
              )
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const kind = TRACKED[name];
        return kind ? tracking(down, name, kind) : down.table(name);
      },
    };
  },
};
