/**
 * The WordPress client's failures: their codes, and how an HTTP answer or a network trouble maps
 * to one.
 *
 * Every failure carries a stable `code` and what fills its message (`status`, `category`,
 * `address`); the UI words it with `t('wp.error.<code>')` (locales/*.ts). Messages only take
 * those placeholders, never text from the server (`address` is an origin the URL parser rebuilt,
 * with the configured path): a message cannot leak the application password, whatever the
 * server sends back. The one field with server text (`detail`) is scrubbed by the client before
 * a failure leaves it.
 */

import { decodeEntities } from '../lib/entities';
import { isObject, str, type HttpAnswer, type HttpTrouble } from './transport';

export type WpErrorCode =
  /** The address is empty, not http(s), has a user/password in it, or cannot be parsed. */
  | 'bad_url'
  /** Plain http to a host other than localhost / 127.0.0.1. */
  | 'insecure_url'
  /** Username or application password is empty. */
  | 'missing_credentials'
  /** The browser says it is offline. */
  | 'offline'
  /** No answer at the network level: DNS, refused connection, TLS error… */
  | 'unreachable'
  /** No answer within the time limit. */
  | 'timeout'
  /** The caller aborted the request (its AbortSignal). */
  | 'cancelled'
  /** The server answers normally, but nothing there looks like WordPress. */
  | 'not_wordpress'
  /**
   * Looking for WordPress, the site answered with a server error (5xx: a database down, a proxy's
   * 502/503) and nowhere with its REST API: whether it is a WordPress cannot be told now.
   */
  | 'site_server_error'
  /** It is WordPress, but its REST API is turned off or blocked. */
  | 'rest_disabled'
  /** The whole site sits behind a server password (HTTP authentication). */
  | 'site_protected'
  /**
   * WordPress does not offer application passwords (its REST index does not list them, or it
   * says they are turned off). A server that drops the Authorization header still lists them:
   * that is `credentials_unseen`.
   */
  | 'app_passwords_unavailable'
  /**
   * Username or application password refused by name: WordPress read them and said no
   * (401 `incorrect_password`, `invalid_username`, `invalid_email`), or a 401 that is no
   * WordPress permission check. The credentials reached WordPress: they are what to correct.
   */
  | 'wrong_credentials'
  /**
   * Credentials sent, and WordPress answered as to an anonymous visitor (401 from a permission
   * check: `rest_not_logged_in`, `rest_forbidden_context`, `indiscrets_cannot_read`…; or the
   * desk's index with no user). Two causes give exactly this answer, and nothing in it tells
   * them apart (tests/wordpress/connection.test.ts): a wrong username or application password,
   * as WordPress answers a refused one unless a plugin asks who the user is before its own check
   * (then it names it: `wrong_credentials`); and a server that drops the Authorization header
   * before PHP (Apache running PHP as CGI/FastCGI without WordPress's HTTP_AUTHORIZATION rule,
   * some proxies and hosts), where the right password is refused the same. Said as both, so
   * that an editor whose password is right learns what the site's administrator can fix.
   * Kept when the site has no companion plugin, or one older than 0.1.9: with it, the answer is
   * told apart (`auth_header_dropped`, or `wrong_credentials`).
   */
  | 'credentials_unseen'
  /**
   * Answered as to an anonymous visitor, and the companion plugin (0.1.9) says the request
   * reached PHP without any Authorization header (its discovery's `authorization: false`): the
   * site's server removes the identification before WordPress; the password is not in question.
   * The site's administrator or host lets it through (WordPress's HTTP_AUTHORIZATION rule in
   * .htaccess, or a setting at the host).
   */
  | 'auth_header_dropped'
  /**
   * The site answers at another address (`monjournal.fr` redirects to `www.monjournal.fr`), which
   * the extension was not allowed to reach: `address` is the one to use. Never followed with
   * the credentials.
   */
  | 'site_moved'
  /**
   * A write (POST, DELETE) the site's server answered with a redirect, not followed (transport.ts):
   * nothing written. Its REST index answers at the settings' address itself, so the site did not
   * move and no address in the settings would help (a rule sending writes to a challenge page,
   * adding a trailing slash): the site's administrator lets its REST API's writes through.
   */
  | 'write_redirected'
  /** The account may not create posts (no `edit_posts`). */
  | 'cannot_create_posts'
  /** The account may not edit this post. */
  | 'cannot_edit_post'
  /** The category is missing and the account may not create it. */
  | 'cannot_create_category'
  /** Another 403 about the account's rights (WordPress's `rest_cannot_*`, `rest_forbidden*`). */
  | 'forbidden'
  /**
   * A 403 that names no right: a firewall, a security plugin or a CDN's challenge page refused
   * the request (ModSecurity, Wordfence, Cloudflare). The editor's role is not the cause.
   */
  | 'blocked'
  /** The request is bigger than the server accepts (413): the post is too long for its limits. */
  | 'too_large'
  /** The site limits how often it may be asked (429): wait, then try again. */
  | 'too_many_requests'
  /** A 404 on something other than the post being updated. */
  | 'not_found'
  /** WordPress refused the data (400). */
  | 'rejected'
  /** 5xx. */
  | 'server_error'
  /** Another HTTP status. */
  | 'http_error'
  /** An answer that is not the JSON expected. */
  | 'bad_response'
  /** The post to update was deleted or moved to the trash. */
  | 'deleted'
  /** The post was changed in WordPress since our last publication. */
  | 'conflict'
  /** A bug on our side; details in `detail`. */
  | 'unexpected';

export interface WpFailure {
  ok: false;
  code: WpErrorCode;
  /** HTTP status, when there was an answer (fills `{status}` in the message). */
  status?: number;
  /** `cannot_create_category` only: the category's name (fills `{category}`). */
  category?: string;
  /** `site_moved` only: the site's address to use instead (fills `{address}`). */
  address?: string;
  /** WordPress's own error code (`incorrect_password`, `rest_disabled`…), when it sent one. */
  wpCode?: string;
  /** Server text for a details pane (scrubbed of credentials, at most 300 characters). */
  detail?: string;
  /** `conflict` only: the post's `modified_gmt` in WordPress now. */
  remoteModifiedGmt?: string;
  /** `conflict` only: the post's status in WordPress now. */
  remoteStatus?: string;
}

export type WpResult<T> = ({ ok: true } & T) | WpFailure;

/** A failure: its code and what fills its message (no server text in either). */
export function failure(
  code: WpErrorCode,
  extra: Omit<Partial<WpFailure>, 'ok' | 'code'> = {},
): WpFailure {
  const rest = Object.fromEntries(Object.entries(extra).filter(([, value]) => value !== undefined));
  return { ok: false, code, ...rest };
}

/** WordPress's own error code in an error body (`{ code, message, data }`). */
export function wpCodeOf(json: unknown): string | undefined {
  return isObject(json) ? str(json.code) : undefined;
}

const APP_PASSWORD_OFF_CODES = new Set([
  'application_passwords_disabled',
  'application_passwords_disabled_for_user',
]);
const REST_OFF_CODES = new Set(['rest_disabled', 'rest_api_disabled', 'rest_api_blocked']);

/**
 * An anonymous answer to a request that carried credentials, by what the plugin saw of them
 * (`authorization` of its discovery; the desk client and publishing both ask it): none reached PHP, the server dropped the header; some
 * did, WordPress refused them. Without the field (a plugin before 0.1.9), both stay possible.
 */
export function anonymousCause(
  authorization: unknown,
): 'auth_header_dropped' | 'wrong_credentials' | 'credentials_unseen' {
  if (authorization === false) return 'auth_header_dropped';
  if (authorization === true) return 'wrong_credentials';
  return 'credentials_unseen';
}

/**
 * A 401 of a permission check: WordPress's own (`rest_not_logged_in`, `rest_forbidden_context`,
 * `rest_cannot_create`…) and the companion plugin's (`indiscrets_cannot_read`…). Both give 401
 * only to a visitor WordPress did not identify (`rest_authorization_required_code()`; a user it
 * identified gets 403): sent with credentials, it was answered as to an anonymous visitor. A
 * refusal WordPress names (`incorrect_password`, `invalid_username`) is not one.
 */
export function answeredAnonymously(status: number, json: unknown): boolean {
  return status === 401 && /^(rest_|indiscrets_)/.test(wpCodeOf(json) ?? '');
}

/**
 * A 403 about a right: WordPress's own refusals (`rest_cannot_edit`, `rest_forbidden_context`…)
 * and the companion plugin's (its codes, or the role it `needs`), for publishing and the shared
 * desk alike. Any other 403 (a firewall's HTML page, a security plugin's code) came from
 * something else.
 */
export function refusesARight(json: unknown): boolean {
  const data = isObject(json) ? json.data : undefined;
  if (isObject(data) && typeof data.needs === 'string') return true;
  return /^(rest_cannot_|rest_forbidden|indiscrets_cannot_)/.test(wpCodeOf(json) ?? '');
}

/** What the refused request was for: a 403 means something different for each. */
export type Purpose = 'read' | 'create_post' | 'edit_post' | 'create_category';

function serverDetail(answer: HttpAnswer): string | undefined {
  const message = isObject(answer.json) ? str(answer.json.message) : undefined;
  if (!message) return undefined;
  const plain = decodeEntities(message.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return plain ? plain.slice(0, 300) : undefined;
}

export function fromTrouble(trouble: HttpTrouble): WpFailure {
  // A write the site redirected (transport.ts, not followed): it answers from another address,
  // which the settings' test names as it reads the REST index (« testez la connexion »).
  if (trouble.code === 'redirected') return failure('site_moved');
  return failure(trouble.code);
}

/** Maps a non-2xx (or unreadable) answer to a failure. */
export function fromAnswer(answer: HttpAnswer, purpose: Purpose, category?: string): WpFailure {
  const { status } = answer;
  const wpCode = wpCodeOf(answer.json);
  const extra = { status, wpCode, detail: serverDetail(answer), category };
  if (wpCode && REST_OFF_CODES.has(wpCode)) return failure('rest_disabled', extra);
  if (wpCode && APP_PASSWORD_OFF_CODES.has(wpCode)) {
    return failure('app_passwords_unavailable', extra);
  }
  if (status === 401) {
    if (!wpCode && /basic|digest/i.test(answer.headers.get('www-authenticate') ?? '')) {
      return failure('site_protected', extra);
    }
    if (answeredAnonymously(status, answer.json)) return failure('credentials_unseen', extra);
    return failure('wrong_credentials', extra);
  }
  if (status === 403) {
    if (!refusesARight(answer.json)) return failure('blocked', extra);
    const byPurpose: Record<Purpose, WpErrorCode> = {
      read: 'forbidden',
      create_post: 'cannot_create_posts',
      edit_post: 'cannot_edit_post',
      create_category: 'cannot_create_category',
    };
    return failure(byPurpose[purpose], extra);
  }
  if (status === 404) return failure('not_found', extra);
  if (status === 400) return failure('rejected', extra);
  if (status === 413) return failure('too_large', extra);
  if (status === 429) return failure('too_many_requests', extra);
  if (status >= 500) return failure('server_error', extra);
  if (status >= 200 && status < 300) return failure('bad_response', extra);
  return failure('http_error', extra);
}
