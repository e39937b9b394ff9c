/**
 * The WordPress client's failures: their codes, their messages (French first with an English
 * variant), and how an HTTP answer or a network trouble maps to one.
 *
 * Every failure carries a stable `code` and `message: { fr, en }` built from this table, so a UI
 * can either show `message[locale]` directly or map `code` itself. Templates only take the
 * placeholders listed below ({status}, {category}), never text from the server: a message cannot
 * leak the application password, whatever the server sends back. The one field with server text
 * (`detail`) is scrubbed by the client before a failure leaves it.
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
  /** The server answers, but nothing there looks like WordPress. */
  | 'not_wordpress'
  /** It is WordPress, but its REST API is turned off or blocked. */
  | 'rest_disabled'
  /** The whole site sits behind a server password (HTTP authentication). */
  | 'site_protected'
  /** WordPress does not offer application passwords (or the server drops the Authorization header). */
  | 'app_passwords_unavailable'
  /** Username or application password refused. */
  | 'wrong_credentials'
  /** The account may not create posts (no `edit_posts`). */
  | 'cannot_create_posts'
  /** The account may not edit this post. */
  | 'cannot_edit_post'
  /** The category is missing and the account may not create it. */
  | 'cannot_create_category'
  /** Another 403. */
  | 'forbidden'
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

export interface WpMessage {
  fr: string;
  en: string;
}

export const WP_ERROR_MESSAGES: Record<WpErrorCode, WpMessage> = {
  bad_url: {
    fr: 'Adresse du site invalide. Indiquez l’adresse de votre WordPress, par exemple https://monsite.fr.',
    en: 'Invalid site address. Enter the address of your WordPress site, e.g. https://example.com.',
  },
  insecure_url: {
    fr: 'L’adresse doit commencer par https:// (seuls localhost et 127.0.0.1 sont acceptés en http).',
    en: 'The address must start with https:// (only localhost and 127.0.0.1 may use http).',
  },
  missing_credentials: {
    fr: 'Indiquez l’identifiant WordPress et le mot de passe d’application.',
    en: 'Enter the WordPress username and the application password.',
  },
  offline: {
    fr: 'Pas de connexion Internet. Réessayez une fois en ligne.',
    en: 'No Internet connection. Try again once you are online.',
  },
  unreachable: {
    fr: 'Le site ne répond pas. Vérifiez l’adresse et votre connexion.',
    en: 'The site cannot be reached. Check the address and your connection.',
  },
  timeout: {
    fr: 'Le site met trop de temps à répondre. Réessayez plus tard.',
    en: 'The site took too long to answer. Try again later.',
  },
  cancelled: {
    fr: 'Opération annulée.',
    en: 'Operation cancelled.',
  },
  not_wordpress: {
    fr: 'Ce site ne semble pas être un WordPress (aucune API REST WordPress trouvée à cette adresse).',
    en: 'This site does not look like WordPress (no WordPress REST API found at this address).',
  },
  rest_disabled: {
    fr: 'L’API REST de ce WordPress est désactivée ou bloquée (souvent par une extension de sécurité). Demandez à l’administrateur de l’autoriser.',
    en: 'The REST API of this WordPress site is disabled or blocked (often by a security plugin). Ask the administrator to allow it.',
  },
  site_protected: {
    fr: 'Le site est protégé par un mot de passe du serveur (authentification HTTP) : Indiscrets ne peut pas le traverser.',
    en: 'The site is protected by a server password (HTTP authentication), which Indiscrets cannot get through.',
  },
  app_passwords_unavailable: {
    fr: 'Ce WordPress n’accepte pas les mots de passe d’application (désactivés, ou l’en-tête d’authentification est supprimé par le serveur).',
    en: 'This WordPress site does not accept application passwords (turned off, or the server drops the authentication header).',
  },
  wrong_credentials: {
    fr: 'Identifiant ou mot de passe d’application refusé. Utilisez un mot de passe d’application (Profil › Mots de passe d’application), pas votre mot de passe habituel.',
    en: 'Username or application password refused. Use an application password (Profile › Application Passwords), not your usual password.',
  },
  cannot_create_posts: {
    fr: 'Ce compte WordPress n’a pas le droit de créer des articles. Demandez un rôle Contributeur, Auteur ou Éditeur.',
    en: 'This WordPress account may not create posts. Ask for a Contributor, Author or Editor role.',
  },
  cannot_edit_post: {
    fr: 'Ce compte WordPress n’a pas le droit de modifier cet article.',
    en: 'This WordPress account may not edit this post.',
  },
  cannot_create_category: {
    fr: 'La catégorie « {category} » n’existe pas et ce compte ne peut pas la créer. Demandez à un administrateur de la créer.',
    en: 'The category “{category}” does not exist and this account may not create it. Ask an administrator to create it.',
  },
  forbidden: {
    fr: 'WordPress a refusé l’opération (accès interdit).',
    en: 'WordPress refused the operation (forbidden).',
  },
  not_found: {
    fr: 'WordPress ne trouve pas ce qui est demandé (erreur 404).',
    en: 'WordPress cannot find what was asked for (error 404).',
  },
  rejected: {
    fr: 'WordPress a refusé les données envoyées.',
    en: 'WordPress rejected the data sent.',
  },
  server_error: {
    fr: 'Le serveur WordPress a rencontré une erreur (code {status}). Réessayez plus tard.',
    en: 'The WordPress server ran into an error (status {status}). Try again later.',
  },
  http_error: {
    fr: 'Réponse inattendue du serveur (code {status}).',
    en: 'Unexpected answer from the server (status {status}).',
  },
  bad_response: {
    fr: 'Le serveur a envoyé une réponse illisible (pas le JSON attendu de WordPress).',
    en: 'The server sent an unreadable answer (not the JSON WordPress should send).',
  },
  deleted: {
    fr: 'L’article a été supprimé ou mis à la corbeille dans WordPress. Vous pouvez en créer un nouveau.',
    en: 'The post was deleted or moved to the trash in WordPress. You can create a new one.',
  },
  conflict: {
    fr: 'L’article a été modifié dans WordPress depuis la dernière publication. Écraser ces modifications ?',
    en: 'The post was changed in WordPress since it was last published. Overwrite those changes?',
  },
  unexpected: {
    fr: 'Erreur inattendue lors de l’échange avec WordPress.',
    en: 'Unexpected error while talking to WordPress.',
  },
};

export type WpMessageParams = { status?: number; category?: string };

/** The message of a code, placeholders filled. */
export function wpErrorMessage(code: WpErrorCode, params: WpMessageParams = {}): WpMessage {
  const fill = (template: string) =>
    template.replace(/\{(status|category)\}/g, (_, key: 'status' | 'category') =>
      String(params[key] ?? '?'),
    );
  const entry = WP_ERROR_MESSAGES[code];
  return { fr: fill(entry.fr), en: fill(entry.en) };
}

export interface WpFailure {
  ok: false;
  code: WpErrorCode;
  message: WpMessage;
  /** HTTP status, when there was an answer. */
  status?: number;
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

/** A failure with its message; `category` only fills the message. */
export function failure(
  code: WpErrorCode,
  extra: Omit<Partial<WpFailure>, 'ok' | 'code' | 'message'> & { category?: string } = {},
): WpFailure {
  const { category, ...rest } = extra;
  return {
    ok: false,
    code,
    message: wpErrorMessage(code, { status: extra.status, category }),
    ...rest,
  };
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
    return failure('wrong_credentials', extra);
  }
  if (status === 403) {
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
  if (status >= 500) return failure('server_error', extra);
  if (status >= 200 && status < 300) return failure('bad_response', extra);
  return failure('http_error', extra);
}
