/**
 * Clean semantic HTML. The fragment is an `<article>` whose heading is an `<h1>`: an exported
 * issue is a standalone piece (a file, or a paste into a mail or a CMS body), so its title is the
 * top-level heading. Then the intro's `<p>`s, each item's `<p>`s (the first starting with the opener),
 * and the optional outro `<p>`. No classes, no inline styles, no scripts: only the elements
 * sanitize.ts allows, and every text escaped.
 */
import type { ExportIssue } from './model';
import type { HouseStyle } from './house-style';
import { prepareIssue, type PreparedIssue } from './prepare';
import { escapeHtml } from '../lib/html';
import { inlineToHtml } from './sanitize';

/**
 * One `<p>` per displayed paragraph, shared with the WordPress serialiser: each paragraph of the
 * intro, each paragraph of each item (the opener before its first only), the outro.
 */
export function paragraphsHtml(prepared: PreparedIssue): string[] {
  const opener = escapeHtml(prepared.style.itemOpener, 'text');
  const out: string[] = [];
  for (const paragraph of prepared.introParagraphs) out.push(`<p>${inlineToHtml(paragraph)}</p>`);
  for (const item of prepared.items) {
    item.blocks.forEach((block, index) => {
      out.push(`<p>${index === 0 ? opener : ''}${inlineToHtml(block)}</p>`);
    });
  }
  if (prepared.outro) out.push(`<p>${inlineToHtml(prepared.outro)}</p>`);
  return out;
}

/** Renders an already prepared issue as an `<article>` fragment (no trailing newline). */
export function renderPreparedHtml(prepared: PreparedIssue): string {
  return [
    '<article>',
    `<h1>${escapeHtml(prepared.title, 'text')}</h1>`,
    ...paragraphsHtml(prepared),
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
