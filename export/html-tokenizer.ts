/**
 * A small, forgiving HTML tokenizer shared by the sanitizer and the typography pass.
 *
 * Why our own: the export modules must run the same way in Node (tests, bench) and in the
 * extension popup, without relying on a DOM. We only need tokens, not a tree, and we follow the
 * parts of the WHATWG tokenizer that decide what a browser would treat as markup versus text
 * (tag open rules, comments, raw-text elements, "EOF in tag" dropping the tag). Everything here
 * keeps the exact source slice (`raw`) so a caller can re-emit untouched markup byte for byte.
 */

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

/**
 * Named character references we decode. A deliberate subset: the markup-significant ones, Latin-1
 * (covers French) and common typographic signs. Unknown names stay literal text, which is also
 * what a browser shows for an unknown reference.
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  iexcl: '¡',
  cent: '¢',
  pound: '£',
  curren: '¤',
  yen: '¥',
  brvbar: '¦',
  sect: '§',
  uml: '¨',
  copy: '©',
  ordf: 'ª',
  laquo: '«',
  not: '¬',
  shy: '\u00AD',
  reg: '®',
  macr: '¯',
  deg: '°',
  plusmn: '±',
  sup2: '²',
  sup3: '³',
  acute: '´',
  micro: 'µ',
  para: '¶',
  middot: '·',
  cedil: '¸',
  sup1: '¹',
  ordm: 'º',
  raquo: '»',
  frac14: '¼',
  frac12: '½',
  frac34: '¾',
  iquest: '¿',
  Agrave: 'À',
  Aacute: 'Á',
  Acirc: 'Â',
  Atilde: 'Ã',
  Auml: 'Ä',
  Aring: 'Å',
  AElig: 'Æ',
  Ccedil: 'Ç',
  Egrave: 'È',
  Eacute: 'É',
  Ecirc: 'Ê',
  Euml: 'Ë',
  Igrave: 'Ì',
  Iacute: 'Í',
  Icirc: 'Î',
  Iuml: 'Ï',
  ETH: 'Ð',
  Ntilde: 'Ñ',
  Ograve: 'Ò',
  Oacute: 'Ó',
  Ocirc: 'Ô',
  Otilde: 'Õ',
  Ouml: 'Ö',
  times: '×',
  Oslash: 'Ø',
  Ugrave: 'Ù',
  Uacute: 'Ú',
  Ucirc: 'Û',
  Uuml: 'Ü',
  Yacute: 'Ý',
  THORN: 'Þ',
  szlig: 'ß',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  atilde: 'ã',
  auml: 'ä',
  aring: 'å',
  aelig: 'æ',
  ccedil: 'ç',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  euml: 'ë',
  igrave: 'ì',
  iacute: 'í',
  icirc: 'î',
  iuml: 'ï',
  eth: 'ð',
  ntilde: 'ñ',
  ograve: 'ò',
  oacute: 'ó',
  ocirc: 'ô',
  otilde: 'õ',
  ouml: 'ö',
  divide: '÷',
  oslash: 'ø',
  ugrave: 'ù',
  uacute: 'ú',
  ucirc: 'û',
  uuml: 'ü',
  yacute: 'ý',
  thorn: 'þ',
  yuml: 'ÿ',
  OElig: 'Œ',
  oelig: 'œ',
  Scaron: 'Š',
  scaron: 'š',
  Yuml: 'Ÿ',
  circ: 'ˆ',
  tilde: '˜',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200C',
  zwj: '\u200D',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  dagger: '†',
  Dagger: '‡',
  bull: '•',
  hellip: '…',
  permil: '‰',
  prime: '′',
  Prime: '″',
  lsaquo: '‹',
  rsaquo: '›',
  euro: '€',
  trade: '™',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  minus: '−',
};

const ENTITY_RE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/**
 * Decodes character references that end with `;`. Legacy references without `;` (`&amp` alone)
 * are left literal: rare in editor output, and guessing them wrongly would alter URLs.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (match, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? match;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    // Same replacements as the HTML spec for NUL, surrogates and out-of-range code points.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(code);
  });
}

const WHITESPACE = /[\t\n\f\r ]/;
const ASCII_ALPHA = /[A-Za-z]/;

/** Parses the tag that starts at `tagStart` (pointing at `<`); null when input ends inside it. */
function readTag(
  html: string,
  tagStart: number,
  isEnd: boolean,
): { end: number; name: string; attributes: HtmlAttribute[]; selfClosing: boolean } | null {
  const n = html.length;
  let i = tagStart + (isEnd ? 2 : 1);
  const nameStart = i;
  while (i < n && !WHITESPACE.test(html[i] ?? '') && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  let selfClosing = false;
  for (;;) {
    while (i < n && (WHITESPACE.test(html[i] ?? '') || html[i] === '/')) {
      selfClosing = html[i] === '/';
      i++;
    }
    if (i >= n) return null;
    if (html[i] === '>') return { end: i + 1, name, attributes, selfClosing };
    selfClosing = false;
    // Attribute name: per the spec a leading "=" belongs to the name.
    const attrStart = i;
    i++;
    while (i < n && !WHITESPACE.test(html[i] ?? '') && !'/>='.includes(html[i] ?? '')) i++;
    const attrName = html.slice(attrStart, i).toLowerCase();
    while (i < n && WHITESPACE.test(html[i] ?? '')) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < n && WHITESPACE.test(html[i] ?? '')) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close === -1) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < n && !WHITESPACE.test(html[i] ?? '') && html[i] !== '>') i++;
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
