import type { Draft } from './db';
import { isHttpUrl } from './http-url';
import { escapeHtml, stripWww } from '../lib/html';

/**
 * The body a new draft starts with: the last quote in French quotation marks, then the source
 * linked under its publication's name. Placeholders are listed at {@link renderDraftTemplate}.
 */
export const DEFAULT_DRAFT_TEMPLATE = '<p>{quote} ({source})</p>';

/** Used instead of a template that wants a quote when the draft has none. */
export const NO_QUOTE_TEMPLATE = '<p>{link} ({site})</p>';

/** What a template can draw from. */
export type TemplateDraft = Pick<Draft, 'url' | 'title' | 'quotes'> &
  Partial<Pick<Draft, 'siteName' | 'byline'>>;

/** Quotation marks a selection may already carry; the template adds the French ones itself. */
const WRAPPING_QUOTES = /^[\s«"“”„‘’']+|[\s»"“”„‘’']+$/g;

/** The name a link is shown under: the publication, else the web host, else the title. */
function siteLabel(draft: TemplateDraft): string {
  if (draft.siteName?.trim()) return draft.siteName.trim();
  // `chrome://version/` has a "host" too, but it names no publication.
  if (isHttpUrl(draft.url)) return stripWww(new URL(draft.url.trim()).hostname);
  return draft.title;
}

function link(url: string, text: string): string {
  return isHttpUrl(url)
    ? `<a href="${escapeHtml(url.trim())}">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

/**
 * Fills a draft template. Placeholders:
 * - `{quote}`: the last quote, in « » with non-breaking spaces;
 * - `{source}`: the publication's name linked to the page;
 * - `{link}`: the page title linked to the page;
 * - `{title}`, `{site}`, `{byline}`: as text;
 * - `{url}`: the page URL, empty unless it is http(s) (the template may put it in an `href`).
 *
 * Every value is HTML-escaped; the template itself is the editor's own HTML and is kept as is.
 * A URL that is not http(s) (`chrome://…`, `javascript:…`) is never linked. A template that
 * uses `{quote}` on a draft without quotes is replaced by {@link NO_QUOTE_TEMPLATE}, so that
 * the item does not start with empty quotation marks. Unknown placeholders are left as typed.
 */
export function renderDraftTemplate(template: string, draft: TemplateDraft): string {
  const quote = draft.quotes.at(-1)?.text.replace(WRAPPING_QUOTES, '') ?? '';
  const chosen = !quote && template.includes('{quote}') ? NO_QUOTE_TEMPLATE : template;
  const site = siteLabel(draft);
  const values: Record<string, string> = {
    quote: quote ? `«\u00a0${escapeHtml(quote)}\u00a0»` : '',
    source: link(draft.url, site),
    link: link(draft.url, draft.title || site),
    title: escapeHtml(draft.title),
    site: escapeHtml(site),
    byline: escapeHtml(draft.byline ?? ''),
    url: isHttpUrl(draft.url) ? escapeHtml(draft.url.trim()) : '',
  };
  return chosen.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? values[name]! : placeholder,
  );
}
