import { t } from '../locales';
import type { Quote } from '../storage/db';

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
  return (
    <div class="field">
      <span>{t('editor.quotes')}</span>
      <ul class="quotes">
        {quotes.map((quote, index) => (
          <li key={`${quote.clippedAt}-${index}`}>
            <blockquote lang={lang ?? undefined}>{quote.text}</blockquote>
            <div class="quotes__actions">
              {/* The text keeps its caret: the quote goes where the editor was writing. */}
              <button
                type="button"
                class="button button--small"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onInsert(quote, false)}
              >
                {t('editor.insertQuote')}
              </button>
              <button
                type="button"
                class="button button--small"
                title={t('editor.insertQuoteBlockNamed')}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onInsert(quote, true)}
              >
                {t('editor.insertQuoteBlock')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
