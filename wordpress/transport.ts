/**
 * How the extension talks to a WordPress site, below any WordPress meaning: secure addresses only,
 * `fetch` with a timeout and cancellation, the Authorization header, and keeping credentials out
 * of anything handed back.
 *
 * Runs in an extension page or the service worker: only `fetch`, `AbortController`, `URL`,
 * `TextEncoder` and `btoa`, no Node API. Authentication is an application password sent as
 * HTTP Basic (`Authorization: Basic base64(user:password)`), spaces kept: WordPress ignores them.
 * Nothing here throws for network trouble: a request resolves to an answer or to a trouble code.
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface WpRequestOptions {
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Per request. Default 20 000 ms. */
  timeoutMs?: number;
  /** Lets the caller cancel (code `cancelled`). */
  signal?: AbortSignal;
  /** Tells `offline` from `unreachable`; defaults to `navigator.onLine`. */
  isOnline?: () => boolean;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------------------------
// Site address

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** https, or http to this machine only: the password never travels in clear to a remote host. */
export function isSecureOrLocal(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

// ---------------------------------------------------------------------------------------------
// Credentials

function utf8Base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `Authorization` header value for an application password. */
export function basicAuth(username: string, appPassword: string): string {
  return `Basic ${utf8Base64(`${username}:${appPassword}`)}`;
}

/** Every form in which a password could come back from a server, longest first. */
export function secretsOf(username: string, appPassword: string): string[] {
  const password = appPassword ?? '';
  const forms = new Set<string>();
  const add = (s: string) => {
    if (s.length >= 3) forms.add(s);
  };
  add(password);
  add(password.trim());
  add(password.replace(/\s+/g, ''));
  add(encodeURIComponent(password));
  add(password.replace(/\s+/g, '+'));
  if (password) {
    const token = utf8Base64(`${username}:${password}`);
    add(token);
    add(token.replace(/=+$/, ''));
    add(utf8Base64(`${username}:${password.replace(/\s+/g, '')}`));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('•••');
  return (
    out
      .replace(/(authorization\s*[:=]\s*)[^\s,;"']+(\s+[^\s,;"']+)?/gi, '$1•••')
      // A token, not prose: "Basic authentication" stays, "Basic YWRtaW46…" goes.
      .replace(
        /\b([Bb]asic|BASIC|[Bb]earer|BEARER)\s+(?=[\w+/=.-]*[0-9A-Z+/=])[\w+/=.-]{8,}/g,
        '$1 •••',
      )
  );
}

/** A copy of `value` with every string scrubbed of the secrets and of Authorization tokens. */
export function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return scrub(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, secrets)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, secrets);
    return out as T;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// HTTP

export type JsonObject = Record<string, unknown>;

export type HttpAnswer = {
  kind: 'answer';
  status: number;
  url: string;
  headers: Headers;
  text: string;
  json: unknown;
};
export type HttpTrouble = {
  kind: 'trouble';
  /**
   * `redirected`: a write (any method but GET and HEAD) the site answered with a redirect, not
   * followed ({@link Transport.request}): nothing was written, the site answers elsewhere.
   */
  code: 'timeout' | 'offline' | 'unreachable' | 'cancelled' | 'redirected';
};
export type Http = HttpAnswer | HttpTrouble;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const isSuccess = (answer: HttpAnswer) => answer.status >= 200 && answer.status < 300;

/** How many places {@link jsonOf} tries the JSON from, past the first `[` or `{`. */
const LINE_STARTS_TRIED = 3;

/**
 * The JSON of a body, or `undefined`. WordPress behind some hosts prefixes a BOM or PHP notices
 * (display_errors on): the JSON that follows is taken, from the first `[` or `{`, else from one
 * at the start of a line — a notice can hold brackets itself (PHP 8.1's « the
 * #[\ReturnTypeWillChange] attribute should be used »), and PHP ends each with a line break.
 * At most 1 + {@link LINE_STARTS_TRIED} parses, none when the body does not end as JSON does:
 * an HTML page of megabytes costs one scan.
 */
export function jsonOf(text: string): unknown {
  let end = text.length - 1;
  while (end >= 0 && /\s/.test(text[end]!)) end -= 1;
  const open = text[end] === '}' ? '{' : text[end] === ']' ? '[' : undefined;
  if (!open) return undefined;
  const parsed = (start: number): { json: unknown } | undefined => {
    if (text[start] !== open) return undefined;
    try {
      return { json: JSON.parse(text.slice(start)) };
    } catch {
      return undefined; // Not JSON from here: a bracket inside a notice.
    }
  };
  const first = text.search(/[[{]/);
  if (first < 0) return undefined;
  const found = parsed(first);
  if (found) return found.json;
  // Only lines opening with the bracket the body ends with are tried: one scan, a few parses.
  const lineStart = open === '{' ? /\n[ \t\r]*\{/g : /\n[ \t\r]*\[/g;
  lineStart.lastIndex = first;
  for (let tries = 0; tries < LINE_STARTS_TRIED; tries += 1) {
    const match = lineStart.exec(text);
    if (!match) break;
    const again = parsed(match.index + match[0].length - 1);
    if (again) return again.json;
  }
  return undefined;
}

/** Whether a method only reads: its request may follow a redirect. */
const READS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * Whether `response`, asked with `redirect: 'manual'`, is a redirect: a browser (an extension
 * page or service worker, Chromium and Firefox alike) gives an `opaqueredirect` answer, status 0
 * and no headers; Node's fetch (the unit tests) the 3xx itself.
 */
function isRedirect(response: Response): boolean {
  return (
    response.type === 'opaqueredirect' ||
    ([301, 302, 303, 307, 308].includes(response.status) && response.headers.has('location'))
  );
}

/**
 * `url` with a slash added to its path, its query kept (`…/wp/v2/posts?x=1` →
 * `…/wp/v2/posts/?x=1`); undefined when its path ends with one already.
 */
export function slashAdded(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.pathname.endsWith('/')) return undefined;
  parsed.pathname += '/';
  parsed.hash = '';
  return parsed.href;
}

/** JSON requests with a per-request timeout, the caller's cancellation and no cookies. */
export class Transport {
  private readonly fetchFn: FetchLike;
  private readonly timeoutMs: number;
  private readonly signal?: AbortSignal;
  private readonly isOnline: () => boolean;

  constructor(options: WpRequestOptions) {
    this.fetchFn =
      options.fetch ??
      ((input: string, init: RequestInit) => globalThis.fetch.call(globalThis, input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.signal = options.signal;
    this.isOnline =
      options.isOnline ??
      (() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false));
  }

  /**
   * `opaque`: asked as a page loads an image (`no-cors`), for an origin the extension may not
   * read: the answer only tells that something answered (status 0, no body, no address).
   * `sendOnTo`: for a write, where else than the same address with a slash added it may go when
   * redirected (desk-client.ts: the same route at the site's custom REST prefix), judged by the
   * answer there to the GET without the password (a REST API's, or a page's: another site's).
   */
  async request(
    url: string,
    init: {
      method?: string;
      headers?: Record<string, string>;
      body?: unknown;
      opaque?: true;
      sendOnTo?: (target: string, answer: HttpAnswer) => boolean;
    } = {},
  ): Promise<Http> {
    if (this.signal?.aborted) return { kind: 'trouble', code: 'cancelled' };
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    this.signal?.addEventListener('abort', onAbort);
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const method = (init.method ?? 'GET').toUpperCase();
    // A write never follows a redirect: a 307/308 would replay it, body and Authorization header
    // (kept by the browser within one origin) at the target — `monjournal.fr/blog/…` redirected to
    // `monjournal.fr/…`, another site of a multisite network sharing its users — and write a post
    // or a desk record there before any move is seen (a 301/302/303 would turn it into a GET
    // whose answer is no write's). Reads keep following: the REST index read (client.ts
    // `discover`, desk-client.ts) is how a move is told and named (siteMoved, the folder the
    // answer came from), and a read writes nothing wherever it lands.
    const reads = READS.has(method);
    try {
      const response = await this.fetchFn(url, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: controller.signal,
        // A logged-in WordPress cookie would win over Basic auth and then fail the REST nonce check.
        credentials: 'omit',
        cache: 'no-store',
        redirect: reads ? 'follow' : 'manual',
        ...(init.opaque ? { mode: 'no-cors' as const } : {}),
      });
      if (reads || !isRedirect(response)) {
        return await this.answerOf(response, url, init.opaque === true);
      }
    } catch {
      if (timedOut) return { kind: 'trouble', code: 'timeout' };
      if (this.signal?.aborted) return { kind: 'trouble', code: 'cancelled' };
      return { kind: 'trouble', code: this.isOnline() ? 'unreachable' : 'offline' };
    } finally {
      clearTimeout(timer);
      this.signal?.removeEventListener('abort', onAbort);
    }
    // Only a write redirected reaches here. One redirected only to the same address with a slash
    // added (a host adding one to every path, as nginx and Apache rules do) is sent once there,
    // nowhere else. The browser hides where an unfollowed redirect leads (`opaqueredirect`), so a
    // GET of the same address, without the password or a body, follows and names where it ends:
    // the same origin, path + '/' and query, or the write stays refused (another folder, host or
    // query: another site, session 62's case). The write sent there is not followed elsewhere:
    // redirected again, refused, but for a slash added to an address without one (the same
    // rule). The caller may name another address its site answers at (`sendOnTo`), told the
    // same way.
    const slashed = slashAdded(url);
    const { sendOnTo, ...once } = init;
    if (!slashed && !sendOnTo) return { kind: 'trouble', code: 'redirected' };
    const asked = await this.request(url);
    if (asked.kind === 'trouble') {
      return asked.code === 'cancelled' ? asked : { kind: 'trouble', code: 'redirected' };
    }
    const target = asked.url;
    if (target !== slashed && (target === url || !sendOnTo?.(target, asked))) {
      return { kind: 'trouble', code: 'redirected' };
    }
    return this.request(target, once);
  }

  /**
   * The answer of `response`, its body read (the caller awaits it under the request's timer: a
   * server may send headers and then stall). An opaque answer has none to read.
   */
  private async answerOf(response: Response, url: string, opaque: boolean): Promise<Http> {
    const text = opaque ? '' : await response.text();
    return {
      kind: 'answer',
      status: response.status,
      url: response.url || url,
      headers: response.headers,
      text,
      json: jsonOf(text),
    };
  }
}
