import { useEffect, useId, useState } from 'preact/hooks';
import { exportForClipboard, exportIssue, type ExportFormat } from '../export';
import type { HouseStyle } from '../export/house-style';
import type { ExportIssue } from '../export/model';
import { t } from '../locales';
import { wordFailure } from './failureText';
import { FailureDetail } from './FailureDetail';
import { downloadFile } from './download';
import type { Issue } from '../storage/db';
import { markExported } from '../storage/issues';

const FORMATS: ExportFormat[] = ['wordpress', 'html', 'markdown', 'text', 'json'];

interface Props {
  issue: Issue;
  model: ExportIssue;
  style: HouseStyle;
  /** Number of open checks, shown as a warning before export. */
  problems: number;
}

import { copyRichText, CopyRefusedError } from './clipboard';

export { copyRichText, CopyRefusedError };

/** How long « Numéro copié » or « Téléchargé » stays: read, then gone (a failure stays). */
export const DONE_MESSAGE_MS = 10_000;

/** Copy the issue (rich and plain text) or download it in one of five formats. */
export function ExportPanel({ issue, model, style, problems }: Props) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('html');
  const [message, setMessage] = useState<{
    text: string;
    tone: 'ok' | 'error';
    detail?: string;
  }>();
  // What was done goes once read, rather than say « copié » under an issue changed since.
  useEffect(() => {
    if (message?.tone !== 'ok') return;
    const timer = setTimeout(() => setMessage(undefined), DONE_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  // Another issue shown: what was done to the one before is not said of it.
  useEffect(() => setMessage(undefined), [issue.id]);

  async function copy() {
    try {
      const { html, text } = exportForClipboard(model, style);
      await copyRichText(html, text);
      await markExported(issue.id);
      setMessage({ text: t('export.copied'), tone: 'ok' });
    } catch (error) {
      setMessage(
        error instanceof CopyRefusedError
          ? { text: t('export.copyRefused'), tone: 'error' }
          : { ...wordFailure(t('export.failed'), error), tone: 'error' },
      );
    }
  }

  async function save() {
    try {
      const file = exportIssue(model, format, style);
      downloadFile(file.filename, file.mimeType, file.content);
      await markExported(issue.id);
      setMessage({ text: t('export.downloaded', { filename: file.filename }), tone: 'ok' });
    } catch (error) {
      setMessage({ ...wordFailure(t('export.failed'), error), tone: 'error' });
    }
  }

  return (
    <section class="export" aria-label={t('export.heading')}>
      {problems > 0 && (
        <p class="notice notice--warn">{t('export.checksPending', { count: problems })}</p>
      )}
      {/* The copy is the issue as the preview shows it (rich text, with plain text for where
          that does not paste): the Format is the download's alone, in a group of its own. */}
      <div class="export__row">
        <button
          type="button"
          class="button"
          onClick={copy}
          data-testid="copy"
          aria-describedby={`${id}-copy`}
        >
          {t('export.copy')}
        </button>
        <small class="muted export__what" id={`${id}-copy`}>
          {t('export.copyWhat')}
        </small>
      </div>
      <div class="export__row export__file" role="group" aria-label={t('export.file')}>
        <select
          aria-label={t('export.format')}
          value={format}
          onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)}
        >
          {FORMATS.map((f) => (
            <option value={f} key={f}>
              {t(`export.format.${f}`)}
            </option>
          ))}
        </select>
        <button type="button" class="button" onClick={save} data-testid="download">
          {t('export.download')}
        </button>
      </div>
      {message && (
        <p
          class={`notice notice--${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
          <FailureDetail detail={message.detail} />
        </p>
      )}
    </section>
  );
}
