/**
 * Two versions of an item's text (its HTML: paragraphs, lists, bold, italic, links, quotes in
 * their language) compared as they read: what the conflict chooser shows, each version as its
 * text looks, the words one has and the other lacks marked, and the words both have but in
 * another style (made bold, linked elsewhere, marked English) marked too. Pure: the document
 * that parses is given, and what comes out is plain data, which the chooser turns into its own
 * elements (nothing of the stored HTML is ever put in the page as markup).
 */
import { languageTag, NO_LANGUAGE } from '../lib/lang';
import { keptWords, words } from '../lib/word-diff';
import { parseItemHtml } from '../storage/item-html';

/** The kind of block a word is in: a paragraph, or an entry of a bulleted or numbered list. */
export type BlockKind = 'p' | 'ul' | 'ol';

/**
 * What separates a word from the word before it (the one both versions have before it): nothing
 * but spaces, a line break in its block, or the end of a block (another paragraph or entry).
 */
export type Break = 'none' | 'line' | 'block';

/**
 * How a word of an item's text reads: bold, italic, a link's address, a quote's language, the
 * kind of block it is in, and (only where the two versions differ in it) what separates it from
 * the word before it.
 */
export interface Look {
  bold: boolean;
  italic: boolean;
  href?: string;
  lang?: string;
  block: BlockKind;
  before?: Break;
}

/**
 * Why a run of a version's text is marked: words the other version lacks, or words it has too
 * but that read otherwise there (`here` is this version's look of them, `there` the other's).
 */
export type Mark = { kind: 'words' } | { kind: 'style'; here: Look; there: Look };

/** A run of text, marked or not. */
export interface ItemText {
  text: string;
  mark?: Mark;
}

/** An element of the text as the editor writes it, with what it says (address, language). */
export interface ItemElement {
  tag: 'p' | 'ul' | 'ol' | 'li' | 'br' | 'strong' | 'em' | 'a' | 'span';
  href?: string;
  lang?: string;
  children: ItemNode[];
}

export type ItemNode = ItemText | ItemElement;

/** One version: its text as nodes, and whether it has no words at all. */
export interface ItemVersion {
  nodes: ItemNode[];
  empty: boolean;
}

/** Where a run of text starts in its version's flat text, until it is cut by its marks. */
interface Leaf {
  text: string;
  start: number;
}

/** A node of a version as read, before its texts are cut by their marks. */
type Unmarked = Leaf | (Omit<ItemElement, 'children'> & { children: Unmarked[] });

/**
 * A version read: its elements, and its text flat, each character's look beside it and where it
 * is: the block (paragraph or entry) and the line it is on, counted from the start.
 */
interface Reading {
  nodes: Unmarked[];
  text: string;
  /** Per character of `text`; undefined for the line breaks between blocks, which no node holds. */
  looks: (Look | undefined)[];
  blocks: number[];
  lines: number[];
}

const PLAIN: Look = { bold: false, italic: false, block: 'p' };
const WORDS: Mark = { kind: 'words' };

/** Reads `html` (an item's text) into its nodes and its flat text. */
function read(html: string, doc: Document): Reading {
  const reading: Reading = { nodes: [], text: '', looks: [], blocks: [], lines: [] };
  const chunks: string[] = [];
  let block = 0;
  let line = 0;
  const add = (text: string, look: Look | undefined) => {
    chunks.push(text);
    for (let i = 0; i < text.length; i++) {
      reading.looks.push(look);
      reading.blocks.push(block);
      reading.lines.push(line);
    }
  };
  // Blocks are apart in the flat text: the last word of a paragraph is not joined to the next's.
  const breakLine = () => {
    const last = chunks.at(-1);
    if (last !== undefined && last !== '\n') add('\n', undefined);
  };
  const walk = (parent: Node, look: Look, out: Unmarked[]) => {
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        if (!text) continue;
        out.push({ text, start: reading.looks.length });
        add(text, look);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.localName;
      if (tag === 'p' || tag === 'li' || tag === 'ul' || tag === 'ol') {
        const element: Unmarked = { tag, children: [] };
        breakLine();
        // A paragraph or an entry is a block of its own, on a line of its own.
        if (tag === 'p' || tag === 'li') {
          block++;
          line++;
        }
        walk(el, tag === 'li' ? look : { ...look, block: tag }, element.children);
        breakLine();
        out.push(element);
      } else if (tag === 'br') {
        out.push({ tag: 'br', children: [] });
        add('\n', undefined);
        line++;
      } else if (tag === 'strong' || tag === 'em') {
        const inline: Unmarked = { tag, children: [] };
        walk(
          el,
          tag === 'strong' ? { ...look, bold: true } : { ...look, italic: true },
          inline.children,
        );
        out.push(inline);
      } else if (tag === 'a' && el.getAttribute('href')) {
        const href = el.getAttribute('href')!;
        const link: Unmarked = { tag: 'a', href, children: [] };
        walk(el, { ...look, href }, link.children);
        out.push(link);
      } else if (tag === 'span' && languageTag(el.getAttribute('lang'))) {
        const lang = languageTag(el.getAttribute('lang'))!;
        const quote: Unmarked = { tag: 'span', lang, children: [] };
        walk(el, { ...look, lang }, quote.children);
        out.push(quote);
      } else {
        // Nothing else is in a clean item's text; were it, its words are read, not its tag.
        walk(el, look, out);
      }
    }
  };
  walk(parseItemHtml(html, doc), PLAIN, reading.nodes);
  reading.text = chunks.join('');
  return reading;
}

/** Whether two looks read the same. */
function sameLook(a: Look, b: Look): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.href === b.href &&
    a.lang === b.lang &&
    a.block === b.block &&
    a.before === b.before
  );
}

/** Whether two marks say the same: one mark goes over both runs. */
function sameMark(a: Mark | undefined, b: Mark | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'words' || b.kind === 'words') return true;
  return sameLook(a.here, b.here) && sameLook(a.there, b.there);
}

/** What separates the characters at `from` and `to` of a version: a block's end, a line's, none. */
function breakBetween(reading: Reading, from: number, to: number): Break {
  if (reading.blocks[from] !== reading.blocks[to]) return 'block';
  return reading.lines[from] !== reading.lines[to] ? 'line' : 'none';
}

/**
 * Each character's mark in both versions: the words one lacks ({@link keptWords}, as
 * `diffWords` marks a plain text), and, among the words both have (the n-th kept word of one
 * being the n-th of the other), each character whose look differs — its style, or its block —
 * and each word that one version separates otherwise from the kept word before it (two
 * paragraphs joined, one split, a line broken): the block's change is marked on the words it
 * moved, as a style's is.
 */
function marksOf(a: Reading, b: Reading): [(Mark | undefined)[], (Mark | undefined)[]] {
  const wordsA = words(a.text);
  const wordsB = words(b.text);
  const [keptA, keptB] = keptWords(wordsA, wordsB);
  const marksA = new Array<Mark | undefined>(a.text.length);
  const marksB = new Array<Mark | undefined>(b.text.length);
  /**
   * Where each kept word starts, in order, and its length without the spaces after it (which
   * may differ between the versions); the words lacking in the other marked, spaces after them
   * left to {@link bridgeSpaces}.
   */
  const kept = (list: string[], keep: boolean[], marks: (Mark | undefined)[]) => {
    const found: [start: number, length: number][] = [];
    let at = 0;
    list.forEach((word, i) => {
      const length = word.trimEnd().length;
      if (keep[i]) found.push([at, length]);
      else marks.fill(WORDS, at, at + length);
      at += word.length;
    });
    return found;
  };
  const inB = kept(wordsB, keptB, marksB);
  const inA = kept(wordsA, keptA, marksA);
  inA.forEach(([startA, length], n) => {
    const startB = inB[n]![0];
    // What separates this word from the kept word before it, said only where the two differ.
    let breaks: [Break, Break] | undefined;
    const [beforeA, lengthA] = inA[n - 1] ?? [0, 0];
    const [beforeB, lengthB] = inB[n - 1] ?? [0, 0];
    // (A text's leading spaces are a word of no length, with nothing before it.)
    if (lengthA > 0 && lengthB > 0) {
      const breakA = breakBetween(a, beforeA + lengthA - 1, startA);
      const breakB = breakBetween(b, beforeB + lengthB - 1, startB);
      if (breakA !== breakB) breaks = [breakA, breakB];
    }
    for (let i = 0; i < length; i++) {
      let here = a.looks[startA + i] ?? PLAIN;
      let there = b.looks[startB + i] ?? PLAIN;
      if (breaks) {
        here = { ...here, before: breaks[0] };
        there = { ...there, before: breaks[1] };
      }
      if (sameLook(here, there)) continue;
      marksA[startA + i] = { kind: 'style', here, there };
      marksB[startB + i] = { kind: 'style', here: there, there: here };
    }
  });
  bridgeSpaces(a.text, marksA);
  bridgeSpaces(b.text, marksB);
  return [marksA, marksB];
}

/**
 * The spaces between two words marked alike (three words added, or made bold) are marked with
 * them: one mark over the words, as a reader takes them in. A space after the last is not: a
 * mark ends with its words, not on the space before the next (out of a quote, say).
 */
function bridgeSpaces(text: string, marks: (Mark | undefined)[]): void {
  for (const space of text.matchAll(/\s+/g)) {
    const start = space.index;
    const end = start + space[0].length;
    if (start === 0 || end >= text.length || marks[start] !== undefined) continue;
    if (marks[start - 1] && sameMark(marks[start - 1], marks[end])) {
      marks.fill(marks[start - 1], start, end);
    }
  }
}

/** A version's nodes, each text cut into runs by its characters' marks. */
function cut(nodes: Unmarked[], marks: (Mark | undefined)[]): ItemNode[] {
  return nodes.flatMap((node): ItemNode[] => {
    if (!('start' in node)) return [{ ...node, children: cut(node.children, marks) }];
    const runs: ItemText[] = [];
    for (let i = 0; i < node.text.length; i++) {
      const mark = marks[node.start + i];
      const last = runs.at(-1);
      if (last && sameMark(last.mark, mark)) last.text += node.text[i];
      else runs.push(mark ? { text: node.text[i]!, mark } : { text: node.text[i]! });
    }
    return runs;
  });
}

/**
 * Both versions of an item's text as they read, each with what differs from the other marked:
 * the words it has and the other lacks, and the words both have that read otherwise (a style, a
 * link's address, a quote's language). A version with no words marks nothing in the other, as a
 * plain field's conflict does: the whole of it is the difference.
 */
export function diffItemHtml(
  mine: string,
  theirs: string,
  doc: Document = document,
): { mine: ItemVersion; theirs: ItemVersion } {
  const a = read(mine, doc);
  const b = read(theirs, doc);
  const emptyA = a.text.trim() === '';
  const emptyB = b.text.trim() === '';
  const [marksA, marksB] = emptyA || emptyB ? [[], []] : marksOf(a, b);
  return {
    mine: { nodes: cut(a.nodes, marksA), empty: emptyA },
    theirs: { nodes: cut(b.nodes, marksB), empty: emptyB },
  };
}

/** How one version's look of words differs from the other's, each difference once. */
export type LookDifference =
  | 'bold'
  | 'notBold'
  | 'italic'
  | 'notItalic'
  | 'link'
  | 'noLink'
  | 'otherLink'
  | 'lang'
  | 'textLang'
  | 'code'
  | 'notCode'
  | 'paragraph'
  | 'bulleted'
  | 'numbered'
  | 'joined'
  | 'newLine'
  | 'newParagraph'
  | 'newEntry';

const BLOCK_SAID: Record<BlockKind, LookDifference> = {
  p: 'paragraph',
  ul: 'bulleted',
  ol: 'numbered',
};

/**
 * How words in the language `here` differ from the same in `there` (a tag, or none for the
 * text's own). Code is marked as words in no language (`zxx`, see lib/purify.ts), which is no
 * language an editor chose: named as one, it read « en sans contenu linguistique » (the code's
 * name), and code unmarked « dans la langue du texte ». It is said as marked as code, or not;
 * an English quote where the other version has code is in English and no code.
 */
function languageDifferences(here?: string, there?: string): LookDifference[] {
  if (here === NO_LANGUAGE) return ['code'];
  if (there !== NO_LANGUAGE) return [here ? 'lang' : 'textLang'];
  return here ? ['notCode', 'lang'] : ['notCode'];
}

/**
 * What `here` (this version's look of some words) has that `there` (the other's) does not:
 * bold or not, italic or not, a link or none or one to another address, marked in a language
 * or in the text's own, marked as code or not; in a paragraph or a bulleted or numbered list; and, where the two
 * separate them otherwise from the words before, run on from those, after a line break, or in
 * a new paragraph or list entry.
 */
export function lookDifferences(here: Look, there: Look): LookDifference[] {
  const said: LookDifference[] = [];
  if (here.bold !== there.bold) said.push(here.bold ? 'bold' : 'notBold');
  if (here.italic !== there.italic) said.push(here.italic ? 'italic' : 'notItalic');
  if (here.href !== there.href) {
    said.push(!here.href ? 'noLink' : there.href ? 'otherLink' : 'link');
  }
  if (here.lang !== there.lang) said.push(...languageDifferences(here.lang, there.lang));
  if (here.block !== there.block) said.push(BLOCK_SAID[here.block]);
  if (here.before !== there.before) {
    if (here.before === 'line') said.push('newLine');
    else if (here.before === 'block') said.push(here.block === 'p' ? 'newParagraph' : 'newEntry');
    else said.push('joined');
  }
  return said;
}
