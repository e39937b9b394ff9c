import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { getLocale, t } from '../locales';
import { keptCaret } from '../lib/block-merge';
import { BLOCK_ELEMENTS, escapeHtml } from '../lib/html';
import { languageSpan, quoteLanguage } from '../lib/lang';
import type { SitePost } from '../storage/site-posts';
import type { Quote } from '../storage/db';
import {
  languageRuns,
  quotation,
  quotationLead,
  quotationParagraphs,
  quoteLanguages,
  runsHtml,
  type LanguageRun,
} from '../storage/template';
import {
  blockAt,
  blocksOf,
  caretAfterQuote,
  cleanItemHtml,
  cleanPastedHtml,
  coversText,
  deleteAcross,
  insertBlocks,
  joinedParagraphs,
  languageAt,
  leavesTwoSpaces,
  listAt,
  listMarker,
  type ListKind,
  moveWords,
  paragraphAround,
  typedFrench,
  overWholeQuotes,
  selectedWords,
  pruneEmpty,
  spansBlocks,
  splitBlockAt,
  startList,
  STYLES,
  toggleList,
} from './richtext';
import { DEFAULT_HOUSE_STYLE } from '../storage/house-style';
import { dropEmptyLines } from '../storage/item-html';
import { TextHistory, type TextState } from './textHistory';
import { useSitePosts } from './useSitePosts';
import { ctrlShortcut, LIST_KEYS, listShortcut } from './shortcuts';

/** The list a Ctrl+Maj shortcut makes, from its key (see {@link LIST_KEYS}). */
function listOfKey(event: KeyboardEvent): ListKind | undefined {
  for (const kind of ['ul', 'ol'] as const) {
    const digit = LIST_KEYS[kind];
    if (event.code === `Digit${digit}` || event.code === `Numpad${digit}`) return kind;
  }
  return undefined;
}

/**
 * Where a suggested link comes from, the headings of the link form in this order: the draft's
 * own sources and quotes' links, the other items of its issue, the site's own posts.
 */
export type LinkGroup = 'draft' | 'issue' | 'site';
const GROUPS: readonly LinkGroup[] = ['draft', 'issue', 'site'];

/** A link the link form offers before any typing: a source, a quote's link, another item. */
export interface LinkSuggestion {
  url: string;
  /** What the editor recognises it by: a page title, a site, an item's label. */
  label: string;
  /** Where it comes from (« Source », « Citation »…) or a post's date, shown beside it. */
  kind: string;
  /** The heading it is listed under. */
  group: LinkGroup;
}

interface Props {
  value: string;
  onChange: (html: string) => void;
  label: string;
  id?: string;
  /** Offered first by the link form (Ctrl+K), in this order. */
  suggestions?: readonly LinkSuggestion[];
  /** Also offer the site's own recent posts (« Articles du site ») when WordPress is set up. */
  sitePosts?: boolean;
  /** Puts the caret at the end of the text once shown, to write at once. */
  autoFocus?: boolean;
  /** Filled with what the editor's other controls can do to the text (insert a quote). */
  handle?: { current: RichTextHandle | null };
  /** Shown to be read, not written (a draft the user's role may not edit): no toolbar, no caret. */
  readOnly?: boolean;
  /**
   * The language the text is written in (the exports'): said on the text for screen readers,
   * and what a paste's languages are read against (only a change of language is kept), but
   * inside a quote marked in another language, where the quote's is (see `languageAt`).
   */
  lang?: string;
}

/** A quote as {@link RichTextHandle.insertQuote} takes it: its text, and its HTML for its languages. */
export type QuoteWords = Pick<Quote, 'text'> & Partial<Pick<Quote, 'html'>>;

/** What the rest of the draft editor can do to the text. */
export interface RichTextHandle {
  /**
   * Inserts a quote where the caret is (or was last; at the end when it never was in the
   * text): inline in « », or as a paragraph of its own after the caret's paragraph. With its
   * page's `pageLang`, when it is another language than the words it goes among (the text's,
   * or inline in a quote marked in another, that quote's), the quote's words are marked
   * `<span lang>` inside the « »: the exports' French typography leaves them as written. Words
   * its HTML marks with another language than that (English quoted in a French page) are
   * marked with theirs.
   */
  insertQuote: (quote: QuoteWords, block: boolean, pageLang?: string) => void;
}

/** An http(s) address alone, as pasted from the address bar. */
const LONE_URL = /^https?:\/\/[^\s<>"]+$/i;

/** The suggestions that match what is typed in the link form (all of them when nothing is). */
export function matchSuggestions(
  suggestions: readonly LinkSuggestion[],
  typed: string,
): LinkSuggestion[] {
  // Accents aside, and typography too: an item is offered by its label as the exports typeset
  // it (« Selon « Le Monde », l’affaire… »), which `"Le Monde"` or `l'affaire` typed must find.
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[’‘ʼ]/g, "'")
      .replace(/[«»“”„]/g, '"')
      .replace(/[\s\u00a0\u202f]*"[\s\u00a0\u202f]*/g, '"')
      .replace(/[\u00a0\u202f]/g, ' ');
  const query = fold(typed.trim());
  const seen = new Set<string>();
  return suggestions.filter((s) => {
    if (seen.has(s.url)) return false;
    seen.add(s.url);
    return !query || fold(`${s.label} ${s.url}`).includes(query);
  });
}

/** « 30 nov. », « 30 nov. 2025 » for another year: a post's date in the link form. */
function postDay(date: string, today = new Date()): string {
  const match = /^(\d{4})-(\d\d)-(\d\d)/.exec(date);
  if (!match) return '';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // The site's own day, whatever the browser's time zone.
  return new Intl.DateTimeFormat(getLocale() === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    ...(year === today.getFullYear() ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A post of the site as the link form offers it. */
export function postSuggestion(post: SitePost): LinkSuggestion {
  return {
    url: post.link,
    label: post.title || t('link.site.untitled'),
    kind: postDay(post.date),
    group: 'site',
  };
}

/**
 * Everything the link form offers for what is typed, grouped in heading order with no address
 * twice: the given suggestions and the site's cached posts filtered by the words typed, then
 * the posts the site itself found for them (WordPress searches their text too).
 */
export function offeredLinks(
  suggestions: readonly LinkSuggestion[],
  latest: readonly SitePost[],
  found: readonly SitePost[],
  typed: string,
): LinkSuggestion[] {
  const matched = matchSuggestions([...suggestions, ...latest.map(postSuggestion)], typed);
  const seen = new Set(matched.map((s) => s.url));
  for (const post of found) {
    if (seen.has(post.link)) continue;
    seen.add(post.link);
    matched.push(postSuggestion(post));
  }
  return GROUPS.flatMap((group) => matched.filter((s) => s.group === group));
}

/** Drag data of a source (its URL), dropped on selected words to link them. */
export const SOURCE_MIME = 'application/x-indiscrets-source';

/**
 * A quote's line as HTML: `line`, whose words from `start` (after its « ) are `runs` (see
 * `languageRuns`, storage/template.ts), those marked in `lang` (a valid tag, see lib/lang.ts)
 * when given.
 */
function quoteLineHtml(
  line: string,
  start: number,
  runs: readonly LanguageRun[],
  lang?: string | null,
) {
  const end = start + runs.reduce((length, run) => length + run.text.length, 0);
  return (
    escapeHtml(line.slice(0, start), 'text') +
    languageSpan(
      runsHtml(runs, (text) => escapeHtml(text, 'text')),
      lang,
    ) +
    escapeHtml(line.slice(end), 'text')
  );
}

/**
 * The characters just before and just after a collapsed `range` in the text of `root` ('' at
 * its edges or at a paragraph's): read from the text itself, whether the range sits in a text
 * node or between elements (an offset then counts child nodes, not characters).
 */
function charsAround(range: Range, root: HTMLElement): { before: string; after: string } {
  const block = (node: Node) =>
    node.nodeType === Node.ELEMENT_NODE && BLOCK_ELEMENTS.has((node as Element).localName);
  let at: Node | null = range.startContainer;
  while (at && at !== root && !block(at)) at = at.parentNode;
  const scope = at ?? root;
  const head = document.createRange();
  head.setStart(scope, 0);
  head.setEnd(range.startContainer, range.startOffset);
  const tail = document.createRange();
  tail.setStart(range.endContainer, range.endOffset);
  tail.setEnd(scope, scope.childNodes.length);
  return { before: head.toString().slice(-1), after: tail.toString().slice(0, 1) };
}

/** Plain text pasted, as its paragraphs: its blocks separated by blank lines, trimmed. */
function plainParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
}

/** Plain text pasted: one paragraph per blank-line-separated block. */
function textToHtml(text: string) {
  return plainParagraphs(text)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * Plain text pasted (Ctrl+Maj+V), typed at the caret with the browser's editing commands: in
 * the style of the words there (or of those it replaces), as typing is; a blank line is Enter,
 * a line break Maj+Entrée.
 */
function typeText(text: string, root: Node): void {
  // Each paragraph in that style, as typing goes on after Enter: Chromium would start the next
  // in the style of the words after the caret (plain ones, when the paste replaces bold words
  // across two paragraphs), Firefox in theirs (italic in italic ones, whatever the caret's).
  const styles = (['bold', 'italic'] as const).filter((style) => document.queryCommandState(style));
  const selection = window.getSelection();
  /** The blocks the paste started (each one after the first paragraph). */
  const begun: Element[] = [];
  for (const [index, block] of plainParagraphs(text).entries()) {
    if (index > 0) {
      document.execCommand('insertParagraph');
      // At the new block's start, outside the bold, italic or link of the words after it (still
      // in their quote, whose language the words typed are in).
      const at = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : undefined;
      const started = at && blockAt(at.startContainer, root);
      if (started) begun.push(started);
      if (selection && at && started) {
        for (
          let el: Element | null =
            at.startContainer instanceof Element
              ? at.startContainer
              : at.startContainer.parentElement;
          el && el !== started && STYLES.test(el.localName);
          el = el.parentElement
        ) {
          at.setStartBefore(el);
        }
        at.collapse(true);
        selection.removeAllRanges();
        selection.addRange(at);
      }
      for (const style of ['bold', 'italic'] as const) {
        if (document.queryCommandState(style) !== styles.includes(style)) {
          document.execCommand(style);
        }
      }
    }
    for (const [at, line] of block.split('\n').entries()) {
      if (at > 0) document.execCommand('insertLineBreak');
      document.execCommand('insertText', false, line);
    }
  }
  // Firefox (ESR 140) leaves the bold it split with a paragraph empty at the new one's start,
  // its words typed in a bold of their own: nothing an editor sees, nor would keep.
  for (const block of begun) if (block.isConnected) pruneEmpty(block);
}

/**
 * The address typed in the link form, as a link: `https://` is added to a bare domain
 * (`lemonde.fr/pixels`); anything but http(s) and mailto is refused (undefined).
 */
export function normaliseLinkUrl(raw: string): string | undefined {
  const url = raw.trim();
  if (/^(https?:\/\/[^\s/]+\S*|mailto:\S+@\S+)$/i.test(url)) return url;
  if (/^[\w-]+(\.[\w-]+)+(?:[/?#]\S*)?$/.test(url)) return `https://${url}`;
  return undefined;
}

/** The caret where a drop at (`x`, `y`) in the window puts words, if any. */
function caretAtPoint(x: number, y: number): Range | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) {
    const caret = document.createRange();
    caret.setStart(position.offsetNode, position.offset);
    caret.collapse(true);
    return caret;
  }
  // Chromium before 128.
  return document.caretRangeFromPoint?.(x, y) ?? null;
}

/** How many characters of `el`'s text come before the caret, when the caret is in `el`. */
function caretOffset(el: HTMLElement): number | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!el.contains(range.endContainer)) return undefined;
  const before = document.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.endContainer, range.endOffset);
  return before.toString().length;
}

/** Puts the caret after the `offset`-th character of `el`'s text (at the end if shorter). */
function placeCaret(el: HTMLElement, offset: number): void {
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let left = offset;
  let placed = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (left <= length) {
      range.setStart(node, left);
      placed = true;
      break;
    }
    left -= length;
  }
  if (!placed) {
    range.selectNodeContents(el);
    range.collapse(false);
  }
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * `el`'s blocks as a merge by blocks counts them (lib/block-merge.ts): each paragraph, each list's
 * opening and closing, each list entry; `keys` are what compares them (their text, spaces
 * as typed or as stored alike), `elements` the paragraph or entry of each (none for a list's
 * tags).
 */
function textBlocks(el: HTMLElement): { keys: string[]; elements: Array<HTMLElement | null> } {
  const keys: string[] = [];
  const elements: Array<HTMLElement | null> = [];
  const add = (key: string, element: HTMLElement | null) => {
    keys.push(key);
    elements.push(element);
  };
  const text = (node: Node) => (node.textContent ?? '').replace(/\u00a0/g, ' ');
  for (const node of el.childNodes) {
    if (node.nodeType === 3 && !node.nodeValue?.trim()) continue;
    if (node.nodeName === 'UL' || node.nodeName === 'OL') {
      add(`<${node.nodeName}>`, null);
      for (const entry of node.childNodes) {
        if (entry.nodeName === 'LI') add(`li:${text(entry)}`, entry as HTMLElement);
      }
      add(`</${node.nodeName}>`, null);
    } else {
      add(`p:${text(node)}`, node.nodeType === 1 ? (node as HTMLElement) : null);
    }
  }
  return { keys, elements };
}

/** The block of {@link textBlocks} the caret is in, and how many characters of it come before. */
function caretInBlock(
  el: HTMLElement,
): { keys: string[]; index: number; offset: number } | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const caret = selection.getRangeAt(0);
  const { keys, elements } = textBlocks(el);
  const index = elements.findIndex((block) => !!block && block.contains(caret.endContainer));
  if (index < 0) return undefined;
  const before = document.createRange();
  before.selectNodeContents(elements[index]!);
  before.setEnd(caret.endContainer, caret.endOffset);
  return { keys, index, offset: before.toString().length };
}

/**
 * A space typed last in a paragraph, or after another, written again as the browser types it (a
 * no-break space): a plain one there is not shown, and the next letter would stick to the word
 * before it. The text sent is cleaned back to plain spaces (storage/item-html.ts).
 */
function keepTypedSpaces(el: HTMLElement): void {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (!value.includes(' ')) continue;
    const block = node.parentElement?.closest('p, li');
    const last = !!block && isLastText(block, node);
    let kept = value.replace(/ {2}/g, ' \u00a0');
    if (last) kept = kept.replace(/ $/, '\u00a0');
    if (kept !== value) node.nodeValue = kept;
  }
}

/** Whether `node` is the last text of `block`, where a space at its end is not shown. */
function isLastText(block: Element, node: Node): boolean {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let last: Node | null = null;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) last = text;
  return last === node;
}

/** A block's text as {@link textBlocks} keys it; none for a list's opening or closing. */
function blockText(key: string): string | undefined {
  const kind = /^(p|li):/.exec(key);
  return kind ? key.slice(kind[0].length) : undefined;
}

/**
 * Writes `value` into the focused editor `el` (a change made elsewhere, or a colleague's
 * paragraphs merged in), the caret put back in the paragraph it was in, at the same character of
 * it: paragraphs added or removed above move it with them; a paragraph split in several (or
 * joined with another) keeps it in the part that holds the words around it ({@link keptCaret}).
 * A paragraph that is not there any more leaves the caret at the same character of the whole
 * text.
 */
function rewriteKeepingCaret(el: HTMLElement, value: string): void {
  const inBlock = caretInBlock(el);
  const caret = caretOffset(el);
  el.innerHTML = value;
  keepTypedSpaces(el);
  if (inBlock) {
    const after = textBlocks(el);
    const kept = keptCaret(inBlock.keys, after.keys, inBlock, blockText);
    const block = kept && after.elements[kept.index];
    // An empty line being typed in (Enter just pressed) is not stored (see cleanItemHtml): the
    // text from elsewhere has none, and the next word typed would join the paragraph before.
    if (!blockText(inBlock.keys[inBlock.index]!)?.trim()) {
      const line = block && !block.textContent?.trim() ? block : emptyLineBack(el, inBlock, after);
      if (line) {
        placeCaretIn(line);
        return;
      }
    }
    if (kept && block) {
      placeCaret(block, kept.offset);
      return;
    }
  }
  // The paragraph is gone: the caret at the same character of the whole text.
  if (caret !== undefined) placeCaret(el, caret);
}

/** The kind of block a key of {@link textBlocks} is: `p`, `li`, or a list's `<` or `</`. */
function blockKind(key: string | undefined): string | undefined {
  return key?.startsWith('</') ? '</' : key?.startsWith('<') ? '<' : key?.split(':')[0];
}

/**
 * The empty paragraph or list entry the caret was in (`before`, the blocks of {@link textBlocks}
 * and its index), put back in `el`, just written from a text made elsewhere (`after`, its
 * blocks), right after the block that was before it, wherever that block now is: an empty line
 * being typed in is the editor's, never stored (see cleanItemHtml). Undefined when that block is
 * gone.
 */
function emptyLineBack(
  el: HTMLElement,
  before: { keys: string[]; index: number },
  after: ReturnType<typeof textBlocks>,
): HTMLElement | undefined {
  const name = blockKind(before.keys[before.index]) === 'li' ? 'li' : 'p';
  const line = document.createElement(name);
  line.append(document.createElement('br'));
  const previous = before.index - 1;
  if (previous < 0) {
    el.prepend(line);
    return line;
  }
  const place = keptCaret(before.keys, after.keys, { index: previous, offset: 0 }, blockText);
  const kind = blockKind(before.keys[previous]);
  if (!place || blockKind(after.keys[place.index]) !== kind) return undefined;
  const at = place.index;
  if (kind === '<') after.elements[at + 1]?.before(line);
  else if (kind === '</') after.elements[at - 1]?.parentElement?.after(line);
  else after.elements[at]?.after(line);
  return line.isConnected ? line : undefined;
}

/**
 * `el`'s HTML without its empty paragraphs and list entries (nor a list left with none), as
 * cleanItemHtml stores it: an empty line being typed in, which stays shown once the editor is
 * left (a quote's « En paragraphe » reached by Tab goes in it).
 */
function withoutEmptyLines(el: HTMLElement): string {
  const copy = el.cloneNode(true) as HTMLElement;
  dropEmptyLines(copy);
  return copy.innerHTML;
}

/** Puts the caret at the start of `block` (before the `<br>` holding an empty one open). */
function placeCaretIn(block: Element): void {
  const range = document.createRange();
  range.setStart(block, 0);
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}

/**
 * Whether the caret, collapsed, is at the very start of the first entry of a list of `el`'s text
 * (where Backspace makes the entry a paragraph).
 */
function atListStart(el: HTMLElement): boolean {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return false;
  const caret = selection.getRangeAt(0);
  if (!el.contains(caret.startContainer)) return false;
  const start = caret.startContainer;
  const entry = (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest('li');
  const list = entry?.parentElement;
  if (!entry || !list || list.parentElement !== el || list.firstElementChild !== entry) {
    return false;
  }
  const before = document.createRange();
  before.selectNodeContents(entry);
  before.setEnd(caret.startContainer, caret.startOffset);
  return before.toString() === '' && !before.cloneContents().querySelector('br');
}

/** Whether the selection, in `el`, holds all of its text (Ctrl+A). */
function selectsAll(el: HTMLElement): boolean {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
  const range = selection.getRangeAt(0);
  return el.contains(range.commonAncestorContainer) && coversText(range, el);
}

/**
 * Where the caret is in `el`, as the indexes of the children leading to its node, then its offset
 * there: the same place in the same HTML written again.
 */
function caretPath(el: HTMLElement): number[] | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return undefined;
  const caret = selection.getRangeAt(0);
  if (!el.contains(caret.startContainer)) return undefined;
  const path = [caret.startOffset];
  for (let node = caret.startContainer; node !== el; node = node.parentNode!) {
    path.unshift([...node.parentNode!.childNodes].indexOf(node as ChildNode));
  }
  return path;
}

/** `el`'s text and caret, as the undo history keeps them. */
function textState(el: HTMLElement): TextState {
  return { html: el.innerHTML, caret: caretPath(el) };
}

/** Puts the caret at `path` ({@link caretPath}), or at the end of the text. */
function placeCaretAt(el: HTMLElement, path: number[] | undefined): void {
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  let node: Node | undefined = el;
  for (const index of path?.slice(0, -1) ?? []) node = node?.childNodes[index];
  if (path && node) {
    // Within the node, whatever text nodes the HTML was typed in.
    const most = node.nodeType === Node.TEXT_NODE ? (node as Text).length : node.childNodes.length;
    range.setStart(node, Math.min(path[path.length - 1]!, most));
    // Right in the editor before a paragraph (Firefox's Ctrl+A starts there): in it, where the
    // next key is typed in it, not in a paragraph of its own above it.
    const next = node === el ? el.childNodes[range.startOffset] : undefined;
    if (next && blockAt(next, el) === next) {
      let start: Node = next;
      while (start.firstChild && start.firstChild.nodeName !== 'BR') start = start.firstChild;
      range.setStart(start, 0);
    }
  } else {
    range.selectNodeContents(el.lastElementChild ?? el);
    range.collapse(false);
  }
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * `el`'s HTML with the first entry of the list where the caret is ({@link atListStart}) made a
 * paragraph before the list (the list gone when that was its only entry), that paragraph's
 * index among `el`'s children, and whether it starts with text.
 */
function unlistFirstEntry(el: HTMLElement): [string, number, boolean] {
  const start = window.getSelection()!.getRangeAt(0).startContainer;
  const entry = (start.nodeType === 1 ? (start as Element) : start.parentElement)!.closest('li')!;
  const index = [...el.children].indexOf(entry.parentElement!);
  const copy = el.cloneNode(true) as HTMLElement;
  const list = copy.children[index]!;
  const paragraph = document.createElement('p');
  paragraph.append(...list.firstElementChild!.childNodes);
  list.firstElementChild!.remove();
  copy.insertBefore(paragraph, list);
  if (!list.firstElementChild) list.remove();
  const text = paragraph.firstChild?.nodeType === Node.TEXT_NODE;
  return [copy.innerHTML, [...copy.childNodes].indexOf(paragraph), text];
}

/**
 * Writes `texts` as paragraphs of their own after `after`, a child of `el` (after its last one
 * when null), with the browser's editing commands (the caller makes them one undo step of the
 * editor's); those given as HTML in `htmls` (a quote marked in its page's language) as such. The caret ends after the last. False, nothing done, when the browser has no editing
 * commands (jsdom).
 */
function typeParagraphs(
  el: HTMLElement,
  after: Node | null,
  texts: readonly string[],
  htmls?: readonly string[],
): boolean {
  const selection = window.getSelection();
  if (typeof document.execCommand !== 'function' || !selection) return false;
  const anchor = after ?? el.lastChild;
  const caret = document.createRange();
  caret.selectNodeContents(anchor ?? el);
  caret.collapse(false);
  selection.removeAllRanges();
  selection.addRange(caret);
  if (!anchor || import.meta.env.FIREFOX) {
    // Firefox inserts paragraphs at the end of one as its next siblings, in one undo step;
    // Chromium does so in an empty text only (elsewhere it merges the first into the caret's).
    // At the end of a list's entry Firefox would put them in it (stored as lines of the entry):
    // entries go in there, which it inserts as the entry's next siblings.
    const tag = anchor?.nodeName === 'LI' ? 'li' : 'p';
    const html = texts
      .map((text, index) => `<${tag}>${htmls?.[index] ?? escapeHtml(text, 'text')}</${tag}>`)
      .join('');
    return document.execCommand('insertHTML', false, html);
  }
  // In Chromium: a new paragraph, then its text, each time.
  for (const [index, text] of texts.entries()) {
    if (!document.execCommand('insertParagraph')) return index > 0;
    // The new paragraph would carry on the bold or italic that the one before ends with.
    for (const style of ['bold', 'italic']) {
      if (document.queryCommandState(style)) document.execCommand(style);
    }
    // A quote's words in its language are markup: inserted as HTML.
    const html = htmls?.[index];
    if (html) document.execCommand('insertHTML', false, html);
    else document.execCommand('insertText', false, text);
  }
  // Setting the caret again ends the browser's run of typing.
  if (selection.rangeCount > 0) {
    const end = selection.getRangeAt(0).cloneRange();
    selection.removeAllRanges();
    selection.addRange(end);
  }
  return true;
}

/**
 * `texts` as paragraphs after `after` (at the end when null), made with DOM methods, where the
 * browser has no editing commands: the caret ends after the last.
 */
function addParagraphs(
  el: HTMLElement,
  after: Node | null,
  texts: readonly string[],
  htmls?: readonly string[],
): void {
  let previous = after;
  let p: HTMLElement | undefined;
  for (const [index, text] of texts.entries()) {
    // After a list's entry, entries of the list.
    p = document.createElement(after?.nodeName === 'LI' ? 'li' : 'p');
    const html = htmls?.[index];
    if (html) p.innerHTML = html;
    else p.textContent = text;
    if (previous) previous.parentNode!.insertBefore(p, previous.nextSibling);
    else el.appendChild(p);
    previous = p;
  }
  if (!p) return;
  const range = document.createRange();
  range.selectNodeContents(p);
  range.collapse(false);
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}

/**
 * The item's text: paragraphs, lists (one level), bold, italic and links, nothing else. Paste is
 * cleaned to that. Lists are edited as in a word processor, by the browser's own editing: Enter
 * makes an entry, Enter in an empty last one leaves the list; Backspace at the start of the first
 * entry makes it a paragraph (see {@link atListStart}).
 * The DOM is the editor's while it has focus: it is rewritten from `value` when it has not, and,
 * while it has, only for a change made elsewhere (never for the echo of its own typing).
 * Ctrl+Z and Ctrl+Y go through the editor's own undo steps, typing grouped by words
 * (components/textHistory.ts), never the browser's; Ctrl+B and Ctrl+I are the toolbar's bold and
 * italic, one step each, in Firefox as in Chromium.
 */
export function RichText({
  value,
  onChange,
  label,
  id,
  suggestions = [],
  sitePosts = false,
  autoFocus,
  handle,
  readOnly = false,
  lang = DEFAULT_HOUSE_STYLE.locale,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [linkUrl, setLinkUrl] = useState('');
  const [linkInvalid, setLinkInvalid] = useState(false);
  const [active, setActive] = useState(0);
  const dropRange = useRef<Range | null>(null);
  /** The words being dragged from the text, while they are (see onDragStart). */
  const dragged = useRef<Range | null>(null);
  /** The last value this editor sent: `value` coming back equal to it is an echo, not news. */
  const emitted = useRef<string | undefined>(undefined);
  /** Where the caret last was in the text, for a quote inserted from a button. */
  const lastCaret = useRef<Range | null>(null);
  /** The kind of list the caret is in: its button shows pressed. */
  const [inList, setInList] = useState<ListKind | undefined>(undefined);

  /** Notes the kind of list the caret is in now (see `inList`). */
  const noteList = () => {
    const el = ref.current;
    const range = editorRange();
    if (el && range) setInList(listAt(range.startContainer, el));
  };

  useEffect(() => {
    const onSelection = () => {
      const range = editorRange();
      if (!range) return;
      lastCaret.current = range;
      noteCaret();
      noteList();
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  });

  if (handle) {
    handle.current = {
      insertQuote(quote, block, pageLang) {
        asStep(() => insertQuote(quote, block, pageLang));
      },
    };
  }

  /** {@link RichTextHandle.insertQuote}, without the undo step and the change sent. */
  function insertQuote(quote: QuoteWords, block: boolean, pageLang?: string) {
    const el = ref.current;
    if (!el) return;
    el.focus();
    const selection = window.getSelection();
    if (!selection) return;
    const saved = lastCaret.current;
    let range: Range;
    if (saved && el.contains(saved.commonAncestorContainer)) {
      range = saved.cloneRange();
    } else {
      range = document.createRange();
      range.selectNodeContents(el.lastElementChild ?? el);
      range.collapse(false);
    }
    // A text Firefox emptied (Ctrl+A, Suppr) has no paragraph to put the quote after or in.
    if (range.collapsed) range = paragraphAround(range, el) ?? range;
    // Marked in its page's language against the words it goes among: a paragraph of its own
    // is among the text's, inline it is in the quote the caret is in, if any.
    const around = block ? lang : languageAt(range, el, lang);
    const quoteLang = quoteLanguage(pageLang, around);
    // Its own marks go or become “ ” as in a new draft's template: « … » stays balanced.
    const paragraphs = quotationParagraphs(quote.text).map((part) => part.replace(/\s+/g, ' '));
    // Words its page marked in another language than the quote's keep theirs.
    const runs = languageRuns(
      paragraphs,
      quoteLanguages(quote.html ?? ''),
      quoteLang ?? around ?? pageLang,
    );
    const marked = !!quoteLang || runs.some((paragraph) => paragraph.some((run) => run.lang));
    if (block) {
      // After the paragraph the caret is in: a quote never cuts a sentence in two. Each of
      // its paragraphs opens with «, the last alone closes with », as in a new draft. In a
      // list, after the caret's entry: its paragraphs are entries after it.
      // In the marks of the language the text is in: « » in French, “ ” in English.
      const texts = quotation(paragraphs, ' ', lang);
      if (texts.length === 0) return;
      // Each line opens with its mark (« and a space, or “): the quote's words follow.
      const htmls = marked
        ? texts.map((line, index) =>
            quoteLineHtml(line, quotationLead(lang), runs[index]!, quoteLang),
          )
        : undefined;
      let paragraph: Node | null = range.endContainer;
      while (paragraph && paragraph.parentNode !== el && paragraph.nodeName !== 'LI') {
        paragraph = paragraph.parentNode;
      }
      const before = new Set(blocksOf(el));
      if (!typeParagraphs(el, paragraph, texts, htmls)) {
        addParagraphs(el, paragraph, texts, htmls);
      }
      // The next key typed goes after the quote, not in it.
      const caret = caretAfterQuote(el, before, paragraph);
      if (caret) {
        selection.removeAllRanges();
        selection.addRange(caret);
      }
    } else {
      selection.removeAllRanges();
      selection.addRange(range);
      // Plain spaces: the export's typography makes them no-break; a space is added on
      // either side where the quote would stick to a word or to another quotation's mark.
      const { before, after } = charsAround(range, el);
      const lead = before && !/\s/.test(before) ? ' ' : '';
      const trail = after && !/[\s.,;:!?…)\]]/.test(after) ? ' ' : '';
      const words = paragraphs.join(' ');
      const wordRuns = runs.flatMap((paragraph, index) =>
        index === 0 ? paragraph : [{ text: ' ' }, ...paragraph],
      );
      const [quoted] = quotation([words], ' ', lang);
      const line = `${lead}${quoted}${trail}`;
      const start = lead.length + quotationLead(lang);
      if (!marked) document.execCommand('insertText', false, line);
      else if (typeof document.execCommand === 'function') {
        document.execCommand('insertHTML', false, quoteLineHtml(line, start, wordRuns, quoteLang));
      } else {
        // No editing commands (jsdom): the same nodes, put in with DOM methods, in place of the
        // <br> holding an empty paragraph open, as the browsers put them.
        const empty = blockAt(range.startContainer, el);
        if (empty && !empty.textContent) empty.querySelectorAll('br').forEach((br) => br.remove());
        const made = document.createElement('template');
        made.innerHTML = quoteLineHtml(line, start, wordRuns, quoteLang);
        range.insertNode(made.content);
      }
    }
  }
  // The site's posts are asked for while the link form is open; never waited for.
  const site = useSitePosts(linking && sitePosts, linkUrl);
  const offered = linking ? offeredLinks(suggestions, site.latest, site.found, linkUrl) : [];
  const activeIndex = Math.min(active, offered.length - 1);

  // Before paint: the editor never flashes empty, and a click lands in the text.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (el.innerHTML === value) {
      history.current ??= new TextHistory(textState(el));
      return;
    }
    if (document.activeElement !== el) {
      el.innerHTML = value;
      // The text typed here, cleaned, keeps its undo steps; another's has none to go back to.
      if (history.current && value === emitted.current) history.current.settle(textState(el));
      else if (history.current) history.current.reset(textState(el));
      else history.current = new TextHistory(textState(el));
      return;
    }
    // Focused: what was typed here comes back as `value` (cleaned); the DOM, with its caret,
    // stays. Any other value is a change made elsewhere (another view, merged in): it is shown
    // now, the caret kept at the same character, or the next keystroke would write the old text
    // back over it; Ctrl+Z does not go back over it.
    if (value === emitted.current) return;
    rewriteKeepingCaret(el, value);
    emitted.current = value;
    history.current?.reset(textState(el));
  }, [value]);

  // Before paint too, right after the text is written: a caret placed in the text as soon as it
  // shows (a click) is never moved to the end afterwards (after paint, the click could come
  // first, and this put the caret at the end under the editor's typing).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!autoFocus || readOnly || !el || document.activeElement === el) return;
    el.focus();
    const end = document.createRange();
    end.selectNodeContents(el);
    end.collapse(false);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(end);
    // Only when the editor is first shown.
  }, []);

  // The option picked by the arrows stays in sight in the scrolling list.
  useEffect(() => {
    if (!linking || activeIndex < 0) return;
    document.getElementById(`richtext-link-option-${activeIndex}`)?.scrollIntoView?.({
      block: 'nearest',
    });
  }, [linking, activeIndex]);

  // `autofocus` is ignored on elements added after the page loaded: focus the field by hand.
  useEffect(() => {
    if (linking) urlRef.current?.focus();
  }, [linking]);

  const emit = () => {
    if (!ref.current) return;
    // The no-break spaces typed for French typography kept (see typeFrench).
    const html = cleanItemHtml(ref.current.innerHTML, document, { typed: true });
    emitted.current = html;
    onChange(html);
  };

  /** The text's undo steps (see components/textHistory.ts). */
  const history = useRef<TextHistory | null>(null);
  /** Set while the editor makes an edit of its own: one step, whatever the `input` events. */
  const editing = useRef(false);

  /** Notes where the caret is, for the undo of the next edit to put it back there. */
  const noteCaret = () => {
    const el = ref.current;
    if (el && !editing.current) history.current?.caretAt(el.innerHTML, caretPath(el));
  };

  /** An edit the browser made (typing, deleting, Enter, a drop): an undo step, or part of one. */
  const onInput = (event: Event) => {
    const el = ref.current;
    if (!el || editing.current) return;
    const { inputType = '', data = null, isComposing = false } = event as InputEvent;
    // Not while a word is being composed (a dead key's ^ before ê, an IME's syllables): the
    // browser would leave the composed part where it was and type the rest anew, « ^être »
    // stored for « être ». Put in a paragraph once composed (see onCompositionEnd).
    if (inputType.startsWith('insert') && !isComposing) inParagraph(el);
    history.current?.record(textState(el), { type: inputType, data, at: event.timeStamp });
    emit();
    if (inputType === 'insertText' && data && !isComposing) typeFrench();
  };

  /**
   * Words typed right in the editor, out of any paragraph (Firefox after Ctrl+A, any browser
   * in an empty text), put in one: see paragraphAround. Whether they were.
   */
  const inParagraph = (el: HTMLElement): boolean => {
    const selection = window.getSelection();
    if (!selection?.rangeCount || !selection.isCollapsed) return false;
    const caret = paragraphAround(selection.getRangeAt(0), el);
    if (!caret) return false;
    selection.removeAllRanges();
    selection.addRange(caret);
    return true;
  };

  /** A word composed (see onInput) right in the editor: put in a paragraph, with its typing. */
  const onCompositionEnd = (event: Event) => {
    const el = ref.current;
    if (!el || editing.current || readOnly || !inParagraph(el)) return;
    history.current?.record(textState(el), { type: 'insertCompositionText', at: event.timeStamp });
    emit();
  };

  useEffect(() => {
    // Listened to here: Preact would listen to `CompositionEnd`, which no browser sends.
    const el = ref.current;
    el?.addEventListener('compositionend', onCompositionEnd);
    return () => el?.removeEventListener('compositionend', onCompositionEnd);
  });

  /**
   * French typography on the keystroke just typed, as a word processor does it (see typedFrench
   * and export/typing.ts: the exports' rules): a step of its own after the typing's, so that
   * Ctrl+Z right after gives back what was typed, as Word's autocorrect. Only typing: a paste,
   * a drop or a quote inserted go in as they come (the exports typeset them).
   */
  const typeFrench = () => {
    const el = ref.current;
    const selection = window.getSelection();
    if (!el || !selection?.rangeCount || !selection.isCollapsed) return;
    const caret = selection.getRangeAt(0).cloneRange();
    if (!el.contains(caret.startContainer)) return;
    // Worked out before the step: none is made when nothing changes.
    if (!typedFrench(caret, el, lang, false)) return;
    asStep(() => {
      const typed = typedFrench(selection.getRangeAt(0).cloneRange(), el, lang);
      if (!typed) return;
      selection.removeAllRanges();
      selection.addRange(typed);
    });
  };

  /** Runs `edit`, the editor's own (a quote, a link, a paste…), as one undo step, and sends it. */
  const asStep = (edit: () => void) => {
    const el = ref.current;
    if (!el) return;
    noteCaret();
    editing.current = true;
    try {
      edit();
      // Its text nodes as the HTML gives them again (undone, redone): where the caret is recorded
      // is found again in it.
      el.normalize();
    } finally {
      editing.current = false;
    }
    history.current?.record(textState(el), { type: 'own', at: performance.now() });
    emit();
  };

  /** Ctrl+Z (`undo`) or Ctrl+Y (redo): the text as it was before or after the step. */
  const undoStep = (undo: boolean) => {
    const el = ref.current;
    const state = undo ? history.current?.undo() : history.current?.redo();
    if (!el || !state) return;
    el.innerHTML = state.html;
    placeCaretAt(el, state.caret);
    emit();
    noteList();
  };

  /**
   * The list button of `kind` (or Ctrl+Maj+8, Ctrl+Maj+7): the paragraphs selected, or the
   * caret's, made entries of one list of that kind, or paragraphs again when they are entries of
   * it, or its list switched from the other kind (see toggleList): the editor's own edit, one
   * undo step, the same in every browser (their `insertUnorderedList` differ, and Chromium's sets
   * inline styles that the security policy refuses).
   */
  const makeList = (kind: ListKind) => {
    const el = ref.current;
    if (!el || readOnly) return;
    el.focus();
    const selection = window.getSelection();
    const saved = lastCaret.current;
    const range =
      editorRange() ?? (saved && el.contains(saved.commonAncestorContainer) ? saved : null);
    if (!selection || !range) return;
    asStep(() => {
      // A text Firefox emptied has no paragraph to make an entry of: one is made first.
      const at = (range.collapsed && paragraphAround(range, el)) || range;
      const listed = toggleList(at, el, kind);
      selection.removeAllRanges();
      selection.addRange(listed);
    });
    noteList();
  };

  /**
   * A space typed after `- `, `* `, `1. ` or `1) ` at a paragraph's start (see listMarker): the
   * space typed, one step with the typing before it, then the paragraph made a list's entry, the
   * marker gone, a step of its own: Ctrl+Z right after gives the marker back as typed, as Word's
   * autoformat does. Whether it was done (the event's own typing then prevented).
   */
  const autoList = (event: InputEvent): boolean => {
    const el = ref.current;
    const selection = window.getSelection();
    if (event.inputType !== 'insertText' || event.data !== ' ' || event.isComposing) return false;
    if (!el || !selection?.rangeCount) return false;
    const caret = selection.getRangeAt(0).cloneRange();
    if (!el.contains(caret.startContainer)) return false;
    const kind = listMarker(caret, el);
    if (!kind) return false;
    event.preventDefault();
    noteCaret();
    editing.current = true;
    try {
      // The space, as the browser types it at the end of a paragraph (a no-break one).
      const space = document.createTextNode('\u00a0');
      caret.insertNode(space);
      caret.setStartAfter(space);
      caret.collapse(true);
      selection.removeAllRanges();
      selection.addRange(caret);
      el.normalize();
    } finally {
      editing.current = false;
    }
    history.current?.record(textState(el), { type: 'insertText', data: ' ', at: event.timeStamp });
    asStep(() => {
      const at = selection.getRangeAt(0).cloneRange();
      const started = startList(at, el, kind);
      selection.removeAllRanges();
      selection.addRange(started);
    });
    noteList();
    return true;
  };

  const command = (name: 'bold' | 'italic') => {
    ref.current?.focus();
    asStep(() => document.execCommand(name));
  };

  /** The editor's selection, if it is inside the editor. */
  const editorRange = (): Range | null => {
    const selection = window.getSelection();
    if (!ref.current || !selection || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    return ref.current.contains(range.commonAncestorContainer) ? range.cloneRange() : null;
  };

  /** Puts the focus back in the editor, on the selection saved when the link form opened. */
  const restoreSelection = () => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    const selection = window.getSelection();
    if (!selection) return;
    const range = savedRange.current;
    selection.removeAllRanges();
    if (range && el.contains(range.commonAncestorContainer)) {
      selection.addRange(range);
    } else {
      // No selection in the editor (or it is gone): the link goes at the end of the text.
      const end = document.createRange();
      end.selectNodeContents(el.lastElementChild ?? el);
      end.collapse(false);
      selection.addRange(end);
    }
  };

  const startLink = () => {
    savedRange.current = editorRange();
    setLinkInvalid(false);
    setActive(0);
    setLinking(true);
  };

  /** Links the selection (or, with none, inserts the address as its own text). */
  const linkSelection = (url: string) =>
    asStep(() => {
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) {
        document.execCommand('createLink', false, url);
      } else {
        const safe = escapeHtml(url);
        document.execCommand('insertHTML', false, `<a href="${safe}">${safe}</a>`);
      }
    });

  const pick = (suggestion: LinkSuggestion) => {
    setLinking(false);
    setLinkUrl('');
    restoreSelection();
    linkSelection(suggestion.url);
  };

  const cancelLink = () => {
    setLinking(false);
    setLinkUrl('');
    restoreSelection();
  };

  const applyLink = (event: Event) => {
    event.preventDefault();
    // What looks like an address is that address; anything else picks the suggestion shown.
    const typedUrl = normaliseLinkUrl(linkUrl);
    const chosen = offered[activeIndex];
    if (!typedUrl && chosen) {
      pick(chosen);
      return;
    }
    const url = typedUrl;
    if (!url) {
      setLinkInvalid(true);
      urlRef.current?.focus();
      return;
    }
    setLinking(false);
    setLinkInvalid(false);
    restoreSelection();
    linkSelection(url);
    setLinkUrl('');
  };

  /**
   * Replaces the text with `html`, the editor's own edit, not the browser's commands (they keep a
   * list under a paste over the whole text, and Chromium's outdent sets inline styles that the
   * extension's security policy refuses): one undo step, the caret at `caret` (see
   * {@link caretPath}; at the end when undefined).
   */
  const replaceText = (html: string, caret: number[] | undefined) => {
    const el = ref.current;
    if (!el) return;
    asStep(() => {
      el.innerHTML = html;
      placeCaretAt(el, caret);
    });
  };

  const onPaste = (event: ClipboardEvent) => {
    event.preventDefault();
    const data = event.clipboardData;
    // An address pasted over selected words links them, as in every word processor.
    const plain = data?.getData('text/plain').trim() ?? '';
    const selection = window.getSelection();
    if (LONE_URL.test(plain) && selection && !selection.isCollapsed && editorRange()) {
      linkSelection(plain);
      return;
    }
    const html = data?.getData('text/html');
    const el = ref.current;
    const range = editorRange();
    // Over all the words of a quote, the quote goes with them (see overWholeQuotes).
    const over = el && range ? overWholeQuotes(range, el) : null;
    // Its languages are read against the words it goes among: inside an English quote, English
    // words join it and French ones are marked French.
    const around = el && over ? languageAt(over, el, lang) : lang;
    const source = html || textToHtml(data?.getData('text/plain') ?? '');
    const clean = cleanPastedHtml(source, around);
    if (el && el.querySelector('ul, ol') && selectsAll(el)) {
      // Over the whole text, the paste is the whole text: the browser would put its paragraphs
      // in the list's first entry (stored as lines of it).
      replaceText(clean, undefined);
      return;
    }
    asStep(() => {
      /** Where the paste goes once the selection across blocks is deleted: the editor's own. */
      let joined: Range | undefined;
      if (range && over && selection && over.compareBoundaryPoints(Range.START_TO_START, range)) {
        // The browser would keep the emptied quote, and put the paste in it.
        over.deleteContents();
        selection.removeAllRanges();
        selection.addRange(over);
      } else if (el && range && selection && spansBlocks(range, el)) {
        // Across blocks, the two joined as in a word processor (see deleteAcross): the browser's
        // delete leaves the second's words in a bare <span> (Chromium) and an emptied bold.
        joined = deleteAcross(range, el);
        selection.removeAllRanges();
        // A copy: Chromium moves the selection's own range as the paste changes the text.
        selection.addRange(joined.cloneRange());
      }
      // Not spaced from the words it lands against, as a drag is (see moveWords): plain text
      // from elsewhere may be a piece of a word (an « s » pasted after « vote »), which only a
      // drag's edges in the text show.
      if (!html) {
        typeText(data?.getData('text/plain') ?? '', el ?? document.body);
        return;
      }
      if (!el || !selection?.rangeCount) {
        document.execCommand('insertHTML', false, clean);
        return;
      }
      // The paste goes among the words at the caret, in their own style (see insertBlocks).
      // Given to the browser as HTML, a paragraph would be merged into the caret's, splitting a
      // quote's span around the caret (the words left out of the quote's language) and losing
      // their own language's span; given as words, they would go in a link there. Several
      // paragraphs: Chromium leaves the first's words out of a quote, and those in between read
      // against its language among the text's (an English paragraph there unmarked), and makes
      // them lines of a list's entry, in its bold; Firefox puts them all between the two parts
      // of the caret's paragraph, none joining it.
      // Words of one paragraph go as they are (Chromium's delete would also take the space after
      // a paragraph's first word).
      if (!selection.isCollapsed) selection.getRangeAt(0).deleteContents();
      // The joint itself: Chromium's selection there may have moved out of the words before it.
      const at = joined ?? selection.getRangeAt(0);
      const caret = insertHtml(source, at, around, clean);
      selection.removeAllRanges();
      selection.addRange(caret);
    });
  };

  /**
   * `source`, the HTML of a paste or of words dragged, put at the collapsed `at` among the words
   * there (see insertBlocks), cleaned and read against `around`, the language at `at` (`clean`,
   * when it is already): several paragraphs, those in between read against the text's. Returns
   * the caret after them.
   */
  const insertHtml = (source: string, at: Range, around: string, clean?: string): Range => {
    const el = ref.current!;
    const pasted = document.createElement('template');
    pasted.innerHTML = clean ?? cleanPastedHtml(source, around);
    // Paragraphs in between are among the text's words, out of the quote at the caret.
    let amongText: DocumentFragment | undefined;
    if (around !== lang && pasted.content.children.length > 1) {
      const read = document.createElement('template');
      read.innerHTML = cleanPastedHtml(source, lang);
      amongText = read.content;
    }
    return insertBlocks(at, pasted.content, el, amongText);
  };

  /**
   * A letter typed, Enter, Maj+Entrée, Backspace, Delete or Ctrl+X over a selection from one
   * block into another: the editor's own edit, one undo step, the two blocks joined where the
   * selection was cut as in a word processor (see deleteAcross), then the letter, the new
   * paragraph or the line break put at the caret. The browsers' own leave the second block's
   * words in a bare <span> (Chromium) and the parts of one bold or quote apart. A delete (a cut,
   * words dragged to another editor) within one block too where it would leave a space on both
   * sides (see leavesTwoSpaces): one goes, as Word's smart cut takes it. Whether it was done
   * (the event's own edit then prevented).
   */
  const replaceAcross = (event: InputEvent): boolean => {
    const type = event.inputType;
    const el = ref.current;
    const selection = window.getSelection();
    const typing = type === 'insertText' || type === 'insertReplacementText';
    // Cut (Ctrl+X) too: the browser has put the words on the clipboard already. Words dragged
    // within the text never come here (see onDrop): the browser's drop point stays where it is.
    const deleting = type.startsWith('delete');
    if (!typing && !deleting && type !== 'insertParagraph' && type !== 'insertLineBreak') {
      return false;
    }
    if (!el || !selection?.rangeCount || selection.isCollapsed) return false;
    // A copy: the selection's own range is the browser's to move.
    const range = selection.getRangeAt(0).cloneRange();
    if (!el.contains(range.commonAncestorContainer)) return false;
    if (!spansBlocks(range, el) && !(deleting && leavesTwoSpaces(range, el))) return false;
    event.preventDefault();
    const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? '';
    asStep(() => {
      let caret = deleteAcross(range, el, deleting);
      if (type === 'insertParagraph') caret = splitBlockAt(caret, el);
      else if (type === 'insertLineBreak') {
        const br = document.createElement('br');
        caret.insertNode(br);
        // A line break last in its block shows only with another after it.
        if (!br.nextSibling) br.after(document.createElement('br'));
        caret.setStartAfter(br);
        caret.collapse(true);
      } else if (typing && text) {
        // The <br> holding an empty block open goes once it has words.
        const block = blockAt(caret.startContainer, el);
        if (block && !block.textContent) block.querySelectorAll('br').forEach((br) => br.remove());
        const at = caret.startContainer;
        if (at.nodeType === Node.TEXT_NODE) {
          (at as Text).insertData(caret.startOffset, text);
          caret.setStart(at, caret.startOffset + text.length);
        } else {
          const typed = document.createTextNode(text);
          caret.insertNode(typed);
          caret.setStartAfter(typed);
        }
        caret.collapse(true);
      }
      selection.removeAllRanges();
      selection.addRange(caret);
      // A space ending a block shown, as the browser types it.
      const path = caretPath(el);
      keepTypedSpaces(el);
      placeCaretAt(el, path);
    });
    return true;
  };

  /**
   * Backspace at a paragraph's start, or Suppr at its end (with Ctrl too), joining it to the paragraph before or
   * after (see joinedParagraphs): the editor's own edit, one undo step, the two joined as a
   * selection across them is (see deleteAcross), the caret at the join, in the words before it.
   * Chromium's own leaves the words moved in bare <span>s, a refusal of their styles logged for
   * each. Whether it was done (the event's own edit then prevented).
   */
  const joinParagraphs = (event: InputEvent): boolean => {
    // Ctrl+Retour arrière or Ctrl+Suppr at the edge join the paragraphs too.
    const forward = /^delete(Content|Word)Forward$/.test(event.inputType);
    if (!forward && !/^delete(Content|Word)Backward$/.test(event.inputType)) return false;
    if (event.isComposing) return false;
    const el = ref.current;
    const selection = window.getSelection();
    if (!el || !selection?.rangeCount) return false;
    const caret = selection.getRangeAt(0);
    if (!el.contains(caret.startContainer)) return false;
    const joined = joinedParagraphs(caret, el, forward);
    if (!joined) return false;
    event.preventDefault();
    asStep(() => {
      const at = deleteAcross(joined, el);
      selection.removeAllRanges();
      selection.addRange(at);
    });
    return true;
  };

  /** A source dragged over the text: the selected words it will link are kept. */
  const onDragEnter = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes(SOURCE_MIME)) return;
    const range = editorRange();
    if (range && !range.collapsed) dropRange.current = range;
  };

  /** Words dragged from the text: a drop in it moves them (see onDrop). */
  const onDragStart = () => {
    const range = editorRange();
    dragged.current = range && !range.collapsed ? range : null;
  };

  /**
   * Words dragged within the text, moved (with the copy key, copied) as Word moves them: the
   * editor's own edit, one undo step (see moveWords), the words put as a paste puts them (see
   * insertBlocks), spaced from a word or sentence punctuation they land against as Word's smart
   * paste spaces them (not inside a word, see spaceDropped), and left selected. The browsers' own
   * move leaves the words after them in a bare <span> (Chromium), the dropped words in others,
   * and two spaces where they were.
   */
  const moveDragged = (event: DragEvent) => {
    const source = dragged.current;
    dragged.current = null;
    const el = ref.current;
    const selection = window.getSelection();
    if (!source || !el || !selection || !el.contains(source.commonAncestorContainer)) return;
    event.preventDefault();
    const drop = caretAtPoint(event.clientX, event.clientY);
    // Dropped on the words themselves (or where they are): nothing moves, as in Word.
    if (
      !drop ||
      !el.contains(drop.startContainer) ||
      source.comparePoint(drop.startContainer, drop.startOffset) === 0
    ) {
      return;
    }
    const holder = document.createElement('div');
    holder.append(selectedWords(source, el));
    // Words that say no language are in the text's, wherever they go (an English quote).
    const words = `<body lang="${escapeHtml(lang)}">${holder.innerHTML}</body>`;
    const copy = event.dataTransfer?.dropEffect === 'copy';
    el.focus();
    asStep(() => {
      const moved = moveWords(
        source,
        drop,
        el,
        (at) => insertHtml(words, at, languageAt(at, el, lang)),
        copy,
      );
      selection.removeAllRanges();
      selection.addRange(moved);
    });
  };

  const onDrop = (event: DragEvent) => {
    const url = event.dataTransfer?.getData(SOURCE_MIME);
    if (!url) {
      moveDragged(event);
      return;
    }
    event.preventDefault();
    const range = dropRange.current ?? editorRange();
    dropRange.current = null;
    const el = ref.current;
    if (!el || !range || range.collapsed) return;
    el.focus();
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    linkSelection(url);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    noteCaret();
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      startLink();
    } else if (event.key === 'Backspace' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      // At the start of a list's first entry, Backspace makes it a paragraph again, as word
      // processors do (the browser would do nothing, or join it to the paragraph before; its
      // outdent leaves bare text before the list and, in Chromium, sets inline styles that the
      // security policy refuses). The editor's own edit, one undo step.
      const el = ref.current;
      if (el && atListStart(el)) {
        event.preventDefault();
        const [html, paragraph, text] = unlistFirstEntry(el);
        // In its text when it starts with one: typed there, a space stays one.
        replaceText(html, text ? [paragraph, 0, 0] : [paragraph, 0]);
      }
    } else if ((event.ctrlKey || event.metaKey) && !event.altKey) {
      const key = event.key.toLowerCase();
      const list = event.shiftKey ? listOfKey(event) : undefined;
      if (list) {
        event.preventDefault();
        makeList(list);
        return;
      }
      if ((key === 'b' || key === 'i') && !event.shiftKey) {
        // Bold and italic, the editor's own step in every browser: Firefox's editor has no
        // Ctrl+I, and its Ctrl+B opens the bookmarks sidebar.
        event.preventDefault();
        command(key === 'b' ? 'bold' : 'italic');
        return;
      }
      if (key !== 'z' && key !== 'y') return;
      // The editor's steps, never the browser's (see components/textHistory.ts).
      event.preventDefault();
      undoStep(!(key === 'y' || event.shiftKey));
    }
  };

  const onBeforeInput = (event: InputEvent) => {
    // Undo and redo from the browser's menus.
    if (event.inputType === 'historyUndo' || event.inputType === 'historyRedo') {
      event.preventDefault();
      undoStep(event.inputType === 'historyUndo');
      return;
    }
    if (replaceAcross(event)) return;
    if (joinParagraphs(event)) return;
    if (autoList(event)) return;
    // The caret before a keystroke: where its undo puts it back.
    noteCaret();
  };

  return (
    <div class="richtext">
      <div
        class="richtext__toolbar"
        role="toolbar"
        aria-label={t('editor.toolbar')}
        hidden={readOnly}
      >
        <button
          type="button"
          class="button button--small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => command('bold')}
          title={t('editor.bold', { key: ctrlShortcut('B') })}
          aria-label={t('editor.bold', { key: ctrlShortcut('B') })}
        >
          <strong>{t('editor.boldLetter')}</strong>
        </button>
        <button
          type="button"
          class="button button--small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => command('italic')}
          title={t('editor.italic', { key: ctrlShortcut('I') })}
          aria-label={t('editor.italic', { key: ctrlShortcut('I') })}
        >
          <em>I</em>
        </button>
        <button
          type="button"
          class="button button--small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={startLink}
          title={t('editor.link', { key: ctrlShortcut('K') })}
          aria-expanded={linking}
        >
          {t('editor.linkShort')}
        </button>
        {(['ul', 'ol'] as const).map((kind) => {
          const name = t(kind === 'ul' ? 'editor.bulletList' : 'editor.numberedList', {
            key: listShortcut(kind),
          });
          return (
            <button
              key={kind}
              type="button"
              class="button button--small"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => makeList(kind)}
              title={name}
              aria-label={name}
              aria-pressed={inList === kind}
            >
              {/* After its mark (theme.css): the word shown is the one in its name. */}
              <span class={`richtext__list--${kind}`}>{t('editor.listShort')}</span>
            </button>
          );
        })}
        {linking && (
          <form class="richtext__link" onSubmit={applyLink}>
            <input
              ref={urlRef}
              type="text"
              inputMode="url"
              aria-label={t('editor.linkUrl')}
              placeholder={
                suggestions.length > 0 || site.configured ? t('editor.linkSearch') : 'https://'
              }
              value={linkUrl}
              aria-invalid={linkInvalid}
              aria-describedby={linkInvalid ? 'richtext-link-error' : undefined}
              onInput={(e) => {
                setLinkUrl((e.target as HTMLInputElement).value);
                setLinkInvalid(false);
              }}
              role="combobox"
              aria-expanded={offered.length > 0}
              aria-controls="richtext-link-options"
              aria-activedescendant={
                offered.length > 0 ? `richtext-link-option-${activeIndex}` : undefined
              }
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  cancelLink();
                } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  if (offered.length === 0) return;
                  const step = e.key === 'ArrowDown' ? 1 : -1;
                  setActive((activeIndex + step + offered.length) % offered.length);
                }
              }}
            />
            <button type="submit" class="button button--small">
              {t('editor.linkApply')}
            </button>
            <button type="button" class="button button--small" onClick={cancelLink}>
              {t('common.cancel')}
            </button>
            {linkInvalid && (
              <p class="richtext__error" id="richtext-link-error" role="alert">
                {t('editor.linkInvalid')}
              </p>
            )}
            {offered.length > 0 && (
              <ul
                class="richtext__options"
                id="richtext-link-options"
                role="listbox"
                aria-label={t('editor.linkSuggestions')}
                data-testid="link-options"
              >
                {GROUPS.map((group) => {
                  const members = offered
                    .map((suggestion, index) => ({ suggestion, index }))
                    .filter(({ suggestion }) => suggestion.group === group);
                  if (members.length === 0) return null;
                  return (
                    <li
                      key={group}
                      role="group"
                      aria-labelledby={`richtext-link-group-${group}`}
                      class="richtext__group"
                      data-testid={`link-group-${group}`}
                    >
                      <span
                        class="richtext__group-heading"
                        id={`richtext-link-group-${group}`}
                        role="presentation"
                      >
                        {t(`link.group.${group}`)}
                      </span>
                      <ul role="none" class="richtext__group-options">
                        {members.map(({ suggestion, index }) => (
                          <li
                            key={suggestion.url}
                            id={`richtext-link-option-${index}`}
                            role="option"
                            aria-selected={index === activeIndex}
                            class="richtext__option"
                            // The editor's selection must survive the click.
                            onMouseDown={(e) => e.preventDefault()}
                            onClick={() => pick(suggestion)}
                          >
                            <span class="richtext__option-kind">{suggestion.kind}</span>
                            <span class="richtext__option-label">{suggestion.label}</span>
                            <span class="richtext__option-url">{suggestion.url}</span>
                          </li>
                        ))}
                      </ul>
                    </li>
                  );
                })}
              </ul>
            )}
            {site.note && (
              <p class="richtext__note" role="status" data-testid="site-posts-note">
                {site.note}
              </p>
            )}
          </form>
        )}
      </div>
      <div
        ref={ref}
        id={id}
        class="richtext__area"
        contentEditable={readOnly ? 'false' : 'true'}
        lang={lang}
        // Read-only, it can still be reached from the keyboard and read.
        tabIndex={readOnly ? 0 : undefined}
        role="textbox"
        aria-multiline="true"
        aria-readonly={readOnly || undefined}
        aria-label={label}
        data-testid="item-text"
        onFocus={() => {
          // Enter makes a real paragraph (<p>), Shift+Enter a line break; the browser's default
          // separator is a <div>.
          // (Absent outside browsers: jsdom has no editing commands.)
          if (typeof document.execCommand === 'function') {
            document.execCommand('defaultParagraphSeparator', false, 'p');
          }
        }}
        onInput={readOnly ? undefined : onInput}
        onBeforeInput={readOnly ? undefined : onBeforeInput}
        onBlur={(event) => {
          // Focus gone to the link form: the selection it will link must stay where it is.
          const next = event.relatedTarget as Node | null;
          if (next && ref.current?.parentElement?.contains(next)) return;
          // Shows the cleaned text once the editor is done typing (its undo steps kept).
          const el = ref.current;
          if (!el || el.innerHTML === value || withoutEmptyLines(el) === value) return;
          el.innerHTML = value;
          history.current?.settle(textState(el));
        }}
        onPaste={readOnly ? (e) => e.preventDefault() : onPaste}
        onDragStart={readOnly ? undefined : onDragStart}
        onDragEnd={() => (dragged.current = null)}
        onDragEnter={readOnly ? undefined : onDragEnter}
        onDragOver={(e) => {
          if (!readOnly && e.dataTransfer?.types.includes(SOURCE_MIME)) e.preventDefault();
        }}
        onDrop={readOnly ? undefined : onDrop}
        onKeyDown={readOnly ? undefined : onKeyDown}
      />
    </div>
  );
}
