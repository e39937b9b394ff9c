import type { PublishErrorCode, PublishErrorParams } from '../messaging/protocol';
import { t, type Locale, type MessageKey } from '../locales';

/**
 * The sentences of WordPress and publication failures (`wp.error.*`, `publish.error.*`), apart
 * from `wordFailure` (failureText.ts): the popup paints without these words, which only the
 * settings and the publish panel show.
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
