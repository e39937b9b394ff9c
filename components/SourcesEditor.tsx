import { t } from '../locales';
import type { Source } from '../storage/db';
import { SOURCE_MIME } from './RichText';

interface Props {
  sources: Source[];
  onChange: (sources: Source[]) => void;
}

const isLink = (url: string) => /^https?:\/\/\S+$/i.test(url.trim());

/** A source whose address is typed but is not a link: said in words (an empty row is not yet). */
const wrong = (source: Source) => source.url.trim() !== '' && !isLink(source.url);

/** The item's sources: several per item, the first one the clipped page. */
export function SourcesEditor({ sources, onChange }: Props) {
  const update = (index: number, patch: Partial<Source>) =>
    onChange(sources.map((source, i) => (i === index ? { ...source, ...patch } : source)));

  return (
    <fieldset class="field sources" data-testid="sources">
      <legend>{t('editor.sources')}</legend>
      {sources.map((source, index) => (
        <div class="sources__row" key={index}>
          <span
            class="sources__handle"
            draggable={isLink(source.url)}
            title={t('editor.dragSource', { title: source.title || source.url })}
            aria-hidden="true"
            data-testid="source-handle"
            onDragStart={(e) => {
              e.dataTransfer?.setData(SOURCE_MIME, source.url.trim());
              e.dataTransfer?.setData('text/uri-list', source.url.trim());
              e.dataTransfer?.setData('text/plain', source.url.trim());
            }}
          >
            ⠿
          </span>
          <input
            type="url"
            aria-label={t('editor.sourceUrl')}
            placeholder="https://"
            value={source.url}
            aria-invalid={!isLink(source.url)}
            aria-describedby={wrong(source) ? `source-error-${index}` : undefined}
            onInput={(e) => update(index, { url: (e.target as HTMLInputElement).value })}
          />
          <input
            type="text"
            aria-label={t('editor.sourceTitle')}
            placeholder={t('editor.sourceTitle')}
            value={source.title}
            onInput={(e) => update(index, { title: (e.target as HTMLInputElement).value })}
          />
          <input
            type="text"
            aria-label={t('editor.sourceSite')}
            placeholder={t('editor.sourceSite')}
            value={source.siteName ?? ''}
            onInput={(e) => update(index, { siteName: (e.target as HTMLInputElement).value })}
          />
          <button
            type="button"
            class="button button--small"
            aria-label={t('editor.removeSource', { title: source.title || source.url })}
            onClick={() => onChange(sources.filter((_, i) => i !== index))}
          >
            ×
          </button>
          {wrong(source) && (
            <p class="field-error sources__error" id={`source-error-${index}`}>
              {t('editor.sourceUrlInvalid')}
            </p>
          )}
        </div>
      ))}
      <button
        type="button"
        class="button button--small"
        onClick={() => onChange([...sources, { url: '', title: '' }])}
      >
        + {t('editor.addSource')}
      </button>
    </fieldset>
  );
}
