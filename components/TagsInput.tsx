import { useRef, useState } from 'preact/hooks';
import { charCount, charsEnd } from '../lib/ellipsis';
import { t } from '../locales';
import { TAG_LIMITS } from '../storage/record-values';
import { useAnnounce } from './Announcer';
import { describedBy } from './FieldCut';
import { shownTags, tagShown } from './tagsShown';
import { useFocusAfterRemoval } from './useFocusAfterRemoval';

interface Props {
  tags: string[];
  onChange: (tags: string[]) => void;
}

/** What the last tags typed lost to the field's limits ({@link TAG_LIMITS}), said under it. */
interface Refused {
  /** A tag was longer than a tag may be: its end was not kept. */
  cut: boolean;
  /** How many tags typed were not added, the draft holding as many as it may. */
  dropped: number;
  /**
   * A tag typed that the draft holds already among those not shown (past the count): not
   * added again, and said so, since the editor sees no chip of it.
   */
  hidden?: string;
}

const NONE: Refused = { cut: false, dropped: 0 };

/**
 * Tags as chips; Enter or a comma adds one (a list separated by commas, one each), Backspace in
 * an empty field removes the last chip shown (pressed, not held down). A tag typed takes at most {@link TAG_LIMITS}
 * `.length` characters, a draft at most `.count` tags; what a backup or the shared desk brought
 * beyond that is drawn within them (each tag cut at a word, « Et N autres tags » past the count)
 * and stays stored whole: removing a chip removes that tag alone, the others as they were.
 */
export function TagsInput({ tags, onChange }: Props) {
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<Refused>(NONE);
  const { shown, more } = shownTags(tags);

  const add = (raw: string) => {
    // A pasted list (« élysée, remaniement ») is one tag a part.
    const next = [...tags];
    const said: Refused = { cut: false, dropped: 0 };
    for (const part of raw.split(',')) {
      let tag = part.trim().replace(/^#/, '');
      // Counted as the notices count (code points: 🛥 is one), not in UTF-16 units.
      if (tag.length > TAG_LIMITS.length && charCount(tag) > TAG_LIMITS.length) {
        tag = tag.slice(0, charsEnd(tag, TAG_LIMITS.length)).trimEnd();
        said.cut = true;
      }
      // Tags differing only by case are one tag (storage keeps the first).
      const key = tag.toLocaleLowerCase('fr');
      const held = tag ? next.findIndex((other) => other.toLocaleLowerCase('fr') === key) : -1;
      if (held >= TAG_LIMITS.count) said.hidden = tagShown(next[held]!);
      if (!tag || held >= 0) continue;
      if (next.length >= TAG_LIMITS.count) said.dropped++;
      else next.push(tag);
    }
    if (next.length > tags.length) onChange(next);
    setRefused(said);
    setText('');
  };

  const announce = useAnnounce();
  const root = useRef<HTMLDivElement>(null);
  // The chip whose « × » had the keyboard, removed: the keyboard goes to the next chip's « × »
  // (the previous one's for the last), else to the field.
  const removedAt = useFocusAfterRemoval(root, '.tag button', 'input', tags);

  const remove = (index: number, from: 'chip' | 'field') => {
    const name = tagShown(tags[index]!);
    if (from === 'chip') removedAt(shown.findIndex((tag) => tag.index === index));
    onChange(tags.filter((_, i) => i !== index));
    announce(t('editor.tagRemoved', { tag: name }));
  };

  return (
    <div class="field" ref={root}>
      <span id="tags-label">{t('editor.tags')}</span>
      <div class="tags">
        {shown.map(({ index, name }) => (
          // By place: two long tags may be cut to the same start.
          <span class="tag" key={index}>
            {name}
            <button
              type="button"
              aria-label={t('editor.removeTag', { tag: name })}
              onClick={() => remove(index, 'chip')}
            >
              ×
            </button>
          </span>
        ))}
        {more > 0 && (
          <span class="muted tags__more" id="tags-more" data-testid="tags-more">
            {t('editor.tagsMore', { count: more })}
          </span>
        )}
        <input
          type="text"
          aria-labelledby="tags-label"
          // Tags not shown, and what the last tags typed lost, are said to the field's reader
          // too, not only seen beside it; an empty status describes nothing.
          aria-describedby={describedBy(
            more > 0 && 'tags-more',
            (refused.cut || refused.dropped > 0 || !!refused.hidden) && 'tags-refused',
          )}
          value={text}
          placeholder={t('editor.addTag')}
          onInput={(e) => {
            const value = (e.target as HTMLInputElement).value;
            if (value.endsWith(',')) add(value.slice(0, -1));
            else setText(value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(text);
            } else if (e.key === 'Backspace' && !e.repeat && !text && shown.length > 0) {
              // The chip the editor sees last, not a tag past those shown. A press of its own:
              // Backspace held down to rub out a tag being typed repeats past its last letter,
              // and took the chips one by one after it.
              remove(shown.at(-1)!.index, 'field');
            }
          }}
          onBlur={() => text && add(text)}
        />
      </div>
      {/* A live region always there, so that the words are read when they come. */}
      <small class="field__cut" id="tags-refused" role="status" data-testid="tags-refused">
        {refused.cut && t('editor.tagCut', { max: TAG_LIMITS.length })}
        {refused.cut && refused.dropped > 0 && ' '}
        {refused.dropped > 0 &&
          t('editor.tagsFull', { max: TAG_LIMITS.count, count: refused.dropped })}
        {(refused.cut || refused.dropped > 0) && refused.hidden && ' '}
        {refused.hidden && t('editor.tagHidden', { tag: refused.hidden })}
      </small>
    </div>
  );
}
