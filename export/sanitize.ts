/**
 * Turns untrusted item HTML into a tiny safe tree that every export format serialises.
 *
 * Allowed: paragraphs, `<br>`, `<strong>`/`<b>` (both become `strong`), `<em>`/`<i>` (both become
 * `em`), `<a href>` with an http, https or mailto URL, and `<span lang>` with a valid language
 * tag (a quote in the language of its page, see lib/lang.ts; a span inside one of the same
 * language adds nothing and is unwrapped). Everything else is unwrapped: its text
 * stays, its markup and attributes go. The content of elements a reader never sees (`<script>`,
 * `<style>`, `<template>`, `<title>`, `<iframe>`, `<noscript>`…) is dropped rather than unwrapped,
 * since it is code or fallback, not prose. Block elements (`div`, `li`, `h1`…) end a paragraph so
 * that pasted pages do not glue words together.
 *
 * Whitespace follows HTML rendering: runs collapse to one space, and spaces at the start or end of
 * a paragraph or line are trimmed. Text in the tree is decoded (no entities); serialisers escape
 * it for their format, which is what makes a hostile `&lt;script&gt;` come out as text.
 *
 * Uses our own tokenizer rather than DOMParser so that Node and the extension produce exactly the
 * same tree and no DOM global is needed.
 */
import { BLOCK_ELEMENTS, escapeHtml } from '../lib/html';
import { tokenizeHtml } from './html-tokenizer';
import { languageTag, NO_LANGUAGE } from '../lib/lang';

export type SafeInline =
  | { type: 'text'; text: string }
  | { type: 'br' }
  | { type: 'strong'; children: SafeInline[] }
  | { type: 'em'; children: SafeInline[] }
  | { type: 'link'; href: string; children: SafeInline[] }
  /** Text in another language than the prose around it (a quote): `lang` is a valid tag. */
  | { type: 'lang'; lang: string; children: SafeInline[] };

/** One paragraph of inline content. */
export type SafeParagraph = SafeInline[];

/**
 * A list of the text: its items are the paragraphs `start` to `end - 1` (one paragraph per `<li>`,
 * the paragraphs inside one `<li>` joined by line breaks). Lists inside a list are read as items
 * of the outer one: an item is one level deep in every format.
 */
export interface SafeList {
  ordered: boolean;
  start: number;
  end: number;
}

/** Safe paragraphs, and which of them are the items of a list. */
export interface SafeBlocks {
  paragraphs: SafeParagraph[];
  lists: SafeList[];
}

/** The list item a paragraph was read in: its outermost list, the list's kind, the `<li>`. */
interface ListPlace {
  list: number;
  ordered: boolean;
  item: number;
}

type ContainerNode = Extract<SafeInline, { children: SafeInline[] }>;

/** Content of these is never rendered by a browser, so it is not the author's text. */
const DROPPED_CONTENT = new Set([
  'script',
  'style',
  'title',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);

/**
 * A Map rather than an object: tag names are fresh strings cut from the HTML, and looking one up
 * as an object key costs more than hashing it.
 */
const INLINE_KIND = new Map<string, 'strong' | 'em'>([
  ['strong', 'strong'],
  ['b', 'strong'],
  ['em', 'em'],
  ['i', 'em'],
]);

/**
 * Runs of what HTML treats as inter-word space that a single ordinary space does not already
 * stand for (a tab or newline, or two characters or more); NBSP is content and is kept. A lone
 * space is left out of the pattern on purpose: replacing each one by itself was most of the
 * sanitizer's time on ordinary prose.
 */
const HTML_SPACE_RUN = /[\t\n\f\r][\t\n\f\r ]*| [\t\n\f\r ]+/g;
/** C0/C1 controls other than whitespace: invisible, and some break consumers (XML, terminals). */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

/**
 * An http(s) URL the WHATWG parser would serialise exactly as written, apart from the "/" it adds
 * after a bare host: lower-case scheme and host of plain ASCII labels, the last one starting with
 * a letter (so not an IPv4 address), no user info, no port, and a path, query and fragment of
 * characters none of which the parser percent-encodes or rewrites. Dot segments, "%2e" and
 * punycode labels ("xn--", which the parser validates) are checked apart, in {@link safeUrl}.
 */
const PLAIN_HTTP_URL =
  /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?:\/[\w\-.~!$&'()*+,;=:@%/]*(?:\?[\w\-.~!$&()*+,;=:@%/?]*)?(?:#[\w\-.~!$&'()*+,;=:@%/?]*)?)?$/;
/** What makes the parser rewrite a path that PLAIN_HTTP_URL accepts. */
const REWRITTEN_BY_PARSER = /\/\.|%2e|xn--/i;

/**
 * Validates a link target. Returns a normalised absolute URL for http, https and mailto, or null
 * for anything else (javascript:, data:, relative URLs, which have no base in an export).
 *
 * http(s) URLs go through the WHATWG URL parser, so spaces, quotes and angle brackets come out
 * percent-encoded and can never break out of an attribute or a Markdown link.
 */
export function safeUrl(raw: string): string | null {
  // The URL parser ignores leading/trailing C0 controls and spaces and any tab or newline inside;
  // do the same before checking the scheme so "java\tscript:" cannot sneak past the check.
  const cleaned = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === 'mailto') {
    const address = cleaned.slice('mailto:'.length);
    if (!address) return null;
    return `mailto:${address.replace(/[\u0000-\u0020"<>`\u007F]/g, (c) => encodeURIComponent(c))}`;
  }
  if (scheme !== 'http' && scheme !== 'https') return null;
  // Most links are already written the way the parser serialises them: parsing one was a tenth
  // of a first export.
  if (PLAIN_HTTP_URL.test(cleaned) && !REWRITTEN_BY_PARSER.test(cleaned)) {
    return cleaned.indexOf('/', scheme.length + 3) === -1 ? `${cleaned}/` : cleaned;
  }
  try {
    const url = new URL(cleaned);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

interface Frame {
  /** Tag name as written, to pair the end tag. */
  tag: string;
  /** Null for a tag we pair but do not render (a nested duplicate, an unsafe link). */
  kind: 'strong' | 'em' | 'link' | 'lang' | null;
  href?: string;
  lang?: string;
  node?: ContainerNode;
}

/** Builds paragraphs from tokens; kept as a class-free closure to stay tiny. */
function buildParagraphs(html: string): SafeBlocks {
  const paragraphs: SafeParagraph[] = [];
  /** Where each paragraph was read: in a list item, or null. */
  const places: Array<ListPlace | null> = [];
  /** The lists open (`ul`, `ol`), outermost first; the outermost's number and kind. */
  const openLists: string[] = [];
  let outerList = { list: 0, ordered: false };
  /** The list items open, innermost last, with the depth of the list each is in. */
  const openItems: Array<{ item: number; depth: number }> = [];
  let serial = 0;
  let root: SafeInline[] = [];
  let stack: Frame[] = [];
  /** True when the next text should drop a leading space (paragraph/line start, after a space). */
  let suppressSpace = true;
  /** True until the current line (paragraph start or after a break) has visible content. */
  let atLineStart = true;
  let templateDepth = 0;

  const container = (): SafeInline[] => {
    for (let k = stack.length - 1; k >= 0; k--) {
      const node = stack[k]?.node;
      if (node) return node.children;
    }
    return root;
  };

  const appendText = (raw: string): void => {
    let text = raw.replace(CONTROL_CHARS, '').replace(HTML_SPACE_RUN, ' ');
    if (suppressSpace && text.startsWith(' ')) text = text.slice(1);
    if (!text) return;
    const children = container();
    const last = children[children.length - 1];
    if (last?.type === 'text') last.text += text;
    else children.push({ type: 'text', text });
    suppressSpace = text.endsWith(' ');
    atLineStart = false;
  };

  const appendBreak = (): void => {
    // A line break at the start of a paragraph or right after another one adds nothing an item
    // paragraph needs, and doubled breaks would read as a paragraph split in plain text; but
    // code's empty line is its own (a snippet's parts apart, as the editor shows them), and it
    // stays (one at the start or the end of a paragraph goes, see prune).
    const code = stack.some((frame) => frame.kind === 'lang' && frame.lang === NO_LANGUAGE);
    if (atLineStart && !code) return;
    // Not the break before it, code's.
    if (!atLineStart) trimTrailing(root);
    container().push({ type: 'br' });
    suppressSpace = true;
    atLineStart = true;
  };

  const openFrame = (frame: Frame): void => {
    if (frame.kind) {
      const node: ContainerNode =
        frame.kind === 'link'
          ? { type: 'link', href: frame.href ?? '', children: [] }
          : frame.kind === 'lang'
            ? { type: 'lang', lang: frame.lang ?? '', children: [] }
            : { type: frame.kind, children: [] };
      container().push(node);
      frame.node = node;
    }
    stack.push(frame);
  };

  const endParagraph = (): void => {
    trimTrailing(root);
    const finished = prune(root);
    // A paragraph of spaces alone (WordPress's empty one, « <p>&nbsp;</p> ») says nothing:
    // published, it would be an item's bare opener or an empty line.
    if (finished.length > 0 && !blank(finished)) {
      paragraphs.push(finished);
      const item = openItems.at(-1);
      places.push(item ? { ...outerList, item: item.item } : null);
    }
    root = [];
    suppressSpace = true;
    atLineStart = true;
    // Formatting still open carries over into the next paragraph, as browsers do.
    const open = stack;
    stack = [];
    for (const frame of open) {
      openFrame({ tag: frame.tag, kind: frame.kind, href: frame.href, lang: frame.lang });
    }
  };

  const closeFrame = (tag: string): void => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]?.tag === tag) {
        stack.length = k;
        return;
      }
    }
    // An end tag with nothing open to close is ignored, as in browsers.
  };

  let dropping: string | null = null;
  for (const token of tokenizeHtml(html)) {
    if (token.type === 'comment') continue;
    if (token.type === 'text') {
      if (templateDepth > 0) continue;
      if (token.rawTextParent && DROPPED_CONTENT.has(token.rawTextParent)) continue;
      if (dropping) continue;
      appendText(token.text);
      continue;
    }
    const name = token.name;
    if (name === 'template') {
      templateDepth += token.type === 'startTag' ? 1 : templateDepth > 0 ? -1 : 0;
      continue;
    }
    if (templateDepth > 0) continue;
    if (token.type === 'startTag' && DROPPED_CONTENT.has(name)) {
      dropping = name;
      continue;
    }
    if (token.type === 'endTag' && dropping === name) {
      dropping = null;
      continue;
    }
    if (BLOCK_ELEMENTS.has(name)) {
      endParagraph();
      if (name === 'ul' || name === 'ol' || name === 'li')
        readList(name, token.type === 'startTag');
      continue;
    }
    if (name === 'br') {
      // "</br>" is treated as "<br>" by browsers too.
      appendBreak();
      continue;
    }
    if (name === 'span') {
      // Every span is paired, so that a plain one inside a quote's closes itself, not the quote.
      if (token.type === 'endTag') closeFrame(name);
      else {
        const lang = languageTag(token.attributes.find((a) => a.name === 'lang')?.value);
        const around = stack.findLast((f) => f.kind === 'lang')?.lang;
        const kept = lang && lang !== around;
        openFrame({ tag: name, kind: kept ? 'lang' : null, lang: kept ? lang : undefined });
      }
      continue;
    }
    const inlineKind = name === 'a' ? 'link' : INLINE_KIND.get(name);
    if (!inlineKind) continue; // unknown or disallowed element: unwrap (its text stays)
    if (token.type === 'endTag') {
      closeFrame(name);
      continue;
    }
    if (inlineKind === 'link') {
      // Links cannot nest: a new <a> closes the open one, as in browsers.
      const openLink = stack.findIndex((f) => f.tag === 'a');
      if (openLink !== -1) stack.length = openLink;
      const hrefAttr = token.attributes.find((a) => a.name === 'href');
      const href = hrefAttr ? safeUrl(hrefAttr.value) : null;
      openFrame({ tag: 'a', kind: href ? 'link' : null, href: href ?? undefined });
      continue;
    }
    // <b><strong>x</strong></b> would render as nested bold; keep one level, still pair the tag.
    const alreadyOpen = stack.some((f) => f.kind === inlineKind);
    openFrame({ tag: name, kind: alreadyOpen ? null : inlineKind });
  }
  endParagraph();
  return listBlocks(paragraphs, places);

  /** Follows the lists and list items open, as a browser nests them. */
  function readList(name: string, start: boolean): void {
    if (name === 'li') {
      if (start) {
        // An item outside any list is not one; `<li>a<li>b` closes the first, as browsers do.
        if (openLists.length === 0) return;
        while (openItems.at(-1)?.depth === openLists.length) openItems.pop();
        openItems.push({ item: ++serial, depth: openLists.length });
      } else {
        while (openItems.at(-1)?.depth === openLists.length) openItems.pop();
      }
      return;
    }
    if (start) {
      openLists.push(name);
      if (openLists.length === 1) outerList = { list: ++serial, ordered: name === 'ol' };
      return;
    }
    const at = openLists.lastIndexOf(name);
    if (at === -1) return;
    openLists.length = at;
    // The items of the lists closed close with them.
    while ((openItems.at(-1)?.depth ?? 0) > openLists.length) openItems.pop();
  }
}

/**
 * The paragraphs of one list item joined into one (by a line break), and the runs of items of
 * the same list gathered into {@link SafeList}s.
 */
function listBlocks(read: SafeParagraph[], places: ReadonlyArray<ListPlace | null>): SafeBlocks {
  const paragraphs: SafeParagraph[] = [];
  const lists: SafeList[] = [];
  let previous: ListPlace | null = null;
  read.forEach((paragraph, index) => {
    const place = places[index] ?? null;
    const last = paragraphs.at(-1);
    if (place && last && previous?.item === place.item) {
      last.push({ type: 'br' }, ...paragraph);
      return;
    }
    paragraphs.push(paragraph);
    const list = lists.at(-1);
    if (place && list && previous?.list === place.list && list.end === paragraphs.length - 1) {
      list.end = paragraphs.length;
    } else if (place) {
      lists.push({ ordered: place.ordered, start: paragraphs.length - 1, end: paragraphs.length });
    }
    previous = place;
  });
  return { paragraphs, lists };
}

/** Removes trailing spaces and line breaks at the end of a paragraph or before a break. */
function trimTrailing(nodes: SafeInline[]): void {
  for (;;) {
    const last = nodes[nodes.length - 1];
    if (!last) return;
    if (last.type === 'text') {
      last.text = last.text.replace(/ +$/, '');
      if (last.text) return;
      nodes.pop();
    } else if (last.type === 'br') {
      nodes.pop();
    } else {
      trimTrailing(last.children);
      // An element left open may still receive text; only drop it once it is empty and closed,
      // which prune() does at the end of the paragraph.
      return;
    }
  }
}

/** Spaces of any width, and the invisible joiners a paragraph can hold with no word. */
const BLANK_TEXT = /^[\s\u200b\u2060\ufeff]*$/;

/** Whether nodes hold no word: spaces and line breaks only, in whatever formatting. */
function blank(nodes: readonly SafeInline[]): boolean {
  return nodes.every((node) =>
    node.type === 'text'
      ? BLANK_TEXT.test(node.text)
      : node.type === 'br' || ('children' in node && blank(node.children)),
  );
}

/** Drops empty elements and leading/trailing breaks; returns a fresh array. */
function prune(nodes: SafeInline[]): SafeInline[] {
  const out = pruneInline(nodes);
  while (out[0]?.type === 'br') out.shift();
  while (out[out.length - 1]?.type === 'br') out.pop();
  return out;
}

/** How many line breaks open `nodes`. */
const leadingBreaks = (nodes: readonly SafeInline[]): number => {
  const words = nodes.findIndex((node) => node.type !== 'br');
  return words < 0 ? nodes.length : words;
};

/**
 * Drops empty elements; a line break at an element's edge is put outside it: « x<br> » in bold
 * (or in a link, a quote, code) then « après » is two lines, as the editor shows them, which
 * dropped it made one word (« xaprès »). The paragraph's own edges are {@link prune}'s.
 */
function pruneInline(nodes: readonly SafeInline[]): SafeInline[] {
  const out: SafeInline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text) out.push(node);
    } else if (node.type === 'br') {
      out.push(node);
    } else {
      const children = pruneInline(node.children);
      const lead = leadingBreaks(children);
      const trail = leadingBreaks(children.slice(lead).reverse());
      const words = children.slice(lead, children.length - trail);
      out.push(...children.slice(0, lead));
      if (words.length > 0) out.push({ ...node, children: words } as SafeInline);
      out.push(...children.slice(children.length - trail));
    }
  }
  return out;
}

/**
 * Parses untrusted HTML into safe paragraphs. Never throws; empty paragraphs are dropped.
 * @param html restricted HTML from the editor or a pasted page.
 */
export function sanitizeHtml(html: string): SafeParagraph[] {
  return buildParagraphs(html).paragraphs;
}

/**
 * Parses untrusted HTML into safe paragraphs and the lists they form (see {@link SafeList}).
 * @param html restricted HTML from the editor or a pasted page.
 */
export function sanitizeBlocks(html: string): SafeBlocks {
  return buildParagraphs(html);
}

/**
 * Parses untrusted HTML into a single paragraph: an item is one paragraph in every format, so
 * paragraph boundaries inside it become line breaks.
 */
export function sanitizeInline(html: string): SafeInline[] {
  const out: SafeInline[] = [];
  for (const paragraph of sanitizeHtml(html)) {
    if (out.length > 0) out.push({ type: 'br' });
    out.push(...paragraph);
  }
  return out;
}

/**
 * Plain text (a title, a house-style intro) as inline nodes. Nothing in it is markup; newlines
 * become line breaks unless `singleLine`, and other whitespace runs collapse to one space.
 */
export function plainTextToInline(text: string, singleLine = false): SafeInline[] {
  const clean = text.replace(CONTROL_CHARS, '');
  const lines = (singleLine ? [clean.replace(/\s*[\r\n]+\s*/g, ' ')] : clean.split(/\r\n?|\n/))
    .map((line) => line.replace(/[\t\f ]+/g, ' ').trim())
    .filter((line) => line.length > 0);
  const out: SafeInline[] = [];
  for (const line of lines) {
    if (out.length > 0) out.push({ type: 'br' });
    out.push({ type: 'text', text: line });
  }
  return out;
}

/** Serialises safe inline nodes to HTML (the only place the tree becomes markup). */
export function inlineToHtml(nodes: readonly SafeInline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += escapeHtml(node.text, 'text');
        break;
      case 'br':
        out += '<br>';
        break;
      case 'strong':
        out += `<strong>${inlineToHtml(node.children)}</strong>`;
        break;
      case 'em':
        out += `<em>${inlineToHtml(node.children)}</em>`;
        break;
      case 'link':
        out += `<a href="${escapeHtml(node.href)}">${inlineToHtml(node.children)}</a>`;
        break;
      case 'lang':
        out += `<span lang="${escapeHtml(node.lang)}">${inlineToHtml(node.children)}</span>`;
        break;
    }
  }
  return out;
}

/**
 * The visible text of inline nodes; line breaks become "\n", and code's spaces spaces (see
 * {@link codeText}).
 */
export function inlineToText(nodes: readonly SafeInline[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'br') out += '\n';
    else if (isCode(node)) out += codeText(inlineToText(node.children));
    else out += inlineToText(node.children);
  }
  return out;
}

/** Whether a node is code an editor pasted (words in no language, see lib/purify.ts). */
export const isCode = (node: SafeInline): boolean =>
  node.type === 'lang' && node.lang === NO_LANGUAGE;

/**
 * Code's text as plain text: its no-break spaces (an indent, a run of spaces, which markup would
 * collapse) are spaces there, where nothing collapses, so that a command copied from the text
 * runs (a shell reads a no-break space as part of a word).
 */
export const codeText = (text: string): string => text.replace(/\u00a0/g, ' ');

/** Collects the hrefs of every link in the nodes, in document order. */
export function collectLinks(nodes: readonly SafeInline[], into: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === 'link') into.push(node.href);
    if ('children' in node) collectLinks(node.children, into);
  }
  return into;
}
