import { t } from '../locales';
import type { Quote } from '../storage/db';
import { cutAtWord } from '../lib/ellipsis';
import { quotationBody } from '../storage/template';

/** How much of a quote names its buttons when there are several. */
const NAME_CHARS = 40;

interface Props {
  quotes: Quote[];
  /** The language of the quotes' page when it is not the text's, to show them in it. */
  lang?: string | null;
  /** Inserts a quote at the text's caret: inline in « » or as a block of its own. */
  onInsert: (quote: Quote, block: boolean) => void;
}

/** The passages clipped from the sources, each insertable where the editor is writing. */
export function QuoteList({ quotes, lang, onInsert }: Props) {
  if (quotes.length === 0) return null;
  // Several quotes: each one's buttons say which they insert, or a screen reader's list of
  // buttons is « Insérer » over and over. Their visible words come first (speech input); the
  // quote's own marks go, as in the text (the name puts it in « » of its own).
  const names = quotes.map((quote) =>
    quotes.length > 1
      ? cutAtWord(quotationBody(quote.text.replace(/\s+/g, ' ')), NAME_CHARS, '…', '')
      : undefined,
  );
  // Two quotes that begin alike would share their buttons' names: their places tell them apart.
  const shared = (words: string) => names.filter((name) => name === words).length > 1;
  return (
    <div class="field">
      <span>{t('editor.quotes')}</span>
      <ul class="quotes">
        {quotes.map((quote, index) => {
          const words = names[index];
          // A button's name from its message, and from its « …Nth » form for a shared name.
          const named = (key: 'editor.insertQuoteNamed' | 'editor.insertQuoteBlockWords') =>
            !words
              ? undefined
              : shared(words)
                ? t(`${key}Nth`, { words, n: index + 1 })
                : t(key, { words });
          return (
            <li key={`${quote.clippedAt}-${index}`}>
              <blockquote lang={lang ?? undefined}>{quote.text}</blockquote>
              <div class="quotes__actions">
                {/* The text keeps its caret: the quote goes where the editor was writing. */}
                <button
                  type="button"
                  class="button button--small"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => onInsert(quote, false)}
                  aria-label={named('editor.insertQuoteNamed')}
                >
                  {t('editor.insertQuote')}
                </button>
                <button
                  type="button"
                  class="button button--small"
                  title={t('editor.insertQuoteBlockNamed')}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => onInsert(quote, true)}
                  aria-label={named('editor.insertQuoteBlockWords')}
                >
                  {t('editor.insertQuoteBlock')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
