import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales';
import { cleanItemHtml } from './richtext';

interface Props {
  value: string;
  onChange: (html: string) => void;
  label: string;
  id?: string;
}

function escapeText(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text pasted: one paragraph per blank-line-separated block. */
function textToHtml(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeText(block).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * The item's text: paragraphs, bold, italic and links, nothing else. Paste is cleaned to that.
 * The DOM is the editor's while it has focus; it is rewritten from `value` only when it has not.
 */
export function RichText({ value, onChange, label, id }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [linkUrl, setLinkUrl] = useState('https://');

  useEffect(() => {
    const el = ref.current;
    if (el && document.activeElement !== el && el.innerHTML !== value) el.innerHTML = value;
  }, [value]);

  const emit = () => {
    if (ref.current) onChange(cleanItemHtml(ref.current.innerHTML));
  };

  const command = (name: 'bold' | 'italic') => {
    ref.current?.focus();
    document.execCommand(name);
    emit();
  };

  const startLink = () => {
    const selection = window.getSelection();
    savedRange.current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    setLinking(true);
  };

  const applyLink = (event: Event) => {
    event.preventDefault();
    setLinking(false);
    if (!/^(https?:\/\/\S+|mailto:\S+)$/i.test(linkUrl.trim())) return;
    ref.current?.focus();
    const selection = window.getSelection();
    if (savedRange.current && selection) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
    if (selection && !selection.isCollapsed) {
      document.execCommand('createLink', false, linkUrl.trim());
    } else {
      document.execCommand(
        'insertHTML',
        false,
        `<a href="${escapeText(linkUrl.trim()).replace(/"/g, '&quot;')}">${escapeText(linkUrl.trim())}</a>`,
      );
    }
    emit();
    setLinkUrl('https://');
  };

  const onPaste = (event: ClipboardEvent) => {
    event.preventDefault();
    const data = event.clipboardData;
    const html = data?.getData('text/html');
    const clean = cleanItemHtml(html || textToHtml(data?.getData('text/plain') ?? ''));
    document.execCommand('insertHTML', false, clean);
    emit();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      startLink();
    }
  };

  return (
    <div class="richtext">
      <div class="richtext__toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        <button
          type="button"
          class="button button--small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => command('bold')}
          title={t('editor.bold')}
        >
          <strong>G</strong>
        </button>
        <button
          type="button"
          class="button button--small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => command('italic')}
          title={t('editor.italic')}
        >
          <em>I</em>
        </button>
        <button
          type="button"
          class="button button--small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={startLink}
          title={t('editor.link')}
        >
          {t('editor.linkShort')}
        </button>
        {linking && (
          <form class="richtext__link" onSubmit={applyLink}>
            <input
              type="url"
              aria-label={t('editor.linkUrl')}
              value={linkUrl}
              onInput={(e) => setLinkUrl((e.target as HTMLInputElement).value)}
              onKeyDown={(e) => e.key === 'Escape' && setLinking(false)}
              autoFocus
            />
            <button type="submit" class="button button--small">
              {t('editor.linkApply')}
            </button>
          </form>
        )}
      </div>
      <div
        ref={ref}
        id={id}
        class="richtext__area"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        data-testid="item-text"
        onInput={emit}
        onBlur={() => {
          // Shows the cleaned text once the editor is done typing.
          if (ref.current && ref.current.innerHTML !== value) ref.current.innerHTML = value;
        }}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
