/**
 * WordPress REST client for the extension: checks a connection and publishes an issue as a post.
 *
 * What WordPress means lives here: finding the REST root, `users/me` and capabilities,
 * categories, posts and the conflict check. Requests go through `transport.ts` (fetch, timeout,
 * Authorization header); failures are built in `errors.ts`.
 *
 * Nothing here throws for network or HTTP trouble: every function resolves to `{ ok: true, … }`
 * or to a {@link WpFailure} `{ ok: false, code, status?, … }` that the UI words from its code.
 * No failure ever holds the password or the Authorization header: the messages are fixed
 * templates, and every failure is scrubbed of the credentials before it is returned.
 */

import { decodeEntities } from '../lib/entities';
import {
  anonymousCause,
  failure,
  fromAnswer,
  fromTrouble,
  wpCodeOf,
  type WpResult,
} from './errors';
import type { WpFailure } from './errors';
import {
  basicAuth,
  isObject,
  isSecureOrLocal,
  isSuccess,
  scrubDeep,
  secretsOf,
  str,
  Transport,
  type Http,
  type HttpAnswer,
  type JsonObject,
  type WpRequestOptions,
} from './transport';

export type WpPostStatus = 'draft' | 'pending';

export type WpSettings = {
  /** Address of the site, e.g. `https://monsite.fr` (a sub-folder install keeps its path). */
  siteUrl: string;
  username: string;
  /** Application password, as WordPress shows it (`abcd efgh …`) or without spaces. */
  appPassword: string;
  /** Category of published issues; created when missing. Default `Indiscrets`. */
  category?: string;
  /** Status of created posts. Default `draft`. */
  status?: WpPostStatus;
};

export type WpConnection = {
  siteName: string;
  userName: string;
  /**
   * The account may publish directly (`publish_posts`: Author and above). A Contributor can
   * still create drafts and pending posts: `ok` is true for them too, `canPublish` false.
   */
  canPublish: boolean;
  /** The account may create the category if it is missing (`manage_categories`). */
  canCreateCategory: boolean;
  siteUrl: string;
  /** REST root actually used (`…/wp-json/` or `…/?rest_route=/`). */
  restUrl: string;
};

export type WpPostInput = {
  title: string;
  /** Post content as stored by WordPress (block markup or HTML). */
  content: string;
  /** Id of the post created by an earlier publication: update it instead of creating one. */
  postId?: number;
  /**
   * `modifiedGmt` returned by that earlier publication. When WordPress's copy has another one,
   * the update stops with `conflict` unless `overwrite` is set. Without it, no check is made.
   */
  lastModifiedGmt?: string;
  /**
   * The publication's marker, a slug made by {@link publishSlug} and kept by the caller until
   * the post id is recorded. A creation first looks for a post with this slug (a creation cut
   * off before its answer came back) and updates it instead of creating a second one; the post
   * it creates carries the slug. Ignored with `postId`.
   */
  marker?: string;
};

export type WpPublished = {
  postId: number;
  /** Public link (a preview-style `?p=` link while the post is a draft). */
  link: string;
  /** Keep it for the next update's conflict check. */
  modifiedGmt: string;
  status: string;
  /** `${site}/wp-admin/post.php?post=ID&action=edit` */
  editLink: string;
  created: boolean;
};

/** One of the site's published posts, as the link form offers it (« voir notre article »). */
export type WpSitePost = {
  id: number;
  /** The post's public address (its permalink). */
  link: string;
  /** The title as readers see it: tags dropped, character references decoded. */
  title: string;
  /** Publication date, site time, as WordPress gives it (`2026-11-30T08:15:00`). */
  date: string;
};

/**
 * A published post as WordPress has it now, read for the publish panel to tell whether it was
 * edited in WordPress since the extension last wrote it (`modifiedGmt` differing from the one
 * recorded). WordPress's core REST API does not say who made that edit (`_edit_last` is not
 * exposed), so no one is named.
 */
export type WpPostState = {
  postId: number;
  /** `modified_gmt` as WordPress gives it (`2026-12-05T10:12:00`, UTC without a zone). */
  modifiedGmt: string;
  status: string;
  /** Public link (a preview-style `?p=` link while the post is a draft). */
  link: string;
  /** `${site}/wp-admin/post.php?post=ID&action=edit` */
  editLink: string;
  /**
   * The post's `guid` as stored (`guid.raw`, edit context; else `guid.rendered`): its permalink
   * when it was created, at the site's address then, which WordPress never changes afterwards
   * (wp_insert_post writes it on creation only). A site that moved keeps its old address there.
   */
  guid?: string;
};

export type WpSitePostsQuery = {
  /** Words to look for (WordPress's `search`, title and content); none: the latest posts. */
  search?: string;
  /** How many, 1 to 100. Default 20. */
  perPage?: number;
};

export const DEFAULT_CATEGORY = 'Indiscrets';

// ---------------------------------------------------------------------------------------------
// Site address

export type SiteUrlCheck = { ok: true; url: string } | WpFailure;

/** One label of a host name: letters, digits, hyphens inside, underscores (some subdomains). */
const HOST_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * A host a web site can have: a domain name (at least one dot, labels of letters, digits and
 * hyphens; the parser gives accented names in punycode), `localhost`, or an IP address. A
 * single word (« monsite ») is no site anyone can reach, and a host that a parser
 * percent-encoded (`pas%20une%20adresse`) is not a name at all.
 */
function isWebHost(hostname: string): boolean {
  if (hostname === 'localhost') return true;
  // IPv6 in brackets, and IPv4 as the parser normalises it: both were checked by the parser.
  if (hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname)) return true;
  const labels = hostname.replace(/\.$/, '').split('.');
  return (
    labels.length >= 2 &&
    labels.every((label) => HOST_LABEL.test(label)) &&
    !/^\d+$/.test(labels[labels.length - 1]!)
  );
}

/**
 * Checks and normalises the site address: https required (http only for localhost and
 * 127.0.0.1, as the extension's host permissions allow), `https://` added when no scheme is
 * given (`monsite.fr:8443` is a host and its port), query, fragment, trailing slashes and a
 * pasted `/wp-admin/…`, `/wp-login.php` or `/wp-json/…` (in any case) removed. The result has
 * no trailing slash: `https://monsite.fr/blog`.
 * An address with a space, or whose host cannot be a web site ({@link isWebHost}), is refused
 * here, before the options page asks the browser for a permission for it.
 */
export function validateSiteUrl(input: string): SiteUrlCheck {
  let text = (input ?? '').trim();
  if (!text) return failure('bad_url');
  // Chromium's parser turns `https://pas une adresse` into `https://pas%20une%20adresse` where
  // Node's throws: a space is refused before parsing, whatever the engine does with it.
  if (/\s/.test(text)) return failure('bad_url');
  // No scheme: `https://` added. `www.monjournal.fr:8443` is a host and its port, not the scheme
  // `www.monjournal.fr:`.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text) || /^[^/?#:@]+:\d+(?:[/?#]|$)/.test(text)) {
    text = `https://${text.replace(/^\/+/, '')}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return failure('bad_url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return failure('bad_url');
  if (!url.hostname || url.username || url.password) return failure('bad_url');
  if (!isWebHost(url.hostname)) return failure('bad_url');
  if (!isSecureOrLocal(url)) return failure('insecure_url');
  const path = url.pathname
    .replace(/\/(wp-admin|wp-json)(\/.*)?$/i, '')
    .replace(/\/(wp-login\.php|index\.php)$/i, '')
    .replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/**
 * `site_moved` when an answer came from `answerUrl`, another host (or scheme) than the
 * configured site's `siteUrl`, after redirects (`monjournal.fr` → `www.monjournal.fr`): the
 * settings page asked the browser for the configured site's origin only, so the extension may not
 * talk to that one, and the credentials are not sent there. The address to use keeps the
 * configured path; `insecure_url` when it is plain http to a remote host. Publishing and the
 * shared desk (desk-client.ts) both tell a moved site by it.
 */
export function siteMoved(answerUrl: string, siteUrl: string): WpFailure | undefined {
  let finalUrl: URL;
  let configured: URL;
  try {
    finalUrl = new URL(answerUrl);
    configured = new URL(siteUrl);
  } catch {
    return undefined;
  }
  // Host permissions name a scheme and a host, not a port.
  if (finalUrl.protocol === configured.protocol && finalUrl.hostname === configured.hostname) {
    return undefined;
  }
  if (!isSecureOrLocal(finalUrl)) return failure('insecure_url');
  const address = validateSiteUrl(`${finalUrl.origin}${configured.pathname}`);
  return failure('site_moved', { address: address.ok ? address.url : finalUrl.origin });
}

/**
 * Whether a post's `guid` ({@link WpPostState.guid}: its permalink when it was created) lies
 * under the site address `siteUrl`: the same host (and port), its path under the address's,
 * whatever the scheme (a site that went from http to https kept its http guids). A post created
 * while the site answered at `siteUrl`.
 */
export function createdUnder(guid: string, siteUrl: string): boolean {
  let made: URL;
  let site: URL;
  try {
    made = new URL(guid);
    site = new URL(siteUrl);
  } catch {
    return false;
  }
  const web = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';
  if (!web(made) || !web(site) || made.host !== site.host) return false;
  const path = site.pathname.replace(/\/+$/, '');
  return made.pathname === path || made.pathname.startsWith(`${path}/`);
}

/**
 * Whether a post's `guid` may name post `postId`: false when it names another id (`?p=17`,
 * `?page_id=17`, the plain permalink WordPress writes for a draft), the post of that id having
 * been created as another post, then brought here under this id (WordPress's importer keeps a
 * post's guid, and its id only when free: a site moved by an import into one with posts of its
 * own). A guid naming no id (a pretty permalink) says nothing against it.
 */
export function guidNamesPost(guid: string, postId: number): boolean {
  let url: URL;
  try {
    url = new URL(guid);
  } catch {
    return true;
  }
  return ['p', 'page_id', 'attachment_id'].every((key) => {
    const id = url.searchParams.get(key);
    return id === null || !/^\d+$/.test(id) || Number(id) === postId;
  });
}

/** What an address answers when asked without credentials ({@link askAddress}). */
export type AddressAnswer =
  /**
   * It redirects to another host (or scheme): the site's address there, its path kept; or to
   * another folder of its own host where a WordPress answers: the address of that folder.
   */
  | { kind: 'moved'; address: string }
  /** A WordPress answers there itself (its REST index, or one of its REST errors). */
  | { kind: 'wordpress' }
  /** Something else answers there (a parked domain's page, a server's error). */
  | { kind: 'other' }
  /**
   * An answer the browser would not let us read: a site there, of whatever kind, or a redirect
   * to one (from the extension, an origin not granted: the two cannot be told apart).
   */
  | { kind: 'answers' }
  /** No answer: offline, unreachable, slow. */
  | { kind: 'unreached'; code: 'timeout' | 'offline' | 'unreachable' | 'cancelled' };

/**
 * What the site address `siteUrl` answers now, asked without credentials (no Authorization
 * header, no cookie): whether a site that was there moved (`monjournal.fr` redirecting to
 * `www.monjournal.fr`), still answers there itself, or is gone. One GET of its REST index
 * (`?rest_route=/`, whatever the permalinks). The password of the settings is never sent: the
 * address is an old one, whose site may be another newsroom's by now.
 */
export async function askAddress(
  siteUrl: string,
  options: WpRequestOptions = {},
): Promise<AddressAnswer> {
  const site = validateSiteUrl(siteUrl);
  if (!site.ok) return { kind: 'other' };
  const url = `${site.url}/?rest_route=/`;
  const answer = await new Transport(options).request(url);
  if (answer.kind === 'trouble') {
    // `redirected` is a write's only (transport.ts): this read follows its redirects.
    if (answer.code === 'redirected') return { kind: 'other' };
    return answer.code === 'unreachable'
      ? unreadable(url, options)
      : { kind: 'unreached', code: answer.code };
  }
  const moved = siteMoved(answer.url, site.url);
  if (moved?.code === 'site_moved' && moved.address) {
    return { kind: 'moved', address: moved.address };
  }
  if (moved) return { kind: 'other' };
  // No WordPress answering (a login page, a home page, a parked page): the site gone from there,
  // wherever on its host the answer came from; a redirect to such a page names no site address.
  if (!isRestIndex(answer.json) && !wpCodeOf(answer.json)) return { kind: 'other' };
  // Answered at a custom REST prefix of the site (`/api/`): no folder of its own, its `home` says
  // where it is.
  const within =
    (customRestBase(answer.url, site.url, '/')
      ? undefined
      : movedWithinHost(answer.url, site.url)) ?? homeElsewhere(answer.json, site.url);
  return within ? { kind: 'moved', address: within } : { kind: 'wordpress' };
}

/**
 * The address a REST index names as its site's (`home`) when it is another folder of the origin
 * of `siteUrl`, where it was asked: a site moved from `monjournal.fr/blog` to the root, the
 * folder gone, answers there with no redirect (the host's rewrite rules send every address to
 * the root's WordPress, which serves its REST index at `/blog/?rest_route=/` too) and names the
 * root its address. Undefined for `siteUrl` itself, another origin (a site answering at two
 * names, or `http` behind a proxy: nothing said of a move), or no such field.
 */
function homeElsewhere(json: unknown, siteUrl: string): string | undefined {
  return isRestIndex(json) ? homeNamedElsewhere(json.home, siteUrl) : undefined;
}

/** {@link homeElsewhere} of a `home` field, wherever it was read. */
function homeNamedElsewhere(field: unknown, siteUrl: string): string | undefined {
  if (typeof field !== 'string') return undefined;
  const home = validateSiteUrl(field);
  if (!home.ok || home.url === siteUrl) return undefined;
  return new URL(home.url).origin === new URL(siteUrl).origin ? home.url : undefined;
}

/**
 * The address of the WordPress answering for `siteUrl` when its REST index says it is another
 * folder's of the same origin, not one within `siteUrl`: its `home` names that folder
 * ({@link homeElsewhere}) and neither
 * its `home` nor its `url` (where its own files are: `monjournal.fr/blog` for a WordPress kept
 * there whose home is the root, the same site) names `siteUrl`. The site moved from the folder
 * to the root (redirected there, or the folder gone and the root's rewrite rules answering under
 * it), or the folder's site gone and another answering: the root's WordPress, a network's main
 * site sharing its users. Publishing there would write to that site, the post recorded at
 * `siteUrl`; the editor is told the address instead, as for another host.
 */
function siteOfElsewhere(json: unknown, siteUrl: string): string | undefined {
  return isRestIndex(json) ? siteNamedElsewhere(json, siteUrl) : undefined;
}

/**
 * {@link siteOfElsewhere} of the site's address as an answer names it (`home`, `url`): the REST
 * index's, or the companion plugin's discovery's (0.1.10; an older one names none: undefined),
 * which the shared desk asks (desk-client.ts), for it never to take another site's desk for its
 * own.
 */
export function siteNamedElsewhere(
  named: { home?: unknown; url?: unknown },
  siteUrl: string,
): string | undefined {
  const home = homeNamedElsewhere(named.home, siteUrl);
  // A WordPress in a folder of the settings' address (`monjournal.fr` redirecting to
  // `monjournal.fr/fr`): its posts are made under that address, followed as before.
  if (!home || createdUnder(home, siteUrl)) return undefined;
  const names = (field: unknown) => {
    if (typeof field !== 'string') return false;
    const address = validateSiteUrl(field);
    return address.ok && address.url.toLowerCase() === siteUrl.toLowerCase();
  };
  return names(named.url) || names(named.home) ? undefined : home;
}

/**
 * The site address a WordPress answer names when it came, after redirects, from the host of
 * `siteUrl` (same scheme, see {@link siteMoved}) but another folder: `monjournal.fr/blog`
 * redirecting its REST index to `monjournal.fr/?rest_route=/`, the site moved to the root of its
 * origin (or from it to a folder, or between folders). The answer's address as the options
 * validate one (its REST path dropped, `wp-json` or `?rest_route`); undefined when it is
 * `siteUrl` itself. Asked of WordPress answers only: a redirect to a page of the host that is no
 * site's REST answer (`/wp-login.php`, the home page) says the site is gone from `siteUrl`, not
 * where it went, and is answered as that page answering at `siteUrl` itself would be.
 */
export function movedWithinHost(answerUrl: string, siteUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(answerUrl);
  } catch {
    return undefined;
  }
  const address = validateSiteUrl(`${url.origin}${url.pathname}`);
  return address.ok && address.url !== siteUrl ? address.url : undefined;
}

/**
 * The REST base (`https://monsite.fr/api/`) of the site at `siteUrl` when `answerUrl`, where a
 * request for REST route `route` ended after redirects, is that route at a custom prefix:
 * WordPress's `rest_url_prefix` changed from `wp-json` (as some security plugins do, answering
 * `?rest_route=` with a redirect there). No `wp-json` segment (that names a site address:
 * {@link movedWithinHost}), else as {@link routeAtSiteRoot}. Undefined otherwise: an answer from
 * another folder of the origin (`monjournal.fr/blog` answered from `monjournal.fr/api/…`, or
 * from a folder deeper than one segment, a network's sub-site under the settings' root), which
 * is a move as before.
 */
export function customRestBase(
  answerUrl: string,
  siteUrl: string,
  route: string,
): string | undefined {
  const root = routeAtSiteRoot(answerUrl, siteUrl, route);
  return root && !/\/wp-json(?:\/|$)/i.test(root.pathname) ? root.base : undefined;
}

/**
 * Where `answerUrl` is REST route `route` at a root one segment deep in the site's own path
 * (`<site>/<prefix>/<route>`): the same origin as `siteUrl`, no `rest_route` parameter, `prefix`
 * that segment and `base` that root (`https://monsite.fr/api/`); `pathname` the answer's. A query
 * in `route` (after `?` or `&`, as desk-client.ts writes its routes) is not compared, nor slashes
 * ending either path. Undefined for any other address. {@link customRestBase} is the root at a
 * custom prefix; desk-client.ts also takes the site's own `/wp-json/`.
 */
export function routeAtSiteRoot(
  answerUrl: string,
  siteUrl: string,
  route: string,
): { prefix: string; base: string; pathname: string } | undefined {
  let url: URL;
  let site: URL;
  try {
    url = new URL(answerUrl);
    site = new URL(siteUrl);
  } catch {
    return undefined;
  }
  if (url.origin !== site.origin || url.searchParams.has('rest_route')) return undefined;
  const sitePath = site.pathname.replace(/\/+$/, '');
  if (!url.pathname.startsWith(`${sitePath}/`)) return undefined;
  const parts = /^\/([^/]+)(\/.*)?$/.exec(url.pathname.slice(sitePath.length));
  if (!parts) return undefined;
  const tail = (parts[2] ?? '').replace(/\/+$/, '');
  const asked = route.split(/[?&]/)[0]!.replace(/\/+$/, '');
  if (tail !== asked) return undefined;
  const prefix = parts[1]!;
  return { prefix, base: `${url.origin}${sitePath}/${prefix}/`, pathname: url.pathname };
}

/**
 * What `url` answers when the browser would not let the extension read it: an origin it holds
 * no permission for (the options give an old address's back), whose answer allows no extension
 * (a web server's redirect names no origin; WordPress's CORS header is empty for an extension's,
 * which `sanitize_url` drops), fails as if unreachable. Asked again as a page loads an image
 * (`no-cors`, no credentials): whether anything answers there is known, not what. The redirect
 * is followed: Chromium fails a `no-cors` request whose redirect mode is not `follow` (the Fetch
 * standard's main fetch) before sending it, so `manual` made every address, a site still
 * answering there too, look gone. A redirect then ends in an answer (`opaque`) as a site's own
 * does: the move cannot be told from a site still there, and is left unproven.
 */
async function unreadable(url: string, options: WpRequestOptions): Promise<AddressAnswer> {
  const answer = await new Transport(options).request(url, { opaque: true });
  // `redirected` is a write's only (transport.ts): this read follows its redirects.
  if (answer.kind === 'answer' || answer.code === 'redirected') return { kind: 'answers' };
  return { kind: 'unreached', code: answer.code };
}

// ---------------------------------------------------------------------------------------------
// Publication marker

/** A slug WordPress keeps as it is: lowercase ASCII letters, digits and single hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The slug that marks the post of one publication: the title as WordPress would turn it into a
 * slug (accents dropped, lowercase, hyphens), cut at 60 characters, then `key`. WordPress keeps
 * a slug given to a draft or pending post as is, so a retry finds the post by it on any site,
 * without a plugin. `key` (lowercase letters and digits) makes it unique.
 */
export function publishSlug(title: string, key: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  const tail = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return words ? `${words}-${tail}` : `indiscrets-${tail}`;
}

// ---------------------------------------------------------------------------------------------
// REST root discovery

type RestRoot = {
  /** `https://site/wp-json/` (pretty) or `https://site/` with `?rest_route=` (plain). */
  base: string;
  plain: boolean;
  index: JsonObject;
};

function restRootFromUrl(url: string): { base: string; plain: boolean } {
  const parsed = new URL(url);
  if (parsed.searchParams.has('rest_route')) {
    return { base: `${parsed.origin}${parsed.pathname}`, plain: true };
  }
  const path = parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`;
  return { base: `${parsed.origin}${path}`, plain: false };
}

function routeUrl(
  root: { base: string; plain: boolean },
  route: string,
  query: Record<string, string | number> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) params.set(k, String(v));
  const qs = params.toString();
  if (root.plain) {
    const encoded = encodeURIComponent(route).replace(/%2F/gi, '/');
    return `${root.base}?rest_route=${encoded}${qs ? `&${qs}` : ''}`;
  }
  return `${root.base}${route.replace(/^\//, '')}${qs ? `?${qs}` : ''}`;
}

function isRestIndex(json: unknown): json is JsonObject {
  return isObject(json) && (Array.isArray(json.namespaces) || isObject(json.routes));
}

function looksLikeWordPressHtml(answer: HttpAnswer): boolean {
  const link = answer.headers.get('link') ?? '';
  if (link.includes('api.w.org')) return true;
  return /wp-content\/|wp-includes\/|api\.w\.org|<meta[^>]+generator[^>]+WordPress/i.test(
    answer.text.slice(0, 200_000),
  );
}

/**
 * The REST API's address a page names (`Link: <…>; rel="https://api.w.org/"`, or its `<link>`
 * tag), as WordPress sends it with every page: unresolved, undefined when there is none.
 */
export function apiLinkOf(answer: HttpAnswer): string | undefined {
  const header = answer.headers.get('link') ?? '';
  const fromHeader = /<([^>]+)>\s*;\s*rel="https:\/\/api\.w\.org\/"/.exec(header)?.[1];
  if (fromHeader) return fromHeader;
  const tag = /<link[^>]+rel=["']https:\/\/api\.w\.org\/["'][^>]*>/i.exec(answer.text)?.[0];
  const href = tag ? /href=["']([^"']+)["']/i.exec(tag)?.[1] : undefined;
  return href ? decodeEntities(href) : undefined;
}

/**
 * A rendered title as plain text: WordPress's typography (`&#8217;`, `&laquo;&nbsp;`) decoded
 * with the project's decoder, tags (a `<em>` in a title) dropped, spaces collapsed. No-break
 * spaces stay: they are French typography.
 */
export function plainTitle(rendered: string): string {
  return decodeEntities(rendered.replace(/<[^>]*>/g, ''))
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Client

/** Refusals that say who may ask, not what the site is: a password, a firewall, a rate limit. */
const REFUSALS = new Set([401, 403, 429]);

/** REST roots already found, by site: for the requests made as the editor types. */
const knownRoots = new Map<string, { base: string; plain: boolean }>();

class WordPressClient {
  private readonly http: Transport;
  private readonly settings: WpSettings;
  private readonly auth: string;
  private root?: RestRoot;
  readonly site: string;

  constructor(site: string, settings: WpSettings, options: WpRequestOptions) {
    this.site = site;
    this.settings = settings;
    this.http = new Transport(options);
    this.auth = basicAuth(settings.username, settings.appPassword);
  }

  private authed(url: string, init: { method?: string; body?: unknown } = {}) {
    return this.http.request(url, { ...init, headers: { Authorization: this.auth } });
  }

  /** Finds the REST root: /wp-json/, then ?rest_route=/, then the home page's api.w.org link. */
  async discover(): Promise<WpResult<{ root: RestRoot }>> {
    if (this.root) return { ok: true, root: this.root };
    const tried = new Set<string>();
    let guarded: { url: string; answer: HttpAnswer } | undefined;
    let home: HttpAnswer | undefined;
    // The first 5xx met: a WordPress that is down (database error, a proxy's 502/503) answers
    // so everywhere, and would otherwise be reported as no WordPress at all.
    let serverError: number | undefined;
    // The first refusal met (a server password, a firewall, a rate limit): said as such when the
    // site refuses its home page too, rather than « not a WordPress ».
    let refusal: HttpAnswer | undefined;
    const note = (answer: HttpAnswer) => {
      if (answer.status >= 500 && serverError === undefined) serverError = answer.status;
      if (REFUSALS.has(answer.status)) refusal ??= answer;
    };

    const attempt = async (url: string): Promise<WpResult<{ root: RestRoot }> | undefined> => {
      tried.add(url);
      const answer = await this.http.request(url);
      if (answer.kind === 'trouble') return fromTrouble(answer);
      if (isSuccess(answer) && isRestIndex(answer.json)) return this.found(answer);
      note(answer);
      // A WordPress error object: the REST API exists but refuses anonymous visitors.
      if (wpCodeOf(answer.json) && !guarded) guarded = { url, answer };
      return undefined;
    };

    for (const url of [`${this.site}/wp-json/`, `${this.site}/?rest_route=/`]) {
      const result = await attempt(url);
      if (result) return result;
    }

    if (!guarded) {
      const answer = await this.http.request(`${this.site}/`);
      if (answer.kind === 'trouble') return fromTrouble(answer);
      home = answer;
      note(answer);
      const link = apiLinkOf(answer);
      if (link) {
        try {
          const resolved = new URL(link, answer.url);
          // The home page's own origin too: a site that moved is then said so (found()).
          if (
            (resolved.origin === new URL(this.site).origin ||
              resolved.origin === new URL(answer.url).origin) &&
            isSecureOrLocal(resolved) &&
            !tried.has(resolved.href)
          ) {
            const result = await attempt(resolved.href);
            if (result) return result;
          }
        } catch {
          // not a usable link
        }
      }
    }

    if (guarded) {
      // Never sent on to another host than the one allowed, where the redirect would take them.
      const moved = siteMoved(guarded.answer.url, this.site);
      if (moved) return moved;
      // Some sites open the REST API to logged-in users only: ask again with the credentials.
      const answer = await this.authed(guarded.url);
      if (answer.kind === 'trouble') return fromTrouble(answer);
      if (isSuccess(answer) && isRestIndex(answer.json)) return this.found(answer);
      const refused = fromAnswer(answer, 'read');
      if (answer.status >= 500) {
        return failure('site_server_error', {
          status: answer.status,
          wpCode: refused.wpCode,
          detail: refused.detail,
        });
      }
      if (
        refused.code === 'wrong_credentials' ||
        refused.code === 'credentials_unseen' ||
        refused.code === 'app_passwords_unavailable' ||
        refused.code === 'site_protected' ||
        refused.code === 'too_many_requests'
      ) {
        return refused;
      }
      return failure('rest_disabled', {
        status: answer.status,
        wpCode: refused.wpCode,
        detail: refused.detail,
      });
    }

    const wordpressHome = !!home && looksLikeWordPressHtml(home);
    // Refused everywhere, the home page included (a server password, a firewall's or a CDN's
    // challenge, a rate limit), or refused at the REST API of a WordPress home page: said as
    // such. A WordPress whose REST API alone answers 403 has it blocked (below); a site that
    // shows its home page but refuses /wp-json/ (some block every wp-* path) is no WordPress.
    if (
      refusal &&
      ((home && REFUSALS.has(home.status)) || (wordpressHome && refusal.status !== 403))
    ) {
      const refused = fromAnswer(refusal, 'read');
      // These requests carry no credentials: a 401 is the server's own password, not ours.
      return refused.code === 'wrong_credentials'
        ? { ...refused, code: 'site_protected' }
        : refused;
    }
    // A server error on the way says nothing of what the site is: not « not WordPress », nor a
    // REST API turned off, but a site to try again later.
    if (serverError !== undefined) return failure('site_server_error', { status: serverError });
    if (wordpressHome) return failure('rest_disabled', { status: 404 });
    return failure('not_wordpress', { status: home?.status });
  }

  private found(answer: HttpAnswer): WpResult<{ root: RestRoot }> {
    let finalUrl: URL;
    try {
      finalUrl = new URL(answer.url);
    } catch {
      return failure('bad_response');
    }
    // After redirects, never send the password over plain http to a remote host.
    if (!isSecureOrLocal(finalUrl)) return failure('insecure_url');
    const moved = siteMoved(answer.url, this.site);
    if (moved) return moved;
    // The WordPress of another folder of the origin answering (redirected there, or at the
    // settings' folder itself, gone): its address said, nothing sent to it (see siteOfElsewhere).
    const elsewhere = siteOfElsewhere(answer.json, this.site);
    if (elsewhere) return failure('site_moved', { address: elsewhere });
    this.root = { ...restRootFromUrl(answer.url), index: answer.json as JsonObject };
    return { ok: true, root: this.root };
  }

  /**
   * Credentials answered as to an anonymous visitor (`credentials_unseen`), on a site whose
   * index lists the companion plugin's namespace: its discovery, asked with the same
   * credentials, says whether any Authorization header reached PHP (plugin 0.1.9,
   * `authorization`). None did: the server drops it (`auth_header_dropped`); one did, and still
   * no user: WordPress refused them (`wrong_credentials`). One more GET, only on that answer;
   * without the plugin, an older one, or any other answer, the failure is left as it was.
   */
  private async toldApart(root: RestRoot, refused: WpFailure): Promise<WpFailure> {
    if (refused.code !== 'credentials_unseen') return refused;
    const namespaces = root.index.namespaces;
    if (!Array.isArray(namespaces) || !namespaces.includes('indiscrets/v1')) return refused;
    const asked = await this.authed(
      routeUrl(root, '/indiscrets/v1', { _fields: 'plugin,user,authorization' }),
    );
    if (asked.kind === 'trouble' || asked.status !== 200 || !isObject(asked.json)) return refused;
    const { plugin, user, authorization } = asked.json;
    if (!isObject(plugin) || plugin.name !== 'indiscrets' || user !== null) return refused;
    return { ...refused, code: anonymousCause(authorization) };
  }

  async connection(): Promise<WpResult<WpConnection>> {
    const discovered = await this.discover();
    if (!discovered.ok) return discovered;
    const { root } = discovered;

    // WordPress lists the authentication schemes it offers; `[]` when none.
    const schemes = root.index.authentication;
    if (
      (Array.isArray(schemes) && schemes.length === 0) ||
      (isObject(schemes) && !('application-passwords' in schemes))
    ) {
      return failure('app_passwords_unavailable');
    }

    const me = await this.authed(routeUrl(root, '/wp/v2/users/me', { context: 'edit' }));
    if (me.kind === 'trouble') return fromTrouble(me);
    if (!isSuccess(me)) {
      const refused = await this.toldApart(root, fromAnswer(me, 'read'));
      return refused.code === 'forbidden'
        ? { ...refused, ...failure('cannot_create_posts') }
        : refused;
    }
    if (!isObject(me.json)) return failure('bad_response', { status: me.status });

    const caps = isObject(me.json.capabilities) ? me.json.capabilities : undefined;
    let canCreate = caps?.edit_posts === true;
    if (!caps) {
      // Some security plugins strip capabilities: the post type's edit context needs edit_posts.
      const type = await this.authed(routeUrl(root, '/wp/v2/types/post', { context: 'edit' }));
      if (type.kind === 'trouble') return fromTrouble(type);
      canCreate = isSuccess(type);
    }
    if (!canCreate) return failure('cannot_create_posts', { status: me.status });

    return {
      ok: true,
      siteName: decodeEntities(str(root.index.name) ?? ''),
      userName: decodeEntities(str(me.json.name) ?? this.settings.username),
      canPublish: caps?.publish_posts === true,
      canCreateCategory: caps?.manage_categories === true,
      siteUrl: this.site,
      restUrl: routeUrl(root, '/'),
    };
  }

  async category(name: string): Promise<WpResult<{ id: number; created: boolean }>> {
    const discovered = await this.discover();
    if (!discovered.ok) return discovered;
    const { root } = discovered;
    const wanted = name.trim().normalize('NFC').toLocaleLowerCase('fr');

    // Search by the longest word of the name: WordPress stores `&` as `&amp;` in term names, so
    // a search for the whole name can miss; the exact comparison is done here.
    const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
    const term = words.reduce((a, b) => (b.length > a.length ? b : a), '') || name.trim();
    for (let page = 1; page <= 10; page += 1) {
      const search = await this.authed(
        routeUrl(root, '/wp/v2/categories', {
          search: term,
          per_page: 100,
          page,
          _fields: 'id,name',
        }),
      );
      if (search.kind === 'trouble') return fromTrouble(search);
      if (!isSuccess(search)) return this.toldApart(root, fromAnswer(search, 'read', name));
      if (!Array.isArray(search.json)) return failure('bad_response', { status: search.status });
      for (const category of search.json) {
        if (!isObject(category) || typeof category.id !== 'number') continue;
        const candidate = decodeEntities(str(category.name) ?? '')
          .trim()
          .normalize('NFC')
          .toLocaleLowerCase('fr');
        if (candidate === wanted) return { ok: true, id: category.id, created: false };
      }
      const pages = Number(search.headers.get('x-wp-totalpages') ?? '1');
      if (!(page < pages)) break;
    }

    const created = await this.authed(routeUrl(root, '/wp/v2/categories'), {
      method: 'POST',
      body: { name: name.trim() },
    });
    if (created.kind === 'trouble') return fromTrouble(created);
    if (isSuccess(created) && isObject(created.json) && typeof created.json.id === 'number') {
      return { ok: true, id: created.json.id, created: true };
    }
    // Created meanwhile, or its name differs only in ways search did not show.
    const data = isObject(created.json) ? created.json.data : undefined;
    if (wpCodeOf(created.json) === 'term_exists' && isObject(data)) {
      const id = Number(data.term_id);
      if (Number.isInteger(id) && id > 0) return { ok: true, id, created: false };
    }
    return this.toldApart(root, fromAnswer(created, 'create_category', name));
  }

  /**
   * The ids of the posts (any status but trash) whose slug is `marker`, lowest first. Drafts
   * and pending posts are only listed to an account that may edit posts: the one publishing.
   */
  private async marked(root: RestRoot, marker: string): Promise<WpResult<{ ids: number[] }>> {
    const answer = await this.authed(
      routeUrl(root, '/wp/v2/posts', {
        slug: marker,
        status: 'any',
        context: 'edit',
        per_page: 20,
        _fields: 'id,slug',
      }),
    );
    if (answer.kind === 'trouble') return fromTrouble(answer);
    if (!isSuccess(answer)) return this.toldApart(root, fromAnswer(answer, 'read'));
    if (!Array.isArray(answer.json)) return failure('bad_response', { status: answer.status });
    const ids = answer.json
      .filter((p): p is JsonObject => isObject(p) && typeof p.id === 'number' && p.slug === marker)
      .map((p) => p.id as number)
      .sort((a, b) => a - b);
    return { ok: true, ids };
  }

  /**
   * The site's published posts, latest first (or matching `query.search`). Asked with the
   * credentials: some sites open the REST API to logged-in users only. Entries that are not a
   * post with an id and an http(s) link are left out.
   */
  async sitePosts(query: WpSitePostsQuery): Promise<WpResult<{ posts: WpSitePost[] }>> {
    const perPage = Math.min(100, Math.max(1, Math.floor(query.perPage ?? 20)));
    const search = query.search?.trim().replace(/\s+/g, ' ').slice(0, 200);
    const ask = (root: { base: string; plain: boolean }) =>
      this.authed(
        routeUrl(root, '/wp/v2/posts', {
          per_page: perPage,
          status: 'publish',
          _fields: 'id,link,title,date',
          ...(search ? { search } : {}),
        }),
      );
    // The link form asks as the editor types: the REST root found once is reused rather than
    // fetching the site's whole REST index before each search.
    const answer = await this.atKnownRoot(
      ask,
      (a) => a.status === 404,
      (a) => isSuccess(a),
    );
    if ('ok' in answer) return answer;
    if (answer.kind === 'trouble') return fromTrouble(answer);
    if (!isSuccess(answer)) {
      const refused = fromAnswer(answer, 'read');
      if (refused.code !== 'credentials_unseen') return refused;
      // A site open to logged-in users only, answering as to a visitor: told apart as the
      // connection test does, by the plugin if the REST index lists it (the known root keeps no
      // index: it is read for this).
      const discovered = await this.discover();
      return discovered.ok ? this.toldApart(discovered.root, refused) : refused;
    }
    if (!Array.isArray(answer.json)) return failure('bad_response', { status: answer.status });
    const posts: WpSitePost[] = [];
    for (const entry of answer.json) {
      if (!isObject(entry) || typeof entry.id !== 'number') continue;
      const link = str(entry.link) ?? '';
      if (!/^https?:\/\/\S+$/i.test(link)) continue;
      const rendered = isObject(entry.title) ? str(entry.title.rendered) : str(entry.title);
      posts.push({
        id: entry.id,
        link,
        title: plainTitle(rendered ?? ''),
        date: str(entry.date) ?? '',
      });
    }
    return { ok: true, posts };
  }

  /**
   * `ask`'s answer at the REST root found once for this site (asked often: the link form as the
   * editor types, the publish panel as it opens), or at the root looked up again when none is
   * known yet or when `lost` says the known one no longer answers (the site moved its REST API);
   * that root is kept once an answer says `found`. A failure when the root cannot be found.
   */
  private async atKnownRoot(
    ask: (root: { base: string; plain: boolean }) => Promise<Http>,
    lost: (answer: HttpAnswer) => boolean,
    found: (answer: HttpAnswer) => boolean,
  ): Promise<Http | WpFailure> {
    const known = knownRoots.get(this.site);
    const answer = known ? await ask(known) : undefined;
    if (answer && !(answer.kind === 'answer' && lost(answer))) return answer;
    knownRoots.delete(this.site);
    const discovered = await this.discover();
    if (!discovered.ok) return discovered;
    const again = await ask(discovered.root);
    if (again.kind === 'answer' && found(again)) {
      knownRoots.set(this.site, { base: discovered.root.base, plain: discovered.root.plain });
    }
    return again;
  }

  /**
   * Post `postId` as WordPress has it now (edit context, a few fields only; its `guid` when
   * asked, only to prove a post recorded at another address this site's: the panel's every
   * other read stays as small). `deleted` when it is gone (404, 410) or in the trash. The REST
   * root found once is reused, as for the link form; a 404 that is not WordPress's « no such
   * post » looks the root up again.
   */
  async postState(postId: number, withGuid = false): Promise<WpResult<WpPostState>> {
    if (!Number.isInteger(postId) || postId <= 0) return failure('deleted');
    const ask = (root: { base: string; plain: boolean }) =>
      this.authed(
        routeUrl(root, `/wp/v2/posts/${postId}`, {
          context: 'edit',
          _fields: `id,modified_gmt,status,link${withGuid ? ',guid' : ''}`,
        }),
      );
    // A 404 that is WordPress's « no such post » is the post's answer, not a root lost.
    const answer = await this.atKnownRoot(
      ask,
      (a) => a.status === 404 && wpCodeOf(a.json) !== 'rest_post_invalid_id',
      (a) => isSuccess(a) || a.status === 404,
    );
    if ('ok' in answer) return answer;
    const read = postRead(answer);
    if (!read.ok) return read;
    const modifiedGmt = str(read.json.modified_gmt);
    if (!modifiedGmt) return failure('bad_response', { status: read.status });
    const { guid } = read.json;
    const created = isObject(guid) ? (str(guid.raw) ?? str(guid.rendered)) : undefined;
    return {
      ok: true,
      postId,
      modifiedGmt,
      status: read.remoteStatus,
      link: str(read.json.link) ?? `${this.site}/?p=${postId}`,
      editLink: editLinkOf(this.site, postId),
      ...(created ? { guid: created } : {}),
    };
  }

  async publish(post: WpPostInput, overwrite: boolean): Promise<WpResult<WpPublished>> {
    const discovered = await this.discover();
    if (!discovered.ok) return discovered;
    const { root } = discovered;
    const marker = post.postId === undefined ? post.marker : undefined;
    if (marker !== undefined && !SLUG.test(marker)) return failure('unexpected');

    const category = await this.category(this.settings.category?.trim() || DEFAULT_CATEGORY);
    if (!category.ok) return category;

    if (marker) {
      // An earlier attempt may have created the post and lost the answer (the background was
      // stopped, the network cut): that post is ours, update it rather than create another.
      const found = await this.marked(root, marker);
      if (!found.ok) return found;
      const first = found.ids[0];
      if (first !== undefined) {
        const result = await this.save(root, { ...post, postId: first }, true, category.id);
        return result.ok ? { ...result, created: true } : result;
      }
    }
    const result = await this.save(root, post, overwrite, category.id, marker);
    if (!result.ok || !marker) return result;

    // The cut-off attempt's request may have reached WordPress after our look-up: of two posts
    // with the marker, the lowest id stays and the other, created a moment ago, is deleted.
    const twins = await this.marked(root, marker);
    const first = twins.ok ? twins.ids[0] : undefined;
    if (first === undefined || first >= result.postId) return result;
    const removed = await this.authed(
      routeUrl(root, `/wp/v2/posts/${result.postId}`, { force: 'true' }),
      { method: 'DELETE' },
    );
    if (removed.kind === 'trouble' || !isSuccess(removed)) return result;
    const kept = await this.save(root, { ...post, postId: first }, true, category.id);
    return kept.ok ? { ...kept, created: true } : kept;
  }

  /** Creates the post (with `slug` when given) or, with `post.postId`, updates it. */
  private async save(
    root: RestRoot,
    post: WpPostInput,
    overwrite: boolean,
    categoryId: number,
    slug?: string,
  ): Promise<WpResult<WpPublished>> {
    const status: WpPostStatus = this.settings.status === 'pending' ? 'pending' : 'draft';
    const body: JsonObject = { title: post.title, content: post.content };
    let url = routeUrl(root, '/wp/v2/posts');
    const updating = post.postId !== undefined;

    if (updating) {
      const id = post.postId;
      if (!Number.isInteger(id) || (id ?? 0) <= 0) return failure('deleted');
      url = routeUrl(root, `/wp/v2/posts/${id}`);
      const current = postRead(
        await this.authed(routeUrl(root, `/wp/v2/posts/${id}`, { context: 'edit' })),
      );
      if (!current.ok) return this.toldApart(root, current);
      const { remoteStatus } = current;
      const remoteModifiedGmt = str(current.json.modified_gmt) ?? '';
      // A post that already holds what is sent was changed by nobody but us: an update whose
      // answer was lost (a timeout, the network cut, « Annuler ») left its new date unrecorded,
      // and the retry took our own update for a colleague's, asking to overwrite it.
      const raw = (field: unknown) => (isObject(field) ? str(field.raw) : str(field));
      const holdsOurs =
        raw(current.json.title) === post.title && raw(current.json.content) === post.content;
      const changed =
        post.lastModifiedGmt !== undefined && remoteModifiedGmt !== post.lastModifiedGmt;
      if (!overwrite && changed && !holdsOurs) {
        return failure('conflict', { status: current.status, remoteModifiedGmt, remoteStatus });
      }
      // Never unpublish or reschedule a post that an editor moved on: only drafts follow settings.
      // Changed since, its text ours, its status may not be (a colleague sent it for review).
      const moved = changed && !overwrite;
      if (!moved && ['draft', 'pending', 'auto-draft'].includes(remoteStatus)) body.status = status;
      const existing = Array.isArray(current.json.categories)
        ? current.json.categories.filter((c): c is number => typeof c === 'number')
        : [];
      body.categories = [...new Set([...existing, categoryId])];
    } else {
      body.status = status;
      body.categories = [categoryId];
      if (slug) body.slug = slug;
    }

    const saved = await this.authed(url, { method: 'POST', body });
    if (saved.kind === 'trouble') return fromTrouble(saved);
    if (updating && (saved.status === 404 || saved.status === 410)) {
      return failure('deleted', { status: saved.status, wpCode: wpCodeOf(saved.json) });
    }
    if (!isSuccess(saved)) {
      return this.toldApart(root, fromAnswer(saved, updating ? 'edit_post' : 'create_post'));
    }
    const json = saved.json;
    if (!isObject(json) || typeof json.id !== 'number') {
      return failure('bad_response', { status: saved.status });
    }
    return {
      ok: true,
      postId: json.id,
      link: str(json.link) ?? `${this.site}/?p=${json.id}`,
      modifiedGmt: str(json.modified_gmt) ?? '',
      status: str(json.status) ?? status,
      editLink: editLinkOf(this.site, json.id),
      created: !updating,
    };
  }
}

/**
 * A post read before it is written (publishing) or looked at (the publish panel), as both take
 * it: `deleted` when WordPress says it is gone (404, 410) or it is in the trash, the REST
 * failure otherwise; its JSON and status when it is there.
 */
function postRead(
  answer: Http,
): WpResult<{ json: JsonObject; status: number; remoteStatus: string }> {
  if (answer.kind === 'trouble') return fromTrouble(answer);
  if (answer.status === 404 || answer.status === 410) {
    return failure('deleted', { status: answer.status, wpCode: wpCodeOf(answer.json) });
  }
  if (!isSuccess(answer)) return fromAnswer(answer, 'edit_post');
  if (!isObject(answer.json)) return failure('bad_response', { status: answer.status });
  const remoteStatus = str(answer.json.status) ?? '';
  if (remoteStatus === 'trash') return failure('deleted', { status: answer.status });
  return { ok: true, json: answer.json, status: answer.status, remoteStatus };
}

/** Where an editor opens post `postId` of `site` in wp-admin. */
const editLinkOf = (site: string, postId: number) =>
  `${site}/wp-admin/post.php?post=${postId}&action=edit`;

// ---------------------------------------------------------------------------------------------
// Public API

async function withClient<T>(
  settings: WpSettings,
  options: WpRequestOptions,
  work: (client: WordPressClient) => Promise<WpResult<T>>,
): Promise<WpResult<T>> {
  const secrets = secretsOf(settings?.username ?? '', settings?.appPassword ?? '');
  let result: WpResult<T>;
  try {
    const site = validateSiteUrl(settings?.siteUrl ?? '');
    if (!site.ok) {
      result = site;
    } else if (!settings.username?.trim() || !settings.appPassword?.trim()) {
      result = failure('missing_credentials');
    } else {
      result = await work(new WordPressClient(site.url, settings, options));
      // A write the site redirected (transport.ts, not followed; the only site_moved without an
      // address): the address named when its REST index, asked without the password, answers
      // from another (askAddress), as a read tells a move; else the settings' test is to run.
      if (!result.ok && result.code === 'site_moved' && !result.address) {
        const there = await askAddress(site.url, options);
        if (there.kind === 'moved') result = failure('site_moved', { address: there.address });
        // The index answers here itself: the site did not move, its server redirects writes
        // (the connection test, reads only, would pass and name no address).
        if (there.kind === 'wordpress') result = failure('write_redirected');
      }
    }
  } catch (error) {
    result = failure('unexpected', {
      detail: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : undefined,
    });
  }
  // Failures built above hold no server text but `detail`; scrub the whole object anyway.
  return result.ok ? result : scrubDeep(result, secrets);
}

/**
 * Checks that the site is a WordPress with its REST API on, that the credentials work, and
 * that the account may create posts.
 */
export function testConnection(
  settings: WpSettings,
  options: WpRequestOptions = {},
): Promise<WpResult<WpConnection>> {
  return withClient(settings, options, (client) => client.connection());
}

/**
 * Returns the id of the category called `name` (exact name, case-insensitive), creating it when
 * missing. `name` defaults to `settings.category`, then `Indiscrets`.
 */
export function ensureCategory(
  settings: WpSettings,
  name: string = settings.category?.trim() || DEFAULT_CATEGORY,
  options: WpRequestOptions = {},
): Promise<WpResult<{ id: number; created: boolean }>> {
  return withClient(settings, options, (client) => client.category(name));
}

/**
 * Creates the post (status `settings.status`, default draft, in `settings.category`) or, with
 * `post.postId`, updates it. A creation with `post.marker` is idempotent: it updates the post an
 * earlier attempt with the same marker created, and creates one carrying the marker otherwise. Before an update the post is read back: `deleted` when it is gone or
 * in the trash (offer to create a new one), `conflict` when its `modified_gmt` differs from
 * `post.lastModifiedGmt` and `overwrite` is not set. An update keeps the post's categories
 * (adding ours) and never changes the status of a post that is no longer a draft or pending.
 */
export function publishPost(
  settings: WpSettings,
  post: WpPostInput,
  options: WpRequestOptions & { overwrite?: boolean } = {},
): Promise<WpResult<WpPublished>> {
  return withClient(settings, options, (client) =>
    client.publish(post, options.overwrite === true),
  );
}

/**
 * The site's latest published posts (`query.search`: those matching it), for the link form:
 * id, permalink, plain title and date, at most `query.perPage` (20).
 */
export function sitePosts(
  settings: WpSettings,
  query: WpSitePostsQuery = {},
  options: WpRequestOptions = {},
): Promise<WpResult<{ posts: WpSitePost[] }>> {
  return withClient(settings, options, (client) => client.sitePosts(query));
}

/**
 * Post `postId` as WordPress has it now: its `modified_gmt`, status and links, for the publish
 * panel to tell an edit made in WordPress since the last publication. `deleted` when the post is
 * gone or in the trash. Only reads. With `withGuid`, its `guid` too (see `postState`).
 */
export function readPostState(
  settings: WpSettings,
  postId: number,
  options: WpRequestOptions = {},
  withGuid = false,
): Promise<WpResult<WpPostState>> {
  return withClient(settings, options, (client) => client.postState(postId, withGuid));
}
