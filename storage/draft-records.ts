import Dexie from 'dexie';
import { DESCRIPTIVE_FIELDS, type CaptureResult } from '../capture/types';
import type { CaptureLimit } from '../capture/types';
import { db as defaultDb, type Draft, type IndiscretsDB, type Quote } from './db';
import type { DeskMark, SyncState } from './sync-state';
import { normaliseUrl } from './derive';
import { DEFAULT_DRAFT_TEMPLATE, renderDraftTemplate } from './template';

/** What a clip did: a new draft, or a quote added to the draft that already had this URL. */
export interface SaveDraftOutcome {
  clip: Draft;
  /** True when the URL already had a draft and the new selection joined it. */
  merged: boolean;
  /** True when a merge brought a selection that the draft did not have yet. */
  quoteAdded: boolean;
  /**
   * Shared desk: the page already had a colleague's draft this editor may not write, so this
   * new draft was made beside it; who clipped that one ('' when the sync did not say).
   */
  beside?: string;
  /**
   * Shared desk: the quote joined a colleague's draft of the page (an Editor writes every
   * draft); who clipped that one ('' when the sync did not say). Absent for the editor's own.
   */
  addedTo?: string;
}

export interface SaveDraftInput extends CaptureResult {
  /** Why the page could not be read, for a draft made from the tab alone. */
  captureNote?: CaptureLimit;
  /**
   * The editor's draft template (the `draftTemplate` setting), for the body of a new draft.
   * The caller reads it: browser storage cannot be awaited inside the database transaction.
   */
  template?: string;
  /**
   * The language the editor writes items in (the house style's export language), read by the
   * caller as the template is: a quote from a page in another language is marked with the
   * page's (see `renderDraftTemplate`). Without it, the quote is not marked.
   */
  textLang?: string;
  /**
   * The address the page was read at, when it declares another its own (its canonical): a draft
   * whose address was taken from the tab (`provenance.url` 'tab': the page closed to scripts,
   * Firefox's reader view of it, its source) is this page's and takes the quote, as its note told
   * the editor; it moves to the page's address (see `saveDraft`), where later clips find it.
   */
  readAt?: string;
}

const now = () => new Date().toISOString();

/**
 * Stores a capture as a draft. The same URL clipped again adds its selection to the existing
 * draft instead of making a second one; metadata the draft lacked is filled in, but nothing
 * the draft already had is overwritten (the editor may have corrected it), and the body is
 * never touched: the editor's words win over a new quote. A re-clipped draft that was in the
 * trash comes back out of it, since clipping it again says the editor wants it.
 *
 * A new draft starts with a body from the template and the page as its first source.
 *
 * On the shared desk, a draft this editor may not write (a colleague's, their role not an
 * Editor's: see {@link mayWrite}) is left alone, in the trash or not: WordPress would refuse the
 * quote added to it, and the sync would roll it back, the passage lost after the clip said it
 * was added. The clip then goes to the editor's own draft of that page, made beside the other
 * when there is none yet. Decided from what the last sync recorded, offline too.
 */
export async function saveDraft(
  input: SaveDraftInput,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<SaveDraftOutcome> {
  const at = clock();
  const quote: Quote | undefined = input.selection?.text
    ? { text: input.selection.text, html: input.selection.html, clippedAt: at }
    : undefined;
  const { metadata } = input;
  return database.transaction('rw', database.clips, database.syncState, async () => {
    // The lookups and the desk's state at once (a clip of a new page needs every answer).
    const [byUrl, bySource, desk, byAddress] = await Promise.all([
      database.clips.where('url').equals(metadata.url).toArray(),
      // A page merged into another draft lives on as one of its sources: that draft gets the quote.
      database.clips
        .where('sourceUrls')
        .equals(normaliseUrl(metadata.url))
        .filter((draft) => !draft.deletedAt)
        .toArray(),
      database.syncState.get('desk'),
      input.readAt && input.readAt !== metadata.url
        ? database.clips
            .where('url')
            .equals(input.readAt)
            .filter((draft) => draft.provenance?.url === 'tab' && !draft.deletedAt)
            .toArray()
        : ([] as Draft[]),
    ]);
    // The page's own draft first (a live one before one in the trash), then one made of the
    // address it was read at from the tab alone, then one it was merged into; of those, the
    // first this editor may write, their own before a colleague's (a page can have both: an
    // Author's draft made beside an Editor's).
    const candidates = [
      ...byUrl.filter((draft) => !draft.deletedAt),
      ...byUrl.filter((draft) => draft.deletedAt),
      ...byAddress,
      ...bySource,
    ];
    const writable = candidates.filter((draft) => mayWrite(draft, desk));
    const existing = writable.find((draft) => isOwn(draft, desk)) ?? writable[0];
    const colleagues = existing ? undefined : candidates[0];
    if (existing) {
      const quoteAdded = !!quote && !existing.quotes.some((q) => q.text === quote.text);
      const filled: Partial<Draft> = {};
      const provenance = { ...existing.provenance };
      for (const key of DESCRIPTIVE_FIELDS) {
        const value = metadata[key];
        // A tab-only fallback title is weaker than anything a real capture found later.
        const weak = existing.provenance[key] === 'tab' && metadata.provenance[key] !== 'tab';
        // The metadata of another page (a merged source) must not fill this draft's own.
        const own = existing.url === metadata.url || existing.url === input.readAt;
        if (own && value && (!existing[key] || weak)) {
          filled[key] = value;
          const source = metadata.provenance[key];
          if (source) provenance[key] = source;
        }
      }
      // The page joining a draft of the address it was read at, from the tab alone, makes it the
      // page's: the draft moves to the page's own address (a clip there finds it by its url),
      // and that address is no longer the tab's, so another article read there later (a live
      // page) makes its own draft. The address read stays its first source, where a reader
      // view's clip of it finds the draft (`sourceUrls`).
      const moved = byAddress.includes(existing);
      if (moved) {
        filled.url = metadata.url;
        if (metadata.provenance.url) provenance.url = metadata.provenance.url;
        else delete provenance.url;
      }
      const updated: Draft = {
        ...existing,
        ...filled,
        provenance,
        quotes: quoteAdded && quote ? [...existing.quotes, quote] : existing.quotes,
        captureNote: input.captureNote ? existing.captureNote : undefined,
        updatedAt: at,
      };
      if (!updated.captureNote) delete updated.captureNote;
      delete updated.deletedAt;
      await database.clips.put(updated);
      return {
        clip: await stored(database, existing.id),
        merged: true,
        quoteAdded,
        ...(isOwn(existing, desk) ? {} : { addedTo: existing.desk?.createdBy ?? '' }),
      };
    }
    const quotes = quote ? [quote] : [];
    const fields = pick(metadata);
    const fresh: Omit<Draft, 'words' | 'wordPairs' | 'sourceUrls'> = {
      id: crypto.randomUUID(),
      url: metadata.url,
      title: metadata.title,
      ...fields,
      quotes,
      provenance: metadata.provenance,
      ...(input.captureNote ? { captureNote: input.captureNote } : {}),
      createdAt: at,
      updatedAt: at,
      body: renderDraftTemplate(
        input.template ?? DEFAULT_DRAFT_TEMPLATE,
        { url: metadata.url, title: metadata.title, quotes, ...fields },
        input.textLang,
      ),
      sources: [
        {
          url: metadata.url,
          title: metadata.title,
          ...(fields.siteName ? { siteName: fields.siteName } : {}),
        },
      ],
      note: '',
      tags: [],
      status: 'draft',
      issueId: '',
      sortKey: '',
    };
    // The creating hook derives `words`, `wordPairs` and `sourceUrls` into the record it is given (this very
    // object: Dexie passes it down as is), once: the record returned is what was stored, with
    // no read back (a unit test compares the two).
    const record = fresh as Draft;
    await database.clips.add(record);
    return {
      clip: record,
      merged: false,
      quoteAdded: !!quote,
      ...(colleagues ? { beside: colleagues.desk?.createdBy ?? '' } : {}),
    };
  });
}

/** Whether `draft` is this editor's own: sync off, not synced yet, or clipped by them. */
function isOwn(draft: Draft, desk: SyncState | undefined): boolean {
  if (!desk?.enabled || !draft.desk) return true;
  return !!desk.user && clippedByUser(draft.desk, desk.user);
}

/**
 * Whether the desk's `user` clipped the record `mark` is of: by their WordPress id when the mark
 * keeps it (two editors can share a name), by the name in a mark kept before ids were.
 */
function clippedByUser(
  mark: NonNullable<Draft['desk']>,
  user: NonNullable<SyncState['user']>,
): boolean {
  return mark.createdById !== undefined
    ? mark.createdById === user.id
    : mark.createdBy === user.name;
}

/**
 * Whether this editor may write `draft` on the shared desk, as the last sync recorded it: their
 * role (`can`, from the site's discovery) and the draft's mark (`desk`, the site's answer for
 * this record and who clipped it). The plugin's rule: an Editor or Administrator writes every
 * draft; a Contributor or Author only their own, in the trash or not. Sync off, or a draft not
 * synced yet (clipped here since): this browser's own, always writable.
 */
export function mayWrite(draft: Draft, desk: SyncState | undefined): boolean {
  const mark = draft.desk;
  if (!desk?.enabled || !mark) return true;
  // The role as read last wins over a mark written before it changed (an Author made Editor).
  if (desk.can?.editOthers) return true;
  if (mark.canEdit === false) return false;
  // Taking a draft out of the trash is trashing's right (WordPress says « restore »).
  if (draft.deletedAt && mark.canTrash === false) return false;
  // A mark without the site's answer: whose it is says it.
  if (
    mark.canEdit === undefined &&
    (mark.createdBy || mark.createdById !== undefined) &&
    desk.user
  ) {
    return clippedByUser(mark, desk.user);
  }
  return true;
}

/**
 * Who clipped `draft` on the shared desk: the name the sync recorded; this editor for a draft
 * not synced yet (clipped here since); '' when the mark does not say.
 */
function clippedBy(draft: Draft, desk: SyncState): string {
  return draft.desk ? (draft.desk.createdBy ?? '') : (desk.user?.name ?? '');
}

/**
 * Whether the same editor clipped drafts `a` and `b`: by their WordPress ids when both marks keep
 * one (two editors can share a name), else by the names the sync recorded.
 */
function sameClipper(a: Draft, b: Draft, desk: SyncState): boolean {
  const idOf = (draft: Draft) => (draft.desk ? draft.desk.createdById : desk.user?.id);
  const [first, second] = [idOf(a), idOf(b)];
  if (first !== undefined && second !== undefined) return first === second;
  return clippedBy(a, desk) === clippedBy(b, desk);
}

/** Another editor's draft of the same page: see {@link pageTwins}. */
export interface PageTwin {
  draft: Draft;
  /** Who clipped it ('' when the sync did not say). */
  by: string;
  /** It is this editor's own (the other draft, of the twins, is a colleague's). */
  mine: boolean;
}

/**
 * Shared desk: for each of `drafts`, the other drafts of the same page (the same cleaned URL,
 * as a clip finds a page's draft, see {@link saveDraft}) that another editor clipped, outside
 * the trash: two editors who clipped one page offline each made their own, and the sync brought
 * both. Keyed by draft id; only drafts that have such a twin, the first clipped first. Sync
 * off: none.
 *
 * One lookup of the `url` index for all of `drafts` (an inbox page, an open draft): what it
 * reads grows with them, not with the inbox.
 */
export function pageTwins(
  drafts: readonly Draft[],
  database: IndiscretsDB = defaultDb,
): Promise<Map<string, PageTwin[]>> {
  return database.transaction('r', database.clips, database.syncState, async () => {
    const found = new Map<string, PageTwin[]>();
    const desk = await database.syncState.get('desk');
    const live = drafts.filter((draft) => !draft.deletedAt);
    if (!desk?.enabled || live.length === 0) return found;
    const same = await database.clips
      .where('url')
      .anyOf([...new Set(live.map((draft) => draft.url))])
      .filter((draft) => !draft.deletedAt)
      .toArray();
    const byUrl = new Map<string, Draft[]>();
    same.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    for (const draft of same) byUrl.set(draft.url, [...(byUrl.get(draft.url) ?? []), draft]);
    for (const draft of live) {
      const twins = (byUrl.get(draft.url) ?? []).flatMap((other): PageTwin[] => {
        if (other.id === draft.id || sameClipper(draft, other, desk)) return [];
        return [{ draft: other, by: clippedBy(other, desk), mine: isOwn(other, desk) }];
      });
      if (twins.length > 0) found.set(draft.id, twins);
    }
    return found;
  });
}

/**
 * Who put a draft in the trash, as its desk mark says: the trasher the sync kept (`trashedBy`,
 * with `trashedById` when the mark keeps it), else its last editor on the desk (a mark written
 * before the trasher was kept), name and id from the same pair, never one's name with another's
 * id. Nothing when the mark does not say.
 */
export function trashedBy(mark: DeskMark | undefined): { name?: string; id?: number } {
  if (mark?.trashedBy) return { name: mark.trashedBy, id: mark.trashedById };
  return { name: mark?.modifiedBy, id: mark?.modifiedBy ? mark.modifiedById : undefined };
}

/**
 * Where a draft in the trash went: another editor merged it into a draft (« Fusionner dans… »,
 * the desk mark's `mergedInto`).
 */
export interface MergeTarget {
  /** The draft it was merged into. */
  id: string;
  /** Its title; `undefined` while this browser does not have it yet (the sync brings it). */
  title?: string;
  /** Here, and in the trash too (trashed since, or found there on the desk): opened there. */
  trashed?: true;
  /** Who merged it (who put it in the trash); '' when the sync did not say. */
  by: string;
  /** Their WordPress user id, when the mark keeps it: « vous » for the desk's own user. */
  byId?: number;
  /** Not here, and the desk answered it no longer has it (deleted for good): it will not come. */
  gone?: true;
}

/**
 * Shared desk: for each of `drafts` in the trash that another editor merged into a draft, that
 * draft (one `bulkGet` for all), without its title while this browser does not have it: a live
 * query of it is answered again when it arrives; `trashed` when it is in the trash too; `gone`
 * once the desk said it has it no more (a draft sent again to the desk since is named all the
 * same when it arrives). Keyed by draft id.
 */
export async function mergeTargets(
  drafts: readonly Draft[],
  database: IndiscretsDB = defaultDb,
): Promise<Map<string, MergeTarget>> {
  const found = new Map<string, MergeTarget>();
  const merged = drafts.filter((draft) => draft.deletedAt && draft.desk?.mergedInto);
  if (merged.length === 0) return found;
  const targets = await database.clips.bulkGet(merged.map((draft) => draft.desk!.mergedInto!));
  merged.forEach((draft, index) => {
    const target = targets[index];
    const trasher = trashedBy(draft.desk);
    const who = { by: trasher.name ?? '', ...(trasher.id ? { byId: trasher.id } : {}) };
    const id = draft.desk!.mergedInto!;
    found.set(
      draft.id,
      target
        ? {
            id,
            title: target.title,
            ...who,
            ...(target.deletedAt ? { trashed: true as const } : {}),
          }
        : { id, ...who, ...(draft.desk!.mergedIntoGone ? { gone: true as const } : {}) },
    );
  });
  return found;
}

/** The record as written, with what the hooks derived. */
async function stored(database: IndiscretsDB, id: string): Promise<Draft> {
  const draft = await database.clips.get(id);
  if (!draft) throw new Error(`Draft ${id} vanished while being saved`);
  return draft;
}

function pick(m: CaptureResult['metadata']): Partial<Draft> {
  const out: Partial<Draft> = {};
  for (const key of DESCRIPTIVE_FIELDS) {
    if (m[key]) out[key] = m[key];
  }
  return out;
}

/** Drafts in the inbox (not in an issue, not in the trash), newest first. */
export function listDrafts(database: IndiscretsDB = defaultDb, limit = 200): Promise<Draft[]> {
  return newestFirstIn('', database)
    .filter((draft) => !draft.deletedAt)
    .limit(limit)
    .toArray();
}

/**
 * Drafts with this `issueId` ('' for the inbox), trashed ones included, newest first, straight
 * from the `[issueId+createdAt]` index; from the time `from` (included) down when it is given.
 */
export function newestFirstIn(issueId: string, database: IndiscretsDB = defaultDb, from?: string) {
  return database.clips
    .where('[issueId+createdAt]')
    .between([issueId, Dexie.minKey], [issueId, from ?? Dexie.maxKey], true, true)
    .reverse();
}

export function getDraft(id: string, database: IndiscretsDB = defaultDb) {
  return database.clips.get(id);
}

/**
 * Drafts not yet in an issue and not in the trash: the number on the toolbar badge. Counted
 * from two indexes, without reading a record: the badge recounts after every write.
 */
export function countInbox(database: IndiscretsDB = defaultDb): Promise<number> {
  return countBox('', database);
}

/** Drafts with this `issueId` ('' for the inbox) that are not in the trash, from indexes. */
export function countBox(issueId: string, database: IndiscretsDB = defaultDb): Promise<number> {
  return database.transaction('r', database.clips, async () => {
    const [all, trashed] = await Promise.all([
      database.clips.where('issueId').equals(issueId).count(),
      // Only trashed drafts are in this index: a record without `deletedAt` is left out.
      database.clips
        .where('[issueId+deletedAt]')
        .between([issueId, Dexie.minKey], [issueId, Dexie.maxKey])
        .count(),
    ]);
    return all - trashed;
  });
}
