/**
 * Entry point of the injected capture script: everything a clip needs from the page, in one call
 * that never throws (a page can break any assumption; a degraded clip is better than none).
 */

import { readPage } from './page';
import { captureSelection } from './selection';
import type { CapturedPassage, PageCapture, PageData } from './types';
import { cleanText, forgetReferences } from './text';
import { cutAtWord } from '../lib/ellipsis';
import { FIELD_LIMITS } from './bounds';

export { extractMetadata, interpretPage } from './metadata';
export { captureSelection, readRanges } from './selection';
export { describeLink, type LinkDescription } from './links';
export type {
  CapturedPassage,
  CaptureResult,
  PageCapture,
  PageData,
  PageMetadata,
  PassageNode,
  Provenance,
  SelectedPassage,
} from './types';

/** The least a clip can hold when reading the page failed: the address and the tab title. */
function fallbackPage(win: Window): PageData {
  const page: PageData = { url: '', base: '', meta: {}, headings: [], bylines: [], dates: [] };
  try {
    page.url = win.location.href.slice(0, FIELD_LIMITS.url);
    const title = cleanText(win.document.title);
    if (title) page.title = cutAtWord(title, FIELD_LIMITS.title);
  } catch {
    // Keep whatever was read.
  }
  return page;
}

/**
 * Reads what the page declares about itself and the user's selection. Never throws: a failing
 * part degrades to a minimal value (the page's address and title) or is left out (selection).
 * Every value is within the limits of `./bounds` (FIELD_LIMITS, MAX_QUOTE_CHARS): nothing
 * oversized crosses to the extension.
 */
export function capturePage(win: Window = window): PageCapture {
  forgetReferences();
  let page: PageData;
  try {
    page = readPage(win.document);
  } catch {
    page = fallbackPage(win);
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
    page,
    ...(selection ? { selection } : {}),
    ...(contentType && !/html|xml/.test(contentType) ? { contentType } : {}),
  };
}
