/**
 * A small, forgiving HTML tokenizer shared by the sanitizer and the typography pass.
 *
 * Why our own: the export modules must run the same way in Node (tests, bench) and in the
 * extension popup, without relying on a DOM. We only need tokens, not a tree, and we follow the
 * parts of the WHATWG tokenizer that decide what a browser would treat as markup versus text
 * (tag open rules, comments, raw-text elements, "EOF in tag" dropping the tag). Everything here
 * keeps the exact source slice (`raw`) so a caller can re-emit untouched markup byte for byte.
 */

import { decodeEntities } from '../lib/entities';

export { decodeEntities };

export interface HtmlAttribute {
  name: string;
  value: string;
}

export type HtmlToken =
  | {
      type: 'text';
      raw: string;
      /** Decoded text (entities resolved). */
      text: string;
      /** Set when the text is the content of a raw-text element such as `<script>`. */
      rawTextParent?: string;
    }
  | {
      type: 'startTag';
      raw: string;
      name: string;
      attributes: HtmlAttribute[];
      selfClosing: boolean;
    }
  | { type: 'endTag'; raw: string; name: string }
  /** Comments, doctypes, processing instructions, and a tag cut short by the end of input. */
  | { type: 'comment'; raw: string };

/** Elements whose content is not markup: the browser reads it verbatim up to the closing tag. */
const RAW_TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'textarea',
  'title',
  'plaintext',
]);
/** Raw-text elements whose content still has entities decoded (RCDATA). */
const RCDATA_ELEMENTS = new Set(['textarea', 'title']);

const WHITESPACE = /[\t\n\f\r ]/;
const ASCII_ALPHA = /[A-Za-z]/;

/**
 * HTML whitespace (tab, line feed, form feed, carriage return, space) by character code: the tag
 * reader looks at every character of every tag, and a regular expression test per character was
 * most of its time.
 */
const isSpaceCode = (code: number): boolean =>
  code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
const SLASH = 47;
const GREATER = 62;
const EQUALS = 61;

/** Parses the tag that starts at `tagStart` (pointing at `<`); null when input ends inside it. */
function readTag(
  html: string,
  tagStart: number,
  isEnd: boolean,
): { end: number; name: string; attributes: HtmlAttribute[]; selfClosing: boolean } | null {
  const n = html.length;
  let i = tagStart + (isEnd ? 2 : 1);
  const nameStart = i;
  for (; i < n; i++) {
    const code = html.charCodeAt(i);
    if (isSpaceCode(code) || code === SLASH || code === GREATER) break;
  }
  const name = html.slice(nameStart, i).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  let selfClosing = false;
  for (;;) {
    for (; i < n; i++) {
      const code = html.charCodeAt(i);
      if (!isSpaceCode(code) && code !== SLASH) break;
      selfClosing = code === SLASH;
    }
    if (i >= n) return null;
    if (html.charCodeAt(i) === GREATER) return { end: i + 1, name, attributes, selfClosing };
    selfClosing = false;
    // Attribute name: per the spec a leading "=" belongs to the name.
    const attrStart = i;
    for (i++; i < n; i++) {
      const code = html.charCodeAt(i);
      if (isSpaceCode(code) || code === SLASH || code === GREATER || code === EQUALS) break;
    }
    const attrName = html.slice(attrStart, i).toLowerCase();
    while (i < n && isSpaceCode(html.charCodeAt(i))) i++;
    let value = '';
    if (html.charCodeAt(i) === EQUALS) {
      i++;
      while (i < n && isSpaceCode(html.charCodeAt(i))) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close === -1) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        for (; i < n; i++) {
          const code = html.charCodeAt(i);
          if (isSpaceCode(code) || code === GREATER) break;
        }
        value = html.slice(valueStart, i);
      }
    }
    if (!isEnd) attributes.push({ name: attrName, value: decodeEntities(value) });
  }
}

/** Finds `</name` followed by a tag-name terminator, case-insensitively, from `from`. */
function findRawTextEnd(html: string, name: string, from: number): number {
  const lower = html.toLowerCase();
  let at = from;
  for (;;) {
    const found = lower.indexOf(`</${name}`, at);
    if (found === -1) return html.length;
    const after = html[found + 2 + name.length];
    if (after === undefined || after === '>' || after === '/' || WHITESPACE.test(after)) {
      return found;
    }
    at = found + 1;
  }
}

/**
 * Splits an HTML string into tokens. Never throws; every input character ends up in exactly one
 * token's `raw`, so `tokens.map(t => t.raw).join('') === html`.
 */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const n = html.length;
  let textStart = 0;
  let i = 0;
  const flushText = (end: number): void => {
    if (end > textStart) {
      const raw = html.slice(textStart, end);
      tokens.push({ type: 'text', raw, text: decodeEntities(raw) });
    }
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const c1 = html[lt + 1] ?? '';
    const c2 = html[lt + 2] ?? '';
    if (ASCII_ALPHA.test(c1) || (c1 === '/' && ASCII_ALPHA.test(c2))) {
      const isEnd = c1 === '/';
      const tag = readTag(html, lt, isEnd);
      flushText(lt);
      if (tag === null) {
        // "EOF in tag": browsers drop the unfinished tag, so it is not text either.
        tokens.push({ type: 'comment', raw: html.slice(lt) });
        textStart = i = n;
        break;
      }
      const raw = html.slice(lt, tag.end);
      if (isEnd) {
        tokens.push({ type: 'endTag', raw, name: tag.name });
        textStart = i = tag.end;
        continue;
      }
      tokens.push({
        type: 'startTag',
        raw,
        name: tag.name,
        attributes: tag.attributes,
        selfClosing: tag.selfClosing,
      });
      textStart = i = tag.end;
      if (RAW_TEXT_ELEMENTS.has(tag.name)) {
        const end = tag.name === 'plaintext' ? n : findRawTextEnd(html, tag.name, i);
        if (end > i) {
          const content = html.slice(i, end);
          tokens.push({
            type: 'text',
            raw: content,
            text: RCDATA_ELEMENTS.has(tag.name) ? decodeEntities(content) : content,
            rawTextParent: tag.name,
          });
        }
        textStart = i = end;
      }
      continue;
    }
    if (c1 === '!' || c1 === '?' || c1 === '/') {
      flushText(lt);
      let end: number;
      if (html.startsWith('<!--', lt)) {
        // "<!-->" and "<!--->" are complete (empty) comments in HTML.
        if (html.startsWith('>', lt + 4)) end = lt + 5;
        else if (html.startsWith('->', lt + 4)) end = lt + 6;
        else {
          const close = html.indexOf('-->', lt + 4);
          end = close === -1 ? n : close + 3;
        }
      } else {
        // Doctype, CDATA outside foreign content, "<?…>", "</ …>": bogus comments up to ">".
        const close = html.indexOf('>', lt + 2);
        end = close === -1 ? n : close + 1;
      }
      tokens.push({ type: 'comment', raw: html.slice(lt, end) });
      textStart = i = end;
      continue;
    }
    // A "<" not starting markup is plain text ("a < b").
    i = lt + 1;
  }
  flushText(n);
  return tokens;
}
