/**
 * Three-way merge of one text field by blocks, for two editors of one record on the shared desk
 * (services/sync/): each changed the text since the version both started from (`base`); when
 * they changed different blocks, both changes are kept.
 *
 * A block is, in an item's HTML (which the item editor keeps flat: paragraphs and lists one
 * level deep, see components/richtext.ts), a paragraph, a list's opening or closing tag, or one
 * list entry; in a plain text (an issue's chapô, a shared note), a line.
 *
 * Each side's changes are the runs of blocks it replaced, deleted or inserted against the base
 * (a longest common subsequence of the blocks; a run that replaced as many blocks as it has is
 * each block rewritten in its place, a change apiece). They merge when they are apart:
 * - two runs that replace or delete blocks may not share a block (runs side by side are apart:
 *   one editor rewrote the first paragraph, the other the second);
 * - an insertion may not fall strictly inside a run the other side changed;
 * - two insertions may not be at the same place (which goes first is nobody's to guess);
 * - changes that overlap but make the same text (both made the same edit) are one change.
 * Anything else is a conflict: `undefined`, and the editor chooses as before. So is a text that
 * is not the flat shape the editor writes (loose text, a list in a list, a heading), and a
 * merge whose lists would not close as they opened: nothing is guessed.
 *
 * A union merge (`{ union: true }`, as git's « union » driver) has no conflict: where the changes
 * meet, the run holds `mine`'s blocks, then those of `theirs` that `mine`'s run has not already
 * (a list's tags always go with their entries); the blocks both agree on stay once, and changes
 * apart merge as above. Nothing of either side is lost: a merge that would not make flat HTML,
 * or would hold a block more often than either side does (runs matched across blocks that only
 * look alike), or texts not of that shape, give `mine` whole, then what `theirs` has more as
 * further blocks (lines), or `theirs` appended whole when a text is not flat.
 *
 * Pure: strings in, a string (or `undefined`) out.
 */

/** How a field's text is cut into blocks. */
export type TextShape = 'html' | 'lines';

/** A change of one side: the base's blocks `[start, end)` replaced by `blocks`. */
interface Hunk {
  start: number;
  end: number;
  blocks: string[];
}

/** Past this many block pairs to compare (after the common ends), no merge is tried. */
const MAX_CELLS = 1_000_000;

const LIST_OPEN = /^<(ul|ol)(\s[^>]*)?>$/i;
const LIST_CLOSE = /^<\/(ul|ol)>$/i;

/**
 * The top-level blocks of an item's HTML, each with the whitespace before it; `undefined` when
 * the text is not paragraphs and lists one level deep.
 */
export function htmlBlocks(html: string): string[] | undefined {
  const blocks: string[] = [];
  // Read in place (sticky patterns, one lower-cased copy): a long text is not copied per block.
  const lower = html.toLowerCase();
  const space = /\s*/y;
  const opening = { p: /<p(\s[^>]*)?>/iy, list: /<(ul|ol)(\s[^>]*)?>/iy, li: /<li(\s[^>]*)?>/iy };
  const listClose = /<\/(ul|ol)>/iy;
  /** The element opened at `from` by `open`, to its closing tag, when only inline text is in it. */
  const element = (from: number, open: RegExp, tag: 'p' | 'li'): number | undefined => {
    open.lastIndex = from;
    const start = open.exec(html);
    if (!start) return undefined;
    const close = lower.indexOf(`</${tag}>`, from);
    if (close < 0) return -1;
    const inner = html.slice(from + start[0].length, close);
    return /<\/?(p|ul|ol|li)[\s>/]/i.test(inner) ? -1 : close + tag.length + 3;
  };
  let at = 0;
  let inList = false;
  while (at < html.length) {
    space.lastIndex = at;
    space.exec(html);
    const from = space.lastIndex;
    if (from === html.length) {
      // Whitespace at the end: a block of its own, kept as it is.
      blocks.push(html.slice(at));
      break;
    }
    let end = element(from, inList ? opening.li : opening.p, inList ? 'li' : 'p');
    if (end === -1) return undefined;
    if (end === undefined) {
      const tag = inList ? listClose : opening.list;
      tag.lastIndex = from;
      if (!tag.exec(html)) return undefined;
      end = tag.lastIndex;
      inList = !inList;
    }
    blocks.push(html.slice(at, end));
    at = end;
  }
  return inList ? undefined : blocks;
}

/**
 * Whether blocks make an item's HTML whose lists close as they open, each with an entry; lists
 * left empty by the merge (each side deleted some of their entries) are taken out first.
 */
function flatHtml(blocks: string[]): string[] | undefined {
  const out: string[] = [];
  let open: string | undefined;
  let entries = 0;
  let openAt = -1;
  for (const block of blocks) {
    const tag = block.trim();
    const opening = LIST_OPEN.exec(tag);
    const closing = LIST_CLOSE.exec(tag);
    if (opening) {
      if (open) return undefined;
      open = opening[1]!.toLowerCase();
      entries = 0;
      openAt = out.length;
    } else if (closing) {
      if (open !== closing[1]!.toLowerCase()) return undefined;
      open = undefined;
      if (entries === 0) {
        // Every entry of this list deleted, by one side or the other: the list goes with them.
        out.splice(openAt);
        continue;
      }
    } else if (/^<li[\s>]/i.test(tag)) {
      if (!open) return undefined;
      entries += 1;
    } else if (tag !== '' && open) {
      return undefined;
    }
    out.push(block);
  }
  return open ? undefined : out;
}

/** Each side's changes against the base, in order (a longest common subsequence of blocks). */
function hunks(base: readonly string[], next: readonly string[]): Hunk[] | undefined {
  // The common ends are matched as they are: the table covers only what lies between.
  let head = 0;
  while (head < base.length && head < next.length && base[head] === next[head]) head += 1;
  let tail = 0;
  while (
    tail < base.length - head &&
    tail < next.length - head &&
    base[base.length - 1 - tail] === next[next.length - 1 - tail]
  ) {
    tail += 1;
  }
  const a = base.slice(head, base.length - tail);
  const b = next.slice(head, next.length - tail);
  if (a.length === 0 && b.length === 0) return [];
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return undefined;
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: Hunk[] = [];
  let current: Hunk | undefined;
  let i = 0;
  let j = 0;
  const flush = () => {
    if (current && current.end - current.start === current.blocks.length) {
      // As many blocks as it replaced: each block rewritten in its place, one change each (an
      // edit of the other side to one of them, or between two, is then apart from the others).
      current.blocks.forEach((block, k) => {
        out.push({ start: current!.start + k, end: current!.start + k + 1, blocks: [block] });
      });
    } else if (current) out.push(current);
    current = undefined;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i += 1;
      j += 1;
    } else if (
      j < b.length &&
      (i === a.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)
    ) {
      current ??= { start: head + i, end: head + i, blocks: [] };
      current.blocks.push(b[j]!);
      j += 1;
    } else {
      current ??= { start: head + i, end: head + i, blocks: [] };
      current.end += 1;
      i += 1;
    }
  }
  flush();
  return out;
}

/** Whether two changes, one of each side, touch the same place (see the top of this file). */
function meet(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const aInsert = a.start === a.end;
  const bInsert = b.start === b.end;
  if (aInsert && bInsert) return a.start === b.start;
  if (aInsert) return b.start < a.start && a.start < b.end;
  if (bInsert) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** The base's blocks `[start, end)` with a side's changes in that run applied. */
function region(base: readonly string[], start: number, end: number, changes: Hunk[]): string[] {
  const out: string[] = [];
  let at = start;
  for (const change of changes) {
    out.push(...base.slice(at, change.start), ...change.blocks);
    at = change.end;
  }
  out.push(...base.slice(at, end));
  return out;
}

/**
 * How a union merge tells a block it need not repeat: its key, the same for two blocks that read
 * the same; `undefined` for a block always kept (a list's tag, which its entries need).
 */
export type BlockKey = (block: string) => string | undefined;

/** An item's HTML block by its content (whitespace around it does not show); a list's tag none. */
const htmlKey: BlockKey = (block) => {
  const tag = block.trim();
  return LIST_OPEN.test(tag) || LIST_CLOSE.test(tag) ? undefined : tag;
};

/** A line of a plain text, as it is. */
const lineKey: BlockKey = (line) => line;

/**
 * Whether a union merge holds a block more often than either side does: the runs were matched
 * across blocks that only look alike (two unrelated lists' `<ul>` and `</ul>`, a line one side
 * moved), and a paragraph neither side changed would come out twice. Such a merge is not taken:
 * mine whole, then what theirs has more, repeats nothing (see {@link mergeText}).
 */
function repeats(
  merged: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  key: BlockKey,
): boolean {
  const counts = (blocks: readonly string[]) => {
    const count = new Map<string, number>();
    for (const block of blocks) {
      const k = key(block);
      if (k !== undefined) count.set(k, (count.get(k) ?? 0) + 1);
    }
    return count;
  };
  const [m, t] = [counts(mine), counts(theirs)];
  for (const [k, n] of counts(merged)) if (n > Math.max(m.get(k) ?? 0, t.get(k) ?? 0)) return true;
  return false;
}

/** `extra`'s blocks but those `kept` already has (each of its blocks stands for one of `extra`). */
function notRepeated(extra: readonly string[], kept: readonly string[], key: BlockKey): string[] {
  const count = new Map<string, number>();
  for (const block of kept) {
    const k = key(block);
    if (k !== undefined) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return extra.filter((block) => {
    const k = key(block);
    const left = k === undefined ? 0 : (count.get(k) ?? 0);
    if (left === 0) return true;
    count.set(k!, left - 1);
    return false;
  });
}

/**
 * Three-way merge of block lists; `undefined` when changes of both sides meet. With `union`, a
 * run both changed differently holds `mine`'s blocks, then those of `theirs` not already there
 * (told by `union`, see {@link BlockKey}): never `undefined` but for lists too long to compare.
 */
export function mergeBlockLists(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  union?: BlockKey,
): string[] | undefined {
  const ours = hunks(base, mine);
  const others = hunks(base, theirs);
  if (!ours || !others) return undefined;
  const all = [
    ...ours.map((hunk) => ({ hunk, side: 0 })),
    ...others.map((hunk) => ({ hunk, side: 1 })),
  ].sort(
    (x, y) =>
      x.hunk.start - y.hunk.start ||
      // An insertion before a change that starts at the same block: it comes first.
      x.hunk.end - x.hunk.start - (y.hunk.end - y.hunk.start) ||
      x.side - y.side,
  );
  // Changes that meet are grouped: a group is one side's alone, or the same text from both.
  const out: string[] = [];
  let at = 0;
  let index = 0;
  while (index < all.length) {
    const group = [all[index]!];
    let start = all[index]!.hunk.start;
    let end = all[index]!.hunk.end;
    index += 1;
    while (index < all.length) {
      const next = all[index]!;
      const meets = group.some(
        (member) => member.side !== next.side && meet(member.hunk, next.hunk),
      );
      if (!meets) break;
      group.push(next);
      start = Math.min(start, next.hunk.start);
      end = Math.max(end, next.hunk.end);
      index += 1;
    }
    // Groups come in order of the base and never share a block (they would have met).
    if (start < at) return undefined;
    out.push(...base.slice(at, start));
    const sides = [0, 1].map((side) =>
      group.filter((member) => member.side === side).map((member) => member.hunk),
    );
    const mineText = region(base, start, end, sides[0]!);
    const theirsText = region(base, start, end, sides[1]!);
    const both = sides[0]!.length > 0 && sides[1]!.length > 0;
    // Both changed this run: only the same text from both is no conflict.
    if (
      both &&
      (mineText.length !== theirsText.length ||
        mineText.some((block, k) => block !== theirsText[k]))
    ) {
      if (!union) return undefined;
      // A union: mine, then what theirs has more.
      out.push(...mineText, ...notRepeated(theirsText, mineText, union));
    } else out.push(...(sides[0]!.length > 0 ? mineText : theirsText));
    at = end;
  }
  out.push(...base.slice(at));
  return out;
}

/** How a text is merged: `union`, with no conflict (see the top of this file). */
export interface MergeOptions {
  union?: boolean;
}

/**
 * `mine` and `theirs`, two editors' versions of a text both started from `base`, merged by
 * blocks; `undefined` when their changes meet (or the text is not of the shape expected). A
 * union merge is never `undefined`: see the top of this file.
 */
export function mergeText(
  shape: TextShape,
  base: string,
  mine: string,
  theirs: string,
  options: { union: true },
): string;
export function mergeText(
  shape: TextShape,
  base: string,
  mine: string,
  theirs: string,
  options?: MergeOptions,
): string | undefined;
export function mergeText(
  shape: TextShape,
  base: string,
  mine: string,
  theirs: string,
  { union = false }: MergeOptions = {},
): string | undefined {
  if (mine === theirs) return mine;
  if (base === theirs) return mine;
  if (base === mine) return theirs;
  if (shape === 'lines') {
    const [b, m, t] = [base, mine, theirs].map((text) => text.split('\n')) as [
      string[],
      string[],
      string[],
    ];
    const found = mergeBlockLists(b, m, t, union ? lineKey : undefined);
    const merged = union && found && repeats(found, m, t, lineKey) ? undefined : found;
    if (merged || !union) return merged?.join('\n');
    // Too long to compare: mine, then the lines theirs has more.
    if (mine === '' || theirs === '') return mine + theirs;
    return [...m, ...notRepeated(t, m, lineKey)].join('\n');
  }
  const b = htmlBlocks(base);
  const m = htmlBlocks(mine);
  const t = htmlBlocks(theirs);
  const found = b && m && t && mergeBlockLists(b, m, t, union ? htmlKey : undefined);
  const merged = union && found && repeats(found, m!, t!, htmlKey) ? undefined : found;
  const flat = merged && flatHtml(merged);
  if (flat || !union) return flat?.join('');
  // Not merged by runs (lists that would not close as they open, a base not flat, texts too
  // long to compare): mine whole, then the blocks theirs has more, or all of theirs when either
  // text is not flat (nothing of it is guessed away).
  const appended = m && t && flatHtml([...m, ...notRepeated(t, m, htmlKey)]);
  if (appended) return appended.join('');
  return mine === '' || theirs === '' ? mine + theirs : `${mine}\n${theirs}`;
}

/**
 * {@link mergeText} of one field's three values, for a field merged by blocks (`shape`): its
 * merge when all three are texts, else `undefined` (a field of another kind, or a value
 * missing, is not merged here).
 */
export function mergeTextField(
  shape: TextShape | undefined,
  base: unknown,
  mine: unknown,
  theirs: unknown,
  options?: MergeOptions,
): string | undefined {
  return shape && typeof base === 'string' && typeof mine === 'string' && typeof theirs === 'string'
    ? mergeText(shape, base, mine, theirs, options)
    : undefined;
}

/**
 * Where the block `index` of `before` is in `after` (a text changed under the editor's caret):
 * `kept`, its index there, when it is kept as it was or rewritten in its place, the blocks
 * inserted or deleted before it counted (the editor's caret stays in it, rather than at the
 * same character of the whole text, which a colleague's paragraph added above would move);
 * else the blocks that replaced it and its neighbours in that change (more or fewer: a
 * paragraph split, two joined, none when it was deleted), from `at` in `after`. `undefined`
 * when the texts are too long to compare.
 */
function placeOf(
  before: readonly string[],
  after: readonly string[],
  index: number,
): { kept: number } | { replaced: readonly string[]; at: number } | undefined {
  if (index < 0 || index >= before.length) return undefined;
  const changes = hunks(before, after);
  if (!changes) return undefined;
  let shift = 0;
  for (const change of changes) {
    if (change.start > index) break;
    const removed = change.end - change.start;
    if (index < change.end) {
      // Inside a change: only a block rewritten in its place is still there as itself.
      return removed === change.blocks.length
        ? { kept: index + shift }
        : { replaced: change.blocks, at: change.start + shift };
    }
    shift += change.blocks.length - removed;
  }
  return { kept: index + shift };
}

/** How many characters each side of the caret say where it was, in a paragraph split. */
const CARET_CONTEXT = 64;

/** How many characters of `text` just before `at` end `left` too. */
function sameBefore(text: string, at: number, left: string): number {
  let n = 0;
  while (n < at && n < left.length && text[at - 1 - n] === left[left.length - 1 - n]) n += 1;
  return n;
}

/** How many characters of `text` from `at` on begin `right` too. */
function sameAfter(text: string, at: number, right: string): number {
  let n = 0;
  while (at + n < text.length && n < right.length && text[at + n] === right[n]) n += 1;
  return n;
}

/** A caret in a text cut into blocks: its block, and how many characters of it come before. */
export interface BlockCaret {
  index: number;
  offset: number;
}

/**
 * Where the editor's caret, at `caret.offset` of the block `caret.index` of `before`, goes in
 * `after` (a change made elsewhere written under it): in the same block, at the same character,
 * when that block is kept, however many blocks came in or went above it; when it was replaced
 * by several (a colleague split the paragraph) or joined with another, in the one of those that
 * holds the text around the caret, between the same characters (the most of them matched,
 * before and after it).
 * `text` is a block's text (`undefined`: a block that holds none, a list's opening tag);
 * `undefined` when the block is gone and nothing of its text is left around the caret (or the
 * texts are too long to compare).
 */
export function keptCaret(
  before: readonly string[],
  after: readonly string[],
  caret: BlockCaret,
  text: (block: string) => string | undefined = (block) => block,
): BlockCaret | undefined {
  const place = placeOf(before, after, caret.index);
  if (!place) return undefined;
  if ('kept' in place) return { index: place.kept, offset: caret.offset };
  const old = text(before[caret.index]!) ?? '';
  const left = old.slice(Math.max(0, caret.offset - CARET_CONTEXT), caret.offset);
  const right = old.slice(caret.offset, caret.offset + CARET_CONTEXT);
  let best: BlockCaret | undefined;
  let most = 0;
  place.replaced.forEach((block, k) => {
    const candidate = text(block);
    if (candidate === undefined) return;
    for (let at = 0; at <= candidate.length; at += 1) {
      const matched = sameBefore(candidate, at, left) + sameAfter(candidate, at, right);
      if (matched > most) {
        most = matched;
        best = { index: place.at + k, offset: at };
      }
    }
  });
  return best;
}
