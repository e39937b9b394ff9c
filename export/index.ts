/**
 * Entry point of the export feature: one model in, five formats out. Pure functions, no DOM
 * needed, so they run in the popup and in Node alike.
 */
import type { ExportIssue } from './model';
import type { HouseStyle } from './house-style';
import { prepareIssue } from './prepare';
import { renderPreparedHtml, renderPreparedHtmlDocument } from './html';
import { renderPreparedWordPress } from './wordpress-blocks';
import { renderPreparedMarkdown } from './markdown';
import { renderPreparedText } from './text';
import { buildIssueJson, type JsonExportOptions } from './json';

export type ExportFormat = 'html' | 'wordpress' | 'markdown' | 'text' | 'json';

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  'html',
  'wordpress',
  'markdown',
  'text',
  'json',
];

export interface ExportedFile {
  /** Suggested download name, e.g. "les-indiscrets-du-15-mars.md". */
  filename: string;
  /** Bare MIME type (no parameters); the content is always UTF-8, add `;charset=utf-8`. */
  mimeType: string;
  content: string;
}

export type ExportOptions = JsonExportOptions;

const FILE_TYPES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  html: { extension: '.html', mimeType: 'text/html' },
  // Block markup is HTML; the double extension tells it apart from the standalone page.
  wordpress: { extension: '.wp.html', mimeType: 'text/html' },
  markdown: { extension: '.md', mimeType: 'text/markdown' },
  text: { extension: '.txt', mimeType: 'text/plain' },
  json: { extension: '.json', mimeType: 'application/json' },
};

/**
 * Makes a file-name slug: lower case, ASCII only (accents removed, "œ" → "oe"), words joined by
 * hyphens, at most 80 characters. Falls back to "indiscrets" when nothing is left.
 * @example slugify('Les indiscrets du 1er mars') // "les-indiscrets-du-1er-mars"
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'indiscrets';
}

/**
 * Exports an issue to one format as a downloadable file.
 *
 * - `html`: a complete UTF-8 page around the `<article>` (see html.ts);
 * - `wordpress`: the post content as block markup only (the post title is not part of
 *   post_content; use renderWordPressBlocks for both);
 * - `markdown`, `text`: as described in markdown.ts and text.ts;
 * - `json`: schema v1 (json.ts); pass `options.now` for a reproducible `exportedAt`.
 * @param issue the untrusted model.
 * @param format target format.
 * @param style house style to apply.
 * @param options clock injection for the JSON format.
 */
export function exportIssue(
  issue: ExportIssue,
  format: ExportFormat,
  style: HouseStyle,
  options: ExportOptions = {},
): ExportedFile {
  const prepared = prepareIssue(issue, style);
  let content: string;
  switch (format) {
    case 'html':
      content = renderPreparedHtmlDocument(prepared);
      break;
    case 'wordpress':
      content = `${renderPreparedWordPress(prepared).content}\n`;
      break;
    case 'markdown':
      content = renderPreparedMarkdown(prepared);
      break;
    case 'text':
      content = renderPreparedText(prepared);
      break;
    case 'json':
      content = `${JSON.stringify(buildIssueJson(prepared, options), null, 2)}\n`;
      break;
  }
  const type = FILE_TYPES[format];
  return {
    filename: `${slugify(prepared.plainTitle)}${type.extension}`,
    mimeType: type.mimeType,
    content,
  };
}

/**
 * Both flavours for one clipboard write (`text/html` and `text/plain` together), so that rich
 * editors paste formatted text and plain fields get the e-mail text.
 * @param issue the untrusted model.
 * @param style house style to apply.
 */
export function exportForClipboard(
  issue: ExportIssue,
  style: HouseStyle,
): { html: string; text: string } {
  const prepared = prepareIssue(issue, style);
  return { html: renderPreparedHtml(prepared), text: renderPreparedText(prepared) };
}

export type { ExportIssue, ExportItem, ExportSource } from './model';
export {
  DEFAULT_HOUSE_STYLE,
  createHouseStyle,
  formatIssueTitle,
  type CreditStyle,
  type ExportLocale,
  type HouseStyle,
} from './house-style';
export { frenchTypographyHtml, frenchTypographyText } from './typography';
export { sanitizeHtml, safeUrl } from './sanitize';
export { renderHtml, renderHtmlDocument } from './html';
export { renderWordPressBlocks, type WordPressPost } from './wordpress-blocks';
export { renderMarkdown } from './markdown';
export { renderText } from './text';
export {
  renderJson,
  parseIssueJson,
  issueJsonToExportIssue,
  type IssueJsonDocument,
  type ParseIssueJsonResult,
} from './json';
