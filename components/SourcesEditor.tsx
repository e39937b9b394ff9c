import { FIELD_LIMITS } from '../capture/bounds';
import { t } from '../locales';
import type { Source } from '../storage/db';
import { describedBy, LongValue, shownInField } from './FieldCut';
import { SOURCE_MIME } from './RichText';

interface Props {
  sources: Source[];
  onChange: (sources: Source[]) => void;
}

const isLink = (url: string) => /^https?:\/\/\S+$/i.test(url.trim());

/** A source whose address is typed but is not a link: said in words (an empty row is not yet). */
const wrong = (source: Source) => source.url.trim() !== '' && !isLink(source.url);

/**
 * The most of a source's address, title and site its fields show: what a clip keeps of them. A
 * backup or the shared desk may bring one of 2,000,000 characters, which a field laid out whole
 * (seconds to open the editor): it shows its start and says so, the value stored whole until
 * that field is typed in, as the draft's title (components/FieldCut.tsx).
 */
const SHOWN = { url: FIELD_LIMITS.url, title: FIELD_LIMITS.title, siteName: FIELD_LIMITS.siteName };

/** The item's sources: several per item, the first one the clipped page. */
export function SourcesEditor({ sources, onChange }: Props) {
  const update = (index: number, patch: Partial<Source>) =>
    onChange(sources.map((source, i) => (i === index ? { ...source, ...patch } : source)));

  return (
    <fieldset class="field sources" data-testid="sources">
      <legend>{t('editor.sources')}</legend>
      {sources.map((source, index) => {
        const url = shownInField(source.url, SHOWN.url);
        const title = shownInField(source.title, SHOWN.title);
        const site = shownInField(source.siteName ?? '', SHOWN.siteName);
        return (
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
              value={url.shown}
              aria-invalid={!isLink(source.url)}
              aria-describedby={describedBy(
                wrong(source) && `source-error-${index}`,
                url.cut && `source-url-long-${index}`,
              )}
              onInput={(e) => update(index, { url: (e.target as HTMLInputElement).value })}
            />
            <input
              type="text"
              aria-label={t('editor.sourceTitle')}
              placeholder={t('editor.sourceTitle')}
              value={title.shown}
              aria-describedby={describedBy(title.cut && `source-title-long-${index}`)}
              onInput={(e) => update(index, { title: (e.target as HTMLInputElement).value })}
            />
            <input
              type="text"
              aria-label={t('editor.sourceSite')}
              placeholder={t('editor.sourceSite')}
              value={site.shown}
              aria-describedby={describedBy(site.cut && `source-site-long-${index}`)}
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
            {(
              [
                [url, source.url, 'url'],
                [title, source.title, 'title'],
                [site, source.siteName ?? '', 'site'],
              ] as const
            ).map(
              ([field, value, name]) =>
                field.cut && (
                  <LongValue
                    key={name}
                    id={`source-${name}-long-${index}`}
                    value={value}
                    shown={field.shown}
                    notice="editor.sourceLong"
                    testId="source-long"
                  />
                ),
            )}
          </div>
        );
      })}
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
