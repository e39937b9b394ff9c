import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Provenance } from '../capture/types';
import type { CaptureLimit } from '../capture/types';
import { deriveFields } from './derive';
import { sameValue } from '../lib/merge';
import type { CHECK_CODES, DRAFT_STATUSES, ISSUE_STATUSES } from './record-values';
import { outboxMiddleware } from './outbox';
import type {
  DeskMark,
  OutboxEntry,
  SyncConflict,
  SyncRecord,
  SyncRefusal,
  SyncState,
} from './sync-state';
import { DEFAULT_DRAFT_TEMPLATE, renderDraftTemplate } from './template';
import { DEFAULT_HOUSE_STYLE } from './house-style';

/** A passage the editor selected on the page when clipping it. */
export interface Quote {
  /** The passage as plain text, whitespace normalised. */
  text: string;
  /** The passage as HTML sanitised to a small allow-list, links absolute. Empty when unknown. */
  html: string;
  /** When it was clipped (ISO 8601). */
  clippedAt: string;
}

/** A page an item draws on, cited with it. */
export interface Source {
  /** Absolute URL of the page. Only http(s) URLs are linked on export. */
  url: string;
  /** Title of the page, as the editor wants it cited. */
  title: string;
  /** Name of the publication, when known. */
  siteName?: string;
}

/**
 * How far the editor has got with a draft: written but not checked, facts checked, ready to
 * publish.
 */
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/**
 * One editor view's latest write of a record (see {@link Draft.edits}): lets the journal replay
 * tell that view's own later writes from changes made elsewhere.
 */
export interface EditMark {
  /** The editor view (a random id per opened editor; see `storage/journal.ts`). */
  view: string;
  /** The journal time of the latest keystroke the write held (ISO 8601). */
  at: string;
  /** The record's revision after the write: equal to `rev` while no one has written since. */
  rev: number;
  /** The fields the write stored; kept on the newest mark only (the one the replay reads). */
  wrote?: string[];
  /** Fields the view held in conflict (changed elsewhere, its choice pending): not stored. */
  held?: string[];
}

/**
 * A draft: one clipped page, later written into an item of an issue.
 * Field names are a contract: the backup format and the tests rely on them, except `words`
 * and `sourceUrls`, which are index-only and recomputed whenever a draft is written.
 */
export interface Draft {
  /** Random UUID; stable across backups. */
  id: string;
  /** Canonical URL of the page, tracking parameters removed. One draft per URL. */
  url: string;
  /** Page title without the site suffix. */
  title: string;
  /** Name of the publication (og:site_name, JSON-LD publisher, else the host name). */
  siteName?: string;
  /** Author(s) as declared by the page. */
  byline?: string;
  /** Publication date of the page (ISO 8601). */
  publishedAt?: string;
  /** Language of the page (BCP 47). */
  lang?: string;
  /** The page's own description. */
  excerpt?: string;
  /** Lead image of the page (absolute URL). */
  imageUrl?: string;
  /** Selected passages, oldest first. */
  quotes: Quote[];
  /** For each metadata field, where its value came from (`og:title`, `json-ld`, `<title>`…). */
  provenance: Provenance;
  /**
   * Why some metadata is missing, when the page could not be read (a page that forbids
   * scripts, such as chrome:// or the web store). Absent for a normal clip.
   */
  captureNote?: CaptureLimit;
  /** When the draft was created (ISO 8601). */
  createdAt: string;
  /** When the draft last changed (ISO 8601). */
  updatedAt: string;
  /**
   * Revision: raised by one on every write (the table hooks do it), absent (read as 0) until
   * the first one. A view that has read revision n knows a record of revision < n is an older
   * answer than what it has, not a change made elsewhere (see `components/useSyncedRecord.ts`).
   * Local bookkeeping, not part of the backup contract (a restored record keeps whatever it
   * carries; the next write raises it).
   */
  rev?: number;
  /**
   * The latest write of each of the last editor views that wrote the record, newest first (at
   * most {@link EDIT_MARKS_KEPT}, about 70 bytes each). Local bookkeeping like `rev`, left out
   * of backups: the
   * journal replay reads it to tell a closed view's own later writes (a journal entry left
   * behind by a killed browser is older than what the view stored since) from changes made
   * elsewhere meanwhile, which it merges field by field. Absent until an editor writes.
   */
  edits?: EditMark[];
  /**
   * The item's text in the house voice: restricted HTML (`<p>`, `<strong>`, `<em>`,
   * `<a href>`, `<br>`). Starts from the draft template; from then on only the editor writes it.
   */
  body: string;
  /**
   * The item's short name in the issue list, as the editor gave it (« OVH en Bourse »): trimmed,
   * at most 80 characters. Absent (or `''`): the list shows the first words of the item's text,
   * else the draft's title (see `itemLabel` in `label.ts`). Added in schema version 4; records
   * of earlier versions have none, which is that default.
   */
  label?: string;
  /** The pages the item cites, in order; the first is the clipped page itself. */
  sources: Source[];
  /** The editor's private note. Never exported. */
  note: string;
  /**
   * The editor shares the note with the newsroom (shared desk): only then does it leave this
   * browser. Absent: private.
   */
  noteShared?: boolean;
  /**
   * Who clipped and last edited the draft, and who is editing it now, when the desk is shared
   * (written by the sync only). Absent on a draft that was never synced.
   */
  desk?: DeskMark;
  /** Free labels for filtering (`tech`, `à vérifier`…), trimmed and distinct. */
  tags: string[];
  /** How far the editor has got; see {@link DraftStatus}. */
  status: DraftStatus;
  /**
   * The issue the item is in, or `''` while the draft is in the inbox. An empty string rather
   * than `undefined`, because IndexedDB leaves records without the key out of the index and the
   * inbox is looked up by this index.
   */
  issueId: string;
  /** Order of the item inside its issue (a key from `fractional.ts`); `''` in the inbox. */
  sortKey: string;
  /**
   * When the draft was put in the trash (ISO 8601); absent otherwise, which keeps drafts out
   * of the trash out of the `deletedAt` index. A trashed draft keeps its `issueId` and
   * `sortKey`, so that restoring it puts it back in place.
   */
  deletedAt?: string;
  /**
   * The `updatedAt` of each version of the draft an undo (« Annuler » after a trash or a merge)
   * took back (ISO 8601, oldest first, the last {@link UNDONE_KEPT}); absent if none did. The
   * undo gives the draft its earlier `updatedAt` back, so that it is the same version as before
   * the action (a backup made before it merges as the same record; a draft the shared desk
   * brought keeps the server's time, which tells it untouched): a backup made between the
   * action and its undo holds the action at a later `updatedAt`, and its merge would redo it.
   * The merge keeps out a backup's version written at one of these moments, the undone one
   * (storage/backup-restore.ts), and only it: a later edit made in another browser is still
   * taken. Local bookkeeping like `edits`: left out of backups and never read from one. A value
   * only, in no index: no schema version.
   */
  undone?: string[];
  /**
   * Search tokens (lowercase, without accents) from the title, label, body text, site name, tags,
   * quotes and note. Derived: kept up to date by the table hooks on every write, and not part of
   * the backup contract (an import may omit it; it is recomputed).
   */
  words: string[];
  /**
   * Each pair of search tokens that follow each other in one of those texts, as `word word`
   * (single letters kept: `l ete`), to find a quoted phrase's drafts by their index. Derived like
   * `words`, and likewise not part of the backup contract.
   */
  wordPairs: string[];
  /**
   * The sources' URLs, normalised (see `normaliseUrl`), to find a source used twice. Derived
   * like `words`, and likewise not part of the backup contract.
   */
  sourceUrls: string[];
}

/** Where an issue stands: being composed, exported (copied or downloaded), or published. */
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** The WordPress post an issue was published as. */
export interface WordPressPost {
  /** The post's id on the site. */
  postId: number;
  /** Public URL of the post. */
  link: string;
  /** The post's `modified_gmt` when we last wrote or read it, to notice edits made in WordPress. */
  modifiedGmt: string;
  /** When it was last published: created, or updated by a later publication (ISO 8601). */
  publishedAt: string;
  /**
   * Who published it then, as the shared desk names them (its user, `SyncState.user`): carried
   * to the desk's other editors with the issue, who are told « Publié par Claire Martin le… ».
   * Absent when published without a desk (sync off), or by an earlier version: « Publié le… ».
   */
  publishedBy?: { id: number; name: string };
  /**
   * That publication updated the post a former one created (« Mis à jour par… »), rather than
   * creating it. Absent: created (or published by an earlier version).
   */
  updated?: boolean;
  /**
   * The site the post is on (normalised address). A post recorded for another site is never
   * updated: the next publication creates one on the current site. Absent before 0.1.
   */
  siteUrl?: string;
  /**
   * A fingerprint of what that publication was made from (export/post-digest.ts): the issue's
   * title, date, intro and items (`issueDigest`, whatever house style rendered it), or, recorded
   * by earlier versions, the post's title and content as sent (`postDigest`). The publish panel
   * compares it with the issue now and, when they differ, says that the post is out of
   * date. Carried by the sync and backups with the rest of the post. Absent when published by an
   * earlier version (nothing is said then), or synced through a plugin older than 0.1.6.
   */
  digest?: string;
}

/** A weekly issue: a title, an intro and items (drafts with this `issueId`) in order. */
export interface Issue {
  /** Random UUID. */
  id: string;
  /** The issue's title, already formatted by the caller ("Les indiscrets du 15 mars"). */
  title: string;
  /** Day of publication, `YYYY-MM-DD`. */
  date: string;
  /** Text before the items (may be empty). */
  intro: string;
  /**
   * Number of characters the whole issue should fit in, when the editor sets one. Absent: no
   * budget (a fixed default flagged real issues, which run from 4,000 to 6,000 signs).
   */
  lengthBudget?: number;
  /** Where the issue stands; see {@link IssueStatus}. */
  status: IssueStatus;
  /** When the issue was created (ISO 8601). */
  createdAt: string;
  /** When the issue's own fields last changed (ISO 8601); moving items does not change it. */
  updatedAt: string;
  /** Revision, raised on every write of the issue; see {@link Draft.rev}. */
  rev?: number;
  /** The last editor views' latest writes; see {@link Draft.edits}. */
  edits?: EditMark[];
  /** When the issue was last exported (ISO 8601). */
  exportedAt?: string;
  /** The WordPress post, once published there. */
  wordpress?: WordPressPost;
  /**
   * A creation of a WordPress post started and not yet recorded in `wordpress`: written before
   * the request, removed when the post is recorded. While it is here, publishing again looks for
   * the post by its slug before creating one, so a publication cut off mid-way (background
   * stopped, network lost) never leaves a duplicate post.
   */
  publishing?: PublishIntent;
  /** Who created and last edited the issue on the shared desk; see {@link Draft.desk}. */
  desk?: DeskMark;
}

/** What {@link Issue.publishing} remembers of a creation in progress. */
export interface PublishIntent {
  /** The slug the post is created with, unique to this publication (`wordpress/client.ts`). */
  slug: string;
  /** The site the post is created on (normalised address). */
  siteUrl: string;
  /** When the first attempt started (ISO 8601). */
  startedAt: string;
}

/** What the checks of an issue can find wrong with an item. */
export type CheckCode = (typeof CHECK_CODES)[number];

/** One problem found in an item before export. */
export interface Check {
  /** Which problem. */
  code: CheckCode;
  /** The source URL concerned, for `duplicate-source` and `already-exported`. */
  url?: string;
  /** Label of the other item that uses the same source (see `itemLabel`). */
  otherTitle?: string;
  /** Title of the issue that other item was exported in, for `already-exported`. */
  otherIssueTitle?: string;
  /**
   * That issue's date (`YYYY-MM-DD`), for `already-exported`: an issue whose title was rubbed
   * out is named by the house pattern from it, as everywhere else.
   */
  otherIssueDate?: string;
}

/** The extension's one IndexedDB database. Schema versions are only ever appended. */
export class IndiscretsDB extends Dexie {
  /**
   * The drafts. The table keeps its first name, `clips`: it is stored data (the IndexedDB
   * object store of every installed copy), so renaming it would need a migration for nothing.
   */
  clips!: EntityTable<Draft, 'id'>;
  issues!: EntityTable<Issue, 'id'>;
  /** Records waiting to be pushed to the shared desk (one entry per record). */
  outbox!: EntityTable<OutboxEntry, 'key'>;
  /** Each synced record's server id, version and merge base. */
  syncRecords!: EntityTable<SyncRecord, 'key'>;
  /** Same-field conflicts waiting for the editor's choice. */
  conflicts!: EntityTable<SyncConflict, 'key'>;
  /** Changes WordPress refused (403), rolled back, waiting to be read. */
  refusals!: EntityTable<SyncRefusal, 'key'>;
  /** The sync's own state: one record, id `desk`. */
  syncState!: EntityTable<SyncState, 'id'>;

  constructor(name = 'indiscrets') {
    super(name);
    // Version 1: drafts, looked up by URL (to merge re-clips) and listed newest first.
    this.version(1).stores({
      clips: 'id, url, createdAt, updatedAt',
    });
    // Version 2: the editor's desk. Drafts get a body, sources, tags and a place in an issue.
    // - `[issueId+createdAt]` pages the inbox (issueId '') newest first without a filter;
    // - `[issueId+sortKey]` lists an issue's items in order;
    // - `[issueId+deletedAt]` holds trashed drafts only (a record without `deletedAt` is left
    //   out of a compound index), so the inbox can be counted from indexes alone;
    // - `*words` and `*sourceUrls` are multi-entry: one index entry per word or URL.
    this.version(2)
      .stores({
        clips:
          'id, url, createdAt, updatedAt, status, siteName, *tags, issueId, [issueId+sortKey], ' +
          '[issueId+createdAt], [issueId+deletedAt], deletedAt, *words, *sourceUrls',
        issues: 'id, date, createdAt, status',
      })
      .upgrade((tx) => upgradeToV2(tx));
    // Version 3: the shared desk. New tables only; drafts and issues are not rewritten (their
    // new fields `noteShared` and `desk` are optional and absent until sync is turned on).
    // - `outbox` is read oldest first; `syncRecords` is found by the server's id for pulls.
    this.version(3).stores({
      outbox: 'key, queuedAt',
      syncRecords: 'key, [kind+remoteId]',
      conflicts: 'key',
      refusals: 'key',
      syncState: 'id',
    });
    // Version 4: items get a short name of their own, `label` (optional, not indexed). No record
    // is rewritten: a draft without one shows the first words of its text, which is what an
    // upgrade would have to leave it with anyway. The version number tells a backup's reader
    // (its `schemaVersion`) that the records may carry it.
    this.version(4).stores({});
    // Version 5: numbers of one digit are search words too (`n°7`, `article 3`; before, only
    // tokens of two characters or more were), and superscripts are written plain (`7ᵉ` is
    // `7e`). Every draft's `words` is derived again; a draft whose words do not change is not
    // rewritten.
    this.version(5)
      .stores({})
      .upgrade((tx) => reindexWords(tx));
    // Version 6: a draft's author (`byline`) is searched too, a soft hyphen or a zero-width
    // space no longer cuts a word in two (`gou&shy;ver&shy;ne&shy;ment`), and the modifier
    // apostrophe of `lʼÉtat` splits as `'` does. Every draft's `words` is derived again, as in 5.
    this.version(6)
      .stores({})
      .upgrade((tx) => reindexWords(tx));
    // Version 7: quoted phrases are found by an index of the pairs of words that follow each
    // other in a draft's texts (`*wordPairs`), where the order of words was in the texts only and
    // a phrase of common words read every draft's text. Every draft gets its pairs.
    this.version(7)
      .stores({
        clips:
          'id, url, createdAt, updatedAt, status, siteName, *tags, issueId, [issueId+sortKey], ' +
          '[issueId+createdAt], [issueId+deletedAt], deletedAt, *words, *sourceUrls, *wordPairs',
      })
      .upgrade((tx) => indexWordPairs(tx));
    // Queues local writes for the shared desk when sync is on (see outbox.ts).
    this.use(outboxMiddleware);

    // Derived fields are maintained here, on every write, so that no caller can forget them.
    this.clips.hook('creating', (_key, draft) => {
      Object.assign(draft, deriveFields(draft));
    });
    this.clips.hook('updating', (modifications, _key, draft) => {
      // `modifications` maps key paths to new values; apply them to a copy to see the result.
      const next: Partial<Draft> = Dexie.deepClone(draft);
      for (const [keyPath, value] of Object.entries(modifications)) {
        Dexie.setByKeyPath(next, keyPath, value);
      }
      return { ...deriveFields(next), rev: nextRev(draft) };
    });
    this.issues.hook('updating', (_modifications, _key, issue) => ({ rev: nextRev(issue) }));
  }
}

/** How many editor views' marks a record keeps (see {@link Draft.edits}). */
export const EDIT_MARKS_KEPT = 12;

/** The revision a record gets on its next write (see {@link Draft.rev}). */
export function nextRev(record: { rev?: unknown }): number {
  return typeof record.rev === 'number' && Number.isSafeInteger(record.rev) ? record.rev + 1 : 1;
}

/** Fills the version-2 fields of version-1 drafts. */
function upgradeToV2(tx: Transaction): Promise<unknown> {
  return tx
    .table('clips')
    .toCollection()
    .modify((record: Partial<Draft> & Pick<Draft, 'url' | 'title'>) => {
      fillV2Fields(record);
      Object.assign(record, deriveFields(record));
    });
}

/** Derives every draft's search words again, writing only the drafts whose words change. */
function reindexWords(tx: Transaction): Promise<unknown> {
  return tx
    .table('clips')
    .toCollection()
    .modify((record: Draft) => {
      const { words } = deriveFields(record);
      if (sameValue(words, record.words)) return false;
      record.words = words;
      return undefined;
    });
}

/** Derives every draft's pairs of words (version 7). */
function indexWordPairs(tx: Transaction): Promise<unknown> {
  return tx
    .table('clips')
    .toCollection()
    .modify((record: Draft) => {
      record.wordPairs = deriveFields(record).wordPairs;
    });
}

/**
 * Gives a version-1 draft (or one from a backup made by version 1) the fields version 2 added,
 * in place; fields it already has are left alone. The body comes from the default template:
 * the editor's own lives in browser storage, which an IndexedDB upgrade cannot await. Its quote
 * is marked with the page's language (`lang`, which version 1 already kept) when that is another
 * than French, as a new draft's template marks it: version 1 had no exports, hence no export
 * language but the column's own, the default house style's.
 * Derived fields are not computed here (the table hooks and the upgrade do it).
 */
export function fillV2Fields(record: Partial<Draft> & Pick<Draft, 'url' | 'title'>): void {
  const quotes = record.quotes ?? [];
  record.quotes = quotes;
  record.body ??= renderDraftTemplate(
    DEFAULT_DRAFT_TEMPLATE,
    { ...record, quotes },
    DEFAULT_HOUSE_STYLE.locale,
  );
  record.sources ??= [
    {
      url: record.url,
      title: record.title,
      ...(record.siteName ? { siteName: record.siteName } : {}),
    },
  ];
  record.note ??= '';
  record.tags ??= [];
  record.status ??= 'draft';
  record.issueId ??= '';
  record.sortKey ??= '';
}

/** The singleton every context uses. Tests may create their own with another name. */
export const db = new IndiscretsDB();

/** How many undone versions a draft remembers ({@link Draft.undone}): older ones are forgotten. */
export const UNDONE_KEPT = 20;
