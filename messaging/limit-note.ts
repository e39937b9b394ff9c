import type { CaptureLimit } from '../capture/types';
import { t, type Locale } from '../locales/core';
import { isHttpUrl } from '../storage/http-url';

/** What a clip of a page closed to scripts kept, for the sentence that says it. */
export interface LimitKept {
  /** Why the page could not be read. */
  limit: CaptureLimit;
  /** The words selected were kept as the quote (the context menu's, as plain text). */
  words?: boolean;
  /** The page was Firefox's reader view of the draft's own page. */
  readerView?: boolean;
}

/**
 * The sentence that says why a page could not be read and what was kept of it: the address and
 * title, and the words selected when the context menu gave them. After a reader view, how to
 * quote the page with its links: the page itself clipped joins the same draft.
 */
export function limitNote({ limit, words, readerView }: LimitKept, locale?: Locale): string {
  const reason = t(readerView ? 'limit.reader-view' : `limit.${limit}`, {}, locale);
  const kept = t(words ? 'limit.keptWords' : 'limit.keptPage', { reason }, locale);
  return readerView ? `${kept} ${t('limit.readerViewHint', {}, locale)}` : kept;
}

/**
 * What a stored draft's `captureNote` says, read from the draft when shown (nothing more is
 * stored, nor sent to WordPress): `menuWords`, see {@link hasMenuWords}. A browser page credited
 * to a web address is a reader view, the only one the clip maps to its page's own address
 * (services/limits.ts, `pageShownAt`).
 */
export function draftLimitKept(draft: {
  captureNote: CaptureLimit;
  url: string;
  menuWords?: boolean;
}): LimitKept {
  return {
    limit: draft.captureNote,
    words: !!draft.menuWords,
    readerView: draft.captureNote === 'browser-page' && isHttpUrl(draft.url),
  };
}

/**
 * Whether a draft of a page closed to scripts holds the words the context menu saw: a quote as
 * the clip keeps them, one paragraph of plain text (services/clipper.ts, `passageFromText`), a
 * clip that read the page itself having taken the note away. A quote with markup (a link) came
 * from a page that was read, a draft merged into this one, and says nothing of this page.
 */
export function hasMenuWords(quotes: readonly { html: string }[]): boolean {
  return quotes.some((quote) => MENU_WORDS.test(quote.html));
}

/** A quote as the context menu's words are kept: one paragraph, no markup in it. */
const MENU_WORDS = /^<p>[^<]*<\/p>$/;
