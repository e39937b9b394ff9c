import { useEffect, useMemo, useState } from 'preact/hooks';
import { renderHtml } from '../export';
import type { HouseStyle } from '../export/house-style';
import type { ExportIssue } from '../export/model';
import { t } from '../locales';
import { ExportPanel } from './ExportPanel';
import { previewModel } from './previewModel';
import { PublishPanel } from './PublishPanel';
import type { IssueWorkspace } from './useIssueWorkspace';
import { deskRefusal } from './roles';
import { useSharedDesk } from './useSharedDesk';

interface Props {
  workspace: IssueWorkspace;
  /** The desk always shows the preview; the popup lets the editor fold it away. */
  previewToggle?: boolean;
}

/** What leaves the desk: publish to WordPress, copy or download, and the live preview. */
export function IssueOutput({ workspace, previewToggle }: Props) {
  const { issue, model, style, problems } = workspace;
  const [preview, setPreview] = useState(true);
  // The shared desk: a role that may not publish sees why, not a failure.
  const cannotPublish = deskRefusal(useSharedDesk(), 'publish');
  if (!model || !style) return <p class="muted">{t('common.loading')}</p>;
  const shown = preview || !previewToggle;
  return (
    <div class="issue__output">
      <div class="issue__ship">
        <PublishPanel
          issue={issue}
          model={model}
          style={style}
          problems={problems}
          refused={cannotPublish}
        />
        <ExportPanel issue={issue} model={model} style={style} problems={problems} />
        {previewToggle && (
          <div class="issue__actions">
            <button
              type="button"
              class="button button--small"
              aria-pressed={preview}
              onClick={() => setPreview(!preview)}
            >
              {t('issue.preview')}
            </button>
          </div>
        )}
      </div>
      {shown && (
        <article class="preview" aria-label={t('issue.preview')} data-testid="preview">
          <Preview model={model} style={style} />
        </article>
      )}
    </div>
  );
}

/**
 * The issue as it will read, rendered once the page is idle after it opens: the items and the
 * editor come first (a 100-item issue's preview is its longest text to lay out), the preview a
 * moment later. Afterwards it follows every change at once.
 */
function Preview({ model, style }: { model: ExportIssue; style: HouseStyle }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setReady(true), { timeout: 500 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setReady(true), 50);
    return () => clearTimeout(timer);
  }, []);
  // Its names within bounds (previewModel): a restored title may be 2,000,000 characters.
  const html = useMemo(
    () => (ready ? renderHtml(previewModel(model), style) : ''),
    [ready, model, style],
  );
  // The export module escapes every value: this HTML holds no markup from the page.
  return <div aria-busy={!ready || undefined} dangerouslySetInnerHTML={{ __html: html }} />;
}
