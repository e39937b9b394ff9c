import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
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
 * The address typed in the link form, as a link: `https://` is added to a bare domain
 * (`lemonde.fr/pixels`); anything but http(s) and mailto is refused (undefined).
 */
export function normaliseLinkUrl(raw: string): string | undefined {
  const url = raw.trim();
  if (/^(https?:\/\/[^\s/]+\S*|mailto:\S+@\S+)$/i.test(url)) return url;
  if (/^[\w-]+(\.[\w-]+)+(?:[/?#]\S*)?$/.test(url)) return `https://${url}`;
  return undefined;
}

/**
 * The item's text: paragraphs, bold, italic and links, nothing else. Paste is cleaned to that.
 * The DOM is the editor's while it has focus; it is rewritten from `value` only when it has not.
 */
export function RichText({ value, onChange, label, id }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [linkUrl, setLinkUrl] = useState('');
  const [linkInvalid, setLinkInvalid] = useState(false);

  // Before paint: the editor never flashes empty, and a click lands in the text.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && document.activeElement !== el && el.innerHTML !== value) el.innerHTML = value;
  }, [value]);

  // `autofocus` is ignored on elements added after the page loaded: focus the field by hand.
  useEffect(() => {
    if (linking) urlRef.current?.focus();
  }, [linking]);

  const emit = () => {
    if (ref.current) onChange(cleanItemHtml(ref.current.innerHTML));
  };

  const command = (name: 'bold' | 'italic') => {
    ref.current?.focus();
    document.execCommand(name);
    emit();
  };

  /** The editor's selection, if it is inside the editor. */
  const editorRange = (): Range | null => {
    const selection = window.getSelection();
    if (!ref.current || !selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return ref.current.contains(range.commonAncestorContainer) ? range.cloneRange() : null;
  };

  /** Puts the focus back in the editor, on the selection saved when the link form opened. */
  const restoreSelection = () => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    const selection = window.getSelection();
    if (!selection) return;
    const range = savedRange.current;
    selection.removeAllRanges();
    if (range && el.contains(range.commonAncestorContainer)) {
      selection.addRange(range);
    } else {
      // No selection in the editor (or it is gone): the link goes at the end of the text.
      const end = document.createRange();
      end.selectNodeContents(el.lastElementChild ?? el);
      end.collapse(false);
      selection.addRange(end);
    }
  };

  const startLink = () => {
    savedRange.current = editorRange();
    setLinkInvalid(false);
    setLinking(true);
  };

  const cancelLink = () => {
    setLinking(false);
    setLinkUrl('');
    restoreSelection();
  };

  const applyLink = (event: Event) => {
    event.preventDefault();
    const url = normaliseLinkUrl(linkUrl);
    if (!url) {
      setLinkInvalid(true);
      urlRef.current?.focus();
      return;
    }
    setLinking(false);
    setLinkInvalid(false);
    restoreSelection();
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) {
      document.execCommand('createLink', false, url);
    } else {
      const safe = escapeText(url);
      document.execCommand(
        'insertHTML',
        false,
        `<a href="${safe.replace(/"/g, '&quot;')}">${safe}</a>`,
      );
    }
    emit();
    setLinkUrl('');
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
          aria-label={t('editor.bold')}
        >
          <strong>G</strong>
        </button>
        <button
          type="button"
          class="button button--small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => command('italic')}
          title={t('editor.italic')}
          aria-label={t('editor.italic')}
        >
          <em>I</em>
        </button>
        <button
          type="button"
          class="button button--small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={startLink}
          title={t('editor.link')}
          aria-expanded={linking}
        >
          {t('editor.linkShort')}
        </button>
        {linking && (
          <form class="richtext__link" onSubmit={applyLink}>
            <input
              ref={urlRef}
              type="text"
              inputMode="url"
              aria-label={t('editor.linkUrl')}
              placeholder="https://"
              value={linkUrl}
              aria-invalid={linkInvalid}
              aria-describedby={linkInvalid ? 'richtext-link-error' : undefined}
              onInput={(e) => {
                setLinkUrl((e.target as HTMLInputElement).value);
                setLinkInvalid(false);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  cancelLink();
                }
              }}
            />
            <button type="submit" class="button button--small">
              {t('editor.linkApply')}
            </button>
            <button type="button" class="button button--small" onClick={cancelLink}>
              {t('common.cancel')}
            </button>
            {linkInvalid && (
              <p class="richtext__error" id="richtext-link-error" role="alert">
                {t('editor.linkInvalid')}
              </p>
            )}
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
        onBlur={(event) => {
          // Focus gone to the link form: the selection it will link must stay where it is.
          const next = event.relatedTarget as Node | null;
          if (next && ref.current?.parentElement?.contains(next)) return;
          // Shows the cleaned text once the editor is done typing.
          if (ref.current && ref.current.innerHTML !== value) ref.current.innerHTML = value;
        }}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
