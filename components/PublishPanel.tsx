import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { HouseStyle } from '../export/house-style';
import type { ExportIssue } from '../export/model';
import { getLocale, t } from '../locales';
import { sendMessage, type PublishOutcome, type PublishRequest } from '../messaging/protocol';
import type { Issue } from '../storage/db';
import { wordpressItem } from '../storage/preferences';
import { useStorageItem } from './useStorageItem';

interface Props {
  issue: Issue;
  model: ExportIssue;
  style: HouseStyle;
  problems: number;
}

type Failure = Extract<PublishOutcome, { ok: false }>;

/**
 * "Publish to WordPress": creates the draft post the first time, updates the same post after.
 * Asks before overwriting a post edited in WordPress, offers a new post when it was deleted.
 * A failure changes nothing here: the issue stays as it was and the button retries.
 */
export function PublishPanel({ issue, model }: Props) {
  const wordpress = useStorageItem(wordpressItem);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const [success, setSuccess] = useState<Extract<PublishOutcome, { ok: true }>>();

  if (!wordpress) return null;
  const configured = !!wordpress.siteUrl && !!wordpress.username;

  async function publish(extra: Omit<PublishRequest, 'issueId'> = {}) {
    setBusy(true);
    setFailure(undefined);
    setSuccess(undefined);
    try {
      const outcome = await sendMessage('publishIssue', { issueId: issue.id, ...extra });
      if (outcome.ok) setSuccess(outcome);
      else setFailure(outcome);
    } catch (error) {
      setFailure({
        ok: false,
        code: 'unexpected',
        message: { fr: String(error instanceof Error ? error.message : error), en: String(error) },
      });
    } finally {
      setBusy(false);
    }
  }

  const locale = getLocale();
  return (
    <section class="publish" aria-label={t('publish.heading')} data-testid="publish">
      {!configured ? (
        <p class="muted">
          {t('publish.notConfigured')}{' '}
          <button
            type="button"
            class="linklike"
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            {t('nav.options')}
          </button>
        </p>
      ) : (
        <div class="export__row">
          <button
            type="button"
            class="button button--primary"
            disabled={busy || model.items.length === 0}
            onClick={() => void publish()}
            data-testid="publish-button"
          >
            {busy
              ? t('publish.working')
              : issue.wordpress
                ? t('publish.update')
                : t('publish.create')}
          </button>
          {issue.wordpress && (
            <a href={issue.wordpress.link} target="_blank" rel="noreferrer" data-testid="post-link">
              {t('publish.postLink', { id: issue.wordpress.postId })}
            </a>
          )}
        </div>
      )}
      {success && (
        <p class="notice notice--ok" role="status" data-testid="publish-message">
          {success.created ? t('publish.created') : t('publish.updated')}{' '}
          <a href={success.editLink} target="_blank" rel="noreferrer">
            {t('publish.edit')}
          </a>
        </p>
      )}
      {failure && (
        <div class="notice notice--error" role="alert" data-testid="publish-message">
          <p>{failure.message[locale]}</p>
          {failure.code === 'conflict' && (
            <button
              type="button"
              class="button button--small"
              onClick={() => void publish({ overwrite: true })}
            >
              {t('publish.overwrite')}
            </button>
          )}
          {failure.code === 'deleted' && (
            <button
              type="button"
              class="button button--small"
              onClick={() => void publish({ createNew: true })}
            >
              {t('publish.createNew')}
            </button>
          )}
          {(failure.code === 'no_permission' || failure.code === 'not_configured') && (
            <button
              type="button"
              class="button button--small"
              onClick={() => void browser.runtime.openOptionsPage()}
            >
              {t('nav.options')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
