import type { Draft } from './db';
import { isHttpUrl } from './http-url';
import { pairQuotes, quoteMarks } from '../lib/quotes';
import { escapeHtml, stripWww } from '../lib/html';
import { readableHost } from '../lib/punycode';
import {
  CODE_ELEMENTS,
  NO_LANGUAGE,
  isFrench,
  languageSpan,
  languageTag,
  primaryLanguage,
  quoteLanguage,
} from '../lib/lang';

export { DEFAULT_DRAFT_TEMPLATE } from './template-default';

/** Used instead of a template that wants a quote when the draft has none. */
export const NO_QUOTE_TEMPLATE = '<p>{link} ({site})</p>';

/** What a template can draw from: the page, its quotes and its language. */
export type TemplateDraft = Pick<Draft, 'url' | 'title' | 'quotes'> &
  Partial<Pick<Draft, 'siteName' | 'byline' | 'lang'>>;

/**
 * A passage ready to go between the template's « and »: without the quotation marks of its own
 * that would double them, and with the quotations inside it in “ ” (house style nests « … “ … ” … »).
 *
 * Marks are removed at its ends only when they wrap the whole passage (the mark it starts with
 * pairs with the one it ends with, maybe followed by the stop of the sentence around: `« Oui ».`
 * gives `Oui`), or when the passage starts or ends with a mark whose partner
 * it does not hold (a selection that took the « but not the » of the quotation it cut into).
 * `« Oui », a-t-il dit.` keeps its «: it is closed inside, and becomes `“Oui”, a-t-il dit.`.
 * Marks left unpaired elsewhere stay as the page had them.
 */
export function quotationBody(passage: string): string {
  let text = passage.trim();
  // Unwrap as long as the whole passage is one quotation: `« “Oui” »` gives `Oui`.
  for (;;) {
    const marks = quoteMarks(text);
    const { pairs, lone } = pairQuotes(marks);
    // The stop of the sentence the quotation was in may follow its closing mark (`« Oui ».`):
    // it belongs to that sentence, and goes with the mark.
    const stop = /[\s.,;:!?…]*$/.exec(text)?.[0] ?? '';
    const end = text.length - stop.length - 1;
    const wraps = end > 0 && pairs.get(0) === end;
    // A lone ’ at the end is as likely an apostrophe (`the students’`): single marks stay.
    const first = marks[0];
    const last = marks.at(-1);
    const cutStart =
      wraps || (first?.index === 0 && first.opens && first.family !== 'single' && lone.has(0));
    const cutEnd =
      wraps ||
      (end > 0 && last?.index === end && !last.opens && last.family !== 'single' && lone.has(end));
    if (!cutStart && !cutEnd) break;
    text = text.slice(cutStart ? 1 : 0, cutEnd ? end : undefined).trim();
  }
  // The quotations inside: « » and straight or German double quotes become “ ”, spaces inside
  // the marks dropped (`« oui »` → `“oui”`); ‘ ’ and unpaired marks are left alone.
  const marks = quoteMarks(text);
  const { pairs } = pairQuotes(marks);
  const replaced = new Map<number, '“' | '”'>();
  for (const mark of marks) {
    const close = pairs.get(mark.index);
    if (close === undefined || mark.family === 'single') continue;
    replaced.set(mark.index, '“');
    replaced.set(close, '”');
  }
  if (replaced.size === 0) return text;
  const out: string[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const mark = replaced.get(index);
    if (mark === undefined) out.push(text[index]!);
    else if (mark === '“') {
      out.push(mark);
      while (/\s/.test(text[index + 1] ?? '')) index += 1;
    } else {
      while (/\s/.test(out.at(-1) ?? '')) out.pop();
      out.push(mark);
    }
  }
  return out.join('');
}

/**
 * The paragraphs of a passage's quotation, a line break within one made a space: a selection of
 * several paragraphs stays several paragraphs. Each is read on its own ({@link quotationBody}):
 * a page that already writes a quotation of several paragraphs the French way (each opening
 * with «, the last alone closing with ») has its marks removed, not doubled, as does one that
 * quotes each paragraph in « » of its own.
 */
export function quotationParagraphs(passage: string): string[] {
  return passage
    .split(/\n\s*\n/)
    .map((paragraph) => quotationBody(paragraph.replace(/\s*\n\s*/g, ' ')))
    .filter(Boolean);
}

/**
 * A quotation's paragraphs written the French way: each opens with «, the last alone closes
 * with », `space` inside the marks (a no-break space in stored text; a plain one where the
 * export's typography will make it so).
 */
function frenchQuotation(paragraphs: readonly string[], space: string): string[] {
  const last = paragraphs.length - 1;
  return paragraphs.map(
    (paragraph, index) => `«${space}${paragraph}${index === last ? `${space}»` : ''}`,
  );
}

/**
 * A quotation's paragraphs with the marks of the language the item is written in (`textLang`,
 * the export language): « » the French way ({@link frenchQuotation}, `space` inside), or “ ”
 * for a column in English, each paragraph opening with “ and the last alone closing with ”, as
 * English writes a quotation of several paragraphs. No language given (a version-1 draft
 * upgraded): French, the column's default.
 */
export function quotation(
  paragraphs: readonly string[],
  space: string,
  textLang?: string,
): string[] {
  if (frenchMarks(textLang)) return frenchQuotation(paragraphs, space);
  const last = paragraphs.length - 1;
  return paragraphs.map((paragraph, index) => `“${paragraph}${index === last ? '”' : ''}`);
}

/** How many characters the opening mark of {@link quotation} takes, its space included. */
export function quotationLead(textLang?: string): number {
  return frenchMarks(textLang) ? 2 : 1;
}

/** Whether items in `textLang` are quoted in « »: French, or no language given (see above). */
function frenchMarks(textLang: string | undefined): boolean {
  return !textLang || isFrench(textLang);
}

/**
 * What joins a quotation's paragraphs where the template puts `{quote}`: a new paragraph when
 * it sits in a `<p>` (as in the default template), else a line break (in a `<strong>` or a
 * list item, a `</p>` would cut the markup around it).
 */
function paragraphJoint(template: string): string {
  const before = template.slice(0, template.indexOf('{quote}'));
  // The elements open where `{quote}` is, innermost last.
  const open: string[] = [];
  for (const [, closing, name] of before.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi)) {
    const element = name!.toLowerCase();
    if (closing) {
      const at = open.lastIndexOf(element);
      if (at >= 0) open.length = at;
    } else if (element !== 'br' && element !== 'img' && element !== 'hr') open.push(element);
  }
  return open.at(-1) === 'p' ? '</p><p>' : '<br>';
}

/**
 * The languages a quote's HTML marks, character by character: its text's characters that
 * {@link languageRuns} aligns (neither white space nor quotation marks, which the quotation's
 * paragraphs change), each with the language of the innermost element around it that gives
 * one (undefined: the quote's own, or `lang=""`, unknown).
 */
export interface QuoteLanguages {
  chars: string;
  langs: (string | undefined)[];
}

/** A run of a quotation paragraph's words: marked with `lang` when in another language. */
export interface LanguageRun {
  text: string;
  lang?: string;
}

/** The character references the project's escaper writes (lib/html.ts), read back. */
const REFERENCES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** What a quotation's paragraphs may add, drop or change: white space and quotation marks. */
const UNALIGNED = /[\s«»“”„‟"‘’‚'‹›]/;

/**
 * The languages of a quote's HTML (written by services/passage.ts: its own elements, every text
 * escaped), read with a tokenizer since the background has no DOM. HTML of another shape gives
 * fewer languages, never markup: what the callers write is escaped again.
 */
export function quoteLanguages(html: string): QuoteLanguages {
  // Most quotes mark no language and hold no code: a quote of 100 KB is then not read character
  // by character.
  if (!/\slang=|<(?:code|kbd|samp|tt|pre)\b/i.test(html)) return { chars: '', langs: [] };
  let chars = '';
  const langs: (string | undefined)[] = [];
  // The elements open, each with the language it gives (null: none of its own).
  const open: { name: string; lang: string | undefined | null }[] = [];
  for (const token of html.split(/(<[^>]*>)/)) {
    if (!token.startsWith('<')) {
      const text = token.replace(/&(?:amp|lt|gt|quot|#39);/g, (ref) => REFERENCES[ref]!);
      const lang = open.findLast((entry) => entry.lang !== null)?.lang ?? undefined;
      for (const char of text) {
        if (UNALIGNED.test(char)) continue;
        chars += char;
        for (let unit = 0; unit < char.length; unit += 1) langs.push(lang);
      }
      continue;
    }
    const tag = /^<(\/?)([a-z][a-z0-9]*)\b(?:[^>]*?\slang="([^"<>]*)")?/i.exec(token);
    if (!tag) continue;
    const [, closing, name = '', written] = tag;
    const element = name.toLowerCase();
    if (element === 'br') continue;
    if (!closing) {
      // `lang=""` says the language is unknown: nothing is marked inside.
      // Code is in no language unless the page said one: it is then kept as written, as pasted
      // code is (lib/purify.ts, markCode).
      const code = (CODE_ELEMENTS as readonly string[]).includes(element) ? NO_LANGUAGE : null;
      const lang = written === undefined ? code : (languageTag(written) ?? undefined);
      open.push({ name: element, lang });
      continue;
    }
    const at = open.map((entry) => entry.name).lastIndexOf(element);
    if (at >= 0) open.length = at;
  }
  return { chars, langs };
}

/**
 * A quotation's `paragraphs` (its text, as {@link quotationParagraphs} gives them) cut into runs,
 * the words that its HTML's `languages` mark with another language than `around` (the one the
 * quote's words are read in) marked with theirs. The paragraphs are the same characters as the
 * HTML's, save for white space and quotation marks, and are aligned on the others: a word is
 * marked where the page marked it, not where it first occurs. White space and marks between two
 * words of one language belong to them. Text that does not align (the browser's own text of a
 * selection, kept where it differs from the page's) is left unmarked.
 */
export function languageRuns(
  paragraphs: readonly string[],
  languages: QuoteLanguages,
  around: string | undefined,
): LanguageRun[][] {
  const plain = () => paragraphs.map((text) => [{ text }]);
  if (!languages.langs.some(Boolean)) return plain();
  const aligned = paragraphs.join('').replace(new RegExp(UNALIGNED.source, 'g'), '');
  if (aligned !== languages.chars) return plain();
  const other = (lang: string | undefined) =>
    lang && !(around && primaryLanguage(lang) === primaryLanguage(around)) ? lang : undefined;
  let next = 0;
  return paragraphs.map((text) => {
    // Each code unit's language: the aligned ones first, then the others from their neighbours.
    const units: (string | undefined)[] = new Array(text.length).fill(undefined);
    const known: boolean[] = new Array(text.length).fill(false);
    for (let index = 0; index < text.length; index += 1) {
      if (UNALIGNED.test(text[index]!)) continue;
      units[index] = other(languages.langs[next]);
      known[index] = true;
      next += 1;
    }
    for (let index = 0; index < text.length; index += 1) {
      if (known[index]) continue;
      let before = index - 1;
      while (before >= 0 && !known[before]) before -= 1;
      let after = index + 1;
      while (after < text.length && !known[after]) after += 1;
      if (before >= 0 && after < text.length && units[before] === units[after]) {
        units[index] = units[before];
      }
    }
    const runs: LanguageRun[] = [];
    for (let index = 0; index < text.length; index += 1) {
      const lang = units[index];
      const last = runs.at(-1);
      if (last && last.lang === lang) last.text += text[index];
      else runs.push(lang ? { text: text[index]!, lang } : { text: text[index]! });
    }
    return runs.length > 0 ? runs : [{ text }];
  });
}

/** Runs of words as HTML, each escaped (`escape`), those in another language marked. */
export function runsHtml(
  runs: readonly LanguageRun[],
  escape: (text: string) => string = escapeHtml,
): string {
  return runs.map((run) => languageSpan(escape(run.text), run.lang)).join('');
}

/** The name a link is shown under: the publication, else the web host, else the title. */
function siteLabel(draft: TemplateDraft): string {
  if (draft.siteName?.trim()) return draft.siteName.trim();
  // `chrome://version/` has a "host" too, but it names no publication.
  // As a reader writes it (`café.fr`), as a clip names a site (lib/punycode.ts); the link keeps ASCII.
  if (isHttpUrl(draft.url)) return stripWww(readableHost(new URL(draft.url.trim()).hostname));
  return draft.title;
}

function link(url: string, text: string): string {
  return isHttpUrl(url)
    ? `<a href="${escapeHtml(url.trim())}">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

/**
 * Fills a draft template. Placeholders:
 * - `{quote}`: the last quote, in « » with non-breaking spaces (see {@link quotationBody}), its
 *   paragraphs kept: each opens with «, the last alone closes with »; in “ ” for items written
 *   in English (`textLang`, see {@link quotation}); its words marked with the
 *   page's language, `<span lang="en">` inside the « », when the page is in another language
 *   than `textLang` (see `quoteLanguage` in lib/lang.ts), as the editor marks a quote it inserts;
 * - `{source}`: the publication's name linked to the page;
 * - `{link}`: the page title linked to the page;
 * - `{title}`, `{site}`, `{byline}`: as text;
 * - `{url}`: the page URL, empty unless it is http(s) (the template may put it in an `href`).
 *
 * Every value is HTML-escaped; the template itself is the editor's own HTML and is kept as is.
 * A URL that is not http(s) (`chrome://…`, `javascript:…`) is never linked. A template that
 * uses `{quote}` on a draft without quotes is replaced by {@link NO_QUOTE_TEMPLATE}, so that
 * the item does not start with empty quotation marks. Unknown placeholders are left as typed.
 * @param textLang the language the item is written in: the house style's export language
 *   (a draft upgraded from version 1, whose upgrade cannot read the settings, takes the default
 *   one's). Without it, the quote is not marked.
 */
export function renderDraftTemplate(
  template: string,
  draft: TemplateDraft,
  textLang?: string,
): string {
  const lastQuote = draft.quotes.at(-1);
  const last = lastQuote?.text;
  const paragraphs = last ? quotationParagraphs(last) : [];
  const chosen = !paragraphs.length && template.includes('{quote}') ? NO_QUOTE_TEMPLATE : template;
  const site = siteLabel(draft);
  const lang = textLang ? quoteLanguage(draft.lang, textLang) : null;
  // Words the page marked with another language than the quote's keep it, inside the quote.
  const runs = languageRuns(
    paragraphs,
    quoteLanguages(lastQuote?.html ?? ''),
    lang ?? textLang ?? draft.lang,
  );
  const words = runs.map((paragraph) => languageSpan(runsHtml(paragraph), lang));
  const quote = quotation(words, '\u00a0', textLang).join(
    paragraphs.length > 1 ? paragraphJoint(chosen) : '',
  );
  const values: Record<string, string> = {
    quote,
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
