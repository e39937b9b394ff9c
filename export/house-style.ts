/**
 * The newsroom's house style at work: the issue title written from its pattern and date. The
 * style itself is a setting (storage/house-style.ts), re-exported here for the export formats,
 * which all read the same style so that a column looks the same wherever it goes.
 */

import { DEFAULT_TITLE_PATTERNS, type ExportLocale, type HouseStyle } from '../storage/house-style';
import { EXPORT_LOCALES } from '../storage/record-values';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../lib/french-date';
import { shortened } from '../lib/ellipsis';
import { frenchTypographyInline, frenchTypographyText } from './typography';
import type { SafeInline } from './sanitize';
import { isFrench, languageTag } from '../lib/lang';
import { tokenizeHtml } from './html-tokenizer';

export {
  createHouseStyle,
  DEFAULT_HOUSE_STYLE,
  DEFAULT_TITLE_PATTERNS,
  isDefaultTitlePattern,
  titlePatternForLocale,
  type CreditStyle,
  type ExportLocale,
  type HouseStyle,
} from '../storage/house-style';

interface DateParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** Parses a strict YYYY-MM-DD calendar date; null if it is not one (e.g. 2021-02-30). */
export function parseIsoDate(isoDate: string): DateParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // UTC so that the weekday does not depend on the machine's time zone.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return { year, month, day, weekday: date.getUTCDay() };
}

/**
 * An item's label as the exports write it (the JSON export's `label`): typeset as its text is
 * when the house style sets French typography, as typed otherwise. The issue list names its
 * items by it too (components/itemName.ts), so that what the editor sees there is what goes
 * out: `Selon "Le Monde"` typed is « Selon « Le Monde » » in both.
 */
export function labelAsExported(
  label: string,
  style: Pick<HouseStyle, 'frenchTypography'> & Partial<Pick<HouseStyle, 'itemOpener'>>,
  sources: readonly NamedSource[] = [],
  bodyHtml = '',
): string {
  const named = withoutTypedOpener(label, style.itemOpener?.trim() ?? '');
  if (!style.frenchTypography) return named;
  const kept = namesIn(named, [...foreignNames(sources), ...foreignWords(bodyHtml)]);
  if (quotationLeftOpen(label, bodyHtml)) {
    // Typeset as the text goes on: the quotation closed where the name stops, the close dropped.
    const closed = typesetKeeping(`${named}"`, kept);
    if (closed.endsWith('\u00A0»')) return closed.slice(0, -2);
  }
  return typesetKeeping(named, kept);
}

/**
 * Whether `label` is the first words of the text (`bodyHtml`), cut inside a quotation opened
 * with a straight quote (`L'expert a dit "l'affaire est close…`) that the text's paragraph
 * closes: its straight quotes balanced, the column makes « » of them (typography.ts), so the
 * name opens it with « as well. A paragraph whose straight quotes do not pair (an inch mark, a
 * quote left open), or whose end is not read, leaves them straight, as the column does.
 */
function quotationLeftOpen(label: string, bodyHtml: string): boolean {
  if (!label.endsWith('…') || !bodyHtml) return false;
  const quotes = (text: string) => text.split('"').length - 1;
  if (quotes(label) % 2 === 0) return false;
  const paragraph = firstParagraph(bodyHtml);
  return (
    paragraph !== null &&
    quotes(paragraph) % 2 === 0 &&
    folded(paragraph)
      .trim()
      .startsWith(folded(label.slice(0, -1)).trim())
  );
}

/** Tags that end a paragraph of the text, or a line (across which no quotes pair). */
const PARAGRAPH_ENDS = /^(?:p|li|h\d|div|blockquote|ul|ol|br)$/;

/** The text of an item's first paragraph, null when it does not end in what is read of it. */
function firstParagraph(html: string): string | null {
  const read = foreignStart(html);
  let text = '';
  for (const token of tokenizeHtml(read)) {
    if (token.type === 'text') text += token.text;
    else if (
      (token.type === 'startTag' || token.type === 'endTag') &&
      PARAGRAPH_ENDS.test(token.name) &&
      text.trim()
    ) {
      return text;
    }
  }
  return read.length === html.length && text.trim() ? text : null;
}

/**
 * `text`, each run of spaces of any kind (ordinary, tab, line break, NBSP, NNBSP, thin: all
 * `\s`) one ordinary space: names and labels compared word for word.
 */
const folded = (text: string): string => text.replace(/\s+/g, ' ');

/** Spaces a name's words may stand between in a label (typography.ts keptPattern's). */
const GAP = /[ \t\u00A0\u202F\u2009]/;
/** What a kept name may not stand against: it is found as whole words. */
const IN_WORD = /[\p{L}\p{M}\p{N}]/u;

/**
 * `label` typeset as `frenchTypographyText(label, kept)` does, each of `kept` found as whole
 * words left as written, without the pattern of those names that that builds: each item's are
 * its own, and the browser compiles each anew (1 to 3 ms an item, the issue list's first drawing
 * of 100 items whose sources are English took 100 to 300 ms more, 300 items a second). The names
 * are found by reading the label, and stand in it as a text in another language does in an
 * item's (frenchTypographyInline: as written, a word to the prose around it).
 */
function typesetKeeping(label: string, kept: readonly string[]): string {
  const names = [...new Set(kept.map((text) => folded(text).trim()))]
    .filter((text) => text && !/[\uE000-\uE002]/.test(text))
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return frenchTypographyText(label);
  // Paragraphs apart, as frenchTypographyText typesets them.
  return label
    .split(/(\n[ \t]*\n)/)
    .map((part, i) => (i % 2 === 1 ? part : typesetPartKeeping(part, names)))
    .join('');
}

/** One paragraph of {@link typesetKeeping}, `names` folded, longest first. */
function typesetPartKeeping(part: string, names: readonly string[]): string {
  const nodes: SafeInline[] = [];
  const words: string[] = [];
  let from = 0;
  for (let at = 0; at < part.length; at++) {
    if (at > 0 && IN_WORD.test(charBefore(part, at))) continue;
    for (const name of names) {
      const end = nameEnd(part, at, name);
      if (
        end < 0 ||
        (end < part.length && IN_WORD.test(String.fromCodePoint(part.codePointAt(end)!)))
      )
        continue;
      if (at > from) nodes.push({ type: 'text', text: part.slice(from, at) });
      words.push(part.slice(at, end));
      nodes.push({ type: 'lang', lang: 'und', children: [] });
      from = end;
      at = end - 1;
      break;
    }
  }
  if (words.length === 0) return frenchTypographyText(part);
  if (from < part.length) nodes.push({ type: 'text', text: part.slice(from) });
  let word = 0;
  return frenchTypographyInline(nodes)
    .map((node) => (node.type === 'text' ? node.text : words[word++]!))
    .join('');
}

/** The character (a whole code point) that ends before `at`. */
function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}

/** Where `name` (folded: one space between its words) found at `at` of `text` ends, else -1. */
function nameEnd(text: string, at: number, name: string): number {
  let j = at;
  for (const char of name) {
    if (char === ' ') {
      if (j >= text.length || !GAP.test(text[j]!)) return -1;
      while (j < text.length && GAP.test(text[j]!)) j++;
    } else {
      if (!text.startsWith(char, j)) return -1;
      j += char.length;
    }
  }
  return j;
}

/**
 * How much of an item's HTML is read for its words in another language: a label drawn from the
 * text is its first 48 characters. Read at every drawing of the issue list, for each item.
 */
const FOREIGN_HTML = 2_000;
/**
 * …or more, when its markup takes them (a link's address of thousands of characters before the
 * quote): until this many characters of text are read, within {@link FOREIGN_HTML_MOST}.
 */
const FOREIGN_TEXT = 500;
/** The most of an item's HTML ever read for its foreign words (a text of markup and no words). */
const FOREIGN_HTML_MOST = 20_000;

/**
 * Where the HTML read for foreign words ends: after {@link FOREIGN_HTML} characters, or after
 * {@link FOREIGN_TEXT} of its text when its tags take more. Found by jumping from tag to tag,
 * never parsing; a `>` inside an attribute ends it early: never sooner than before.
 */
function foreignEnd(html: string): number {
  let at = 0;
  let text = 0;
  while (at < FOREIGN_HTML_MOST) {
    const tag = html.indexOf('<', at);
    const run = (tag < 0 ? html.length : tag) - at;
    if (text + run >= FOREIGN_TEXT) {
      return Math.min(FOREIGN_HTML_MOST, Math.max(FOREIGN_HTML, at + FOREIGN_TEXT - text));
    }
    if (tag < 0) break;
    text += run;
    const close = html.indexOf('>', tag);
    if (close < 0) break;
    at = close + 1;
  }
  return Math.min(FOREIGN_HTML_MOST, html.length);
}

/** The start of an item's HTML read for its foreign words and first paragraph (see foreignEnd). */
function foreignStart(html: string): string {
  return html.length > FOREIGN_HTML ? html.slice(0, foreignEnd(html)) : html;
}

/** Elements without an end tag, which a sanitized text may hold. */
const VOID_TAGS = new Set(['br', 'wbr', 'img', 'hr']);

/**
 * The end tags where a label drawn from the text reads a space between words, as a `<br>` does
 * (storage/derive.ts bodyText).
 */
const WORD_BREAKS = /^(?:p|li|h\d)$/;

/**
 * The words the start of an item's text marks in another language than French (a quote of an
 * English page, `«&nbsp;<span lang="en">Why it matters: the deal</span>&nbsp;»`, or code, `zxx`):
 * the text's typography leaves them as written (typography.ts), so its label does too. Read as
 * the exports read them (export/sanitize.ts): a `<span>` with a language tag, no other element
 * (a `<p lang>` or `<em lang>` goes out typeset as French); and as the label reads the text, a
 * space where a line or a paragraph breaks (`matters:<br>the deal` is `matters: the deal`).
 */
export function foreignWords(html: string): string[] {
  const start = foreignStart(html);
  if (!start.includes('lang')) return [];
  const words: string[] = [];
  let depth = 0;
  let text = '';
  for (const token of tokenizeHtml(start)) {
    if (token.type === 'startTag' || token.type === 'endTag') {
      const breaks = token.type === 'startTag' ? token.name === 'br' : WORD_BREAKS.test(token.name);
      if (depth > 0 && breaks) text += ' ';
    }
    if (token.type === 'startTag') {
      if (token.selfClosing || VOID_TAGS.has(token.name)) continue;
      const lang =
        token.name === 'span'
          ? languageTag(token.attributes.find((a) => a.name === 'lang')?.value)
          : null;
      if (depth > 0) depth++;
      else if (lang && !isFrench(lang)) {
        depth = 1;
        text = '';
      }
    } else if (token.type === 'endTag') {
      if (depth > 0 && --depth === 0) words.push(text);
    } else if (token.type === 'text' && depth > 0) text += token.text;
  }
  // One cut by the end of what is read: its start, as far as it goes.
  if (depth > 0 && text.trim()) words.push(text);
  return words;
}

/** A source as an item cites it: its title and site name, and its page's language if known. */
export interface NamedSource {
  title?: string | null;
  siteName?: string | null;
  lang?: string;
}

/**
 * What French typography leaves as written in an item: the title and site name of each source
 * whose page is in another language, wherever the text or its label cites them (a `{link}` of
 * the template, a credit). A source of unknown language is typeset as French prose, as before
 * languages were read.
 */
export function foreignNames(sources: readonly NamedSource[]): string[] {
  const names: string[] = [];
  for (const source of sources) {
    if (!source.lang || isFrench(source.lang)) continue;
    if (source.title) names.push(source.title);
    if (source.siteName) names.push(source.siteName);
  }
  return names;
}

/**
 * `names`, and the start of one of them that a label cut short ends on (« 'What is the sea
 * telling us?… », an English title's first words): left as written as the whole is in the text.
 */
function namesIn(label: string, names: readonly string[]): string[] {
  if (names.length === 0 || !label.endsWith('…')) return [...names];
  const cut = folded(label.slice(0, -1));
  const starts: string[] = [];
  for (const name of names.map(folded)) {
    for (let at = 0; at < cut.length; at++) {
      if (at > 0 && IN_WORD.test(cut[at - 1]!)) continue;
      const tail = cut.slice(at);
      if (tail.trim() && name.startsWith(tail)) {
        starts.push(tail);
        break;
      }
    }
  }
  return [...names, ...starts];
}

/**
 * A label without the house opener its editor typed at its start (`--> Le 10 mars…`, the first
 * words of a text typed as items were written before): the exports leave that opener out of the
 * text (export/prepare.ts) and write their own, so the label names the item by its words, as the
 * text goes out. A label that is the opener alone stays: nothing else names the item.
 */
function withoutTypedOpener(label: string, marker: string): string {
  const start = label.trimStart();
  if (!marker || !startsWithOpener(start, marker)) return label;
  return start.slice(marker.length).trimStart() || label;
}

/**
 * Whether `text` starts with the house opener `marker` typed, not with a longer mark it begins:
 * in a house whose opener is « -- », « --> » (the old one) or « --- » is not « -- » and « > ».
 * Followed by a space, a word or nothing, it is (`--> Le`, `-->Le`).
 */
export function startsWithOpener(text: string, marker: string): boolean {
  if (!text.startsWith(marker)) return false;
  const next = text[marker.length];
  return next === undefined || (next !== '>' && !marker.includes(next));
}

/**
 * The title an issue goes out with: its own, white space folded, else (emptied in its fields)
 * the house pattern's for its date, as the preview, the exports and the picker all name it.
 */
export function issueTitle(
  issue: { title: string; date: string },
  style: Pick<HouseStyle, 'titlePattern' | 'locale'>,
): string {
  return (
    issue.title.replace(/\s+/g, ' ').trim() ||
    formatIssueTitle(style.titlePattern, issue.date, style.locale)
  );
}

/**
 * {@link issueTitle} as a view names the issue: cut by `shortened` to `max` characters. Only as
 * much of a stored title is read as that takes: a backup's or the shared desk's may hold
 * 2,000,000 characters, and the picker, the desk's first screen and the messages name the issue
 * at every render; folding the white space of the whole each time held the desk for seconds.
 * The same as `shortened(issueTitle(issue, style), max)` (a unit test compares them).
 */
export function issueTitleShortened(
  issue: { title: string; date: string },
  style: Pick<HouseStyle, 'titlePattern' | 'locale'>,
  max: number,
): string {
  // `shortened` reads the first `max` characters of a longer text: a head folded to more than
  // that (its last one maybe a space the whole title goes on after) names the issue as the whole.
  for (let take = 2 * max + 2; issue.title.length > take; take *= 4) {
    const head = issue.title.slice(0, take).replace(/\s+/g, ' ').trim();
    if (head.length > max + 1) return shortened(head, max);
  }
  return shortened(issueTitle(issue, style), max);
}

/**
 * Formats an issue title from a pattern. Placeholders:
 * - `{date}`: day and month, "15 mars" / "1er mars" in French, "March 15" in English;
 * - `{day}`: the day of the month, "1er" for the first in French;
 * - `{month}`: the month name ("mars", "March");
 * - `{year}`: four-digit year;
 * - `{longdate}`: "lundi 15 mars 2021" / "Monday, March 15, 2021".
 * Unknown placeholders are left as written. If `isoDate` is not a valid YYYY-MM-DD date, every
 * placeholder is replaced by `isoDate` itself, so an export never fails on a bad date.
 * @example
 * formatIssueTitle('Les indiscrets du {date}', '2021-03-15', 'fr'); // "Les indiscrets du 15 mars"
 */
export function formatIssueTitle(
  pattern: string,
  isoDate: string,
  locale: ExportLocale = 'fr',
): string {
  const parts = parseIsoDate(isoDate);
  return pattern.replace(/\{(date|day|month|year|longdate)\}/g, (_m, key: string) => {
    if (!parts) return isoDate;
    const month = MONTH_NAMES[locale][parts.month - 1] ?? '';
    const weekday = WEEKDAY_NAMES[locale][parts.weekday] ?? '';
    const day = locale === 'fr' && parts.day === 1 ? '1er' : String(parts.day);
    switch (key) {
      case 'date':
        return locale === 'fr' ? `${day} ${month}` : `${month} ${day}`;
      case 'day':
        return day;
      case 'month':
        return month;
      case 'year':
        return String(parts.year);
      default:
        return locale === 'fr'
          ? `${weekday} ${day} ${month} ${parts.year}`
          : `${weekday}, ${month} ${day}, ${parts.year}`;
    }
  });
}

/** A title pattern and the language it writes dates in. */
export interface TitlePattern {
  pattern: string;
  locale: ExportLocale;
}

/**
 * The patterns a title of the house may have been made with, most likely first: the house
 * pattern in the export language, then the house pattern and each language's default in either
 * language (a title made while the exports were in another language, or with the other
 * default). With no style yet (still being read), the defaults only.
 */
export function houseTitlePatterns(style: HouseStyle | undefined): TitlePattern[] {
  const locales = EXPORT_LOCALES.slice().sort((a, b) =>
    a === style?.locale ? -1 : b === style?.locale ? 1 : 0,
  );
  const patterns = [
    ...(style ? [style.titlePattern] : []),
    ...locales.map((locale) => DEFAULT_TITLE_PATTERNS[locale]),
  ];
  const out: TitlePattern[] = [];
  for (const pattern of patterns) {
    for (const locale of locales) {
      if (!out.some((p) => p.pattern === pattern && p.locale === locale)) {
        out.push({ pattern, locale });
      }
    }
  }
  return out;
}

/**
 * The title an issue takes when its date changes from `from` to `to`: while the title is still
 * what one of `patterns` gave for `from` (the editor never rewrote it), what that pattern gives
 * for `to` in the same language (« Les indiscrets du 2 décembre » moved to the 16th becomes
 * « … du 16 décembre »); the title as it is otherwise, and while either date is not a valid one
 * (a date still being typed).
 * @param patterns the candidates, in order; a plain string is a pattern in `locale`.
 */
export function titleAfterDateChange(
  title: string,
  from: string,
  to: string,
  patterns: ReadonlyArray<string | TitlePattern>,
  locale: ExportLocale = 'fr',
): string {
  if (!parseIsoDate(from) || !parseIsoDate(to)) return title;
  const found = patterns
    .map((candidate) =>
      typeof candidate === 'string' ? { pattern: candidate, locale } : candidate,
    )
    .find(
      (candidate) =>
        formatIssueTitle(candidate.pattern, from, candidate.locale).trim() === title.trim(),
    );
  return found === undefined ? title : formatIssueTitle(found.pattern, to, found.locale).trim();
}
