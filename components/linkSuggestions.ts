import { stripWww } from '../lib/html';
import { readableHost } from '../lib/punycode';
import { t } from '../locales';
import type { Draft } from '../storage/db';
import type { LinkSuggestion } from './RichText';

const isHttp = (url: string) => /^https?:\/\/\S+$/i.test(url.trim());

/**
 * The host of an address without `www.`, as a reader writes it (`café.fr`, lib/punycode.ts), to
 * name a page that has no title; the link keeps the ASCII address.
 */
function hostOf(url: string): string {
  try {
    return stripWww(readableHost(new URL(url).hostname));
  } catch {
    return url;
  }
}

/**
 * What the link form offers, in order: the draft's sources, the links of its quotes, then the
 * other items of its issue (named by `nameOf`, as the issue list names them, linked to their
 * first source).
 */
export function linkSuggestions(
  draft: Pick<Draft, 'id' | 'sources' | 'quotes'>,
  others: readonly Draft[],
  nameOf: (item: Draft) => string,
): LinkSuggestion[] {
  const out: LinkSuggestion[] = [];
  for (const source of draft.sources) {
    if (!isHttp(source.url)) continue;
    const name = source.title || source.siteName || hostOf(source.url);
    const label = source.siteName && source.title ? `${source.siteName} · ${source.title}` : name;
    out.push({ url: source.url.trim(), label, kind: t('link.kind.source'), group: 'draft' });
  }
  for (const quote of draft.quotes) {
    if (!quote.html) continue;
    const doc = new DOMParser().parseFromString(quote.html, 'text/html');
    for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href') ?? '';
      if (!isHttp(href)) continue;
      const text = a.textContent?.replace(/\s+/g, ' ').trim();
      out.push({
        url: href,
        label: text || hostOf(href),
        kind: t('link.kind.quote'),
        group: 'draft',
      });
    }
  }
  for (const other of others) {
    const url = other.sources.find((source) => isHttp(source.url))?.url;
    if (other.id !== draft.id && url) {
      out.push({
        url: url.trim(),
        label: nameOf(other),
        kind: t('link.kind.item'),
        group: 'issue',
      });
    }
  }
  return out;
}
