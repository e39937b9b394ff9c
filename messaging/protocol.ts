import { browser } from 'wxt/browser';
import type { CaptureResult } from '../capture/types';
import type { Draft } from '../storage/db';
import type { UndoToken } from '../storage/drafts';
import type { CaptureLimit } from '../capture/types';
import type { DeskDiscovery, DeskErrorCode } from '../wordpress/desk-client';
import type { WpErrorCode, WpFailure } from '../wordpress/errors';
import type { SitePost } from '../storage/site-posts';
import { CodedError, technicalDetail, toFailure, type CodedFailure } from './errors';
import type {
  ConflictChoice,
  DeskLockAnswer,
  DeskMergeCheck,
  SyncConflict,
  SyncKind,
  SyncPlan,
  SyncReason,
  SyncStatus,
  Unwritten,
} from '../storage/sync-state';

/** What happened when a tab was clipped: the popup and the page toast tell the editor this. */
export interface ClipOutcome {
  /** `created`: a new draft; `merged`: the URL had a draft, the selection joined it. */
  status: 'created' | 'merged';
  clip: Draft;
  /** A merge that brought a new quote (false when the same passage was clipped twice). */
  quoteAdded: boolean;
  /**
   * Shared desk: the page had a colleague's draft this editor may not write; the new draft was
   * made beside it. Who clipped that one ('' when the sync did not record it).
   */
  beside?: string;
  /**
   * Shared desk: the clip joined a colleague's draft of the page (an Editor's clip does); who
   * clipped that one ('' when the sync did not record it). Absent for the editor's own draft.
   */
  addedTo?: string;
  /** Set when the page could not be read and the draft holds the tab's URL and title (and words selected). */
  limit?: CaptureLimit;
  /** With `limit`: the words the context menu saw selected were kept (as the quote), as text. */
  selectionKept?: true;
  /**
   * With `limit`: the page was Firefox's reader view, the draft its page's; clipping that page
   * itself quotes it with its links, in the same draft. Said, never stored.
   */
  readerView?: true;
  /** True when the selection was longer than a quote may be and was cut (it ends with `[…]`). */
  truncated?: boolean;
}

export type { CaptureLimit };

/** What the editor asked: publish, overwrite a post changed in WordPress, or start a new post. */
export interface PublishRequest {
  issueId: string;
  /** Overwrite the post although it changed in WordPress since our last publication. */
  overwrite?: boolean;
  /** Create a new post (the one we published before was deleted). */
  createNew?: boolean;
}

/** Why publishing stopped before WordPress was asked. */
export type PublishOwnCode = 'not_configured' | 'no_permission' | 'issue_missing';

/** Every reason a publication stops; the UI words it (`wp.error.*`, `publish.error.*`). */
export type PublishErrorCode = WpFailure['code'] | PublishOwnCode;

/**
 * What fills a publication failure's message: the HTTP status, the missing category, the
 * address a moved site answers at.
 */
export interface PublishErrorParams {
  status?: number;
  category?: string;
  address?: string;
}

export type PublishOutcome =
  | { ok: true; postId: number; link: string; editLink: string; created: boolean }
  | {
      ok: false;
      /** The client's codes, plus `not_configured`, `no_permission` and `issue_missing`. */
      code: PublishErrorCode;
      params: PublishErrorParams;
      remoteModifiedGmt?: string;
    };

/** The WordPress roles the shared desk knows, strongest first. */
export const DESK_ROLES = [
  'administrator',
  'editor',
  'author',
  'contributor',
  'subscriber',
] as const;
export type DeskRole = (typeof DESK_ROLES)[number];

/** What the user may do on the shared desk: the plugin's discovery `can`. */
export type DeskCan = DeskDiscovery['can'];

/** Why the shared desk cannot be offered, beyond the client's own codes. */
export type DeskProbeOwnCode =
  /** Site, user or application password not set in the WordPress settings. */
  | 'no_settings'
  /** The site's origin was never granted (the WordPress settings' « Tester la connexion »). */
  | 'no_permission'
  /** The browser says it is offline: nothing was asked. */
  | 'offline'
  /** A bug or a storage failure on our side. */
  | 'unexpected';

/** The answer of `syncDiscover`: may this site share a desk, and what may this user do there. */
export type DeskProbe =
  | {
      ok: true;
      siteUrl: string;
      user: {
        id: number;
        name: string;
        roles: string[];
        /** WordPress's name of each role (plugin 0.1.12): `shop_manager` → « Gestionnaire de boutique ». */
        roleNames?: Record<string, string>;
      };
      /** The strongest of the user's roles the desk knows (`subscriber` when none). */
      role: DeskRole;
      can: DeskCan;
      plugin: { version: string };
      /** Seconds an edit lock lasts unless renewed. */
      lockWindow: number;
    }
  | {
      ok: false;
      code: DeskErrorCode | DeskProbeOwnCode;
      /** `forbidden`: the role the desk needs. */
      needs?: string;
      /** The HTTP status, when the site answered. */
      status?: number;
      /** `site_moved`: the address the site answers at, to use in the settings. */
      address?: string;
    };
export type { DeskLockAnswer, DeskMergeCheck, SyncConflict, SyncPlan, SyncReason, SyncStatus };

/** A record of an issue being published that another user has open: who, as WordPress says. */
export interface DeskPublishLock {
  /** `issue`: the issue itself (its title or intro); `draft`: one of its items. */
  kind: 'issue' | 'draft';
  /** The record's id in the extension. */
  id: string;
  /** Who has it open, as the desk names them. */
  by: string;
  userId: number;
}

/**
 * Before publishing an issue: whether another user has it or any of its items open right now,
 * as WordPress says (the issue first, then its items in order). `ok` also when it could not ask
 * (desk off, offline, the desk slow or failing): the publication goes on.
 */
export type DeskPublishCheck =
  { ok: true } | { ok: false; code: 'locked'; open: DeskPublishLock[] };

/** Why the site's posts could not be listed, beyond the client's own codes. */
export type SitePostsOwnCode =
  /** Site, user or application password not set: the link form offers no site posts. */
  | 'not_configured'
  /** The site's origin was never granted (the WordPress settings' « Tester la connexion »). */
  | 'no_permission';

/**
 * The answer of `sitePosts`. A list without `search` also replaces the cached one
 * (`storage/site-posts.ts`) that the link form shows first. Failures carry a code only: the
 * link form says it in one quiet line and keeps the last list.
 */
export type SitePostsAnswer =
  | { ok: true; posts: SitePost[]; fetchedAt: string }
  | { ok: false; code: WpErrorCode | SitePostsOwnCode; status?: number };

/**
 * The answer of `postState`: the post of a published issue as WordPress has it now, for the
 * publish panel to tell an edit made in WordPress since (its `modifiedGmt` is not the one the
 * issue recorded). Failures carry a code only, and the panel says nothing of them: offline, a
 * password refused, a slow site or a deleted post are for the publication to say, if it comes.
 */
export type PostStateAnswer =
  | {
      ok: true;
      postId: number;
      modifiedGmt: string;
      status: string;
      link: string;
      editLink: string;
      /**
       * The post changed since the publication recorded here, and the shared desk could not be
       * read (offline, refused, too slow) to tell whether a colleague published it meanwhile.
       */
      unsure?: true;
    }
  | {
      ok: false;
      code:
        | WpErrorCode
        | SitePostsOwnCode
        /** The issue is gone, or has no post recorded. */
        | 'not_published'
        /** Its post was recorded on another site than the one configured now. */
        | 'other_site';
    };

/** A tab as the browser showed it to whoever asks for the clip: its address, and its title. */
export interface SeenTab {
  url: string;
  title?: string;
}

/**
 * What a clip request may carry of its tab, from a browser tab or from a message (which can hold
 * anything): its address when it is a non-empty string, with its title when that is one too.
 * Without an address, nothing: the background then asks the browser for the tab.
 */
export function seenTab(tab: { url?: unknown; title?: unknown } | undefined): SeenTab | undefined {
  if (typeof tab?.url !== 'string' || !tab.url) return undefined;
  return typeof tab.title === 'string' && tab.title
    ? { url: tab.url, title: tab.title }
    : { url: tab.url };
}

/** The popup's request to read its tab as it opens, before any click. */
export interface PrepareRequest {
  tabId: number;
  tab: { url: string; title?: string };
  /** Names this read: only the clip that brings the same token uses it. */
  token: string;
}

/**
 * Every message between the extension's contexts, request type → response type.
 * The background answers them all; popup and options pages only ask.
 */
export interface ProtocolMap {
  /**
   * Clip a tab (the popup's "Clip this page"). With the tab's address and title as the popup
   * read them, the background does not ask the browser for the tab again before reading it.
   */
  clipTab: {
    request: { tabId: number; tab?: { url?: string; title?: string }; prepared?: string };
    response: ClipOutcome;
  };
  /**
   * Read the tab now, ahead of its clip (the popup, as it opens): the clip that brings the same
   * token then only stores what was read. True once the page is read.
   */
  prepareClip: { request: PrepareRequest; response: boolean };
  /** Publish an issue to WordPress (create the post, or update the one published before). */
  publishIssue: { request: PublishRequest; response: PublishOutcome };
  /** Stop an issue's publication under way (its answer is then `cancelled`); true if one was. */
  publishCancel: { request: { issueId: string }; response: boolean };
  /** Ask the background to recount the toolbar badge (after bulk changes). */
  refreshBadge: { request: void; response: number };
  /** Ask the configured site whether the shared desk plugin answers, and what the user may do. */
  syncDiscover: { request: void; response: DeskProbe };

  // The shared desk (services/sync/; contract in wordpress/plugin/README.md). Network and
  // HTTP trouble is never thrown: it is in the answer or in `SyncStatus.lastError`.
  /** What a first sync would upload and download, for the confirmation. */
  syncPlan: {
    request: void;
    response: SyncPlan | { ok: false; code: string; address?: string };
  };
  /** Turns sync on and starts the first sync; answers at once (follow `syncStatus`). */
  syncEnable: { request: void; response: SyncStatus };
  /** Stops the running sync; a first sync cancelled also turns sync off. */
  syncCancel: { request: void; response: SyncStatus };
  /** Sync off: outbox and sync state dropped, local records kept. */
  syncDisable: { request: void; response: SyncStatus };
  /** The sync's state, with counts of what waits. */
  syncStatus: { request: void; response: SyncStatus };
  /** One sync now (joins the running one); `write` is debounced ~2 s. */
  syncNow: { request: { reason: SyncReason }; response: SyncStatus };
  /** Same-field conflicts waiting for the editor. */
  syncConflicts: { request: void; response: SyncConflict[] };
  /**
   * The editor's choice per field of a conflict (`mine`, `theirs`, or `both` for a text), then a
   * push; with the undo of the choice when it took another editor's version, or why it wrote
   * nothing (`unwritten`).
   */
  syncResolve: {
    request: { key: string; choose: Record<string, ConflictChoice> };
    response: SyncStatus & { undo?: UndoToken; unwritten?: Unwritten };
  };
  /**
   * One choice for every field of the conflicts `keys` (« Garder toutes mes versions », « Prendre
   * toutes les autres »), in one transaction, then one push: how many were settled (another
   * editor's deletion of an issue is left out), with one undo of them all when it took the
   * others' versions.
   */
  syncResolveAll: {
    request: { keys: string[]; choose: 'mine' | 'theirs' };
    response: SyncStatus & { settled: number; undo?: UndoToken };
  };
  /** The editor read a refusal (403). */
  syncDismissRefusal: { request: { key: string }; response: SyncStatus };
  /** The editor read that a colleague's edit of a text was merged with theirs. */
  syncDismissTextMerge: { request: { key: string }; response: SyncStatus };
  syncDismissOverridden: { request: { key: string }; response: SyncStatus };
  /** The editor read that a colleague put back an issue deleted. */
  syncDismissIssueBack: { request: { key: string }; response: SyncStatus };
  /** « Fermer »: the editor read that colleagues took these items (keys) out of an issue. */
  syncDismissTakenOut: { request: { keys: string[] }; response: SyncStatus };
  /** « Le garder »: the editor keeps a draft they had deleted and a colleague edited since. */
  syncKeepKept: { request: { key: string }; response: SyncStatus };
  /** « Le supprimer quand même »: that draft deleted for good, with the undo of it. */
  syncDeleteKept: { request: { key: string }; response: SyncStatus & { undo?: UndoToken } };
  /** The site's latest published posts (or those matching `search`), for the link form. */
  sitePosts: { request: { search?: string }; response: SitePostsAnswer };
  /**
   * Read the post of published issue `issueId` as WordPress has it now (the publish panel, as it
   * opens and after a publish); `token` names the read for {@link ProtocolMap.postStateCancel}.
   */
  postState: {
    request: {
      issueId: string;
      token: string;
      /**
       * The `modified_gmt` of the publication the panel compares the answer with. When the issue
       * stored here already records another (a sync brought a colleague's publication and the
       * panel has not drawn it yet), the answer is `cancelled`: the panel reads again for it.
       */
      recordedGmt?: string;
      /**
       * A run of the shared desk went through since the panel's last answer, which was `unsure`:
       * whatever a colleague's browser had sent is here, so the answer waits for no other run and
       * is sure (read again for it, see the publish panel).
       */
      caughtUp?: true;
    };
    response: PostStateAnswer;
  };
  /** Stop the read `token` (the panel closed meanwhile); true if one was under way. */
  postStateCancel: { request: { token: string }; response: boolean };
  /** Takes or renews (every minute while editing) the edit lock on a record, or releases it. */
  deskLock: {
    request: { kind: SyncKind; id: string; release?: boolean };
    response: DeskLockAnswer;
  };
  /**
   * Before merging draft `sourceId` into `targetId`: whether another user has either open right
   * now (WordPress's current locks, a short wait at most); `ok` when it could not ask.
   */
  deskMergeCheck: {
    request: { sourceId: string; targetId: string };
    response: DeskMergeCheck;
  };
  /**
   * Before publishing issue `issueId`: whether another user has the issue or one of its items
   * open right now (WordPress's current locks, a short wait at most); `ok` when it could not ask.
   */
  deskPublishCheck: { request: { issueId: string }; response: DeskPublishCheck };
  /**
   * The options saved another WordPress address: complete the addresses left (storage/settings.ts
   * `siteLeaves`: the move check, the old origin's permission given back) in the background,
   * which lives on when the options page closes. How many were completed.
   */
  siteLeave: { request: void; response: number };
}

export type MessageType = keyof ProtocolMap;
export type Request<K extends MessageType> = ProtocolMap[K]['request'];
export type Response<K extends MessageType> = ProtocolMap[K]['response'];

/** The map of handlers the background registers: one per message type, no other dispatch. */
export type Handlers = {
  [K in MessageType]: (request: Request<K>) => Promise<Response<K>>;
};

/** On the wire: tagged so that we ignore anyone else's messages. */
interface Envelope<K extends MessageType = MessageType> {
  indiscrets: 1;
  type: K;
  request: Request<K>;
}

/** A handler's failure crosses as a code (messaging/errors.ts), never as a sentence. */
type Reply<T> = { ok: true; value: T } | { ok: false; error: CodedFailure };

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).indiscrets === 1 &&
    typeof (message as Envelope).type === 'string'
  );
}

/**
 * Sends one typed message to the background and returns its answer. A handler's failure, or no
 * answer at all, is thrown here as a {@link CodedError}: the UI words its code.
 */
export async function sendMessage<K extends MessageType>(
  type: K,
  ...[request]: Request<K> extends void ? [] : [Request<K>]
): Promise<Response<K>> {
  const envelope: Envelope<K> = { indiscrets: 1, type, request: request as Request<K> };
  let reply: Reply<Response<K>> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(envelope)) as Reply<Response<K>> | undefined;
  } catch (error) {
    // Nobody listening (the worker was updated or failed to start): the browser's own words.
    throw new CodedError({ code: 'no_answer', detail: technicalDetail(error) ?? type });
  }
  if (!reply) throw new CodedError({ code: 'no_answer', detail: type });
  if (!reply.ok) throw new CodedError(reply.error);
  return reply.value;
}

/** Registers the background's handlers. Returns a function that removes them. */
export function registerHandlers(handlers: Handlers): () => void {
  const listener = (
    message: unknown,
    _sender: unknown,
    sendResponse: (reply: Reply<unknown>) => void,
  ): true | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as (request: unknown) => Promise<unknown>;
    if (!handler) return undefined;
    handler(message.request).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: toFailure(error) }),
    );
    // Keeps the channel open for the asynchronous answer (Chrome, Firefox and fakeBrowser).
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

export type { CaptureResult };
export { CodedError, type CodedFailure };
