import type { DBCore } from 'dexie';
import { IndiscretsDB, type Draft } from '../../../storage/db';

/**
 * The stores as versions 3 and 4 of the extension declared them (version 4 changed no index):
 * what a migration test opens a database with, as an older extension left it. Written out, not
 * taken from storage/db.ts, which only appends.
 */
export const STORES_V3 = {
  clips:
    'id, url, createdAt, updatedAt, status, siteName, *tags, issueId, [issueId+sortKey], ' +
    '[issueId+createdAt], [issueId+deletedAt], deletedAt, *words, *sourceUrls',
  issues: 'id, date, createdAt, status',
  outbox: 'key, queuedAt',
  syncRecords: 'key, [kind+remoteId]',
  conflicts: 'key',
  refusals: 'key',
  syncState: 'id',
};

/** A database of its own for one test; delete it in afterEach. */
export const freshDatabase = () => new IndiscretsDB(`test-${crypto.randomUUID()}`);

/** A clock that moves one second per call from `first`, so that order and times are defined. */
export function steppingClock(first = '2021-03-15T08:00:00.000Z') {
  let t = Date.parse(first);
  const clock = () => {
    const at = new Date(t).toISOString();
    t += 1000;
    return at;
  };
  return clock;
}

let serial = 0;

/**
 * A complete draft record, written directly (no template, no merge rules), for tests that are
 * about what happens to drafts afterwards. `words`, `wordPairs` and `sourceUrls` come from the hooks.
 */
export async function addDraft(
  database: IndiscretsDB,
  fields: Partial<Omit<Draft, 'words' | 'sourceUrls'>> = {},
): Promise<Draft> {
  const n = ++serial;
  const url = fields.url ?? `https://news.test/article-${n}`;
  const at = fields.createdAt ?? new Date(Date.UTC(2021, 2, 1, 0, 0, n)).toISOString();
  const draft = {
    id: crypto.randomUUID(),
    url,
    title: `Article ${n}`,
    siteName: 'News',
    quotes: [],
    provenance: {},
    createdAt: at,
    updatedAt: at,
    body: `<p>Texte ${n}</p>`,
    sources: [{ url, title: fields.title ?? `Article ${n}`, siteName: 'News' }],
    note: '',
    tags: [],
    status: 'draft' as const,
    issueId: '',
    sortKey: '',
    ...fields,
  };
  const id = await database.clips.add(draft as Draft);
  return (await database.clips.get(id))!;
}

/** What {@link watchDraftRequests} tells of each request on the drafts' store. */
export interface DraftRequests {
  /** Before a query reading records (a walk's chunk, a candidates' read) is made. */
  beforeRecords?(): void;
  /** A query answered: records (`values`) or keys only, and how many. */
  query?(values: boolean, answered: number): void;
  /** A count of index entries asked. */
  count?(): void;
  /** A read by ids (bulkGet) answered: how many drafts it found. */
  getMany?(found: number): void;
}

/** Tells `on` of every request `database` makes on the drafts' store (what a search reads). */
export function watchDraftRequests(database: IndiscretsDB, on: DraftRequests): void {
  database.use({
    stack: 'dbcore',
    name: 'watch-draft-requests',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'clips') return table;
        return {
          ...table,
          query: async (req) => {
            if (req.values) on.beforeRecords?.();
            const res = await table.query(req);
            on.query?.(!!req.values, res.result.length);
            return res;
          },
          count: (req) => {
            on.count?.();
            return table.count(req);
          },
          getMany: async (req) => {
            const res = await table.getMany(req);
            on.getMany?.(res.filter(Boolean).length);
            return res;
          },
        };
      },
    }),
  });
}
