/**
 * Client of the companion plugin's REST API (namespace `indiscrets/v1`, contract in
 * wordpress/plugin/README.md): discovery, pulls of what changed, creates and updates with the
 * version they were based on, trash, restore, edit locks.
 *
 * Like the publishing client, nothing here throws for network or HTTP trouble: every call
 * resolves to `{ ok: true, … }` or to a {@link DeskFailure}. A stale update resolves to
 * `{ ok: false, code: 'conflict', current }` with the server's record, for the 3-way merge.
 * The password is only ever in the Authorization header, never in a failure.
 */

import type { DeskBaseKeeper, KeptDeskBase } from '../storage/desk-base';
import type { DeskCan } from '../storage/sync-state';
import type {
  DeskLock,
  DeskUser,
  RestDraft,
  RestIssue,
  RestRecordBase,
  RestWrite,
} from './desk-records';
import {
  apiLinkOf,
  customRestBase,
  movedWithinHost,
  routeAtSiteRoot,
  siteMoved,
  siteNamedElsewhere,
} from './client';
import { shortened } from '../lib/ellipsis';
import { answeredAnonymously, anonymousCause, refusesARight, wpCodeOf } from './errors';
import {
  basicAuth,
  isObject,
  isSuccess,
  slashAdded,
  Transport,
  type FetchLike,
  type Http,
  type HttpAnswer,
} from './transport';

export type DeskKind = 'drafts' | 'issues';

export interface DeskSettings {
  /** Normalised site address (`validateSiteUrl`), without a trailing slash. */
  siteUrl: string;
  username: string;
  appPassword: string;
}

export interface DeskOptions {
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Per request. Default 20 000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Tells `offline` from `unreachable`; defaults to `navigator.onLine`. */
  isOnline?: () => boolean;
  /** Called after each request with the size of the answer's body (bytes): the bench counts. */
  onRequest?: (bytes: number) => void;
}

export type DeskErrorCode =
  /** The browser is offline: the outbox waits. */
  | 'offline'
  /** No answer (network, DNS, refused). */
  | 'unreachable'
  | 'timeout'
  | 'cancelled'
  /** Username or application password refused by name (401 `incorrect_password`…). */
  | 'wrong_credentials'
  /**
   * Credentials sent, answered as to an anonymous visitor (a 401 of a permission check, or the
   * plugin's index with no user): a wrong password on most WordPress sites, or a server that
   * drops the Authorization header (errors.ts, `credentials_unseen`). Kept only when the
   * plugin cannot say which (before 0.1.9): else `auth_header_dropped` or `wrong_credentials`.
   */
  | 'credentials_unseen'
  /**
   * Answered as to an anonymous visitor, and the plugin's discovery (0.1.9) says the request
   * reached PHP without any Authorization header: the site's server drops it (errors.ts,
   * `auth_header_dropped`). With the header there, the same answer is `wrong_credentials`.
   */
  | 'auth_header_dropped'
  /**
   * The site answers at another address than the settings' (`monjournal.fr` redirects to
   * `www.monjournal.fr`), as publishing tells it (client.ts, siteMoved), or from another folder of
   * the same origin (`monjournal.fr/blog` to `monjournal.fr`, its REST answers redirected there):
   * `address` is the one to use, when it is one the settings would take. Its answer is not the
   * desk's: anonymous there (the browser drops the Authorization header on the way, to another
   * host), it said « wrong password ».
   */
  | 'site_moved'
  /**
   * A write the site's server redirected, not followed, while its REST index answers at the
   * settings' address itself (errors.ts `write_redirected`): nothing written, nothing to change
   * in the settings; the change waits.
   */
  | 'write_redirected'
  /** The site answers but the plugin does not (its namespace is unknown). */
  | 'no_plugin'
  /** The user's role does not allow it (403); `needs` names the role it takes. */
  | 'forbidden'
  /**
   * A 403 that is not about the user's rights: a security plugin, a firewall or the REST API
   * turned off refused the request. Nothing the editor did is wrong: it waits, as for a site down.
   */
  | 'blocked'
  /**
   * The site refuses `?rest_route=` addresses (or writes at them) with a page, and its REST API
   * answers nowhere the desk may send the password ({@link deskBase}: not at `<site>/wp-json/`, nor
   * at a one-segment prefix of the site's own path; `/api/v1/` is refused, as a sub-site of the
   * root has that shape). The site's administrator can let `?rest_route=` through, or serve the
   * REST API at `/wp-json/`. It waits, as `blocked`.
   */
  | 'rest_route_blocked'
  /** The record changed since `base_version`; `current` is the server's record. */
  | 'conflict'
  /** A record with this clientId already exists; `current` is it. */
  | 'exists'
  /** Another user holds the edit lock; `lock` says who. */
  | 'locked'
  | 'not_found'
  /** WordPress refused a field (400): `detail` says which. */
  | 'invalid'
  /** An update without the version it was based on (428): a bug on our side. */
  | 'base_version_required'
  | 'server_error';

export interface DeskFailure<R = unknown> {
  ok: false;
  code: DeskErrorCode;
  status?: number;
  /** WordPress's error code (`indiscrets_cannot_arrange`…). */
  wpCode?: string;
  /** The role the refused action needs (`editor`, `contributor`). */
  needs?: string;
  /** `conflict`, `exists`: the server's record now. */
  current?: R;
  /** `locked`: who holds the lock. */
  lock?: DeskLock;
  /** `site_moved`: the site's address to use instead. */
  address?: string;
  /** WordPress's message, at most 300 characters. */
  detail?: string;
}

export type DeskResult<T, R = unknown> = ({ ok: true } & T) | DeskFailure<R>;

/** What the namespace index says about the plugin, the user and their rights. */
export interface DeskDiscovery {
  plugin: { name: string; version: string; wordpress: string; revisions: boolean };
  user:
    | (DeskUser & {
        roles: string[];
        /**
         * WordPress's display name of each of `roles`, translated as it gives it (plugin 0.1.12;
         * absent before): a role the desk does not know (`shop_manager`) is named by it. Only
         * the names that are strings are kept ({@link discoverDesk}).
         */
        roleNames?: Record<string, string>;
      })
    | null;
  can: DeskCan;
  /** Seconds a lock lasts unless renewed. */
  lockWindow: number;
  /**
   * Whether this request reached PHP with any Authorization header (plugin 0.1.9; absent
   * before): with `user` null, tells a header dropped on the way from credentials refused.
   */
  authorization?: boolean;
  /**
   * The site's address (`home_url()`) and that of its WordPress files (`site_url()`), as the REST
   * index names them (plugin 0.1.10; absent before): a desk answered by the WordPress of another
   * folder of its host (a network's sub-site deleted, the main site answering under its folder)
   * is told from its own ({@link discoverDesk}).
   */
  home?: string;
  url?: string;
}

type RecordOf<K extends DeskKind> = K extends 'drafts' ? RestDraft : RestIssue;

/** The fields a desk reads: everything it maps, and who did what. */
export const RECORD_FIELDS =
  'id,status,modified_gmt,version,title.raw,content.raw,meta,clipped_by,last_edited_by,lock,can,merged_into,overrides';

interface Answer {
  status: number;
  json: unknown;
  headers: Headers;
  /** Size of the body as received, in bytes (for the scale bench). */
  bytes: number;
}

/**
 * One request through the shared transport (`transport.ts`: timeout, cancellation, no cookies,
 * the Authorization header). Network trouble comes back as a failure with its code.
 */
async function request(
  settings: DeskSettings,
  method: string,
  route: string,
  body: unknown,
  options: DeskOptions,
): Promise<Answer | DeskFailure> {
  const transport = new Transport({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.isOnline ? { isOnline: options.isOnline } : {}),
  });
  const path = route.split(/[?&]/)[0]!;
  const send = (url: string) =>
    transport.request(url, {
      method,
      headers: { Authorization: basicAuth(settings.username, settings.appPassword) },
      ...(body === undefined ? {} : { body }),
      // A write redirected to the same route at the site's own REST root: its custom prefix
      // (`/api/…`, a security plugin's `rest_url_prefix`) or `/wp-json/` (a server sending
      // `?rest_route=` there), in the site's own path, its query kept: the site's own API, sent
      // there once. A REST API answers there (JSON): a page is another site's (`/blog2/…` of a
      // root site, a sub-site of its network), whose folder has the prefix's shape; the password
      // is not sent to it.
      sendOnTo: (target, asked) =>
        asked.json !== undefined &&
        // The site's own `/wp-json/` (the same origin and path: another folder's is another
        // site's), or a custom prefix.
        (routeAtSiteRoot(target, settings.siteUrl, path)?.prefix === 'wp-json' ||
          !!customRestBase(target, settings.siteUrl, path)) &&
        sameQuery(new URL(target).searchParams, new URL(url).searchParams),
    });
  // ?rest_route= works whatever the permalink settings; a site that blocks it, or only writes
  // there, has its REST root found once, without the password (deskBase), and kept.
  const write = !['GET', 'HEAD'].includes(method.toUpperCase());
  const kept = await keptBase(settings);
  let base = baseFor(kept, write);
  let asked = routeAddress(settings.siteUrl, route, base);
  let answer = await send(asked);
  const refused = base;
  // A write redirected, not followed (transport.ts): at the root found, a rule sending it
  // elsewhere since (its home page); at ?rest_route=, below.
  const unfollowed = (outcome: Http) =>
    write && outcome.kind === 'trouble' && outcome.code === 'redirected';
  if (base && (refusedAt(answer, settings.siteUrl) || unfollowed(answer))) {
    // The root found refuses now (a rule added since): forgotten, and this very request asked
    // at ?rest_route= again (unblocked since?), then a root looked for, as the first time.
    await keepBase(settings, undefined);
    base = undefined;
    asked = routeAddress(settings.siteUrl, route);
    answer = await send(asked);
  }
  // A write at ?rest_route= redirected, not followed: where a rule sends ?rest_route= to the
  // home page, no root found yet in this browser's session (a run beginning with a write), the
  // reads there land on that page too (deskBase's first question): the root is looked for as for
  // a read. Else (reads answer there: a site moved, its server redirecting writes) as before.
  const redirected = !base && unfollowed(answer);
  if (!base && (redirected || refusedAt(answer, settings.siteUrl))) {
    const found = await deskBase(settings.siteUrl, transport, write && !redirected);
    if (found === 'unfound') return { ok: false, code: 'rest_route_blocked' };
    if (found) {
      await keepBase(settings, found);
      // Not sent again where it was just refused (a firewall reading this write's content).
      if (found.base !== refused)
        answer = await send(routeAddress(settings.siteUrl, route, found.base));
    }
  }
  const bytes = answer.kind === 'answer' ? new TextEncoder().encode(answer.text).length : 0;
  options.onRequest?.(bytes);
  // A write the site redirected, not followed (transport.ts): nothing written, the site answers
  // from another address; the sync keeps the change queued (site_moved stops the run).
  if (answer.kind === 'trouble') {
    return answer.code === 'redirected'
      ? redirectedWrite(settings, transport)
      : { ok: false, code: answer.code };
  }
  const moved = siteMoved(answer.url, settings.siteUrl);
  if (moved) {
    // A plain http address of another host is no address to use: the settings' test says why.
    const address = moved.code === 'site_moved' ? moved.address : undefined;
    return { ok: false, code: 'site_moved', ...(address ? { address } : {}) };
  }
  // A REST answer from another folder of the origin (the site moved from `monjournal.fr/blog` to
  // `monjournal.fr`, or back, the old address redirecting there): moved too, as to another host,
  // where the desk took the other folder's answers for its own address's. A page that is no REST
  // answer (a login page) names no site, and another port of the host is followed as before.
  // The route at the site's custom REST prefix (`/api/…`, `?rest_route=` redirected there): its
  // own answer, no folder of its own (discovery's `home` names the site, discoverDesk).
  const folder =
    answer.json === undefined || customRestBase(answer.url, settings.siteUrl, path)
      ? undefined
      : sameOriginFolder(answer.url, settings);
  if (folder) return { ok: false, code: 'site_moved', address: folder };
  return { status: answer.status, json: answer.json ?? null, headers: answer.headers, bytes };
}

/**
 * `site_moved` for a write the site redirected, with the address it answers at when a read tells
 * it: its REST index, asked without the password (a GET, which follows: the redirect's target may
 * be another newsroom's site), answered from another host or another folder of the origin, or
 * naming another folder's site its own (`home`, client.ts siteNamedElsewhere), as the desk's
 * reads tell a move. The index answering here, from here, as this address's site: the site did
 * not move, its server redirects writes (`write_redirected`: no address in the settings would
 * help, the connection test, reads only, passes). Else, unknown: the settings' test is to run.
 */
async function redirectedWrite(settings: DeskSettings, transport: Transport): Promise<DeskFailure> {
  const kept = await keptBase(settings);
  const index = await transport.request(routeAddress(settings.siteUrl, '/', baseFor(kept, false)));
  if (index.kind === 'answer') {
    const moved = siteMoved(index.url, settings.siteUrl);
    const address =
      moved?.code === 'site_moved'
        ? moved.address
        : moved || index.json === undefined || customRestBase(index.url, settings.siteUrl, '/')
          ? undefined
          : sameOriginFolder(index.url, settings);
    if (address) return { ok: false, code: 'site_moved', address };
    if (!moved && index.status >= 200 && index.status < 300 && isObject(index.json)) {
      const elsewhere = siteNamedElsewhere(index.json, settings.siteUrl);
      if (elsewhere) return { ok: false, code: 'site_moved', address: elsewhere };
      return { ok: false, code: 'write_redirected' };
    }
    // A REST API closed to anonymous visitors answers its index with a WordPress error, here,
    // from here: a WordPress answering at the address too, as publishing takes it (askAddress).
    if (!moved && wpCodeOf(index.json)) return { ok: false, code: 'write_redirected' };
  }
  return { ok: false, code: 'site_moved' };
}

/**
 * The REST roots found for sites whose `?rest_route=` is blocked ({@link deskBase}): kept here
 * for the background's life, and beyond it by the keeper the background gives
 * ({@link keepDeskBasesIn}: storage.session, storage/desk-base.ts), Chromium's service worker
 * sleeping after 30 s idle.
 */
export type { DeskBaseKeeper, KeptDeskBase };

/**
 * This background's root, of one account and site (the settings name one at a time): `keeper`,
 * read once per life, fills it; a request of another account or site forgets it, here and there.
 */
let current: KeptDeskBase | undefined;
let keeper: DeskBaseKeeper | undefined;
let keeperRead = false;

const baseKey = (settings: { siteUrl: string; username: string }) =>
  `${settings.username}\n${settings.siteUrl}`;

/** Keeps the desk's REST root in `kept` (the background wires storage.session), or nowhere. */
export function keepDeskBasesIn(kept: DeskBaseKeeper | undefined): void {
  keeper = kept;
  keeperRead = false;
}

/** Forgets the REST root found (the desk left): the next request asks at `?rest_route=`. */
export async function forgetDeskBases(): Promise<void> {
  current = undefined;
  await keeper?.set(null).catch(() => undefined);
}

/** The REST root kept for this account and site, if any; one kept of another is forgotten. */
async function keptBase(settings: DeskSettings): Promise<KeptDeskBase | undefined> {
  if (!keeperRead && keeper) {
    keeperRead = true;
    current = (await keeper.get().catch(() => null)) ?? current;
  }
  if (current && baseKey(current) !== baseKey(settings)) await forgetDeskBases();
  // Read again after the wait: another account's or site's root may have been kept meanwhile
  // (the options' check of another site while the sync runs), never this request's.
  return current && baseKey(current) === baseKey(settings) ? current : undefined;
}

/**
 * Where a request goes with the root `kept`: at it, but for a read where only writes are refused
 * at `?rest_route=` (`writesOnly`); `undefined`, at `?rest_route=`.
 */
const baseFor = (kept: KeptDeskBase | undefined, write: boolean): string | undefined =>
  kept && (write || !kept.writesOnly) ? kept.base : undefined;

/** Keeps (or, `undefined`, forgets) the REST root of this account and site. */
async function keepBase(
  settings: DeskSettings,
  found: { base: string; writesOnly: boolean } | undefined,
): Promise<void> {
  if (!found) {
    if (current && baseKey(current) === baseKey(settings)) await forgetDeskBases();
    return;
  }
  current = {
    siteUrl: settings.siteUrl,
    username: settings.username,
    base: found.base,
    ...(found.writesOnly ? { writesOnly: true } : {}),
  };
  await keeper?.set(current).catch(() => undefined);
}

/**
 * The address of desk `route` (`/indiscrets/v1/drafts?context=edit`, or with `&` after the path)
 * on the site at `siteUrl`: `?rest_route=`, or at its REST root `base` (`https://…/wp-json/`).
 */
function routeAddress(siteUrl: string, route: string, base?: string): string {
  const [path = '', query] = route.split('?');
  if (!base) return `${siteUrl}/?rest_route=${path}${query ? `&${query}` : ''}`;
  const [routePath = '', ...rest] = path.split('&');
  const params = [...rest, ...(query ? [query] : [])].join('&');
  return `${base}${routePath.replace(/^\//, '')}${params ? `?${params}` : ''}`;
}

/**
 * Whether an answer is a page refusing the address, no WordPress's (404 or 403 without JSON): a
 * site that blocks `?rest_route=`, or a REST root found once that no longer answers. Also a read
 * of `?rest_route=`, or of the REST root found, redirected to the site's own home page (a rule
 * sending it there, 200): no REST answer either. Another host's or folder's home is a move, told
 * as one.
 */
function refusedAsPage(answer: HttpAnswer, siteUrl: string): boolean {
  if (answer.json !== undefined) return false;
  if (answer.status === 404 || answer.status === 403) return true;
  if (!isSuccess(answer)) return false;
  // Every address the desk asks has a query or a path below the home page: landing there, with
  // neither, is a redirect.
  const home = new URL(siteUrl);
  const landed = new URL(answer.url);
  const path = (url: URL) => url.pathname.replace(/\/+$/, '');
  return landed.origin === home.origin && path(landed) === path(home) && !landed.search;
}

/** {@link refusedAsPage} for a request's outcome (a network trouble is none). */
function refusedAt(outcome: Http, siteUrl: string): boolean {
  return outcome.kind === 'answer' && refusedAsPage(outcome, siteUrl);
}

/**
 * The REST root of the site at `siteUrl` when its `?rest_route=` is blocked: `<site>/wp-json/`,
 * or the one its home page names (`Link: <…>; rel="https://api.w.org/"`, as the publisher finds
 * it), only in the site's own path and one segment deep (its `rest_url_prefix`: no other folder,
 * no other host), and only where a REST API answers the companion plugin's route, asked without
 * the password, from that very address (its discovery, or an error as WordPress shapes it: not
 * any JSON). The desk's discovery then checks the site it names (`home`), as at `?rest_route=`.
 * For a `write` refused where reads answer at `?rest_route=`: the root only when `?rest_route=`
 * refuses writes as such, and the root takes them (`writesOnly`: reads stay at `?rest_route=`).
 * `unfound`: `?rest_route=` refuses them as such, and no root was found; `undefined`: it does
 * not (this request alone refused).
 */
async function deskBase(
  siteUrl: string,
  transport: Transport,
  write: boolean,
): Promise<{ base: string; writesOnly: boolean } | 'unfound' | undefined> {
  // `?rest_route=` blocked, not one request refused (a firewall's page for a write's content, a
  // rate limit): the plugin's route, asked there without the password, refused as a page too.
  // Else the refusal is told as it came, and the desk goes on asking at `?rest_route=`.
  const plainUrl = `${siteUrl}/?rest_route=/indiscrets/v1&_fields=plugin`;
  const plain = await transport.request(plainUrl);
  if (plain.kind !== 'answer') return undefined;
  // A write where reads answer: a write with no body and no password, to the plugin's index
  // (a route for reads: WordPress answers it with its JSON error, writing nothing), refused as
  // a page too: the rule refuses writes at `?rest_route=`, not this one's content.
  const writesOnly = !refusedAsPage(plain, siteUrl);
  const bare = (url: string) => transport.request(url, { method: 'POST' });
  if (writesOnly) {
    const bareUrl = `${siteUrl}/?rest_route=/indiscrets/v1`;
    const refused = write ? await bare(bareUrl) : undefined;
    if (!refused || !refusedAt(refused, siteUrl)) return undefined;
  }
  const site = new URL(siteUrl);
  const sitePath = site.pathname.replace(/\/+$/, '');
  /** Set when the root found refuses the bare write too: writes are refused everywhere. */
  let everywhere = false;
  const answersAt = async (base: string) => {
    let root: URL;
    try {
      root = new URL(base);
    } catch {
      return false;
    }
    // One plain segment: no query, no fragment, nothing encoded that a server could read as a
    // slash or a dot (`a%2F..%2Fblog2`, another folder's).
    const inSite =
      root.origin === site.origin &&
      !root.search &&
      !root.hash &&
      root.pathname.startsWith(`${sitePath}/`) &&
      /^[^/]+\/$/.test(root.pathname.slice(sitePath.length + 1)) &&
      !/%(?:2f|5c|2e)/i.test(root.pathname);
    if (!inSite) return false;
    const url = `${root.href}indiscrets/v1?_fields=plugin`;
    const asked = await transport.request(url);
    // From that very address (a slash added aside: a host adding one to every path).
    if (asked.kind !== 'answer' || (asked.url !== url && asked.url !== slashAdded(url))) {
      return false;
    }
    // A REST API of WordPress: the plugin's discovery, or an error as WordPress shapes them
    // (`code`, `message`, `data.status`: no plugin there, the API closed to visitors), which
    // discovery then tells. Any other JSON (`{"status":"ok"}`) is another application's.
    const json = asked.json;
    if (!isObject(json)) return false;
    const wordpress = isObject(json.plugin)
      ? json.plugin.name === 'indiscrets'
      : typeof json.code === 'string' &&
        typeof json.message === 'string' &&
        isObject(json.data) &&
        typeof json.data.status === 'number';
    // Writes only refused at `?rest_route=`: the root takes them (WordPress answers the bare
    // write there, JSON), or the write would be refused there too.
    if (!wordpress || !writesOnly) return wordpress;
    const taken = await bare(`${root.href}indiscrets/v1`);
    if (taken.kind === 'answer' && taken.json !== undefined) return true;
    // Refused there too: writes are refused wherever (a firewall's rule), not at ?rest_route=.
    everywhere = true;
    return false;
  };
  const unfound = () => (everywhere ? undefined : 'unfound');
  const wpJson = `${siteUrl}/wp-json/`;
  if (await answersAt(wpJson)) return { base: wpJson, writesOnly };
  const home = await transport.request(`${siteUrl}/`);
  // Unreached or refused too (every address blocked), the search says nothing of where the
  // REST API is: the refusal is told as it came.
  if (home.kind !== 'answer' || !isSuccess(home)) return undefined;
  const link = apiLinkOf(home);
  if (!link) return unfound();
  let named: string;
  try {
    named = new URL(link, `${siteUrl}/`).href;
  } catch {
    return unfound();
  }
  if (!named.endsWith('/')) named += '/';
  return named !== wpJson && (await answersAt(named)) ? { base: named, writesOnly } : unfound();
}

/** Whether two queries hold the same parameters, `rest_route` aside, whatever their order. */
function sameQuery(a: URLSearchParams, b: URLSearchParams): boolean {
  const listed = (params: URLSearchParams) =>
    [...params]
      .filter(([key]) => key !== 'rest_route')
      .map(([key, value]) => `${key}=${value}`)
      .sort()
      .join('&');
  return listed(a) === listed(b);
}

/** The address of another folder of the settings' origin an answer came from, if it did. */
function sameOriginFolder(answerUrl: string, settings: DeskSettings): string | undefined {
  const address = movedWithinHost(answerUrl, settings.siteUrl);
  return address && new URL(address).origin === new URL(settings.siteUrl).origin
    ? address
    : undefined;
}

type WpError = { code?: string; message?: string; data?: Record<string, unknown> };

function failureOf(answer: Answer): DeskFailure {
  const error = (answer.json ?? {}) as WpError;
  const data = error.data ?? {};
  const base = {
    ok: false as const,
    status: answer.status,
    ...(error.code ? { wpCode: error.code } : {}),
    ...(typeof error.message === 'string' ? { detail: error.message.slice(0, 300) } : {}),
  };
  if (answer.status === 409) {
    return {
      ...base,
      code: error.code === 'indiscrets_exists' ? 'exists' : 'conflict',
      current: data.current,
    };
  }
  if (answer.status === 423) return { ...base, code: 'locked', lock: data.lock as DeskLock };
  if (answer.status === 401) {
    return {
      ...base,
      code: answeredAnonymously(answer.status, answer.json)
        ? 'credentials_unseen'
        : 'wrong_credentials',
    };
  }
  if (answer.status === 403) {
    // WordPress's own refusals of a right (rest_cannot_edit, rest_forbidden…) and the plugin's
    // name it; a 403 that names none (a WAF's page, « rest_disabled ») came from something else,
    // and taking it for the role would undo the editor's change and ask them for a role they have.
    if (!refusesARight(answer.json)) return { ...base, code: 'blocked' };
    return {
      ...base,
      code: 'forbidden',
      ...(typeof data.needs === 'string' ? { needs: data.needs } : {}),
    };
  }
  if (answer.status === 404) {
    // A page (no JSON) is the server's or a hardening rule's refusal of the address (a REST root
    // found once and blocked since), not WordPress saying the record is gone: taken for that, a
    // trash was settled as done and an update sent again as a new record.
    if (answer.json === null) return { ...base, code: 'blocked' };
    return { ...base, code: error.code === 'rest_no_route' ? 'no_plugin' : 'not_found' };
  }
  if (answer.status === 428) return { ...base, code: 'base_version_required' };
  if (answer.status === 400) return { ...base, code: 'invalid' };
  return { ...base, code: 'server_error' };
}

/**
 * One request, its answer read: `list` when the route answers a list (a listing), else an
 * object. A success whose body is not that (a login or maintenance page served with 200, a
 * proxy's answer) is a server's failure: taken as the data, a listing threw, and a write was
 * settled as sent with no record, the change never reaching the colleagues.
 */
async function call<T>(
  settings: DeskSettings,
  method: string,
  route: string,
  body: unknown,
  options: DeskOptions,
  list = false,
): Promise<DeskResult<{ data: T; headers: Headers }>> {
  const answer = await request(settings, method, route, body, options);
  if ('ok' in answer) return answer;
  if (answer.status >= 200 && answer.status < 300) {
    const json: unknown = answer.json;
    const shaped = list
      ? Array.isArray(json)
      : typeof json === 'object' && json !== null && !Array.isArray(json);
    if (!shaped) {
      return {
        ok: false,
        code: 'server_error',
        status: answer.status,
        detail: 'The answer is not the shared desk’s',
      };
    }
    return { ok: true, data: json as T, headers: answer.headers };
  }
  // Discovery's own anonymous 401 (a REST API closed to visitors) has nothing more to ask.
  return route.startsWith('/indiscrets/v1&')
    ? failureOf(answer)
    : toldApart(failureOf(answer), settings, options);
}

/** Asks the site whether the plugin answers, who the user is and what their role allows. */
export async function discoverDesk(
  settings: DeskSettings,
  options: DeskOptions = {},
): Promise<DeskResult<{ desk: DeskDiscovery }>> {
  const result = await call<DeskDiscovery>(
    settings,
    'GET',
    '/indiscrets/v1&_fields=plugin,user,can,lockWindow,authorization,home,url',
    undefined,
    options,
  );
  if (!result.ok) return result;
  if (result.data?.plugin?.name !== 'indiscrets') return { ok: false, code: 'no_plugin' };
  // The WordPress of another folder of the host answering at the desk's address, with no
  // redirect (the folder's site gone, the root's rewrite rules serving it): its address said, as
  // publishing says it (client.ts, siteOfElsewhere), its desk never taken for this one, whether
  // it knows the user (a network's users are its sites') or not. An older plugin names none.
  const elsewhere = siteNamedElsewhere(result.data, settings.siteUrl);
  if (elsewhere) return { ok: false, code: 'site_moved', address: elsewhere };
  // The index is public: credentials refused, or dropped by the server on the way, show as an
  // anonymous user, not as a 401; the plugin says which (an older one cannot).
  if (!result.data.user) {
    return { ok: false, code: anonymousCause(result.data.authorization), status: 401 };
  }
  const { roleNames, ...user } = result.data.user;
  const names = roleNamesOf(roleNames, user.roles);
  return { ok: true, desk: { ...result.data, user: names ? { ...user, roleNames: names } : user } };
}

/**
 * The display names the plugin gives the user's roles (`{ shop_manager: 'Gestionnaire de
 * boutique' }`), those of their roles only, each a string of some words (a longer one cut at a
 * word, with « … », never inside a character); `undefined` when an older plugin gives none (the
 * desk then names a role it does not know by its slug). PHP gives an empty one as `[]`.
 */
function roleNamesOf(value: unknown, roles: readonly string[]): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const names: Record<string, string> = {};
  for (const role of Array.isArray(roles) ? roles : []) {
    const name: unknown = Object.hasOwn(value, role)
      ? (value as Record<string, unknown>)[role]
      : undefined;
    if (typeof name === 'string' && name.trim()) names[role] = shortened(name.trim(), 200);
  }
  return names;
}

/**
 * A request answered as to an anonymous visitor (`credentials_unseen`): the plugin's discovery,
 * asked once with the same credentials, says whether they reached PHP. Only on that answer: one
 * more GET, never for a request that went through. Discovery itself not reached, or answering
 * otherwise (the user known this time), leaves the failure as it was.
 */
async function toldApart<F extends DeskFailure>(
  failure: F,
  settings: DeskSettings,
  options: DeskOptions,
): Promise<F> {
  if (failure.code !== 'credentials_unseen') return failure;
  // Asked as is, not through call(): a site whose REST API answers anonymous visitors 401
  // would ask again at every answer.
  const answer = await request(
    settings,
    'GET',
    '/indiscrets/v1&_fields=plugin,user,authorization',
    undefined,
    options,
  );
  if ('ok' in answer || answer.status !== 200) return failure;
  const desk = answer.json as Partial<DeskDiscovery> | null;
  if (desk?.plugin?.name !== 'indiscrets' || desk.user !== null) return failure;
  return { ...failure, code: anonymousCause(desk.authorization) };
}

/**
 * Everything of one kind modified at or after `since` (WordPress GMT, or ISO 8601), trashed
 * records included, oldest first, all pages. The caller keeps the largest `modified_gmt` as its
 * next `since` and skips versions it already has (the second named is included).
 */
export async function pullChanges<K extends DeskKind>(
  settings: DeskSettings,
  kind: K,
  since: string | undefined,
  options: DeskOptions & { perPage?: number; onPage?: (done: number, total: number) => void } = {},
): Promise<DeskResult<{ records: RecordOf<K>[]; requests: number }>> {
  const records: RecordOf<K>[] = [];
  const perPage = options.perPage ?? 100;
  const after = since
    ? `&modified_after=${encodeURIComponent(since.endsWith('Z') ? since : `${since}Z`)}`
    : '';
  for (let page = 1; ; page += 1) {
    const result = await call<RecordOf<K>[]>(
      settings,
      'GET',
      `/indiscrets/v1/${kind}?context=edit&status=any,trash&orderby=modified&order=asc&per_page=${perPage}&page=${page}${after}&_fields=${RECORD_FIELDS}`,
      undefined,
      options,
      true,
    );
    if (!result.ok) return result;
    records.push(...result.data);
    const pages = Number(result.headers.get('x-wp-totalpages') ?? '1') || 1;
    options.onPage?.(page, pages);
    if (page >= pages) return { ok: true, records, requests: page };
  }
}

/** A fresh edit lock somewhere on the desk (the `X-Indiscrets-Locks` header of a listing). */
export interface DeskLockRef extends DeskLock {
  kind: DeskKind;
  /** The record's WordPress id. */
  id: number;
  /** The record's id in the extension. */
  clientId: string;
}

/** The locks header: a list of locks, or undefined when it is missing or unreadable. */
export function parseLocks(header: string | null): DeskLockRef[] | undefined {
  if (header === null) return undefined;
  try {
    return lockList(JSON.parse(header));
  } catch {
    return undefined;
  }
}

/** The well-formed locks of a list the site sent, or undefined when it is not a list. */
function lockList(parsed: unknown): DeskLockRef[] | undefined {
  if (!Array.isArray(parsed)) return undefined;
  return parsed.filter(
    (lock): lock is DeskLockRef =>
      !!lock &&
      (lock.kind === 'drafts' || lock.kind === 'issues') &&
      typeof lock.clientId === 'string' &&
      typeof lock.user?.id === 'number' &&
      typeof lock.user?.name === 'string' &&
      typeof lock.expires === 'string',
  );
}

/**
 * One page of {@link pullChanges}, with the paging headers and the server's clock; with `locks`,
 * also every fresh edit lock of the desk (in the same answer: a lock changes no record).
 */
export async function pullPage<K extends DeskKind>(
  settings: DeskSettings,
  kind: K,
  since: string | undefined,
  page: number,
  options: DeskOptions & { perPage?: number; fields?: string; locks?: boolean } = {},
): Promise<
  DeskResult<{
    records: RecordOf<K>[];
    total: number;
    pages: number;
    serverTime?: string;
    /** Asked with `locks`: who is editing what now (undefined: the site did not say). */
    locks?: DeskLockRef[];
  }>
> {
  const perPage = options.perPage ?? 100;
  const after = since
    ? `&modified_after=${encodeURIComponent(since.endsWith('Z') ? since : `${since}Z`)}`
    : '';
  const result = await call<RecordOf<K>[]>(
    settings,
    'GET',
    `/indiscrets/v1/${kind}?context=edit&status=any,trash&orderby=modified&order=asc&per_page=${perPage}&page=${page}${after}&_fields=${options.fields ?? RECORD_FIELDS}${options.locks ? '&locks=1' : ''}`,
    undefined,
    options,
    true,
  );
  if (!result.ok) return result;
  const date = Date.parse(result.headers.get('date') ?? '');
  const locks = options.locks ? parseLocks(result.headers.get('x-indiscrets-locks')) : undefined;
  return {
    ok: true,
    records: Array.isArray(result.data) ? result.data : [],
    total: Number(result.headers.get('x-wp-total') ?? '0') || 0,
    pages: Number(result.headers.get('x-wp-totalpages') ?? '1') || 1,
    ...(Number.isNaN(date) ? {} : { serverTime: new Date(date).toISOString() }),
    ...(locks ? { locks } : {}),
  };
}

/** One kind's first page in {@link pullFirstPages}. */
export interface ChangesPage<K extends DeskKind> {
  records: RecordOf<K>[];
  /** Records of this kind changed since its cursor, all pages. */
  total: number;
  pages: number;
}

const sinceParam = (since: string) => encodeURIComponent(since.endsWith('Z') ? since : `${since}Z`);

/**
 * The first page of both kinds' changes in one request (`GET /indiscrets/v1/changes`): what a
 * poll asks. Each kind has its own cursor (`modified_after`); later pages come from
 * {@link pullPage}. When nothing changed, the answer is a few dozen bytes.
 */
export async function pullFirstPages(
  settings: DeskSettings,
  since: { drafts?: string; issues?: string } = {},
  options: DeskOptions & { perPage?: number; fields?: string; locks?: boolean } = {},
): Promise<
  DeskResult<{
    drafts: ChangesPage<'drafts'>;
    issues: ChangesPage<'issues'>;
    serverTime?: string;
    /** Asked with `locks`: who is editing what now (undefined: the site did not say). */
    locks?: DeskLockRef[];
  }>
> {
  const perPage = options.perPage ?? 100;
  const after =
    (since.drafts ? `&drafts_after=${sinceParam(since.drafts)}` : '') +
    (since.issues ? `&issues_after=${sinceParam(since.issues)}` : '');
  const result = await call<{
    drafts?: Partial<ChangesPage<'drafts'>>;
    issues?: Partial<ChangesPage<'issues'>>;
    locks?: unknown;
  }>(
    settings,
    'GET',
    `/indiscrets/v1/changes&per_page=${perPage}${after}&fields=${options.fields ?? RECORD_FIELDS}${options.locks ? '&locks=1' : ''}`,
    undefined,
    options,
  );
  if (!result.ok) return result;
  const date = Date.parse(result.headers.get('date') ?? '');
  const page = <K extends DeskKind>(part: Partial<ChangesPage<K>> | undefined): ChangesPage<K> => ({
    records: Array.isArray(part?.records) ? part.records : [],
    total: Number(part?.total) || 0,
    pages: Number(part?.pages) || 1,
  });
  return {
    ok: true,
    drafts: page(result.data?.drafts),
    issues: page(result.data?.issues),
    ...(Number.isNaN(date) ? {} : { serverTime: new Date(date).toISOString() }),
    ...(options.locks && result.data?.locks !== undefined
      ? { locks: lockList(result.data.locks) ?? [] }
      : {}),
  };
}

/** How many records of a kind the newsroom has (trash excluded): one small request. */
export async function countRecords(
  settings: DeskSettings,
  kind: DeskKind,
  options: DeskOptions = {},
): Promise<DeskResult<{ total: number }>> {
  const result = await call<unknown[]>(
    settings,
    'GET',
    `/indiscrets/v1/${kind}?per_page=1&_fields=id`,
    undefined,
    options,
    true,
  );
  if (!result.ok) return result;
  return { ok: true, total: Number(result.headers.get('x-wp-total') ?? '0') || 0 };
}

/**
 * The record (trashed or not) with this clientId, as a listing answers it: `fields` of it, in
 * the edit context (raw title and text) when `edit`.
 */
function byClientId<T>(
  settings: DeskSettings,
  kind: DeskKind,
  clientId: string,
  fields: string,
  options: DeskOptions,
  edit = false,
): Promise<DeskResult<{ data: T[]; headers: Headers }>> {
  return call<T[]>(
    settings,
    'GET',
    `/indiscrets/v1/${kind}?${edit ? 'context=edit&' : ''}client_id=${encodeURIComponent(clientId)}&status=any,trash&per_page=1&_fields=${fields}`,
    undefined,
    options,
    true,
  );
}

/** Whether the desk has a record (trashed or not) with this clientId: one small request. */
export async function hasClientId(
  settings: DeskSettings,
  kind: DeskKind,
  clientId: string,
  options: DeskOptions = {},
): Promise<DeskResult<{ found: boolean }>> {
  const result = await byClientId<unknown>(settings, kind, clientId, 'id', options);
  if (!result.ok) return result;
  return { ok: true, found: Array.isArray(result.data) && result.data.length > 0 };
}

/**
 * The desk's record (trashed or not) with this clientId, whole, as a pull has it; `null` when
 * the desk has none (deleted for good, or never sent): one request.
 */
export async function findRecord<K extends DeskKind>(
  settings: DeskSettings,
  kind: K,
  clientId: string,
  options: DeskOptions = {},
): Promise<DeskResult<{ record: RecordOf<K> | null }>> {
  const result = await byClientId<RecordOf<K>>(
    settings,
    kind,
    clientId,
    RECORD_FIELDS,
    options,
    true,
  );
  if (!result.ok) return result;
  return { ok: true, record: (Array.isArray(result.data) && result.data[0]) || null };
}

/** The fields of an ids-only listing: which records the desk has, nothing of what they say. */
export const ID_FIELDS = 'id,meta.clientId';

/** Creates a record; `exists` (with the server's record) when its clientId is already there. */
export async function createRecord<K extends DeskKind>(
  settings: DeskSettings,
  kind: K,
  write: RestWrite<unknown>,
  options: DeskOptions = {},
): Promise<DeskResult<{ record: RecordOf<K> }, RecordOf<K>>> {
  const route = `/indiscrets/v1/${kind}?context=edit&_fields=${RECORD_FIELDS}`;
  let result = await call<RecordOf<K>>(settings, 'POST', route, write, options);
  for (let older = refusedPost(result, write); older; older = refusedPost(result, older)) {
    result = await call<RecordOf<K>>(settings, 'POST', route, older, options);
  }
  return result.ok ? { ok: true, record: result.data } : (result as DeskFailure<RecordOf<K>>);
}

/**
 * The fields of an issue's post (`wordpress` meta) that older plugins' schemas lack, newest
 * first: a write one of them refused as invalid is sent again without the newest still in it.
 * - `digest`, a fingerprint of the issue as published (0.1.6): without it, the other desks say nothing of the
 *   post being out of date;
 * - `publishedBy` and `updated`, who published it (0.1.4): without them, the other editors are
 *   told « Publié le… » with no name.
 */
const NEWER_POST_FIELDS: readonly (readonly string[])[] = [['digest'], ['publishedBy', 'updated']];

/**
 * An issue's write again without the newest of {@link NEWER_POST_FIELDS} it still holds, when a
 * plugin whose schema lacks them refused it as invalid: the issue still reaches the desk, and
 * its post. A plugin before 0.1.4 refuses the write twice (one field group at a time), a plugin
 * of 0.1.4 or 0.1.5 once. Undefined when the refusal is another, or the write has none of them.
 */
function refusedPost<B extends { meta?: unknown }>(
  result: { ok: boolean; status?: number; wpCode?: string },
  body: B,
): B | undefined {
  if (result.ok || result.status !== 400 || result.wpCode !== 'rest_invalid_param') return;
  const meta = body.meta as { wordpress?: unknown } | undefined;
  const post = meta?.wordpress;
  if (!post || typeof post !== 'object' || Array.isArray(post)) return;
  const fields = NEWER_POST_FIELDS.find((group) => group.some((field) => field in post));
  if (!fields) return;
  const older = { ...(post as Record<string, unknown>) };
  for (const field of fields) delete older[field];
  return { ...body, meta: { ...meta, wordpress: older } };
}

/** Requests in one `POST /batch/v1` (WordPress's own limit). */
export const BATCH_SIZE = 25;

/**
 * Creates up to {@link BATCH_SIZE} records in one request (WordPress's batch API, `/batch/v1`):
 * each answer in order, `201` with the record, or WordPress's error (`409 indiscrets_exists`…)
 * for the caller to take record by record.
 */
export async function createRecords<K extends DeskKind>(
  settings: DeskSettings,
  kind: K,
  writes: RestWrite<unknown>[],
  options: DeskOptions = {},
): Promise<DeskResult<{ answers: { status: number; record?: RecordOf<K> }[] }>> {
  const result = await call<{ responses?: { status?: number; body?: unknown }[] }>(
    settings,
    'POST',
    '/batch/v1',
    {
      requests: writes.map((body) => ({
        method: 'POST',
        path: `/indiscrets/v1/${kind}?context=edit&_fields=${RECORD_FIELDS}`,
        body,
      })),
    },
    options,
  );
  if (!result.ok) return result;
  const responses = Array.isArray(result.data?.responses) ? result.data.responses : [];
  return {
    ok: true,
    answers: writes.map((_, i) => {
      const status = Number(responses[i]?.status) || 0;
      return status === 201 ? { status, record: responses[i]!.body as RecordOf<K> } : { status };
    }),
  };
}

/**
 * Updates a record if it is still at `baseVersion`: send only the fields that changed.
 * `conflict` carries the server's record when someone wrote in between. `overrides`: the fields
 * (as a conflict names them) the editor chose to keep over the version `baseVersion` is, a
 * colleague's (« Garder la mienne »): the plugin records it for them to be told (0.1.8; an older
 * plugin ignores it).
 */
export async function updateRecord<K extends DeskKind>(
  settings: DeskSettings,
  kind: K,
  remoteId: number,
  baseVersion: number,
  changes: Partial<RestWrite<Record<string, unknown>>>,
  options: DeskOptions & { overrides?: readonly string[] } = {},
): Promise<DeskResult<{ record: RecordOf<K> }, RecordOf<K>>> {
  const route = `/indiscrets/v1/${kind}/${remoteId}?context=edit&_fields=${RECORD_FIELDS}`;
  const { overrides, ...callOptions } = options;
  const body = {
    ...changes,
    base_version: baseVersion,
    ...(overrides && overrides.length > 0 ? { overrides } : {}),
  };
  let result = await call<RecordOf<K>>(settings, 'POST', route, body, callOptions);
  for (let older = refusedPost(result, body); older; older = refusedPost(result, older)) {
    result = await call<RecordOf<K>>(settings, 'POST', route, older, callOptions);
  }
  return result.ok ? { ok: true, record: result.data } : (result as DeskFailure<RecordOf<K>>);
}

/**
 * Puts a record in the trash (for every desk); restorable. `mergedInto`: the WordPress id of the
 * draft this one was merged into, which the trashed record then names (`merged_into`). The trash
 * never waits on it: a target the plugin refuses (`indiscrets_invalid_merge_target`: deleted
 * meanwhile, trashed) is dropped and the record trashed without it, and a plugin older than
 * 0.1.3 ignores it. `merged` says whether the trashed record names the target. With
 * `baseVersion`, only if the record is still at that version: `conflict` carries the server's
 * record when someone wrote in between.
 */
export async function trashRecord<K extends DeskKind>(
  settings: DeskSettings,
  kind: K,
  remoteId: number,
  options: DeskOptions & { mergedInto?: number; baseVersion?: number } = {},
): Promise<DeskResult<{ record: RecordOf<K>; merged: boolean }, RecordOf<K>>> {
  const base = options.baseVersion === undefined ? '' : `&base_version=${options.baseVersion}`;
  const route = `/indiscrets/v1/${kind}/${remoteId}&context=edit&_fields=${RECORD_FIELDS}${base}`;
  const { mergedInto } = options;
  let result = await call<RecordOf<K>>(
    settings,
    'DELETE',
    mergedInto ? `${route}&merged_into=${mergedInto}` : route,
    undefined,
    options,
  );
  if (mergedInto && !result.ok && result.wpCode === 'indiscrets_invalid_merge_target') {
    result = await call<RecordOf<K>>(settings, 'DELETE', route, undefined, options);
  }
  if (!result.ok) return result as DeskFailure<RecordOf<K>>;
  const merged = !!mergedInto && (result.data as RestRecordBase).merged_into?.id === mergedInto;
  return { ok: true, record: result.data, merged };
}

/** Takes a record out of the trash, in its place. */
export async function restoreRecord<K extends DeskKind>(
  settings: DeskSettings,
  kind: K,
  remoteId: number,
  options: DeskOptions = {},
): Promise<DeskResult<{ record: RecordOf<K> }, RecordOf<K>>> {
  const result = await call<RecordOf<K>>(
    settings,
    'POST',
    `/indiscrets/v1/${kind}/${remoteId}/restore&_fields=${RECORD_FIELDS}`,
    undefined,
    options,
  );
  return result.ok ? { ok: true, record: result.data } : (result as DeskFailure<RecordOf<K>>);
}

/** One call of a record's lock route: GET reads it, POST takes or renews it, DELETE releases it. */
async function lockCall(
  settings: DeskSettings,
  method: 'GET' | 'POST' | 'DELETE',
  kind: DeskKind,
  remoteId: number,
  options: DeskOptions,
  query = '',
): Promise<DeskResult<{ lock: DeskLock | null }>> {
  const result = await call<{ lock: DeskLock | null }>(
    settings,
    method,
    `/indiscrets/v1/${kind}/${remoteId}/lock${query}`,
    undefined,
    options,
  );
  return result.ok ? { ok: true, lock: result.data?.lock ?? null } : result;
}

/** Who holds the edit lock of a record now (`null`: nobody), without taking it: read-only. */
export function readLock(
  settings: DeskSettings,
  kind: DeskKind,
  remoteId: number,
  options: DeskOptions = {},
): Promise<DeskResult<{ lock: DeskLock | null }>> {
  return lockCall(settings, 'GET', kind, remoteId, options);
}

/** Takes or renews the edit lock; `locked` (with who holds it) unless `force`. */
export function lockRecord(
  settings: DeskSettings,
  kind: DeskKind,
  remoteId: number,
  options: DeskOptions & { force?: boolean } = {},
): Promise<DeskResult<{ lock: DeskLock | null }>> {
  return lockCall(settings, 'POST', kind, remoteId, options, options.force ? '&force=true' : '');
}

/** Releases the user's own lock (another user's is left alone). */
export function unlockRecord(
  settings: DeskSettings,
  kind: DeskKind,
  remoteId: number,
  options: DeskOptions = {},
): Promise<DeskResult<{ lock: DeskLock | null }>> {
  return lockCall(settings, 'DELETE', kind, remoteId, options);
}
