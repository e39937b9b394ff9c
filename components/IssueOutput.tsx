import { useState } from 'preact/hooks';
import { t } from '../locales';
import { ExportPanel } from './ExportPanel';
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
  const { issue, model, style, problems, previewHtml } = workspace;
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
          {/* The export module escapes every value: this HTML holds no markup from the page. */}
          <div dangerouslySetInnerHTML={{ __html: previewHtml }} />
        </article>
      )}
    </div>
  );
}
