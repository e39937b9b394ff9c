/**
 * Entry point of the injected capture script: everything a clip needs from the page, in one call
 * that never throws (a page can break any assumption; a degraded clip is better than none).
 */

import { boundMetadata } from './bounds';
import { extractMetadata } from './metadata';
import { captureSelection } from './selection';
import type { CapturedPassage, PageCapture, PageMetadata } from './types';
import { cleanText } from './text';

export { extractMetadata } from './metadata';
export { captureSelection, readRanges } from './selection';
export { describeLink, type LinkDescription } from './links';
export type {
  CapturedPassage,
  CaptureResult,
  PageCapture,
  PageMetadata,
  PassageNode,
  Provenance,
  SelectedPassage,
} from './types';

/** The least a clip can hold when metadata extraction failed: the address and the tab title. */
function fallbackMetadata(win: Window): PageMetadata {
  let url = '';
  let title: string | undefined;
  try {
    url = win.location.href;
    title = cleanText(win.document.title);
  } catch {
    // Keep whatever was read.
  }
  return {
    url,
    title: title ?? url,
    provenance: { url: 'location', title: title ? '<title>' : 'url' },
  };
}

/**
 * Captures the page's metadata and the user's selection. Never throws: a failing part degrades to
 * a minimal value (metadata) or is left out (selection). Every field is within the limits of
 * `./bounds` (FIELD_LIMITS, MAX_QUOTE_CHARS).
 */
export function capturePage(win: Window = window): PageCapture {
  let metadata: PageMetadata;
  try {
    metadata = extractMetadata(win.document);
  } catch {
    metadata = fallbackMetadata(win);
  }
  let selection: CapturedPassage | undefined;
  try {
    selection = captureSelection(win);
  } catch {
    selection = undefined;
  }
  let contentType: string | undefined;
  try {
    contentType = win.document.contentType;
  } catch {
    contentType = undefined;
  }
  return {
    // Every field is bounded here, in the page: nothing oversized crosses to the extension.
    metadata: boundMetadata(metadata),
    ...(selection ? { selection } : {}),
    ...(contentType && !/html|xml/.test(contentType) ? { contentType } : {}),
  };
}
