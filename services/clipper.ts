import { browser } from 'wxt/browser';
import { boundMetadata } from '../capture/bounds';
import { interpretPage } from '../capture/metadata';
import type {
  CapturedPassage,
  CaptureResult,
  PageCapture,
  PageData,
  PageMetadata,
  SelectedPassage,
} from '../capture/types';
import { cleanUrl } from '../capture/url';
import { CodedError, technicalDetail } from '../messaging/errors';
import type { ClipOutcome, PrepareRequest } from '../messaging/protocol';
import { saveDraft } from '../storage/draft-records';
import { cachedReader, draftTemplate } from '../storage/settings';
import { houseStyleItem } from '../storage/preferences';
import { createHouseStyle } from '../storage/house-style';
import { limitForFailure, limitForUrl, pageShownAt } from './limits';
import { toSelectedPassage } from './passage';
import { escapeHtml, stripWww } from '../lib/html';
import { readableHost } from '../lib/punycode';
import { isHttpUrl, withoutCredentials } from '../storage/http-url';

/** What the background knows when a clip is asked for. */
export interface ClipRequest {
  tabId: number;
  /** The selection as the context menu saw it, used when the script cannot read it. */
  selectionText?: string;
  /** For "Clip link": the link's URL; the draft is then about that link, not the page. */
  linkUrl?: string;
  /**
   * For "Clip link", where the browser's menu event says the link is: its frame, and in Firefox
   * the element right-clicked (`targetElementId`), so that the link described is that very one,
   * not another link of the page to the same address.
   */
  linkTarget?: LinkTarget;
  /**
   * What the browser told of the tab with the event that asked for the clip (context menu,
   * keyboard command): with its address, the tab is not asked again, a round trip saved before
   * the page can be read. Without one (no permission to see it), the tab is read as usual.
   */
  tab?: { url?: string; title?: string };
  /**
   * The popup's early read of this tab ({@link prepareClip}): its token, when the popup asked
   * for one as it opened. Used if it is of this tab at this address, else the page is read now.
   */
  prepared?: string;
}

/** Where a right-clicked link is, as the browser's menu event tells it. */
export interface LinkTarget {
  /** The frame the link is in (0: the page itself). */
  frameId?: number;
  /** Firefox's `targetElementId`: the element right-clicked, valid in that frame. */
  elementId?: number;
}

/** A read of a page started before its clip was asked for. */
interface EarlyRead {
  token: string;
  tabId: number;
  url: string;
  at: number;
  /** What the page gave; undefined when it could not be read. */
  capture: Promise<CaptureResult | undefined>;
}

/** How long an early read stays usable. */
const EARLY_READ_MS = 60_000;

/** The latest early read (one popup is open at a time); forgotten once used. */
let earlyRead: EarlyRead | undefined;

/** Where the link described by the capture script's helper lives in the page. */
interface LinkDescription {
  url: string;
  text: string;
  context?: CapturedPassage;
}

/** The editor's draft template, read from browser storage once and then watched. */
const readTemplate = cachedReader(draftTemplate);

/** The house style, for its export language (the items' own), read as the template is. */
const readHouseStyle = cachedReader(houseStyleItem);

/**
 * Clips a tab: injects the capture script, stores what it returns, and falls back to the tab's
 * URL and title when the page forbids scripts. Never throws for a page that cannot be read.
 */
export async function clipTab(clipped: ClipRequest): Promise<ClipOutcome> {
  // « Couper ce lien » on a link to no page (`javascript:`, `mailto:`; the menu is offered on
  // http(s) links only) clips the page it is in: a draft of « javascript:void(0) » is no source.
  const { linkUrl, ...page } = clipped;
  const request: ClipRequest = isHttpUrl(linkUrl) ? clipped : page;
  // Read while the page is being read (after the first clip, from memory).
  const template = readTemplate();
  template.catch(() => undefined); // awaited below; a failure is reported there
  // The language items are written in: a quote from a page in another is marked with its own.
  const textLang = readHouseStyle().then(
    (style) => createHouseStyle(style).locale,
    () => undefined, // the quote is then not marked; the clip goes on
  );
  // A tab closed between the click and now: the editor is told so, not the browser's words.
  const tab: { url?: string; pendingUrl?: string; title?: string } = request.tab?.url
    ? request.tab
    : await browser.tabs.get(request.tabId).catch((error: unknown) => {
        throw new CodedError({ code: 'tab_gone', detail: technicalDetail(error) });
      });
  const tabUrl = tab.url ?? tab.pendingUrl ?? '';
  let limit = limitForUrl(tabUrl);
  let capture: CaptureResult | undefined;
  let link: LinkDescription | undefined;
  if (!limit) {
    // The link is described while the page is read: two injections at once, not one after the
    // other. A page that could not be read keeps no description (the draft is the tab's).
    const described = request.linkUrl
      ? describeLinkInPage(request.tabId, request.linkUrl, request.linkTarget)
      : undefined;
    try {
      const early = request.prepared
        ? takeEarlyRead(request.prepared, request.tabId, tabUrl)
        : undefined;
      capture = (early && (await early)) || (await runCaptureScript(request.tabId));
      link = await described;
    } catch {
      limit = limitForFailure(tabUrl);
    }
    // The PDF viewer lets the script in, but there is no page to read behind it. Nor is there
    // behind a text file or an image: no note then (there is nothing more to read, and the page
    // refused nothing); the draft is the tab's, with the words selected in a text file.
    if (capture?.contentType) {
      if (capture.contentType === 'application/pdf') limit = 'pdf';
      capture = {
        ...fromTab(tabUrl, tab.title),
        ...(capture.selection ? { selection: capture.selection } : {}),
      };
    }
  }
  // Firefox's reader view is a browser page, a page's source is closed to scripts: what they
  // show is a page at its own address. A source's tab is titled with an address: its own in
  // Chromium (view-source:…), the page's in Firefox.
  const shown = pageShownAt(tabUrl);
  const title =
    limit === 'view-source' &&
    (tab.title?.startsWith('view-source:') || `view-source:${tab.title}` === tabUrl)
      ? ''
      : tab.title;
  if (!capture) capture = fromTab(shown, title);
  if (request.selectionText && !capture.selection) {
    capture.selection = passageFromText(request.selectionText);
  }
  if (request.linkUrl) capture = forLink(request.linkUrl, link, capture);
  const saved = await saveDraft({
    ...capture,
    template: await template,
    textLang: await textLang,
    ...(limit && !request.linkUrl ? { captureNote: limit } : {}),
    // The page read at its address: a draft of that address made while it could not be read.
    ...(!limit && !request.linkUrl && isHttpUrl(tabUrl) ? { readAt: draftAddress(tabUrl) } : {}),
  });
  return {
    status: saved.merged ? 'merged' : 'created',
    clip: saved.clip,
    quoteAdded: saved.quoteAdded,
    ...(saved.beside !== undefined ? { beside: saved.beside } : {}),
    ...(saved.addedTo !== undefined ? { addedTo: saved.addedTo } : {}),
    ...(limit ? { limit } : {}),
    ...(limit && capture.selection?.text ? { selectionKept: true } : {}),
    // Reader view's page itself, clipped, joins this draft: said (a link's draft is another).
    ...(limit === 'browser-page' && shown !== tabUrl && !request.linkUrl
      ? { readerView: true }
      : {}),
    ...(capture.selection?.truncated ? { truncated: true } : {}),
  };
}

/**
 * Reads a tab ahead of its clip, for the popup. While the popup is open the page has no focus and
 * its selection cannot change, so the read made as the popup opens is the one a click on
 * « Couper cette page » would make: the click then only has the draft stored. Nothing is stored
 * here; the read is kept in memory for the one clip that names its token, and forgotten once
 * used, replaced by the next popup's, or after a minute. Answers once the page is read (true) or
 * could not be (false: the clip will read it, and say why it cannot).
 */
export async function prepareClip({ tabId, tab, token }: PrepareRequest): Promise<boolean> {
  if (limitForUrl(tab.url)) return false;
  const capture = runCaptureScript(tabId).catch(() => undefined);
  earlyRead = { token, tabId, url: tab.url, at: Date.now(), capture };
  return (await capture) !== undefined;
}

/** The early read a clip names, if it is of that tab at that address and recent; used once. */
function takeEarlyRead(token: string, tabId: number, url: string) {
  const read = earlyRead;
  if (!read || read.token !== token) return undefined;
  earlyRead = undefined;
  const fresh = Date.now() - read.at <= EARLY_READ_MS;
  return fresh && read.tabId === tabId && read.url === url ? read.capture : undefined;
}

async function runCaptureScript(tabId: number): Promise<CaptureResult> {
  const [frame] = await browser.scripting.executeScript({
    target: { tabId },
    files: ['/capture.js'],
  });
  const result = readCapture(frame?.result);
  if (!result?.page?.url) throw new Error('The capture script returned nothing');
  // The page sends its selection as a tree; the HTML is written here, never in the page.
  // It sends what it declares about itself, too: the metadata is chosen and cleaned here.
  const { selection: captured, page: declared, ...rest } = result;
  const metadata = pageMetadata(declared);
  // The page sends its address as found: tracking parameters are removed here.
  const url = draftAddress(metadata.url);
  // A page without a title is titled with its address: the cleaned one.
  const title = metadata.provenance.title === 'url' ? url : metadata.title;
  const page = { ...rest, metadata: { ...metadata, url, title } };
  const selection = captured && toSelectedPassage(captured, metadata.lang);
  return selection ? { ...page, selection } : page;
}

/**
 * What the capture script answered: a PageCapture written as JSON (entrypoints/capture.ts says
 * why). Undefined for anything else; what it holds is checked field by field by its readers.
 */
export function readCapture(answer: unknown): PageCapture | undefined {
  if (typeof answer !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(answer);
    return typeof parsed === 'object' && parsed !== null ? (parsed as PageCapture) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The metadata of a page from what it declared, within the field limits; the page's address and
 * title alone if that fails (a page can send anything).
 */
function pageMetadata(page: PageData): PageMetadata {
  try {
    return boundMetadata(interpretPage(page));
  } catch {
    const title = typeof page.title === 'string' ? page.title : undefined;
    return {
      url: page.url,
      title: title ?? page.url,
      provenance: { url: 'location', title: title ? '<title>' : 'url' },
    };
  }
}

async function describeLinkInPage(tabId: number, href: string, where: LinkTarget = {}) {
  // In the frame the link was right-clicked in: Firefox's element id is valid there only, and
  // a link inside a frame is not in the page's own document.
  const target = where.frameId !== undefined ? { tabId, frameIds: [where.frameId] } : { tabId };
  try {
    // A script injected from a file takes no arguments: the link's URL waits in a global of the
    // extension's isolated world, where the page cannot see or change it.
    await browser.scripting.executeScript({
      target,
      func: (wanted: { href: string; elementId?: number }) => {
        (globalThis as { __indiscretsLinkTarget?: object }).__indiscretsLinkTarget = wanted;
      },
      args: [where.elementId !== undefined ? { href, elementId: where.elementId } : { href }],
    });
    const [frame] = await browser.scripting.executeScript({
      target,
      files: ['/describe-link.js'],
    });
    return (frame?.result ?? undefined) as LinkDescription | undefined;
  } catch {
    // The link's own URL is enough for a draft; its text is a bonus.
    return undefined;
  }
}

/** A draft from what the browser tab alone tells: its URL and title. */
export function fromTab(url: string, title: string | undefined): CaptureResult {
  const cleaned = draftAddress(url);
  const metadata: PageMetadata = {
    url: cleaned,
    // The last path segment names a file (report.pdf) better than its whole address.
    title: title?.trim() || fileName(cleaned) || cleaned,
    provenance: { url: 'tab', title: 'tab' },
  };
  const host = hostOf(cleaned);
  if (host) {
    metadata.siteName = host;
    metadata.provenance.siteName = 'hostname';
  }
  return { metadata };
}

/**
 * A page's address as its draft keeps it, a link published and shared with the desk: cleaned of
 * tracking parameters, and of the user name and password typed in it (`https://redac:secret@…`,
 * a page behind a password), which the page, the tab or a link clipped gives as loaded.
 */
function draftAddress(url: string): string {
  const cleaned = cleanUrl(url);
  return isHttpUrl(cleaned) ? withoutCredentials(cleaned) : cleaned;
}

/**
 * The last segment of an address's path, decoded (« rapport final.pdf »); as written when it
 * does not decode (« rapport-100%.pdf »).
 */
function fileName(url: string): string {
  const segment = url.split(/[?#]/)[0]!.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "Clip link": the draft is the linked page, credited with the link text and its paragraph. */
function forLink(
  linkUrl: string,
  link: LinkDescription | undefined,
  page: CaptureResult,
): CaptureResult {
  // A link to a page behind a password (https://redac:secret@…): its draft keeps neither.
  const url = draftAddress(link?.url ?? linkUrl);
  const metadata: PageMetadata = {
    url,
    title: link?.text?.trim() || url,
    provenance: { url: 'link', title: link?.text ? 'link text' : 'link' },
  };
  const host = hostOf(url);
  if (host) {
    metadata.siteName = host;
    metadata.provenance.siteName = 'hostname';
  }
  const selection = page.selection ?? (link?.context && toSelectedPassage(link.context));
  return selection ? { metadata, selection } : { metadata };
}

/** The context menu's selection text, when the script could not read the page. */
function passageFromText(text: string): SelectedPassage {
  const clean = text.replace(/\s+/g, ' ').trim();
  return { text: clean, html: clean ? `<p>${escapeHtml(clean)}</p>` : '' };
}

/** The site a draft without a declared name is credited to: its host as a reader writes it. */
function hostOf(url: string): string | undefined {
  try {
    const { hostname } = new URL(url);
    return stripWww(readableHost(hostname)) || undefined;
  } catch {
    return undefined;
  }
}
