/**
 * Turns the passage tree the page sends (capture/selection.ts) into the text and HTML a quote is
 * stored with. The tree comes from a web page: it is checked again here (allowed tags only, links
 * to absolute http(s) URLs only, bounded depth), and every text is escaped with the project's
 * one escaper, so that whatever the page held, the HTML only has the elements written below.
 */

import { CUT_MARK } from '../capture/bounds';
import {
  PASSAGE_TAGS,
  type CapturedPassage,
  type PassageElement,
  type PassageNode,
  type SelectedPassage,
} from '../capture/types';
import { normalizeMultiline } from '../capture/text';
import { cleanUrl } from '../capture/url';
import { withoutCredentials } from '../storage/http-url';
import { BLOCK_ELEMENTS, escapeHtml } from '../lib/html';
import { languageTag, primaryLanguage } from '../lib/lang';

const ALLOWED = new Set<string>(PASSAGE_TAGS);

/** Deeper trees are flattened to their text: no real passage nests this much. */
const MAX_DEPTH = 64;

const isBlock = (node: PassageNode | undefined): boolean =>
  typeof node === 'object' && BLOCK_ELEMENTS.has(node.tag);

/**
 * The link's URL, cleaned of tracking parameters and of a user name and password (a page read
 * behind a password typed in its address resolves its relative links with them), when it is an
 * absolute http(s) URL; else undefined (the link is unwrapped).
 */
function httpUrl(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return cleanUrl(withoutCredentials(url.href));
  } catch {
    return undefined;
  }
}

/**
 * The language an element's `lang` marks its words with, when it is a valid tag (lib/lang.ts) of
 * another language than `around`, the one they are read in already; else undefined.
 */
function otherLanguage(lang: unknown, around: string | undefined): string | undefined {
  const tag = typeof lang === 'string' ? languageTag(lang) : null;
  if (!tag) return undefined;
  return around && primaryLanguage(tag) === primaryLanguage(around) ? undefined : tag;
}

/**
 * Keeps what the passage format allows of untrusted input; the rest gives its children. `around`
 * is the language the node is read in (the page's, or an element's around it): a `lang` that
 * says the same is dropped, and a `span` is kept only to mark another language.
 */
function validate(input: unknown, depth: number, out: PassageNode[], around?: string): void {
  if (typeof input === 'string') {
    out.push(input);
    return;
  }
  if (typeof input !== 'object' || input === null) return;
  const { tag, href, lang, children } = input as {
    tag?: unknown;
    href?: unknown;
    lang?: unknown;
    children?: unknown;
  };
  const language = depth < MAX_DEPTH ? otherLanguage(lang, around) : undefined;
  const inner = language ?? around;
  const kept: PassageNode[] = [];
  if (Array.isArray(children)) {
    for (const child of children) validate(child, depth + 1, kept, inner);
  }
  const allowed = typeof tag === 'string' && (ALLOWED.has(tag) || (tag === 'span' && !!language));
  if (!allowed || depth >= MAX_DEPTH) {
    for (const child of kept) out.push(child);
    return;
  }
  const element = { tag, children: tag === 'br' ? [] : kept } as PassageElement;
  if (language && tag !== 'br') element.lang = language;
  if (tag === 'a') {
    const url = httpUrl(href);
    if (!url) {
      for (const child of kept) out.push(child);
      return;
    }
    element.href = url;
  }
  out.push(element);
}

/**
 * Drops the page's indentation around blocks and the empty elements that leaves, merges
 * adjacent texts, so that a passage reads `<p>a</p><p>b</p>` rather than the page's formatting.
 */
function tidy(nodes: PassageNode[], inBlock: boolean): PassageNode[] {
  const merged: PassageNode[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (typeof node === 'string') {
      const value = node.replace(/[\s\u00a0]+/g, ' ');
      if (typeof last === 'string')
        merged[merged.length - 1] = (last + value).replace(/ {2,}/g, ' ');
      else merged.push(value);
      continue;
    }
    const children = tidy(node.children, BLOCK_ELEMENTS.has(node.tag));
    if (children.length > 0 || node.tag === 'br') merged.push({ ...node, children });
  }
  const result: PassageNode[] = [];
  merged.forEach((node, index) => {
    if (typeof node !== 'string') {
      result.push(node);
      return;
    }
    let value = node;
    if ((index === 0 && inBlock) || isBlock(merged[index - 1])) value = value.trimStart();
    if ((index === merged.length - 1 && inBlock) || isBlock(merged[index + 1])) {
      value = value.trimEnd();
    }
    if (value !== '') result.push(value);
  });
  return result;
}

/** Ends a cut passage with the cut mark, unless its last text already carries it. */
function markCut(tree: PassageNode[]): void {
  let last: PassageNode | undefined = tree[tree.length - 1];
  while (typeof last === 'object' && last.children.length > 0) {
    last = last.children[last.children.length - 1];
  }
  if (typeof last === 'string' && last.endsWith(CUT_MARK)) return;
  tree.push({ tag: 'p', children: [CUT_MARK] });
}

/** Text of passage nodes with paragraph breaks (`\n\n`) around blocks and `\n` for `br`. */
export function passageText(nodes: readonly PassageNode[]): string {
  const parts: string[] = [];
  const visit = (node: PassageNode): void => {
    if (typeof node === 'string') {
      parts.push(node);
      return;
    }
    if (node.tag === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK_ELEMENTS.has(node.tag);
    if (block) parts.push('\n\n');
    node.children.forEach(visit);
    if (block) parts.push('\n\n');
  };
  nodes.forEach(visit);
  return normalizeMultiline(parts.join(''));
}

function write(node: PassageNode, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeHtml(node));
    return;
  }
  if (node.tag === 'br') {
    out.push('<br>');
    return;
  }
  const lang = node.lang ? ` lang="${escapeHtml(node.lang)}"` : '';
  out.push(
    node.tag === 'a' ? `<a href="${escapeHtml(node.href ?? '')}"${lang}>` : `<${node.tag}${lang}>`,
  );
  for (const child of node.children) write(child, out);
  out.push(`</${node.tag}>`);
}

/**
 * The passage's nodes checked and tidied: what {@link passageHtml} writes. `pageLang`: the
 * language of the page they come from, which their own `lang` need not repeat.
 */
export function passageTree(nodes: unknown, pageLang?: string): PassageNode[] {
  const valid: PassageNode[] = [];
  const around = languageTag(pageLang, { declared: true }) ?? undefined;
  if (Array.isArray(nodes)) for (const node of nodes) validate(node, 0, valid, around);
  return tidy(valid, true);
}

/** The HTML of passage nodes: allowed elements only, every text escaped. */
export function passageHtml(nodes: unknown, pageLang?: string): string {
  const out: string[] = [];
  for (const node of passageTree(nodes, pageLang)) write(node, out);
  return out.join('');
}

const withoutSpace = (text: string): string => text.replace(/\s+/g, '');

/**
 * A passage as the page read it, made into the text and HTML a quote is stored with; undefined
 * when it holds no text. Words the page marked with another language than `pageLang` (the page's
 * own) keep it in the HTML: `<span lang="en">`.
 */
export function toSelectedPassage(
  passage: CapturedPassage,
  pageLang?: string,
): SelectedPassage | undefined {
  const tree = passageTree(passage.nodes, pageLang);
  const truncated = passage.truncated === true;
  if (truncated) markCut(tree);
  const structured = passageText(tree);
  let text = structured;
  if (typeof passage.shown === 'string' && !truncated) {
    const shown = normalizeMultiline(passage.shown);
    // Prefer the structured text when the browser's text contains each of its paragraphs: it
    // keeps paragraph breaks that toString() loses in some engines. When a paragraph is missing
    // from the browser's text (an element hidden with CSS), trust the browser.
    const flat = withoutSpace(shown);
    const faithful =
      structured !== '' &&
      structured.split('\n\n').every((part) => flat.includes(withoutSpace(part)));
    if (!faithful) text = shown;
  }
  if (text === '' || text === CUT_MARK) return undefined;
  const html: string[] = [];
  for (const node of tree) write(node, html);
  return { text, html: html.join(''), ...(truncated ? { truncated: true } : {}) };
}
