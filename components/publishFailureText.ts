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

/**
 * The sentence of a WordPress or publication failure (`wp.error.*`, `publish.error.*`), filled
 * with `params` (its `address` names the one to use for `site_moved`).
 * `workedBefore`: these settings went through before (the shared desk synced with them): a
 * password refused now was most likely revoked, said in the sync bar's words, not the advice of
 * a first setup (« pas votre mot de passe habituel »).
 */
export function publishFailureText(
  code: PublishErrorCode,
  params: PublishErrorParams = {},
  locale?: Locale,
  { workedBefore = false }: { workedBefore?: boolean } = {},
): string {
  if (code === 'wrong_credentials' && workedBefore) {
    return t('wp.error.wrong_credentials_revoked', {}, locale);
  }
  // Answered as to an anonymous visitor: revoked, or a server that drops the header since.
  if (code === 'credentials_unseen' && workedBefore) {
    return t('wp.error.credentials_unseen_revoked', {}, locale);
  }
  // Without the address (a caller that has not it), the settings' connection test says it.
  if (code === 'site_moved') {
    return params.address
      ? t('wp.error.site_moved', { address: params.address }, locale)
      : t('wp.error.site_moved_unnamed', {}, locale);
  }
  const key: MessageKey = OWN_PUBLISH_CODES.has(code)
    ? (`publish.error.${code}` as MessageKey)
    : (`wp.error.${code}` as MessageKey);
  // A message whose value is missing says « ? » rather than showing its placeholder.
  const values = { status: params.status ?? '?', category: params.category ?? '?' };
  return t(key, values, locale);
}
