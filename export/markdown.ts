/**
 * Markdown (CommonMark, safe for GFM): `# Title`, then one Markdown paragraph per paragraph of
 * the intro, of each item (the opener before its first) and the outro, separated by blank lines;
 * a list of an item is a Markdown list (`- x` or `1. x`, one line per item).
 * Bold is `**x**`, italic `*x*`, links `[text](url)`, line breaks inside a paragraph a backslash
 * at the end of the line.
 *
 * Escaping is kept to what CommonMark (and GFM) would otherwise read as markup, so that the file
 * stays readable and pastes cleanly into editors that show the source:
 * - anywhere: `\`, `` ` ``, `*`, `_`, `[`, `<`, `~` and `|` (code, emphasis, links, raw HTML and
 *   autolinks, GFM strikethrough and tables); `&` before something that reads as a character
 *   reference, so "&lt;" stays literal; a `!` right before a link, since `![…](…)` is an image.
 *   Inside a link's text, `]` too. Parentheses, `#`, `>`, `-` inside a line are left alone:
 *   they are literal there.
 * - at the start of a line only: `#` (heading), `>` (block quote), `-`/`+` followed by a space
 *   (list item), a line of `-` or `=` only (setext underline, thematic break) and the dot or
 *   parenthesis of `1.` / `1)` (ordered list).
 * The item opener `--> ` is written as is: no rule above applies to it.
 */
import type { ExportIssue } from './model';
import type { HouseStyle } from './house-style';
import { itemParts, prepareIssue, type PreparedIssue } from './prepare';
import type { SafeInline } from './sanitize';

const ALWAYS_ESCAPED = /[\\`*_[<~|]/g;
const ENTITY_LIKE = /&(?=#?[a-z0-9]+;)/gi;

/**
 * Escapes text so that Markdown renders it literally.
 * @param text plain text.
 * @param lineStart whether the text begins a line (enables the block-marker rules).
 */
export function escapeMarkdown(text: string, lineStart = false): string {
  let out = text.replace(ALWAYS_ESCAPED, '\\$&').replace(ENTITY_LIKE, '\\&');
  if (lineStart) {
    if (/^(?:[#>]|[-+](?:\s|$)|[-=]+\s*$)/.test(out)) out = `\\${out}`;
    else out = out.replace(/^(\d+)([.)])/, '$1\\$2');
  }
  return out;
}

/**
 * Makes a link destination safe inside `(…)`: parentheses, spaces and angle brackets are
 * percent-encoded (URLs from sanitize.ts are already normalised, this is belt and braces).
 */
export function markdownUrl(url: string): string {
  return (
    url
      // As UTF-8 bytes, as a browser reads them (a U+202F is %E2%80%AF, not « %202F »).
      .replace(/[()<>\s\\]/g, (c) =>
        c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c),
      )
      // CommonMark reads character references in a destination too: « &amp; » written in an
      // address would lead to « & ». The HTML export links to the address as written.
      .replace(ENTITY_LIKE, '\\&')
  );
}

interface Cursor {
  /** True when the next emitted character starts a line. */
  lineStart: boolean;
  /** True inside a link's text, where a `]` would end it. */
  inLink?: boolean;
}

/**
 * Wraps content in a delimiter, moving edge whitespace and hard breaks outside: `** x**` or a
 * `**` opening a line after a break would not render as emphasis.
 */
function delimit(content: string, delimiter: string): string {
  const match = /^((?:\s|\\\n)*)([\s\S]*?)((?:\s|\\\n)*)$/.exec(content);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  return core ? `${lead}${delimiter}${core}${delimiter}${trail}` : content;
}

/**
 * What comes before a link: a "!" right before it would make it an image ("Wow![x](u)"). A text's
 * own "[" is escaped, so a piece starting with one starts with a link.
 */
function beforeLink(out: string): string {
  return out.endsWith('!') && !out.endsWith('\\!') ? `${out.slice(0, -1)}\\!` : out;
}

/**
 * Side by side emphasis of one kind as one (`<em>Libé</em><em>ration</em>`): written apart,
 * `*Libé**ration*` reads as another delimiter, and the asterisks show.
 */
function joinedEmphasis(nodes: readonly SafeInline[]): readonly SafeInline[] {
  const same = (a: SafeInline | undefined, b: SafeInline) =>
    (b.type === 'strong' || b.type === 'em') && a?.type === b.type;
  if (!nodes.some((node, index) => index > 0 && same(nodes[index - 1], node))) return nodes;
  const out: SafeInline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last && same(last, node) && 'children' in last && 'children' in node) {
      out[out.length - 1] = {
        ...last,
        children: [...last.children, ...node.children],
      } as SafeInline;
    } else out.push(node);
  }
  return out;
}

function inlineToMarkdown(nodes: readonly SafeInline[], cursor: Cursor): string {
  let out = '';
  for (const node of joinedEmphasis(nodes)) {
    switch (node.type) {
      case 'text':
        if (node.text) {
          const escaped = escapeMarkdown(node.text, cursor.lineStart);
          out += cursor.inLink ? escaped.replace(/]/g, '\\]') : escaped;
          cursor.lineStart = false;
        }
        break;
      case 'br':
        out += '\\\n';
        cursor.lineStart = true;
        break;
      case 'strong':
      case 'em': {
        // The delimiter comes first on the line, so the text inside is not at a line start.
        const delimiter = node.type === 'strong' ? '**' : '*';
        const wasLineStart = cursor.lineStart;
        cursor.lineStart = false;
        const inner = inlineToMarkdown(node.children, cursor);
        out += delimit(inner, delimiter);
        if (!inner) cursor.lineStart = wasLineStart;
        break;
      }
      case 'link': {
        cursor.lineStart = false;
        const text = inlineToMarkdown(node.children, { ...cursor, inLink: true });
        out = beforeLink(out) + `[${text}](${markdownUrl(node.href)})`;
        break;
      }
      case 'lang': {
        // Markdown has no language markup: the text, as written (see typography.ts).
        const inner = inlineToMarkdown(node.children, cursor);
        out = (inner.startsWith('[') ? beforeLink(out) : out) + inner;
        break;
      }
    }
  }
  return out;
}

/** Renders an already prepared issue as Markdown, ending with a newline. */
export function renderPreparedMarkdown(prepared: PreparedIssue): string {
  const opener = escapeMarkdown(prepared.style.itemOpener, true);
  // A title's closing « #» run would be read as the heading's optional closing sequence.
  const title = escapeMarkdown(prepared.title).replace(/(^|\s)#(#*\s*)$/, '$1\\#$2');
  const blocks = [`# ${title}`];
  for (const paragraph of prepared.introParagraphs) {
    blocks.push(inlineToMarkdown(paragraph, { lineStart: true }));
  }
  /**
   * The last block's list, if it was one: a list right after a list of the same kind would be
   * read as one with it (CommonMark joins them across a blank line, and two items' lists would
   * lose the border between the items), so the next takes the other marker (`*` for `-`, `)` for
   * `.`), which starts a new list.
   */
  let previous: { ordered: boolean; other: boolean } | undefined;
  for (const item of prepared.items) {
    itemParts(item).forEach((part, index) => {
      const lead = index === 0 ? opener : '';
      if (part.kind === 'paragraph') {
        blocks.push(lead + inlineToMarkdown(part.block, { lineStart: lead === '' }));
        previous = undefined;
        return;
      }
      const other = previous?.ordered === part.ordered && !previous.other;
      previous = { ordered: part.ordered, other };
      const lines = part.items.map((block, at) => {
        const marker = part.ordered ? `${at + 1}${other ? ')' : '.'} ` : other ? '* ' : '- ';
        const first = at === 0 ? lead : '';
        const text = first + inlineToMarkdown(block, { lineStart: first === '' });
        // The lines after a break are indented under the item's text, so that they stay in it.
        return marker + text.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
      });
      blocks.push(lines.join('\n'));
    });
  }
  if (prepared.outro) blocks.push(inlineToMarkdown(prepared.outro, { lineStart: true }));
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Renders the issue as Markdown.
 * @param issue the untrusted model; it is sanitized here.
 * @param style house style to apply.
 */
export function renderMarkdown(issue: ExportIssue, style: HouseStyle): string {
  return renderPreparedMarkdown(prepareIssue(issue, style));
}
