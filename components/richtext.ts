/**
 * Cleans HTML typed or pasted into an item to the house allow-list (see storage/item-html.ts,
 * where a restore finds the same rules for an item's text).
 */
import { decodeEntities } from '../storage/derive';
import { typedTypography } from '../export/typing';
import { isFrench } from '../lib/lang';

export { cleanItemHtml, cleanPastedHtml } from '../storage/item-html';

/**
 * The visible text of an item, for counts, checks and list snippets. A string function, no DOM
 * parse: the inbox calls it for every row on every keystroke.
 */
export { bodyText as itemText } from '../storage/derive';

/**
 * An item's text as the conflict box shows it: a line per paragraph or list entry, where
 * {@link itemText} runs them on (« …la fin.Le début… » read as one paragraph).
 */
export function itemLines(html: string): string {
  return decodeEntities(
    html
      .replace(/<(br|\/p|\/li|\/h\d)\b[^>]*>/gi, '\n')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export { countText } from './counts';

/**
 * Whether `range` (inside `el`) holds all of `el`'s text: what is outside it, before or after,
 * is only spaces.
 */
export function coversText(range: Range, el: Node): boolean {
  const outside = el.ownerDocument!.createRange();
  outside.selectNodeContents(el);
  outside.setEnd(range.startContainer, range.startOffset);
  if (outside.toString().trim() !== '') return false;
  outside.selectNodeContents(el);
  outside.setStart(range.endContainer, range.endOffset);
  return outside.toString().trim() === '';
}

/**
 * The elements around `node` in the editor `root`, closest first (`node` itself when it is one),
 * `root` left out: what says a language, or a style, where a range is.
 */
function* elementsAround(node: Node, root: Node): Generator<Element> {
  for (let at: Node | null = node; at && at !== root && root.contains(at); at = at.parentNode) {
    if (at.nodeType === 1) yield at as Element;
  }
}

/**
 * The language of the text where `range` is in the editor `root`, an item's text written in
 * `textLang`: that of the closest element around it inside `root` that says one (a quote's
 * `<span lang="en">`), else `textLang`.
 */
export function languageAt(range: Range, root: Node, textLang: string): string {
  for (const el of elementsAround(range.commonAncestorContainer, root)) {
    const lang = el.getAttribute('lang');
    if (lang) return lang;
  }
  return textLang;
}

/**
 * `range` (a selection in the editor `root`) widened over the quotes around it whose words it
 * holds whole (elements saying a language): what replaces all a quote's words replaces the
 * quote, and is among the words around it, not in a quote left empty.
 */
export function overWholeQuotes(range: Range, root: Node): Range {
  const wide = range.cloneRange();
  if (wide.collapsed) return wide;
  for (const el of elementsAround(wide.commonAncestorContainer, root)) {
    if (el.hasAttribute('lang') && coversText(wide, el)) {
      wide.setStartBefore(el);
      wide.setEndAfter(el);
    }
  }
  return wide;
}

/**
 * The elements of a style (bold, italic, a link…): a paste's words do not take theirs (they come
 * with their own), nor does a paragraph typed after Enter take those of the words after it.
 */
export const STYLES = /^(?:a|b|strong|i|em|u|s)$/;
/** Where the words around the caret end: a paste's words are never put outside it. */
const BLOCKS = /^(?:p|li|ul|ol|div|blockquote|h[1-6])$/;

/**
 * The block `node` is in, in the editor `root` (`node` itself when it is one): its paragraph or
 * list entry, where the words around it end; undefined right in `root`.
 */
export function blockAt(node: Node, root: Node): Element | undefined {
  for (const el of elementsAround(node, root)) if (BLOCKS.test(el.localName)) return el;
  return undefined;
}

/**
 * The words right in the editor `root` around the collapsed `caret`, out of any block, put in a
 * paragraph of their own, the caret where it was in them: what Firefox leaves when the whole
 * text selected is typed over (its paragraphs go with the words; Chromium types in the first),
 * and what French typography and lists, which read the caret's block, then see as Chromium's.
 * In a text Firefox emptied (Ctrl+A, Suppr), an empty paragraph, the caret in it. Null, nothing
 * changed, when the caret is in a block already or between two.
 */
export function paragraphAround(caret: Range, root: Node): Range | null {
  const { startContainer, startOffset } = caret;
  if (!root.contains(startContainer)) return null;
  if (startContainer !== root && blockAt(startContainer, root)) return null;
  const isBlock = (node: Node) => node.nodeType === 1 && BLOCKS.test((node as Element).localName);
  const doc = root.ownerDocument!;
  const paragraph = doc.createElement('p');
  const range = doc.createRange();
  let top: Node | undefined = startContainer;
  if (startContainer === root) {
    const after = root.childNodes[startOffset];
    const before = root.childNodes[startOffset - 1];
    top = after && !isBlock(after) ? after : before && !isBlock(before) ? before : undefined;
    if (!top) {
      if (root.firstChild) return null;
      paragraph.append(doc.createElement('br'));
      root.appendChild(paragraph);
      range.setStart(paragraph, 0);
      return range;
    }
  }
  while (top.parentNode !== root) top = top.parentNode!;
  let first = top;
  while (first.previousSibling && !isBlock(first.previousSibling)) first = first.previousSibling;
  let last = top;
  while (last.nextSibling && !isBlock(last.nextSibling)) last = last.nextSibling;
  const next = startContainer === root ? root.childNodes[startOffset] : undefined;
  root.insertBefore(paragraph, first);
  for (let node: Node = first; ;) {
    const following = node.nextSibling;
    paragraph.append(node);
    if (node === last || !following) break;
    node = following;
  }
  if (startContainer !== root) range.setStart(startContainer, startOffset);
  else if (next?.parentNode === paragraph)
    range.setStart(paragraph, [...paragraph.childNodes].indexOf(next as ChildNode));
  else range.setStart(paragraph, paragraph.childNodes.length);
  return range;
}

/**
 * The paragraphs and list entries of the editor `root`, in order: its blocks at the top, and the
 * entries of its lists in their place (what a quote inserted as paragraphs adds to).
 */
export function blocksOf(root: Element): Element[] {
  return Array.from(root.children).flatMap((child) =>
    child.localName === 'ul' || child.localName === 'ol' ? Array.from(child.children) : [child],
  );
}

/** Whether `block` holds no words: an empty line, shown by a `<br>`. */
const emptyBlock = (block: Element) => !block.textContent?.trim();

/**
 * The caret after a quote just inserted as paragraphs in the editor `root`, whose blocks were
 * `before` (see {@link blocksOf}), as a word processor or Gutenberg leaves it: in an empty
 * paragraph right after the quote (an entry, after a quote inserted in a list), the one the
 * browser left there or one made, where the next key typed no longer joins the quote. The empty
 * paragraph the caret was in (`anchor`), which the quote went after, goes: the quote takes its
 * place. The empty one after the quote is not stored (see cleanItemHtml). Null when no block
 * was added.
 */
export function caretAfterQuote(root: Element, before: ReadonlySet<Element>, anchor: Node | null) {
  const added = blocksOf(root).filter((block) => !before.has(block));
  let last = added.at(-1);
  if (!last) return null;
  let after: Element | null = null;
  if (emptyBlock(last) && added.length > 1) {
    after = last;
    last = added.at(-2)!;
  } else if (
    last.nextElementSibling?.localName === last.localName &&
    emptyBlock(last.nextElementSibling)
  ) {
    after = last.nextElementSibling;
  }
  if (!after) {
    after = root.ownerDocument.createElement(last.localName === 'li' ? 'li' : 'p');
    after.append(root.ownerDocument.createElement('br'));
    last.after(after);
  }
  if (
    anchor instanceof Element &&
    anchor !== after &&
    anchor.isConnected &&
    before.has(anchor) &&
    emptyBlock(anchor)
  ) {
    anchor.remove();
  }
  return edgeOf(after);
}

/**
 * What Backspace (`forward` false) or Suppr (`forward` true) at the collapsed `caret` deletes
 * when it joins two paragraphs of the editor `root`: from the end of the paragraph before to the
 * caret at the start of its own, or from the caret at the end of its own to the start of the
 * paragraph after, for {@link deleteAcross} to join them as a word processor does. Chromium's own
 * join puts the words it moves in bare `<span>`s, whose styles the extension's security policy
 * refuses (each refusal logged). A paragraph beside a list joins the list's entry next to it
 * (its last before it, its first after it; the list gone with its only entry), as Suppr at the
 * end of a list's last entry joins the paragraph after the list. Null anywhere else: within the
 * words, at a line break, between two entries of a list (the browser's), right in the editor.
 */
export function joinedParagraphs(caret: Range, root: Node, forward: boolean): Range | null {
  if (!caret.collapsed) return null;
  const block = blockAt(caret.startContainer, root);
  const beside = block && besideBlock(block, root, forward);
  if (!block || !beside) return null;
  // Nothing but the <br> holding an empty paragraph open between the caret and the edge.
  const edge = root.ownerDocument!.createRange();
  edge.selectNodeContents(block);
  if (forward) edge.setStart(caret.startContainer, caret.startOffset);
  else edge.setEnd(caret.startContainer, caret.startOffset);
  if (edge.toString() !== '') return null;
  if (block.textContent && edge.cloneContents().querySelector('br')) return null;
  const joined = root.ownerDocument!.createRange();
  if (forward) {
    joined.setStart(caret.startContainer, caret.startOffset);
    joined.setEnd(beside, 0);
  } else {
    joined.setStart(beside, beside.childNodes.length);
    // A <br> ending the paragraph before with words holds its last line open (Maj+Entrée at its
    // end) or shows nothing: the words joined go on that line, none left empty above them. An
    // empty paragraph joined goes alone, that line kept for the caret.
    let end = beside.lastChild;
    while (end?.lastChild) end = end.lastChild;
    if (end?.nodeName === 'BR' && beside.textContent && block.textContent) {
      joined.setStartBefore(end);
    }
    joined.setEnd(caret.startContainer, caret.startOffset);
  }
  return joined;
}

/**
 * The paragraph or list entry that Backspace at the start of `block` (`forward` false) or Suppr
 * at its end joins it to (see {@link joinedParagraphs}): for a paragraph of `root`, the one
 * beside it, or the entry of a list beside it next to it; for the last entry of a list of
 * `root`, on Suppr, the paragraph after the list. Null for two entries of a list.
 */
function besideBlock(block: Element, root: Node, forward: boolean): Element | null {
  const isList = (el: Element | null) => el?.localName === 'ul' || el?.localName === 'ol';
  if (block.localName === 'li') {
    const list = block.parentElement;
    if (!forward || list?.parentNode !== root || block !== list.lastElementChild) return null;
    const after = list.nextElementSibling;
    return after?.localName === 'p' ? after : null;
  }
  if (block.localName !== 'p' || block.parentNode !== root) return null;
  const next = forward ? block.nextElementSibling : block.previousElementSibling;
  if (next?.localName === 'p') return next;
  if (!isList(next)) return null;
  const entry = forward ? next!.firstElementChild : next!.lastElementChild;
  return entry?.localName === 'li' ? entry : null;
}

/** Whether `range` starts in one block of the editor `root` and ends in another. */
export function spansBlocks(range: Range, root: Node): boolean {
  const first = blockAt(range.startContainer, root);
  const last = blockAt(range.endContainer, root);
  return !!first && !!last && first !== last && !first.contains(last) && !last.contains(first);
}

/**
 * Whether `a` and `b` are the same style (bold, italic, a link to one address, a quote in one
 * language): words side by side in them are words of one.
 */
function sameStyle(a: Node | null, b: Node | null): a is Element {
  if (a?.nodeType !== 1 || b?.nodeType !== 1) return false;
  const [x, y] = [a as Element, b as Element];
  if (x.localName !== y.localName || !(STYLES.test(x.localName) || x.localName === 'span')) {
    return false;
  }
  const names = x.getAttributeNames();
  return (
    names.length === y.getAttributeNames().length &&
    names.every((name) => x.getAttribute(name) === y.getAttribute(name))
  );
}

/**
 * Takes out of `node` the styles, links and quotes left with no words (a bold whose words were
 * all cut away, the browser's bare `<span>`s never come from here), and its empty text.
 */
export function pruneEmpty(node: Node): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3 && !child.nodeValue) child.remove();
    if (child.nodeType !== 1 || child.nodeName === 'BR') continue;
    pruneEmpty(child);
    if (!child.textContent && !(child as Element).querySelector('br')) child.remove();
  }
}

/**
 * The caret at (`parent`, `offset`), the words before and after it joined into one where they are
 * in the same style (two parts of one bold, of one quote), and put inside the words before it,
 * where typing goes on in their style as after any word.
 */
function joinAt(parent: Node, offset: number): Range {
  let at = parent;
  let index = offset;
  for (
    let before = at.childNodes[index - 1] ?? null, after = at.childNodes[index] ?? null;
    sameStyle(before, after);
    before = at.childNodes[index - 1] ?? null, after = at.childNodes[index] ?? null
  ) {
    index = before.childNodes.length;
    before.append(...Array.from(after!.childNodes));
    after!.remove();
    at = before;
  }
  const caret = parent.ownerDocument!.createRange();
  let node = at.childNodes[index - 1];
  // Inside the words before: their innermost last text.
  while (node?.nodeType === 1 && node.nodeName !== 'BR' && node.lastChild) node = node.lastChild;
  if (node?.nodeType === 3) {
    const text = node as Text;
    const next = text.nextSibling;
    const length = text.length;
    if (next?.nodeType === 3) {
      text.appendData((next as Text).data);
      next.remove();
    }
    caret.setStart(text, length);
  } else caret.setStart(at, index);
  caret.collapse(true);
  return caret;
}

/**
 * Deletes `range`, a selection from one block of the editor `root` into another (see
 * {@link spansBlocks}), or within one, as a word processor does: the words after it in the last
 * block join the first block where it was cut, that block keeping its kind (a paragraph stays
 * one, a list entry one) and each word its style, the parts of one bold or one quote on both
 * sides made one again; the blocks in between go, and a list left with no entry. Nothing empty is
 * left: a style with no words, an empty paragraph (the first block, left with no words, shows a
 * `<br>` to hold the caret). With `cut` (the words cut, deleted or dragged away, nothing put in
 * their place), a space left on both sides of the join is one too many, as Word's smart cut
 * has it (see {@link closeUp}). Returns the caret where the two blocks were joined, in the words
 * before it.
 */
export function deleteAcross(range: Range, root: Node, cut = false): Range {
  const first = blockAt(range.startContainer, root)!;
  const last = blockAt(range.endContainer, root)!;
  const doc = root.ownerDocument!;
  const tail = doc.createRange();
  tail.setStart(range.endContainer, range.endOffset);
  tail.setEnd(last, last.childNodes.length);
  const rest = tail.extractContents();
  const gone = range.cloneRange();
  // Within one block, only its words up to its end (taken out above); across, the blocks too.
  if (first === last) gone.setEnd(last, last.childNodes.length);
  else gone.setEndAfter(last);
  gone.deleteContents();
  for (const list of Array.from((root as Element).querySelectorAll('ul, ol'))) {
    if (!list.querySelector('li')) list.remove();
  }
  pruneEmpty(first);
  pruneEmpty(rest);
  // A `<br>` holding an empty block open goes when the other has words.
  if (first.textContent && !rest.textContent) rest.replaceChildren();
  if (rest.textContent && !first.textContent) first.replaceChildren();
  const lead = doc.createTreeWalker(rest, 4).nextNode() as Text | null;
  if (cut) closeUp(first, lead);
  // A space left on both sides: the second shown (a plain one after another is not), as the
  // browsers do, and kept at the start of a block if Enter then cuts there.
  else if (lead && /\s$/.test(first.textContent ?? '') && lead.data.startsWith(' ')) {
    lead.replaceData(0, 1, '\u00a0');
  }
  const offset = first.childNodes.length;
  first.append(rest);
  if (!first.firstChild) first.append(doc.createElement('br'));
  return joinAt(first, offset);
}

/** A space a join may leave twice: a plain one, or one French typography puts (kept). */
const SPACE = /[ \u00a0\u202f]/;

/**
 * Word's smart cut, where `block`'s words (up to the cut) are about to be joined to those from
 * `lead` on (the first text after the cut): one space of the two left on both sides goes, a plain
 * one (the one after when both are), never a no-break space (U+00A0, U+202F) that French
 * typography put before a colon or inside « »; where the two are both no-break, both stay.
 */
function closeUp(block: Element, lead: Text | null): void {
  if (!lead) return;
  let end: Text | null = null;
  const walker = block.ownerDocument.createTreeWalker(block, 4);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) end = text as Text;
  const before = end?.data.at(-1) ?? '';
  const after = lead.data[0] ?? '';
  if (!SPACE.test(before) || !SPACE.test(after)) return;
  if (after === ' ') lead.deleteData(0, 1);
  else if (before === ' ') end!.deleteData(end!.length - 1, 1);
}

/**
 * Whether deleting `range`, in the editor `root`, leaves a space on both sides of where it was,
 * one of them plain: the browsers' delete would leave both (« la fin  début »), where a word
 * processor's smart cut takes one away (see {@link deleteAcross}).
 */
export function leavesTwoSpaces(range: Range, root: Node): boolean {
  const first = blockAt(range.startContainer, root);
  const last = blockAt(range.endContainer, root);
  if (!first || !last || range.collapsed) return false;
  const side = range.cloneRange();
  side.selectNodeContents(first);
  side.setEnd(range.startContainer, range.startOffset);
  const before = side.toString().at(-1) ?? '';
  side.selectNodeContents(last);
  side.setStart(range.endContainer, range.endOffset);
  const after = side.toString()[0] ?? '';
  return SPACE.test(before) && SPACE.test(after) && (before === ' ' || after === ' ');
}

/**
 * Cuts the block `caret` is in, in the editor `root`, in two there, as Enter does in a word
 * processor: the words after it go in a block of the same kind after it (a paragraph, a list
 * entry), in their own style; a part left with no words holds a `<br>`. Returns the caret at the
 * start of the second part.
 */
export function splitBlockAt(caret: Range, root: Node): Range {
  const block = blockAt(caret.startContainer, root)!;
  const after = cutBlock(caret, block);
  pruneEmpty(block);
  for (const part of [block, after]) {
    if (!part.textContent && !part.querySelector('br'))
      part.append(root.ownerDocument!.createElement('br'));
  }
  return edgeOf(after);
}

/**
 * Cuts `block` in two at `caret`: the words after it go, in their own style, in a block of the
 * same kind put after it (a style left with no words there taken out), which is returned.
 */
function cutBlock(caret: Range, block: Element): Element {
  const tail = caret.cloneRange();
  tail.setEnd(block, block.childNodes.length);
  const after = block.cloneNode(false) as Element;
  after.append(tail.extractContents());
  pruneEmpty(after);
  block.after(after);
  return after;
}

/**
 * Puts `words` (a paste's words, cleaned) at the collapsed `caret` in the editor `root`, in the
 * style they come with, as a word processor pastes: the bold, italic or link around the caret is
 * cut there and they go between its two parts (plain words in bold words stay plain, a link
 * pasted in a link is a link of its own). They stay in the quote the caret is in, whose language
 * they were read against (see {@link languageAt}): a quote inside the bold cut is said again
 * around them. Returns the caret after them.
 */
export function insertOwnStyle(caret: Range, words: DocumentFragment, root: Node): Range {
  let styled: Element | undefined;
  let quote: Element | undefined;
  for (const el of elementsAround(caret.startContainer, root)) {
    if (BLOCKS.test(el.localName)) {
      // An empty paragraph's <br>, there to show it, goes once it has words.
      if (!el.textContent) el.querySelector('br')?.remove();
      break;
    }
    if (STYLES.test(el.localName)) styled = el;
    if (!quote && el.hasAttribute('lang')) quote = el;
  }
  const at = caret.cloneRange();
  let pasted: Node = words;
  if (styled) {
    // The styled words after the caret, taken out and put back after the words pasted.
    at.setEndAfter(styled);
    const rest = at.extractContents();
    if (quote && styled.contains(quote)) {
      pasted = quote.cloneNode(false);
      pasted.appendChild(words);
    }
    // A part left with no words (the caret at an end of the styled words) goes.
    for (const part of [styled, rest.firstElementChild]) {
      if (part && !part.textContent && !part.querySelector('br')) part.remove();
    }
    at.insertNode(rest);
  }
  const last = pasted === words ? words.lastChild : pasted;
  at.insertNode(pasted);
  const after = caret.cloneRange();
  if (last) after.setStartAfter(last);
  after.collapse(true);
  return after;
}

/**
 * Puts `pasted` (a paste's blocks, cleaned: paragraphs and lists) at the collapsed `caret` in the
 * editor `root`, as a word processor pastes several paragraphs: the paragraph or list entry the
 * caret is in is cut in two there; the first pasted paragraph's words end its first part and the
 * last's start its second, each in their own style and in the quote there, as
 * {@link insertOwnStyle} puts one paragraph's words (the bold, italic or link at the caret cut
 * around them, never extended over them); the blocks in between are whole paragraphs and lists
 * between the two parts, and in a list entries of it (the editor's lists are one level deep). A
 * list pasted first or last is whole too, and a part it leaves with no words goes. `amongText`
 * is the same paste read against the text's language where `pasted` was read against the quote's
 * at the caret (see {@link languageAt}): the blocks in between are among the text's words, out of
 * that quote. One paragraph is {@link insertOwnStyle}'s alone. Returns the caret after the last
 * word pasted.
 */
export function insertBlocks(
  caret: Range,
  pasted: DocumentFragment,
  root: Node,
  amongText: DocumentFragment = pasted,
): Range {
  const doc = root.ownerDocument!;
  const block = blockAt(caret.startContainer, root);
  const inList = !!block && /^(?:li|ul|ol)$/.test(block.localName);
  /** In a list, a list pasted is its entries, the first and last joining the caret's as words. */
  const parts = (fragment: DocumentFragment) =>
    Array.from(fragment.children).flatMap((el) =>
      inList && el.localName !== 'p' ? Array.from(el.children) : [el],
    );
  const blocks = parts(pasted);
  const read = parts(amongText);
  const whole = read.length === blocks.length ? read : blocks;
  const words = (block: Element) => {
    const fragment = doc.createDocumentFragment();
    fragment.append(...Array.from(block.childNodes));
    return fragment;
  };
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!first || !last) return caret.cloneRange();
  const joins = (el: Element) => el.localName === 'p' || (inList && el.localName === 'li');
  if (blocks.length === 1 && joins(first) && block?.localName !== 'ul' && block?.localName !== 'ol')
    return insertOwnStyle(caret, words(first), root);
  /** Blocks as they go between the two parts: in a list, its entries. */
  const items = (els: Element[]) =>
    els.flatMap((el) => {
      if (!inList || el.localName === 'li') return [el];
      const entry = doc.createElement('li');
      entry.append(words(el));
      return [entry];
    });
  const mergeFirst = joins(first);
  const mergeLast = joins(last);
  const between = items(whole.slice(mergeFirst ? 1 : 0, mergeLast ? -1 : whole.length));
  if (!block || block.localName === 'ul' || block.localName === 'ol') {
    // Between blocks (an empty text, say): all whole, where the caret is.
    const all = items(whole);
    const fragment = doc.createDocumentFragment();
    fragment.append(...all);
    caret.insertNode(fragment);
    return edgeOf(all[all.length - 1] ?? root, true);
  }
  // The words after the caret, in a block of their own after it.
  const after = cutBlock(caret, block);
  if (mergeFirst) insertOwnStyle(caret, words(first), root);
  else if (!block.textContent?.trim()) block.remove();
  after.before(...between);
  if (mergeLast) return insertOwnStyle(edgeOf(after), words(last), root);
  if (!after.textContent?.trim()) after.remove();
  // A list pasted last: at the end of its last entry.
  return edgeOf(between[between.length - 1] ?? root, true);
}

/**
 * Where `block`'s words start (or with `atEnd`, end): inside the entries, styles, links and
 * quotes its first (last) words are in, where the words pasted or typed there go among them.
 */
function edgeOf(block: Node, atEnd = false): Range {
  const next = (node: Node) => (atEnd ? node.lastChild : node.firstChild);
  let node = block;
  for (
    let child = next(node);
    child && (child.nodeType === 3 || (child.nodeType === 1 && child.nodeName !== 'BR'));
    child = next(node)
  ) {
    node = child;
  }
  const range = block.ownerDocument!.createRange();
  range.selectNodeContents(node);
  range.collapse(!atEnd);
  return range;
}

/**
 * The words of `range`, a selection in the editor `root`, as a copy gives them to be put
 * elsewhere: in the bold, italic, link or quote they are all in (which the range's own copy
 * leaves out, the selection being inside it), entries of one list in that list.
 */
export function selectedWords(range: Range, root: Node): DocumentFragment {
  let words: Node = range.cloneContents();
  for (const el of elementsAround(range.commonAncestorContainer, root)) {
    const list = el.localName === 'ul' || el.localName === 'ol';
    if (BLOCKS.test(el.localName) && !list) break;
    const shell = el.cloneNode(false);
    shell.appendChild(words);
    words = shell;
    if (list) break;
  }
  const fragment = root.ownerDocument!.createDocumentFragment();
  fragment.append(words);
  return fragment;
}

/** How many characters of the editor `root`'s text come before the collapsed `caret`. */
function charactersBefore(caret: Range, root: Node): number {
  const before = root.ownerDocument!.createRange();
  before.selectNodeContents(root);
  before.setEnd(caret.startContainer, caret.startOffset);
  return before.toString().length;
}

/**
 * Where the `count`-th character of the editor `root`'s text ends, at the start of the text
 * after it (the words put there, not the end of those before).
 */
function pointAfter(count: number, root: Node): [Node, number] {
  const walker = root.ownerDocument!.createTreeWalker(root, 4);
  let left = count;
  let last: Text | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (left < text.length) return [text, left];
    left -= text.length;
    last = text;
  }
  return last ? [last, last.length] : [root, root.childNodes.length];
}

/**
 * Moves the words of `source`, a selection in the editor `root`, to the collapsed `drop` outside
 * it, as Word moves words dragged there: taken out as a cut takes them (see {@link deleteAcross}:
 * the blocks they leave joined, one of two spaces left there gone), then put at the drop point by
 * `put` (a paste's insertion: given the collapsed caret, returns the caret after what it put);
 * with `copy` they also stay where they were. The drop point is kept through the cut by a mark
 * put there first (the cut moves the words after it in their block, and a Range in them with
 * them). Words dragged whole (see {@link wholeWords}) that land touching a letter or digit, or
 * after sentence punctuation, get a space there, as Word's smart paste puts one, and none landing
 * inside a word (see {@link spaceDropped}). Returns the range of the words put, which Word leaves
 * selected.
 */
export function moveWords(
  source: Range,
  drop: Range,
  root: Node,
  put: (at: Range) => Range,
  copy = false,
): Range {
  const doc = root.ownerDocument!;
  // Read before the cut takes them out.
  const whole = wholeWords(source, root);
  const mark = doc.createComment('drop');
  drop.insertNode(mark);
  let joined: Range | undefined;
  if (!copy) {
    if (blockAt(source.startContainer, root) && blockAt(source.endContainer, root)) {
      joined = deleteAcross(source, root, true);
    } else {
      source.deleteContents();
      joined = source;
    }
  }
  let at = doc.createRange();
  if (root.contains(mark)) {
    at.setStartBefore(mark);
    at.collapse(true);
    mark.remove();
  } else if (joined) at = joined.cloneRange();
  const start = charactersBefore(at, root);
  const end = put(at);
  const moved = doc.createRange();
  moved.setStart(...pointAfter(start, root));
  moved.setEnd(end.startContainer, end.startOffset);
  if (whole) spaceDropped(moved, root);
  return moved;
}

/** A letter or a digit: a word's, which words put against it would be glued to. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** What a space never goes before: closing punctuation (its French no-break space is the export's). */
const CLOSING = /[\s.,;:!?)\]»”…]/u;
/** What a space never goes after: an opening « or bracket, an elision's apostrophe (« l’ »). */
const OPENING = /[\s(\[«“'’]/u;
/**
 * What ends a sentence, a clause or an aside, after which a word gets a space (« ici. Puis »,
 * « (oui) très »), as after a word.
 */
const PUNCTUATION_BEFORE_SPACE = /[.,;:!?)\]»”…]/u;
/**
 * What opens a quote or an aside, before which a word gets a space (« dit « oui » »,
 * « vote (serré) »), as before a word.
 */
const OPENING_AFTER_SPACE = /[(\[«“]/u;
/** A number's separator between two digits (« 3,5 », « 10:30 »): inside it, as inside a word. */
const NUMBER_SEPARATOR = /[.,:]/u;
const DIGIT = /\p{N}/u;

/**
 * The character next to the point (`node`, `offset`) in its block of the editor `root`, before or
 * `after` it: its text node and its index there. None at the block's start or end, nor across a
 * line break (`<br>`) or into a block inside it (a list in a list entry).
 */
function characterBeside(
  node: Node,
  offset: number,
  root: Node,
  after: boolean,
): [Text, number] | undefined {
  const block = blockAt(node, root) ?? root;
  const doc = root.ownerDocument!;
  const side = doc.createRange();
  side.selectNodeContents(block);
  if (after) side.setStart(node, offset);
  else side.setEnd(node, offset);
  let found: [Text, number] | undefined;
  const walker = doc.createTreeWalker(block, 1 | 4);
  for (let at = walker.nextNode(); at; at = walker.nextNode()) {
    if (!side.intersectsNode(at)) continue;
    if (at.nodeType === 1) {
      const name = (at as Element).localName;
      if (name !== 'br' && !BLOCKS.test(name)) continue;
      // A line ends here: what was before it is not beside the point, nor what comes after.
      if (after) return found;
      found = undefined;
      continue;
    }
    const text = at as Text;
    if ((blockAt(text, root) ?? root) !== block) continue;
    const from = text === side.startContainer ? side.startOffset : 0;
    const to = text === side.endContainer ? side.endOffset : text.length;
    if (from >= to) continue;
    if (after) return [text, from];
    found = [text, to - 1];
  }
  return found;
}

/**
 * Whether `range`, in the editor `root`, holds whole words: neither of its ends cuts a word (a
 * letter or digit on both sides of it, in its block). Word spaces words dragged as words, never a
 * piece of one (« ré » from « serré » dropped after « vote » is « voteré », as asked).
 */
export function wholeWords(range: Range, root: Node): boolean {
  const words = range.toString();
  if (!words) return false;
  for (const [node, offset, after, edge] of [
    [range.startContainer, range.startOffset, false, words[0]!],
    [range.endContainer, range.endOffset, true, words.at(-1)!],
  ] as const) {
    const beside = characterBeside(node, offset, root, after);
    if (beside && WORD_CHARACTER.test(beside[0].data[beside[1]]!) && WORD_CHARACTER.test(edge)) {
      return false;
    }
  }
  return true;
}

/** The character of `at`, a text node and an index in it (see characterBeside). */
const characterOf = ([text, index]: [Text, number]) => text.data[index]!;

/**
 * Whether the point between the characters `before` and `after` (see characterBeside) of the
 * editor `root` is inside a word: a letter or digit on both sides (« inter|national »), or a
 * number's separator and a digit on the side of it (« 3,|5 », « 10|:30 »).
 */
function insideWord(before: [Text, number], after: [Text, number], root: Node): boolean {
  const left = characterOf(before);
  const right = characterOf(after);
  if (WORD_CHARACTER.test(left) && WORD_CHARACTER.test(right)) return true;
  if (DIGIT.test(right) && NUMBER_SEPARATOR.test(left)) {
    const digit = characterBeside(before[0], before[1], root, false);
    return !!digit && DIGIT.test(characterOf(digit));
  }
  if (DIGIT.test(left) && NUMBER_SEPARATOR.test(right)) {
    const digit = characterBeside(after[0], after[1] + 1, root, true);
    return !!digit && DIGIT.test(characterOf(digit));
  }
  return false;
}

/**
 * Word's smart paste for `moved`, words just put in the editor `root`: where they touch a letter
 * or digit before or after them (« icitrès. », « trèsla »), sentence punctuation before them
 * (« ici.très ») or an opening « ( after them (« dittrès« oui » »), one plain space put between, outside their bold or link (in the neighbour's
 * text). None before closing punctuation of theirs nor after an opening « ( or apostrophe of
 * theirs, none next to a space or no-break space of theirs, none at a block's start or end; the
 * no-break space French typography puts before ; : ! ? » is the export's (export/), not added
 * here. Put inside a word (« inter|national », « 3,|5 »), they are put as they are, on both
 * sides: as Word, whose smart paste spaces words at a word's edge, never in it (an editor
 * dropping there means to). `moved` is kept over the words alone.
 */
export function spaceDropped(moved: Range, root: Node): void {
  const words = moved.toString();
  if (!words) return;
  const before = characterBeside(moved.startContainer, moved.startOffset, root, false);
  const landed = characterBeside(moved.endContainer, moved.endOffset, root, true);
  if (before && landed && insideWord(before, landed, root)) return;
  if (before && !CLOSING.test(words[0]!)) {
    const left = characterOf(before);
    if (WORD_CHARACTER.test(left) || PUNCTUATION_BEFORE_SPACE.test(left)) {
      const [text, index] = before;
      text.insertData(index + 1, ' ');
      // A live range's start right at the insertion stays before it: the space is not theirs.
      if (moved.startContainer === text && moved.startOffset === index + 1) {
        moved.setStart(text, index + 2);
      }
    }
  }
  // Read again: the space before them may be in the same text node, before this point.
  const after = characterBeside(moved.endContainer, moved.endOffset, root, true);
  const last = words.at(-1)!;
  if (
    after &&
    !OPENING.test(last) &&
    (WORD_CHARACTER.test(characterOf(after)) ||
      (OPENING_AFTER_SPACE.test(characterOf(after)) &&
        (WORD_CHARACTER.test(last) || PUNCTUATION_BEFORE_SPACE.test(last))))
  ) {
    // At the end's own offset: the range's end stays before the space.
    after[0].insertData(after[1], ' ');
  }
}

/** The editor's two kinds of list: bulleted (`ul`) and numbered (`ol`). */
export type ListKind = 'ul' | 'ol';

const isList = (node: Node | null): boolean => node?.nodeName === 'UL' || node?.nodeName === 'OL';

/**
 * The kind of list `node` is in, in the editor `root` (where the caret is: the list button of
 * that kind shows pressed), or undefined outside any list.
 */
export function listAt(node: Node, root: Node): ListKind | undefined {
  for (const el of elementsAround(node, root)) {
    if (el.localName === 'ul' || el.localName === 'ol') return el.localName;
  }
  return undefined;
}

/**
 * The paragraphs and list entries of the editor `root` that `range` is in, in order: those it
 * touches, but the last one when a selection only reaches its very start (three clicks select a
 * paragraph up to the start of the next). Only the blocks of the text's top level and the
 * entries of its lists: loose text is none.
 */
function blocksIn(range: Range, root: Element): Element[] {
  const blocks: Element[] = [];
  for (const child of Array.from(root.children)) {
    const parts = isList(child)
      ? Array.from(child.children).filter((entry) => entry.localName === 'li')
      : BLOCKS.test(child.localName)
        ? [child]
        : [];
    for (const block of parts) if (range.intersectsNode(block)) blocks.push(block);
  }
  const last = blocks.at(-1);
  if (last && blocks.length > 1 && !range.collapsed) {
    const before = root.ownerDocument.createRange();
    before.setStart(last, 0);
    before.setEnd(range.endContainer, range.endOffset);
    if (before.toString() === '' && !before.cloneContents().querySelector('br')) blocks.pop();
  }
  return blocks;
}

/** A point in the text, kept as plain data: moving its node keeps it where it is. */
type Point = [Node, number];

/**
 * `block`, a paragraph or an entry, made a `tag` element holding its words (a `<br>` when it has
 * none, to show it); `renamed` notes which element took its place, for the caret in it.
 */
function retag(block: Element, tag: string, renamed: Map<Node, Node>): Element {
  const made = block.ownerDocument.createElement(tag);
  made.append(...Array.from(block.childNodes));
  if (!made.textContent && !made.querySelector('br')) {
    made.append(block.ownerDocument.createElement('br'));
  }
  block.replaceWith(made);
  renamed.set(block, made);
  return made;
}

/**
 * `entry` made a paragraph where it is: its list cut in two around it (the entries after it in a
 * list of the same kind after it), a list left with no entry gone. Returns the paragraph.
 */
function unlistEntry(entry: Element, renamed: Map<Node, Node>): Element {
  const list = entry.parentElement!;
  const after = [];
  for (let next = entry.nextElementSibling; next; next = next.nextElementSibling) after.push(next);
  entry.remove();
  const paragraph = retag(entry, 'p', renamed);
  list.after(paragraph);
  if (after.length > 0) {
    const rest = list.ownerDocument.createElement(list.localName);
    rest.append(...after);
    paragraph.after(rest);
  }
  if (!list.firstElementChild) list.remove();
  return paragraph;
}

/**
 * `list` joined with the lists of its kind right before and after it: one list, not two that
 * read as one and number apart.
 */
function joinLists(list: Element): void {
  const previous = list.previousElementSibling;
  if (previous?.localName === list.localName && previous.nextSibling === list) {
    list.prepend(...Array.from(previous.childNodes));
    previous.remove();
  }
  const next = list.nextElementSibling;
  if (next?.localName === list.localName && list.nextSibling === next) {
    list.append(...Array.from(next.childNodes));
    next.remove();
  }
}

/**
 * The `blocks` (paragraphs, one after another at the top of the text) made the entries of one
 * list of `kind`, joined to one of that kind right before or after it.
 */
function listParagraphs(blocks: Element[], kind: ListKind, renamed: Map<Node, Node>): Element {
  const list = blocks[0]!.ownerDocument.createElement(kind);
  blocks[0]!.before(list);
  for (const block of blocks) list.append(retag(block, 'li', renamed));
  joinLists(list);
  return list;
}

/**
 * A point of `range` as a point in a block (a paragraph or an entry): a selection made of the
 * whole text (Ctrl+A) may start or end in the editor itself, or in a list, between blocks.
 */
function pointInBlock(node: Node, offset: number, blocks: Element[], start: boolean): Point {
  if (blocks.some((block) => block.contains(node))) return [node, offset];
  const edge = start ? blocks[0]! : blocks.at(-1)!;
  return start ? [edge, 0] : [edge, edge.childNodes.length];
}

/**
 * The list button of `kind` (or its shortcut) pressed over `range` in the editor `root`, as in a
 * word processor: in entries of a list of that kind, they (the selected ones, or the caret's)
 * become paragraphs again, their list cut around them; in entries of the other kind only, their
 * lists switch kind; over paragraphs (entries among them or not), they all become the entries of
 * one list of `kind`, joined to one of that kind right before or after it. The lists stay one
 * level deep. Returns the selection, over the same words.
 */
export function toggleList(range: Range, root: Element, kind: ListKind): Range {
  const blocks = blocksIn(range, root);
  if (blocks.length === 0) return range;
  const points = [
    pointInBlock(range.startContainer, range.startOffset, blocks, true),
    pointInBlock(range.endContainer, range.endOffset, blocks, false),
  ];
  const renamed = new Map<Node, Node>();
  const entries = blocks.every((block) => block.localName === 'li');
  if (entries && blocks.every((block) => block.parentElement!.localName === kind)) {
    for (const entry of blocks) unlistEntry(entry, renamed);
  } else if (entries) {
    for (const list of new Set(blocks.map((block) => block.parentElement!))) {
      if (list.localName !== kind) joinLists(retag(list, kind, renamed));
    }
  } else {
    const paragraphs = blocks.map((block) =>
      block.localName === 'li' ? unlistEntry(block, renamed) : block,
    );
    listParagraphs(paragraphs, kind, renamed);
  }
  const doc = root.ownerDocument;
  const selection = doc.createRange();
  const [start, end] = points.map(([node, offset]): Point => {
    let now = node;
    while (renamed.has(now)) now = renamed.get(now)!;
    const most = now.nodeType === 3 ? (now as Text).length : now.childNodes.length;
    return [now, Math.min(offset, most)];
  });
  selection.setStart(...start!);
  selection.setEnd(...end!);
  return selection;
}

/**
 * The list a paragraph starts when `- ` or `* ` (bulleted), `1. ` or `1) ` (numbered) is typed at
 * its start, as word processors' autoformat makes one: what the collapsed `caret` has before it
 * in its paragraph, the space about to be typed. None in a list's entry, nor in a quote marked
 * with its language (its words are the page's), nor after a line break.
 */
export function listMarker(caret: Range, root: Node): ListKind | undefined {
  if (!caret.collapsed) return undefined;
  const block = blockAt(caret.startContainer, root);
  if (!block || block.localName !== 'p' || block.parentNode !== root) return undefined;
  for (const el of elementsAround(caret.startContainer, root)) {
    if (el.hasAttribute('lang')) return undefined;
  }
  const before = root.ownerDocument!.createRange();
  before.setStart(block, 0);
  before.setEnd(caret.startContainer, caret.startOffset);
  if (before.cloneContents().querySelector('br')) return undefined;
  const typed = before.toString();
  if (typed === '-' || typed === '*') return 'ul';
  if (typed === '1.' || typed === '1)') return 'ol';
  return undefined;
}

/**
 * The paragraph the collapsed `caret` is in, in the editor `root`, made an entry of a list of
 * `kind`, the marker typed before the caret (see {@link listMarker}, its space included) taken
 * away; joined to a list of that kind right before or after it. Returns the caret, at the start
 * of the entry's words.
 */
export function startList(caret: Range, root: Element, kind: ListKind): Range {
  const block = blockAt(caret.startContainer, root)!;
  const marker = root.ownerDocument.createRange();
  marker.setStart(block, 0);
  marker.setEnd(caret.startContainer, caret.startOffset);
  marker.deleteContents();
  pruneEmpty(block);
  const renamed = new Map<Node, Node>();
  listParagraphs([block], kind, renamed);
  return edgeOf(renamed.get(block)!);
}

/**
 * The exports' French typography on the keystroke just typed before the collapsed `caret`, in
 * the editor `root` whose text is in `textLang` (see export/typing.ts): a plain space before
 * `?!;` made narrow no-break, one before `:` and inside « » no-break, an apostrophe `’`. Only
 * where the words at the caret are French (not in a quote marked in another language, nor in a
 * text written in English). Returns the caret, after the keystroke, once changed; null when
 * nothing changes. With `apply` false, nothing is changed: whether something would be.
 */
export function typedFrench(
  caret: Range,
  root: Node,
  textLang: string,
  apply = true,
): Range | null {
  if (!caret.collapsed || !isFrench(languageAt(caret, root, textLang))) return null;
  const block = blockAt(caret.startContainer, root);
  if (!block) return null;
  // The text of the block up to the caret, a line break as one; where each character is.
  let before = '';
  const at: Array<[Text, number]> = [];
  const doc = root.ownerDocument!;
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (caret.comparePoint(node, 0) > 0) break;
    if (node.nodeName === 'BR') {
      before += '\n';
      at.push([node as unknown as Text, -1]);
    } else if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const end = text === caret.startContainer ? caret.startOffset : text.length;
      before += text.data.slice(0, end);
      for (let i = 0; i < end; i++) at.push([text, i]);
    }
  }
  // The line the caret is on: nothing crosses a line break.
  const line = before.lastIndexOf('\n') + 1;
  const change = typedTypography(before.slice(line));
  if (!change) return null;
  if (!apply) return caret;
  const from = line + change.from;
  const tail = before.slice(from);
  // The keystroke, last: where the caret goes back after it.
  const [lastText, lastOffset] = at[at.length - 1]!;
  const caretText = lastText;
  let caretOffset = lastOffset + 1;
  // Character by character: one put in (a space inside guillemets) goes before the one it meets.
  let j = 0;
  for (let i = 0; i < change.text.length; i++) {
    const now = change.text[i]!;
    const [text, offset] = at[from + j]!;
    if (now === tail[j]) {
      j++;
    } else if (change.text.length - i > tail.length - j) {
      text.insertData(offset, now);
      if (text === caretText) caretOffset++;
      for (let k = from + j; k < at.length; k++) {
        if (at[k]![0] === text) at[k] = [text, at[k]![1] + 1];
      }
    } else {
      text.replaceData(offset, 1, now);
      j++;
    }
  }
  const after = doc.createRange();
  after.setStart(caretText, caretOffset);
  return after;
}
