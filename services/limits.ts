import type { CaptureLimit } from '../capture/types';
import { isHttpUrl } from '../storage/http-url';

export type { CaptureLimit };

const BROWSER_SCHEMES = [
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'about:',
  'moz-extension:',
  'resource:',
  'data:',
  'javascript:',
];

const WEB_STORES: Array<[host: string, pathPrefix: string]> = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/**
 * Tells in advance why a tab's page cannot be read by an injected script, when its URL says
 * so. `undefined` means: try, and map a failure with {@link limitForFailure}.
 */
export function limitForUrl(rawUrl: string | undefined): CaptureLimit | undefined {
  if (!rawUrl) return 'browser-page';
  if (rawUrl.startsWith('view-source:')) return 'view-source';
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'browser-page';
  }
  if (BROWSER_SCHEMES.includes(url.protocol)) return 'browser-page';
  if (WEB_STORES.some(([host, path]) => url.hostname === host && url.pathname.startsWith(path))) {
    return 'web-store';
  }
  return undefined;
}

/**
 * The web page a tab shows when its address is the browser's own view of it: Firefox's reader
 * view (`about:reader?url=…`, closed to scripts like every about: page), or a page's source
 * (`view-source:https://…`). The draft is then that page's, its address and site, where
 * `about:reader` or `view-source:` would be a link no reader can follow and would not meet a
 * draft of the same page. Any other address (a view of no web page too) is returned as it is.
 */
export function pageShownAt(rawUrl: string): string {
  let shown = '';
  if (rawUrl.startsWith('about:reader?')) {
    shown = new URLSearchParams(rawUrl.slice('about:reader?'.length)).get('url') ?? '';
  } else if (rawUrl.startsWith(VIEW_SOURCE)) shown = rawUrl.slice(VIEW_SOURCE.length);
  return isHttpUrl(shown) ? shown : rawUrl;
}

const VIEW_SOURCE = 'view-source:';

/** Names the reason an injection failed on a page whose URL looked readable. */
export function limitForFailure(rawUrl: string): CaptureLimit {
  if (rawUrl.startsWith('file:')) return 'file';
  try {
    if (new URL(rawUrl).pathname.toLowerCase().endsWith('.pdf')) return 'pdf';
  } catch {
    // An unparsable URL cannot be injected into anyway.
  }
  return 'script-failed';
}
