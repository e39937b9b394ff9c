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
 *
 * The same write forgets the notice of an item a colleague took out of an issue
 * (`SyncState.takenOut`) once it puts that item back in that issue, whatever the way back.
 */

import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import type { OutboxEntry, SyncKind, SyncRecord, SyncState, SyncTakenOut } from './sync-state';
import { outboxKey } from './sync-state';

const TRACKED: Record<string, SyncKind> = { clips: 'draft', issues: 'issue' };
const SYNC_TABLES = ['outbox', 'syncState'];

/**
 * Says, in the transaction that merged draft `sourceId` into `targetId` (and deleted it), where
 * its content went: on its outbox entry (sync on), for the trash the push sends, or else on its
 * sync record (sync off, a draft the desk has), for the trash a rejoin sends. A draft the desk
 * never had gets nothing. The transaction must include `outbox` and `syncRecords`.
 */
export async function noteMergedInto(
  database: Dexie,
  sourceId: string,
  targetId: string,
): Promise<void> {
  const key = outboxKey('draft', sourceId);
  const queued = await database.table('outbox').update(key, { mergedInto: targetId });
  if (queued === 0) await database.table('syncRecords').update(key, { mergedInto: targetId });
}

/**
 * Says, in the transaction that deleted issue `issueId`, which items its deletion let go to the
 * inbox, on its outbox entry (sync on; nothing otherwise): were the deletion refused, their
 * releases are refused too, and said by its refusal, not each by one of its own. An item the
 * editor had taken out before is not among them. The transaction must include `outbox`.
 */
export async function noteReleased(
  database: Dexie,
  issueId: string,
  itemIds: readonly string[],
): Promise<void> {
  if (itemIds.length === 0) return;
  await database.table('outbox').update(outboxKey('issue', issueId), { released: [...itemIds] });
}

/**
 * Undoing a merge: the draft put back is merged nowhere, so a later deletion of it while the
 * shared desk is off does not name the draft it was merged into then (its outbox entry, sync on,
 * is already a fresh upsert). The transaction must include `syncRecords`.
 */
export async function forgetMergedInto(database: Dexie, sourceId: string): Promise<void> {
  const table = database.table<SyncRecord, string>('syncRecords');
  const sync = await table.get(outboxKey('draft', sourceId));
  if (!sync?.mergedInto) return;
  const kept = { ...sync };
  delete kept.mergedInto;
  await table.put(kept);
}

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
      // Fields kept over a colleague's version, until sent: typing on does not make them less so.
      ...(before?.overrides && op === 'upsert' ? { overrides: before.overrides } : {}),
    };
  });
  await outbox.mutate({ type: 'put', trans, values, keys });
}

/**
 * The sync state a read-write transaction over drafts or issues reads ahead: it is asked for
 * with the transaction's first read of drafts or issues, so that its first write does not wait
 * for a read of its own (a clip looks up the drafts with its page's URL first; the sync state
 * comes back with them). Forgotten when the transaction itself writes the sync state.
 */
class StateReads {
  /** Transactions this middleware widened to the sync tables. */
  private readonly widened = new WeakSet<object>();
  private readonly reads = new WeakMap<object, Promise<SyncState | undefined>>();

  constructor(private readonly down: DBCore) {}

  widen(trans: DBCoreTransaction): void {
    this.widened.add(trans);
  }

  /** Starts the read in a widened transaction, once (a read the transaction may never await). */
  ahead(trans: DBCoreTransaction): void {
    if (!this.widened.has(trans) || this.reads.has(trans) || quietTransactions.has(trans)) return;
    const read = this.read(trans);
    read.catch(() => undefined);
    this.reads.set(trans, read);
  }

  /** The state as the transaction sees it: the read made ahead, else a read now. */
  state(trans: DBCoreTransaction): Promise<SyncState | undefined> {
    return this.reads.get(trans) ?? this.read(trans);
  }

  forget(trans: DBCoreTransaction): void {
    this.reads.delete(trans);
  }

  /** The transaction wrote `state` itself: what its later writes read. */
  wrote(trans: DBCoreTransaction, state: SyncState): void {
    this.reads.set(trans, Promise.resolve(state));
  }

  private read(trans: DBCoreTransaction): Promise<SyncState | undefined> {
    return this.down.table('syncState').get({ trans, key: 'desk' }) as Promise<
      SyncState | undefined
    >;
  }
}

/**
 * The notices of items taken out (`SyncState.takenOut`) whose item `req` writes back into the
 * issue it was taken out of, not in the trash: « Ajouter au numéro », a drop, « Annuler », a
 * restore from the trash or from a backup, « Déplacer vers… » back. Each goes for good, with the
 * write, seen or not (the popup closed, the desk on another issue): taken out again later, by
 * this editor say, the colleague's old news would come back as if new. The sync's own writes
 * (a pull bringing it back) are quiet and never come here: the engine drops those notices itself
 * (services/sync/notices.ts, noteTakenOut and pruneTakenOut).
 */
function broughtBack(state: SyncState, req: DBCoreMutateRequest): SyncTakenOut[] {
  const notices = state.takenOut ?? [];
  if (notices.length === 0 || (req.type !== 'add' && req.type !== 'put')) return [];
  const back = new Set(
    (req.values as { id?: unknown; issueId?: unknown; deletedAt?: unknown }[])
      .filter((draft) => draft && typeof draft.id === 'string' && draft.issueId && !draft.deletedAt)
      .map((draft) => `${String(draft.id)} ${String(draft.issueId)}`),
  );
  return notices.filter((notice) => back.has(`${notice.recordId} ${notice.issueId}`));
}

/** Writes the sync state without the notices `gone`, in `trans` (see {@link broughtBack}). */
async function forgetTakenOut(
  down: DBCore,
  trans: DBCoreTransaction,
  reads: StateReads,
  state: SyncState,
  gone: readonly SyncTakenOut[],
): Promise<void> {
  const kept = (state.takenOut ?? []).filter((notice) => !gone.includes(notice));
  const next: SyncState = { ...state, takenOut: kept };
  if (kept.length === 0) delete next.takenOut;
  await down.table('syncState').mutate({ type: 'put', trans, values: [next], keys: ['desk'] });
  reads.wrote(trans, next);
}

function tracking(down: DBCore, name: string, kind: SyncKind, reads: StateReads): DBCoreTable {
  const table = down.table(name);
  return {
    ...table,
    get(req) {
      reads.ahead(req.trans);
      return table.get(req);
    },
    getMany(req) {
      reads.ahead(req.trans);
      return table.getMany(req);
    },
    query(req) {
      reads.ahead(req.trans);
      return table.query(req);
    },
    openCursor(req) {
      reads.ahead(req.trans);
      return table.openCursor(req);
    },
    count(req) {
      reads.ahead(req.trans);
      return table.count(req);
    },
    async mutate(req) {
      const trans = req.trans as DBCoreTransaction & IDBTransaction;
      // Schema upgrades and the engine's own writes are not editors' edits.
      if (trans.mode === 'versionchange' || quietTransactions.has(trans)) return table.mutate(req);
      let state: SyncState | undefined;
      try {
        state = await reads.state(trans);
      } catch {
        // A transaction this middleware could not widen (opened before the tables existed).
        return table.mutate(req);
      }
      // Sync off too: notices kept from before would come back with it.
      const back = state && kind === 'draft' ? broughtBack(state, req) : [];
      if (!state?.enabled) {
        const result = await table.mutate(req);
        if (back.length > 0) await forgetTakenOut(down, trans, reads, state!, back);
        return result;
      }
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
      if (back.length > 0) await forgetTakenOut(down, trans, reads, state, back);
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
    const reads = new StateReads(down);
    return {
      ...down,
      transaction(stores, mode, options) {
        const tracked = mode === 'readwrite' && stores.some((store) => store in TRACKED);
        const widened = tracked
          ? [...new Set([...stores, ...SYNC_TABLES])].filter((store) =>
              down.schema.tables.some((table) => table.name === store),
            )
          : stores;
        const trans = down.transaction(widened, mode, options);
        if (tracked && widened.includes('syncState')) reads.widen(trans);
        return trans;
      },
      table(name) {
        const kind = TRACKED[name];
        if (kind) return tracking(down, name, kind, reads);
        const table = down.table(name);
        if (name !== 'syncState') return table;
        return {
          ...table,
          mutate(req) {
            // What the transaction read ahead is no longer the state once it writes it.
            reads.forget(req.trans);
            return table.mutate(req);
          },
        };
      },
    };
  },
};
