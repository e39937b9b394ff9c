import { definedOnUse } from './defined-on-use';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULT_DRAFT_TEMPLATE } from './template-default';
import { originOf, wordpressItem, type WordPressPreferences } from './preferences';
import type { UI_LOCALES } from './record-values';

/**
 * Small settings in the browser's extension storage, readable from every context and watched
 * for changes. Drafts and issues are in IndexedDB (`db.ts`); only a few bytes belong here.
 */

/**
 * Every item has a `version` and its `migrations` (WXT runs them when the item is defined: here
 * when it is first used, see `definedOnUse`, and before any read or write of it). Version 1 is the shape stored before items had versions
 * (a value without a version is read as version 1). A shape change appends a version and its
 * migration, tested in tests/unit/storage/settings.test.ts: never edit one that shipped.
 */

/** The issue being composed, that "Add to issue" adds to; `null` when none is chosen. */
export const currentIssueId = definedOnUse(() =>
  storage.defineItem<string | null>('local:currentIssueId', {
    fallback: null,
    // Version 1: an issue's id; no change of shape yet.
    version: 1,
    migrations: {},
  }),
);

/**
 * Where the issue column fell back on its own: the chosen issue was gone (a colleague deleted it)
 * and the app took the only one left (components/useOnlyIssue.ts), `to`; `from`, the issues it
 * had chosen before, gone in turn (the last last). The notice of a colleague's deletion
 * (components/TakenOutNotice.tsx) is said in the column that had the issue open, and only
 * there: this is how that column still knows it after the switch, over a reload too. `null`:
 * never fell back.
 */
export const issueFellBack = definedOnUse(() =>
  storage.defineItem<{ from: string[]; to: string } | null>('local:issueFellBack', {
    fallback: null,
    // Version 1: the shape above.
    version: 1,
    migrations: {},
  }),
);

/**
 * The editor chose an issue in « Numéro en cours », or created one: the column is the one they
 * chose, no longer one the app fell back to, and an issue deleted while it was open is not said
 * there any more — not even once they choose again the issue fallen back to. Not for the app's
 * own choice (components/useOnlyIssue.ts), nor an undo's.
 */
export function forgetFallBack(): Promise<void> {
  return issueFellBack.setValue(null);
}

/** A new issue the editor started in its form, then let go, as they left it. */
export interface StartedIssue {
  /** The date, YYYY-MM-DD; '' while what was typed is no date yet. */
  date: string;
  /** The date's field as typed, a date half typed included. */
  dateText?: string;
  /** The title, once the editor typed one rather than the house pattern's. */
  customTitle?: string;
  /** The intro (chapô) as typed. */
  intro: string;
}

/**
 * The new issue's form as the editor left it (`null`: nothing started), written as they type:
 * the popup closes at the first click outside it, with no time to save anything, and the form
 * opened again there or in the desk comes back with it. Local, as a draft is: the browser
 * quitting or crashing does not lose it either. Never backed up: it is no issue yet.
 */
export const startedIssue = definedOnUse(() =>
  storage.defineItem<StartedIssue | null>('local:startedIssue', {
    fallback: null,
    // Version 1: a StartedIssue; no change of shape yet.
    version: 1,
    migrations: {},
  }),
);

/**
 * A request to open the options at a section: the WordPress settings (see
 * `openWordPressSettings`), or the desk's keyboard (`openKeyboardSettings`).
 */
export interface SettingsFocus {
  /** The section asked for; each section reads and clears the requests for it only. */
  section: 'wordpress' | 'keyboard';
  /** When it was asked (ms since the epoch): an old request, never read, is not obeyed. */
  at: number;
  /**
   * The WordPress field the failure is about (a refused address, a name, a password); without
   * one, the first empty one of those, else the password.
   */
  field?: SettingsField;
}

/**
 * How long a {@link SettingsFocus} is obeyed: a request whose page never opened (the browser
 * refused it) must not take the keyboard on the options opened one day later.
 */
export const SETTINGS_FOCUS_FRESH_MS = 30_000;

/** The WordPress settings' fields a failure can be about (see {@link SettingsFocus}). */
export type SettingsField = 'siteUrl' | 'username' | 'password';

/**
 * The options page's section that a view asked to be shown, with its field to fix focused: the
 * shared desk's « Réglages » after a refused password, the publish panel's after a failure
 * fixed in the settings, the desk's list of keys' « Réglages » (« Clavier »). Read and cleared by
 * the options page, open already or opening.
 */
export const settingsFocus = definedOnUse(() =>
  storage.defineItem<SettingsFocus | null>('local:settingsFocus', {
    fallback: null,
    // Version 1: a SettingsFocus; no change of shape yet.
    version: 1,
    migrations: {},
  }),
);

/**
 * The template a new draft's body starts from (see `renderDraftTemplate`). Synced: the editor
 * writes the same way in each of their browsers.
 */
export const draftTemplate = definedOnUse(() =>
  storage.defineItem<string>('sync:draftTemplate', {
    fallback: DEFAULT_DRAFT_TEMPLATE,
    // Version 1: the template as the options page writes it; no change of shape yet.
    version: 1,
    migrations: {},
  }),
);

/** The language of the interface: `auto` follows the browser's. */
export type UiLocale = (typeof UI_LOCALES)[number];

/**
 * Version 2: a language the interface does not speak (a tag such as `fr-FR` written by a sync,
 * or anything else) becomes `auto`, or the language it names when it is one of ours.
 */
export const UI_LOCALE_MIGRATIONS = {
  2: (old: unknown): UiLocale => {
    const tag = typeof old === 'string' ? old.trim().toLowerCase() : '';
    if (tag === 'auto') return 'auto';
    if (tag === 'fr' || tag.startsWith('fr-')) return 'fr';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    return 'auto';
  },
};

/** The language of the interface. Synced, like the other preferences of the person. */
export const uiLocale = definedOnUse(() =>
  storage.defineItem<UiLocale>('sync:uiLocale', {
    fallback: 'auto',
    version: 2,
    migrations: UI_LOCALE_MIGRATIONS,
  }),
);

/**
 * Whether the desk's keys of one character (« ? », « i », « n », « / », « 1 » to « 4 »,
 * pressed outside a field) act: WCAG 2.1.4 asks that they can be turned off, for an editor who
 * dictates (speech input types words into the page) or whose stray key would act unasked. On by
 * default, as the desk always had them. Synced, like the other preferences of the person.
 */
export const characterKeys = definedOnUse(() =>
  storage.defineItem<boolean>('sync:characterKeys', {
    fallback: true,
    // Version 1: true or false; no change of shape yet.
    version: 1,
    migrations: {},
  }),
);

/**
 * A reader of `item` that asks browser storage once, then keeps the value it holds up to date
 * with a watch: for the clip, where every storage read is one more round trip to the browser
 * before the draft can be written. A read that failed is not kept (the next call asks again).
 * The watch lives as long as the context (a service worker that stops forgets it all).
 */
export function cachedReader<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
): () => Promise<T> {
  let value: Promise<T> | undefined;
  let watching = false;
  return () => {
    if (!watching) {
      // Watched before the first read: a change made while it is under way is not missed.
      watching = true;
      item.watch((next) => {
        value = Promise.resolve(next);
      });
    }
    if (!value) {
      const read = item.getValue();
      value = read;
      read.catch(() => {
        if (value === read) value = undefined;
      });
    }
    return value;
  };
}

/**
 * A move of the WordPress site, proven by the options page as the editor changed the site's
 * address: the address they named before (`from`) redirected, asked without credentials at that
 * moment, to the one they named since (`to`), the site's own word that it answers there now
 * (`monjournal.fr` to `www.monjournal.fr`). Asked then because it cannot be asked later: the
 * options give the old origin's permission back, after which the browser lets the extension read
 * nothing of it, a redirect and a site still answering there alike. The publish panel, the
 * publisher (services/post-state.ts `followedPost`) and the shared desk (services/sync/account.ts
 * `askMove`) take it for the site's move; each post is still proven the same by its guid.
 */
export interface SiteMove {
  /** The site's address before the change, as the settings stored it (validateSiteUrl's). */
  from: string;
  /** The address the settings named since, where `from` redirected. */
  to: string;
  /** When the move was proven (ISO 8601). */
  at: string;
}

/** How many moves {@link siteMoves} keeps: the newest, a site rarely moving more than once. */
export const SITE_MOVES_KEPT = 10;

/**
 * The moves of the WordPress site the options page proved ({@link SiteMove}), oldest first, one
 * per old address (the newest proof of it). Local, as the WordPress settings are.
 */
export const siteMoves = definedOnUse(() =>
  storage.defineItem<SiteMove[]>('local:siteMoves', {
    fallback: [],
    // Version 1: SiteMove[]; no change of shape yet.
    version: 1,
    migrations: {},
  }),
);

/**
 * Whether `moves` prove that the site at address `from` answers at `to` now: a move from one to
 * the other, or a chain of them (`a` moved to `b`, then `b` to `to`), each move taken once.
 */
export function movedBetween(moves: readonly SiteMove[], from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  let at = [from];
  while (at.length > 0) {
    const next: string[] = [];
    for (const move of moves) {
      if (!at.includes(move.from) || seen.has(move.to)) continue;
      if (move.to === to) return true;
      seen.add(move.to);
      next.push(move.to);
    }
    at = next;
  }
  return false;
}

/**
 * Notes `move` in {@link siteMoves}: it replaces an earlier move from the same address, and the
 * oldest are dropped past {@link SITE_MOVES_KEPT}. A move back (`to` recorded as moved from since)
 * forgets that older move: the site answers at `to` again, no longer moved from it.
 */
export async function noteSiteMove(move: SiteMove): Promise<void> {
  const moves = await siteMoves.getValue();
  const kept = moves.filter((m) => m.from !== move.from && m.from !== move.to);
  await siteMoves.setValue([...kept, move].slice(-SITE_MOVES_KEPT));
}

/**
 * Forgets the moves noted from `address` ({@link siteMoves}), as the editor names it the site's
 * address again: the site answers there, by their word, no longer moved from it. Should the
 * site at `address` move again, the options prove it anew as the editor changes the address
 * (a move noted then, while `address` may still be read); a move noted before, kept, would prove
 * a move of a site answering at `address` itself since (a staging copy, the old site put back).
 */
export async function forgetMovesFrom(address: string): Promise<void> {
  const moves = await siteMoves.getValue();
  const kept = moves.filter((m) => m.from !== address);
  if (kept.length !== moves.length) await siteMoves.setValue(kept);
}

/** Whether the moves noted ({@link siteMoves}) prove the site at `from` answers at `to` now. */
export async function provenMove(from: string, to: string): Promise<boolean> {
  return movedBetween(await siteMoves.getValue(), from, to);
}

/**
 * A WordPress address the editor left in the options (`from`, for `to`), whose origin's
 * permission is still to be given back once the old address is asked whether the site moved
 * (services/site-leave.ts). Written with the settings naming `to`, in one storage write, and
 * dropped once done: the background completes it, as the options ask it to and when it starts,
 * so that closing the options page during the check loses neither the giving back nor the move.
 */
export interface SiteLeave {
  /** The address the settings named before, as they stored it ('' when none). */
  from: string;
  /** The address the settings named since. */
  to: string;
  /** When the editor saved `to` (ISO 8601). */
  at: string;
}

/**
 * The addresses left whose permission is still to be given back ({@link SiteLeave}), oldest
 * first. Local, as the WordPress settings are.
 */
export const siteLeaves = definedOnUse(() =>
  storage.defineItem<SiteLeave[]>('local:siteLeaves', {
    fallback: [],
    // Version 1: SiteLeave[]; no change of shape yet.
    version: 1,
    migrations: {},
  }),
);

/** How many leaves {@link siteLeaves} keeps waiting: the newest (each is a few bytes). */
export const SITE_LEAVES_KEPT = 20;

/** `leaves` with `leave` added last, an equal one before it dropped, at most the newest kept. */
export function withSiteLeave(leaves: readonly SiteLeave[], leave: SiteLeave): SiteLeave[] {
  const kept = leaves.filter((l) => l.from !== leave.from || l.to !== leave.to);
  return [...kept, leave].slice(-SITE_LEAVES_KEPT);
}

/**
 * Stores `next` as the WordPress settings; when the settings named another address until then,
 * the one left goes with them in the same storage write ({@link SiteLeave}: no moment names the
 * new address without the old one to give back), for the background to complete once sent
 * `siteLeave` (services/site-leave.ts). The address left is the one stored as the write is made,
 * read under {@link SITE_LEAVES_LOCK} with the list, as the background's drop of a leave done:
 * another context's save landing between a caller's read and this write (two options tabs, a
 * restore in one of them) is left in turn, where the address the caller read would name the
 * same leave twice and the one saved between them would keep its permission. Whether an address
 * was left.
 */
export async function storeWordPressSettings(next: WordPressPreferences): Promise<boolean> {
  return await underLeavesLock(async () => {
    const from = (await wordpressItem.getValue()).siteUrl;
    const left = next.siteUrl !== from;
    const leave = { from, to: next.siteUrl, at: new Date().toISOString() };
    await storage.setItems([
      { item: wordpressItem, value: next },
      ...(left
        ? [{ item: siteLeaves, value: withSiteLeave(await siteLeaves.getValue(), leave) }]
        : []),
    ]);
    return left;
  });
}

/**
 * The Web Lock every read-then-write of {@link siteLeaves} holds: the options page and the
 * background each write the list (a save adds its leave, the background drops one done), and
 * the extension's storage has no transaction. Web Locks are shared by all the contexts of the
 * extension's origin (pages, Chromium's service worker, Firefox's background page), and a
 * context closing lets its lock go.
 */
export const SITE_LEAVES_LOCK = 'indiscrets:siteLeaves';

/** The changes of {@link siteLeaves} made here, one after another, where there are no Web Locks. */
let leavesChanged: Promise<unknown> = Promise.resolve();

/** Runs `change` holding {@link SITE_LEAVES_LOCK}; without Web Locks, after this context's others. */
async function underLeavesLock<T>(change: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks?.request) return await locks.request(SITE_LEAVES_LOCK, change);
  const done = leavesChanged.then(change);
  leavesChanged = done.catch(() => undefined);
  return await done;
}

/** Reads {@link siteLeaves}, then writes what `change` keeps (`undefined`: nothing), under the lock. */
function changeSiteLeaves<T>(change: (leaves: SiteLeave[]) => [SiteLeave[] | undefined, T]) {
  return underLeavesLock(async () => {
    const [kept, answer] = change(await siteLeaves.getValue());
    if (kept) await siteLeaves.setValue(kept);
    return answer;
  });
}

/**
 * Drops the leaves a save of `address` under way names again (claimed at its click): the one
 * from `address` itself (named again, the site answers there: no move to ask), and those from
 * its origin to another, whose permission is the site's again, not to be given back. A leave
 * within one origin (`monjournal.fr/blog` to `monjournal.fr`) from another folder is kept: its
 * permission is never given back, and its move is still to be asked, where a second save of the
 * root made before the background started it dropped it, the move never noted.
 */
export async function keepSiteLeft(address: string): Promise<void> {
  const origin = originOf(address);
  const named = (l: SiteLeave) =>
    l.from === address || (originOf(l.from) === origin && originOf(l.to) !== origin);
  await changeSiteLeaves((leaves) => {
    const kept = leaves.filter((l) => !named(l));
    return [kept.length !== leaves.length ? kept : undefined, undefined];
  });
}

/** Drops `leave` from {@link siteLeaves}, done; false when it was no longer there (claimed). */
export function dropSiteLeave(leave: SiteLeave): Promise<boolean> {
  return changeSiteLeaves((leaves) => {
    const kept = leaves.filter(
      (l) => l.from !== leave.from || l.to !== leave.to || l.at !== leave.at,
    );
    return kept.length === leaves.length ? [undefined, false] : [kept, true];
  });
}
