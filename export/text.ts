/**
 * Plain text for e-mail: the title line, a blank line, then each paragraph of the intro, of the
 * items (the opener before an item's first) and the outro, separated by blank lines, and the link
 * list at the end. A list of an item is one line per item, « - » or « 1. » first. Links become footnotes: "la vidéo[1]"
 * in the text, "[1] https://…" at the end; a URL linked twice gets one number. A link whose text
 * already is its URL gets no footnote. Bold and italic are dropped (no `*stars*`: readers of
 * plain-text mail see them literally).
 *
 * Lines are not wrapped: mail clients wrap (format=flowed or not) better than a fixed width,
 * and hard wrapping would break URLs and the paragraph structure. Line breaks inside a
 * paragraph stay single newlines. Text is written verbatim: nothing is escaped, since
 * plain text has no markup to escape.
 */
import type { ExportIssue } from './model';
import { stripWww } from '../lib/html';
import { readableHost } from '../lib/punycode';
import type { HouseStyle } from './house-style';
import { itemParts, prepareIssue, type PreparedIssue } from './prepare';
import { codeText, inlineToText, isCode, type SafeInline } from './sanitize';

class Footnotes {
  readonly urls: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(url: string): number {
    let n = this.numbers.get(url);
    if (n === undefined) {
      this.urls.push(url);
      n = this.urls.length;
      this.numbers.set(url, n);
    }
    return n;
  }
}

/**
 * "https://www.x.com/" and "www.x.com" name the same place; no footnote needed then. So do
 * "café.fr" and "https://xn--caf-dma.fr/", its host as a reader writes it (lib/punycode.ts).
 */
function sameAsUrl(text: string, url: string): boolean {
  const bare = (s: string): string =>
    stripWww(
      s
        .trim()
        .toLowerCase()
        .replace(/^(?:https?:\/\/|mailto:)/, ''),
    ).replace(/\/$/, '');
  if (bare(text) === bare(url)) return true;
  if (!/xn--/i.test(url)) return false;
  try {
    const { hostname, port, pathname, search } = new URL(url);
    const readable = readableHost(hostname);
    return (
      readable !== hostname &&
      bare(text) === bare(`${readable}${port ? `:${port}` : ''}${pathname}${search}`)
    );
  } catch {
    return false;
  }
}

function inlineToFootnotedText(nodes: readonly SafeInline[], notes: Footnotes): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'br') out += '\n';
    else if (node.type === 'link') {
      const text = inlineToFootnotedText(node.children, notes);
      out += sameAsUrl(inlineToText(node.children), node.href)
        ? text
        : `${text}[${notes.number(node.href)}]`;
    } else if (isCode(node)) out += codeText(inlineToFootnotedText(node.children, notes));
    else out += inlineToFootnotedText(node.children, notes);
  }
  return out;
}

/** Renders an already prepared issue as plain text, ending with a newline. */
export function renderPreparedText(prepared: PreparedIssue): string {
  const notes = new Footnotes();
  const blocks = [prepared.title];
  for (const paragraph of prepared.introParagraphs) {
    blocks.push(inlineToFootnotedText(paragraph, notes));
  }
  for (const item of prepared.items) {
    itemParts(item).forEach((part, index) => {
      const lead = index === 0 ? prepared.style.itemOpener : '';
      if (part.kind === 'paragraph') {
        blocks.push(lead + inlineToFootnotedText(part.block, notes));
        return;
      }
      const lines = part.items.map((block, at) => {
        const marker = part.ordered ? `${at + 1}. ` : '- ';
        const text = (at === 0 ? lead : '') + inlineToFootnotedText(block, notes);
        return marker + text.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
      });
      blocks.push(lines.join('\n'));
    });
  }
  if (prepared.outro) blocks.push(inlineToFootnotedText(prepared.outro, notes));
  if (notes.urls.length > 0) {
    blocks.push(notes.urls.map((url, i) => `[${i + 1}] ${url}`).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Renders the issue as plain text with footnoted links.
 * @param issue the untrusted model; it is sanitized here.
 * @param style house style to apply.
 */
export function renderText(issue: ExportIssue, style: HouseStyle): string {
  return renderPreparedText(prepareIssue(issue, style));
}
