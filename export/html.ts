/**
 * Clean semantic HTML. The fragment is an `<article>` whose heading is an `<h1>`: an exported
 * issue is a standalone piece (a file, or a paste into a mail or a CMS body), so its title is the
 * top-level heading. Then the intro's `<p>`s, each item's `<p>`s and lists as its text has them
 * (the first starting with the opener), and the optional outro `<p>`. No classes, no inline styles, no scripts: only the elements
 * sanitize.ts allows, and every text escaped.
 */
import type { ExportIssue } from './model';
import type { HouseStyle } from './house-style';
import { itemParts, prepareIssue, type PreparedIssue } from './prepare';
import { escapeHtml } from '../lib/html';
import { inlineToHtml } from './sanitize';

/** A displayed block: a `<p>`, or a list whose items are given as the content of each `<li>`. */
export type HtmlBlock =
  { kind: 'paragraph'; html: string } | { kind: 'list'; ordered: boolean; items: string[] };

/**
 * The displayed blocks, shared with the WordPress serialiser: each paragraph of the intro, each
 * paragraph and list of each item (the opener before its first paragraph, or in its first list
 * item), the outro.
 */
export function blocksHtml(prepared: PreparedIssue): HtmlBlock[] {
  const opener = escapeHtml(prepared.style.itemOpener, 'text');
  const out: HtmlBlock[] = [];
  const paragraph = (html: string): void => {
    out.push({ kind: 'paragraph', html: `<p>${html}</p>` });
  };
  for (const intro of prepared.introParagraphs) paragraph(inlineToHtml(intro));
  for (const item of prepared.items) {
    itemParts(item).forEach((part, index) => {
      const lead = index === 0 ? opener : '';
      if (part.kind === 'paragraph') paragraph(lead + inlineToHtml(part.block));
      else {
        const items = part.items.map((block, at) => (at === 0 ? lead : '') + inlineToHtml(block));
        out.push({ kind: 'list', ordered: part.ordered, items });
      }
    });
  }
  if (prepared.outro) paragraph(inlineToHtml(prepared.outro));
  return out;
}

/** A block as the `<article>` holds it: a list one line per item. */
function blockHtml(block: HtmlBlock): string {
  if (block.kind === 'paragraph') return block.html;
  const tag = block.ordered ? 'ol' : 'ul';
  return [`<${tag}>`, ...block.items.map((item) => `<li>${item}</li>`), `</${tag}>`].join('\n');
}

/** Renders an already prepared issue as an `<article>` fragment (no trailing newline). */
export function renderPreparedHtml(prepared: PreparedIssue): string {
  return [
    '<article>',
    `<h1>${escapeHtml(prepared.title, 'text')}</h1>`,
    ...blocksHtml(prepared).map(blockHtml),
    '</article>',
  ].join('\n');
}

/**
 * Renders the issue as an `<article>` HTML fragment, e.g. for the clipboard.
 * @param issue the untrusted model; it is sanitized here.
 * @param style house style to apply.
 */
export function renderHtml(issue: ExportIssue, style: HouseStyle): string {
  return renderPreparedHtml(prepareIssue(issue, style));
}

/**
 * Wraps an already prepared issue in a minimal UTF-8 page. The `<meta charset>` matters: a local
 * .html file without it is often decoded as Windows-1252, turning every accent and no-break space
 * into mojibake.
 */
export function renderPreparedHtmlDocument(prepared: PreparedIssue): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${prepared.style.locale === 'en' ? 'en' : 'fr'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(prepared.title, 'text')}</title>`,
    '</head>',
    '<body>',
    renderPreparedHtml(prepared),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Renders the issue as a complete HTML document for a file download (see
 * {@link renderPreparedHtmlDocument}).
 * @param issue the untrusted model; it is sanitized here.
 * @param style house style to apply.
 */
export function renderHtmlDocument(issue: ExportIssue, style: HouseStyle): string {
  return renderPreparedHtmlDocument(prepareIssue(issue, style));
}
