import { t } from '../locales/core';

/**
 * The technical text of a failure, on a line of its own under the sentence that tells the
 * editor what happened: useful in a bug report, never spliced into the sentence.
 */
export function FailureDetail({ detail }: { detail?: string | undefined }) {
  if (!detail) return null;
  return (
    <small class="notice__detail" data-testid="failure-detail">
      {t('error.detail', { detail })}
    </small>
  );
}
