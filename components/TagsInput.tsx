import { useState } from 'preact/hooks';
import { t } from '../locales';

interface Props {
  tags: string[];
  onChange: (tags: string[]) => void;
}

/**
 * Tags as chips; Enter or a comma adds one (a list separated by commas, one each), Backspace in
 * an empty field removes the last.
 */
export function TagsInput({ tags, onChange }: Props) {
  const [text, setText] = useState('');

  const add = (raw: string) => {
    // A pasted list (« élysée, remaniement ») is one tag a part.
    const next = [...tags];
    for (const part of raw.split(',')) {
      const tag = part.trim().replace(/^#/, '');
      // Tags differing only by case are one tag (storage keeps the first).
      const key = tag.toLocaleLowerCase('fr');
      if (tag && !next.some((other) => other.toLocaleLowerCase('fr') === key)) next.push(tag);
    }
    if (next.length > tags.length) onChange(next);
    setText('');
  };

  return (
    <div class="field">
      <span id="tags-label">{t('editor.tags')}</span>
      <div class="tags">
        {tags.map((tag) => (
          <span class="tag" key={tag}>
            {tag}
            <button
              type="button"
              aria-label={t('editor.removeTag', { tag })}
              onClick={() => onChange(tags.filter((x) => x !== tag))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          type="text"
          aria-labelledby="tags-label"
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
            } else if (e.key === 'Backspace' && !text && tags.length > 0) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={() => text && add(text)}
        />
      </div>
    </div>
  );
}
