/**
 * Title clean-up. Pages decorate their titles with the site's name (`Headline | Site`,
 * `Site: Headline`), a section, or the author; a clip wants the headline alone. A separator is only
 * cut where the other side is recognisably the site (or the author, or the page's own `<h1>` is the
 * remaining part): `Outside the web: standalone WebAssembly…` keeps its colon.
 */

import { compactKey, foldPunctuation } from './text';
import { stripWww } from '../lib/html';
import { pairQuotes, quoteMarks } from '../lib/quotes';

/** What the page tells us about itself, to recognise the decoration around a headline. */
export interface TitleContext {
  /** Declared site names (og:site_name, JSON-LD publisher, application-name), in any order. */
  siteNames: readonly string[];
  /** Host names the page is known by (the address and the canonical URL). */
  hostnames: readonly string[];
  /** The page's author; personal sites often end their titles with it. */
  byline?: string;
  /** Texts of the page's `<h1>` elements. */
  headings: readonly string[];
}

/** The result of cleaning one title. */
export interface CleanedTitle {
  title: string;
  /** The site part that was cut off, when one was recognised as the site's name. */
  siteAffix?: string;
}

/**
 * Marks that sites put between a headline and their name, with mandatory spaces around. The spaces
 * are looked at, not consumed, so that a mark right after another one is still seen
 * (`« aller vite » - Le Quotidien`). `»` is one (old WordPress themes: `Site » Blog Archive »
 * Headline`), `«` is not: in a French title it opens a quotation, which may have lost its `»` to a
 * title cut short, and what follows it is the quotation, not a site's name.
 */
const SEPARATOR_MARK = /(?<=\s)(?:[|\-\u2013\u2014\u00b7\u2022\u00bb~]|::|\/\/)(?=\s)/g;

/** A separator in a title: from the spaces before its mark to the end of the spaces after it. */
interface Separator {
  start: number;
  end: number;
}

/**
 * Which characters of a title are part of a quotation: balanced « … », “ … ”, „ … “ and "…" pairs
 * (lib/quotes.ts), marks included. A quotation belongs to the headline (`Le ministre promet un
 * « choc de simplification »`): its `»` is not a separator, and nothing inside it is. A lone `»`
 * is still one. Single quotes are left out: a title's ’ is far more often an apostrophe cut
 * loose than a quotation's end.
 */
function quotedMask(title: string): Uint8Array {
  const { pairs } = pairQuotes(quoteMarks(title).filter((mark) => mark.family !== 'single'));
  // Depth changes at each pair's ends, summed afterwards: linear however many pairs there are.
  const depth = new Int32Array(title.length + 1);
  for (const [open, close] of pairs) {
    depth[open] = (depth[open] ?? 0) + 1;
    depth[close + 1] = (depth[close + 1] ?? 0) - 1;
  }
  const mask = new Uint8Array(title.length);
  let running = 0;
  for (let i = 0; i < title.length; i += 1) {
    running += depth[i] ?? 0;
    mask[i] = running > 0 ? 1 : 0;
  }
  return mask;
}

/** The separators of `title`, in order, leaving out those inside (or made of) a quotation. */
function separators(title: string, quoted = quotedMask(title)): Separator[] {
  const found: Separator[] = [];
  for (const match of title.matchAll(SEPARATOR_MARK)) {
    if (quoted[match.index]) continue;
    let start = match.index;
    while (start > 0 && /\s/.test(title[start - 1] ?? '')) start -= 1;
    let end = match.index + match[0].length;
    while (end < title.length && /\s/.test(title[end] ?? '')) end += 1;
    found.push({ start, end });
  }
  return found;
}

/** An affix of more words than this is part of a headline, not the name of a site or section. */
const MAX_AFFIX_WORDS = 4;

/** Words in `value`, not counting separator punctuation (`| Author | Section` has 2 words). */
function wordCount(value: string): number {
  return value
    .replace(/[|\-\u2013\u2014\u00b7\u2022\u00bb\u00ab~:/]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
}

/** Keys identifying a host: `sport.aktualne.cz` gives `aktualne`, `sport`, `aktualnecz`, … */
function hostKeys(hostnames: readonly string[]): { exact: Set<string>; labels: string[] } {
  const exact = new Set<string>();
  const labels: string[] = [];
  for (const host of hostnames) {
    const parts = stripWww(host.toLowerCase()).split('.').filter(Boolean);
    for (let i = 0; i < parts.length - 1; i += 1) {
      const label = compactKey(parts[i] ?? '');
      if (label.length >= 2) {
        exact.add(label);
        labels.push(label);
      }
      exact.add(compactKey(parts.slice(i).join('.')));
    }
  }
  return { exact, labels };
}

/**
 * Whether `affix` names the site, by its declared name or its host. Suffixes may be a short form
 * of a declared name (`Aktuálně.cz` for `Aktuálně.cz - Víte, co se právě děje`, `Spiceworks` for
 * `Spiceworks Inc`) or start with the host's name (`BuzzFeed News` on buzzfeed.com); prefixes must
 * match exactly, because a headline may well begin with a word that is also a site's name.
 */
export function isSiteAffix(
  affix: string,
  ctx: TitleContext,
  position: 'prefix' | 'suffix',
): boolean {
  const key = compactKey(affix);
  if (key.length < 2 || wordCount(affix) > MAX_AFFIX_WORDS) return false;
  const hosts = hostKeys(ctx.hostnames);
  if (hosts.exact.has(key)) return true;
  for (const name of ctx.siteNames) {
    const site = compactKey(name);
    if (site === '') continue;
    if (site === key) return true;
    if (position === 'suffix' && key.length >= 3 && site.startsWith(key)) return true;
    if (position === 'suffix' && site.length >= 4 && key.startsWith(site)) return true;
  }
  return position === 'suffix' && hosts.labels.some((l) => l.length >= 5 && key.startsWith(l));
}

/** Whether a title suffix is the author's name, as personal sites and columns add. */
function isBylineAffix(affix: string, ctx: TitleContext): boolean {
  return !!ctx.byline && compactKey(ctx.byline) === compactKey(affix);
}

/**
 * When the title is an `<h1>` plus decoration (`<h1> | Author | Section | Site`), returns the
 * `<h1>` part, spelled as in the title. The decoration must be short, or shorter than the heading:
 * a blog's `<h1>` is often the blog's name, and `Blog name | Post title` must not become `Blog name`.
 */
function stripToHeading(title: string, headings: readonly string[]): string | undefined {
  const folded = foldPunctuation(title).toLowerCase();
  // Indices found in the folded title are used on the original: lower-casing must keep lengths.
  if (folded.length !== title.length) return undefined;
  const cuts = separators(title);
  let best: string | undefined;
  for (const heading of headings) {
    const key = foldPunctuation(heading).toLowerCase();
    if (key.length < 2 || key.length >= folded.length) continue;
    let kept: string | undefined;
    let removed: string | undefined;
    if (folded.startsWith(key) && cuts.some((cut) => cut.start === key.length)) {
      kept = title.slice(0, key.length);
      removed = title.slice(key.length);
    } else if (folded.endsWith(key) && cuts.some((cut) => cut.end === title.length - key.length)) {
      kept = title.slice(title.length - key.length);
      removed = title.slice(0, title.length - key.length);
    }
    if (kept === undefined || removed === undefined) continue;
    const short = wordCount(removed) <= MAX_AFFIX_WORDS || removed.length < kept.length;
    if (short && (best === undefined || kept.length > best.length)) best = kept.trim();
  }
  return best;
}

/** Splits `title` at its last separator: `[head, tail]`, or undefined when there is none. */
function splitLast(title: string): [string, string] | undefined {
  const last = separators(title).at(-1);
  if (!last) return undefined;
  return [title.slice(0, last.start), title.slice(last.end)];
}

/** Splits `title` at its first separator, or at a colon (`Site: Headline`) outside a quotation. */
function splitFirst(title: string): [string, string] | undefined {
  const quoted = quotedMask(title);
  const first = separators(title, quoted)[0];
  const colon = [...title.matchAll(/:\s+/g)].find((match) => !quoted[match.index]);
  const cuts = [
    ...(first ? [first] : []),
    ...(colon ? [{ start: colon.index, end: colon.index + colon[0].length }] : []),
  ].sort((a, b) => a.start - b.start);
  const cut = cuts[0];
  if (!cut) return undefined;
  return [title.slice(0, cut.start), title.slice(cut.end)];
}

/** Whether what remains after a cut still reads as a title. */
function isSubstantial(value: string): boolean {
  return compactKey(value).length >= 2;
}

/**
 * Removes the site's name (and, behind it, the author's) from a title, and any decoration around
 * the page's `<h1>`. Separators that belong to the headline are left alone.
 */
export function cleanTitle(raw: string, ctx: TitleContext): CleanedTitle {
  let title = raw.trim();
  let siteAffix: string | undefined;
  // Cut site suffixes first, so that the affix is known even when the <h1> rule then applies.
  for (let i = 0; i < 3; i += 1) {
    const parts = splitLast(title);
    if (!parts || !isSubstantial(parts[0])) break;
    const isSite = isSiteAffix(parts[1], ctx, 'suffix');
    if (!isSite && !isBylineAffix(parts[1], ctx)) break;
    // Only a site affix names the site; an author suffix is just dropped.
    if (isSite) siteAffix ??= parts[1].trim();
    title = parts[0].trim();
  }
  const fromHeading = stripToHeading(title, ctx.headings);
  if (fromHeading) return { title: fromHeading, siteAffix };
  const prefix = splitFirst(title);
  if (prefix && isSubstantial(prefix[1]) && isSiteAffix(prefix[0], ctx, 'prefix')) {
    siteAffix ??= prefix[0].trim();
    title = prefix[1].trim();
  }
  return { title, siteAffix };
}

/**
 * The last segment of a decorated title, when it is short enough to be a site's name: the
 * fallback site name of pages that declare none (`… - The New York Times`).
 */
export function titleSuffix(raw: string): string | undefined {
  const parts = splitLast(raw.trim());
  if (!parts) return undefined;
  const [head, tail] = parts;
  const suffix = tail.trim();
  if (suffix === '' || wordCount(suffix) > MAX_AFFIX_WORDS || suffix.length >= head.length) {
    return undefined;
  }
  return suffix;
}
