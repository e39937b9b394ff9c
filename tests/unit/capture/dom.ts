/** Builds jsdom documents and windows for the capture unit tests. */

import { JSDOM, VirtualConsole } from 'jsdom';

/** The address test pages are loaded from, unless a test gives its own. */
export const PAGE_URL = 'https://news.example.com/2024/05/story.html?utm_source=feed';

/** A jsdom window for `html`, loaded from `url`. Scripts do not run; nothing is fetched. */
export function makeWindow(html: string, url: string = PAGE_URL): Window {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  return dom.window as unknown as Window;
}

/** A jsdom document for `html`, loaded from `url`. */
export function makeDoc(html: string, url: string = PAGE_URL): Document {
  return makeWindow(html, url).document;
}

/** A document whose `<head>` holds `head` and whose `<body>` holds `body`. */
export function pageWith(head: string, body = '', url: string = PAGE_URL): Document {
  return makeDoc(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, url);
}
