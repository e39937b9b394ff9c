import { FIELD_LIMITS } from '../capture/bounds';
import { useRef } from 'preact/hooks';
import { t } from '../locales';
import type { Source } from '../storage/db';
import { useAnnounce } from './Announcer';
import { describedBy, LongValue, shownInField } from './FieldCut';
import { SOURCE_MIME } from './RichText';
import { useFocusAfterRemoval } from './useFocusAfterRemoval';

interface Props {
  sources: Source[];
  onChange: (sources: Source[]) => void;
}

const isLink = (url: string) => /^https?:\/\/\S+$/i.test(url.trim());

/** A source whose address is typed but is not a link: said in words (an empty row is not yet). */
const wrong = (source: Source) => source.url.trim() !== '' && !isLink(source.url);

/**
 * A source's fields, each showing at most what a clip keeps of it (`max`). A backup or the
 * shared desk may bring a value of 2,000,000 characters, which a field laid out whole (seconds to
 * open the editor): it shows its start and says so, the value stored whole until that field is
 * typed in, as the draft's title (components/FieldCut.tsx).
 */
const FIELDS = [
  { key: 'url', max: FIELD_LIMITS.url, label: 'editor.sourceUrl', type: 'url' },
  { key: 'title', max: FIELD_LIMITS.title, label: 'editor.sourceTitle', type: 'text' },
  { key: 'siteName', max: FIELD_LIMITS.siteName, label: 'editor.sourceSite', type: 'text' },
] as const;

/** The item's sources: several per item, the first one the clipped page. */
export function SourcesEditor({ sources, onChange }: Props) {
  const update = (index: number, patch: Partial<Source>) =>
    onChange(sources.map((source, i) => (i === index ? { ...source, ...patch } : source)));
  const announce = useAnnounce();
  const root = useRef<HTMLFieldSetElement>(null);
  // A source removed with its « × »: the keyboard goes to the next row's « × » (the previous
  // one's for the last), else to « + Ajouter une source ».
  const removedAt = useFocusAfterRemoval(root, '.sources__remove', '.sources__add', sources);
  const remove = (index: number) => {
    const source = sources[index]!;
    removedAt(index);
    onChange(sources.filter((_, i) => i !== index));
    announce(
      source.title || source.url
        ? t('editor.sourceRemoved', { title: source.title || source.url })
        : t('editor.emptySourceRemoved'),
    );
  };

  return (
    <fieldset class="field sources" data-testid="sources" ref={root}>
      <legend>{t('editor.sources')}</legend>
      {sources.map((source, index) => {
        const fields = FIELDS.map((field) => {
          const value = source[field.key] ?? '';
          return {
            ...field,
            value,
            ...shownInField(value, field.max),
            long: `source-${field.key}-long-${index}`,
          };
        });
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
            {fields.map((field) => {
              const url = field.key === 'url';
              return (
                <input
                  key={field.key}
                  type={field.type}
                  aria-label={t(field.label)}
                  placeholder={url ? 'https://' : t(field.label)}
                  value={field.shown}
                  // A blank address is not yet wrong: no error is shown for it either.
                  aria-invalid={url ? wrong(source) : undefined}
                  aria-describedby={describedBy(
                    url && wrong(source) && `source-error-${index}`,
                    field.cut && field.long,
                  )}
                  onInput={(e) =>
                    update(index, { [field.key]: (e.target as HTMLInputElement).value })
                  }
                />
              );
            })}
            <button
              type="button"
              class="button button--small sources__remove"
              aria-label={
                source.title || source.url
                  ? t('editor.removeSource', { title: source.title || source.url })
                  : t('editor.removeEmptySource')
              }
              onClick={() => remove(index)}
            >
              ×
            </button>
            {wrong(source) && (
              <p class="field-error sources__error" id={`source-error-${index}`}>
                {t('editor.sourceUrlInvalid')}
              </p>
            )}
            {fields.map(
              (field) =>
                field.cut && (
                  <LongValue
                    key={field.key}
                    id={field.long}
                    value={field.value}
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
        class="button button--small sources__add"
        onClick={() => onChange([...sources, { url: '', title: '' }])}
      >
        + {t('editor.addSource')}
      </button>
    </fieldset>
  );
}
