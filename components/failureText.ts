import type { CodedFailure } from '../messaging/errors';
import { toFailure } from '../messaging/errors';
import type { PublishErrorCode, PublishErrorParams } from '../messaging/protocol';
import { t, type Locale, type MessageKey } from '../locales';

/**
 * Failures in words: the background and the WordPress client answer with codes, these functions
 * give the editor a sentence in her language. An error's own technical text is never put into
 * a sentence: {@link wordFailure} hands it back apart, for a secondary line.
 */

const OWN_PUBLISH_CODES = new Set<PublishErrorCode>([
  'not_configured',
  'no_permission',
  'issue_missing',
]);

/** The sentence of a WordPress or publication failure (`wp.error.*`, `publish.error.*`). */
export function publishFailureText(
  code: PublishErrorCode,
  params: PublishErrorParams = {},
  locale?: Locale,
): string {
  const key: MessageKey = OWN_PUBLISH_CODES.has(code)
    ? (`publish.error.${code}` as MessageKey)
    : (`wp.error.${code}` as MessageKey);
  // A message whose value is missing says « ? » rather than showing its placeholder.
  const values = { status: params.status ?? '?', category: params.category ?? '?' };
  return t(key, values, locale);
}

/** What the editor reads of a failure: a sentence, and apart the technical detail if any. */
export interface WordedFailure {
  text: string;
  /** The error's own text (often English, from the browser or our code), for a details line. */
  detail?: string;
}

/**
 * `sentence` (« La coupe a échoué. ») followed by the reason when the failure's code has one
 * (« L’onglet a été fermé entre-temps. »); an unknown failure keeps its technical text apart.
 */
export function wordFailure(
  sentence: MessageKey,
  error: unknown,
  params: Record<string, string | number> = {},
): WordedFailure {
  const failure: CodedFailure = toFailure(error);
  const text = t(sentence, params);
  if (failure.code === 'unexpected') {
    return failure.detail ? { text, detail: failure.detail } : { text };
  }
  const reason = t(`error.${failure.code}`, failure.params ?? {});
  return failure.detail && failure.code === 'no_answer'
    ? { text: `${text} ${reason}`, detail: failure.detail }
    : { text: `${text} ${reason}` };
}
