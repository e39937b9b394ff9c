/**
 * Loads the page corpus (`tests/fixtures/pages`) into jsdom documents, for the
 * corpus test and the capture benchmark. Nothing is fetched: jsdom runs no scripts and loads no
 * sub-resources by default.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';

/** The corpus is part of the repository: a clone alone runs every test (see tests/fixtures/README.md). */
export const CORPUS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/pages',
);

/** Readability 0.6's output for a page: a reference to compare with, not ground truth. */
export interface ReferenceMetadata {
  title?: string | null;
  byline?: string | null;
  lang?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

export interface CorpusPage {
  name: string;
  /** The address the document was given: the page's own canonical URL when it declares one. */
  url: string;
  dom: JSDOM;
  doc: Document;
  reference: ReferenceMetadata;
}

/** The page's declared absolute address (canonical link, else og:url), if any. */
function declaredUrl(doc: Document): string | undefined {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'),
    doc.querySelector('meta[property~="og:url" i][content]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    // Only absolute (or protocol-relative) addresses say where the page lives.
    if (!candidate || !/^(?:https?:)?\/\//i.test(candidate.trim())) continue;
    try {
      return new URL(candidate.trim(), 'https://fixture.test/').href;
    } catch {
      // Not a URL: try the next one.
    }
  }
  return undefined;
}

/** Names of the corpus pages (one folder each), sorted. */
export function corpusPageNames(): string[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && existsSync(path.join(CORPUS_DIR, entry.name, 'source.html')),
    )
    .map((entry) => entry.name)
    .sort();
}

/**
 * Parses one page. The document first gets a fixture address (`http://fixture.test/NAME/`), then,
 * when the page declares its own absolute URL, that one: it is where a browser would have loaded
 * it from, and hostname-based fallbacks should see the real host.
 */
export function loadCorpusPage(name: string): CorpusPage {
  const dir = path.join(CORPUS_DIR, name);
  const html = readFileSync(path.join(dir, 'source.html'), 'utf8');
  const reference = JSON.parse(
    readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8'),
  ) as ReferenceMetadata;
  // A silent console: the corpus's CSS and markup errors are not ours to report.
  const dom = new JSDOM(html, {
    url: `http://fixture.test/${name}/`,
    virtualConsole: new VirtualConsole(),
  });
  const declared = declaredUrl(dom.window.document);
  if (declared) dom.reconfigure({ url: declared });
  return { name, url: dom.window.document.URL, dom, doc: dom.window.document, reference };
}

/** Every corpus page, parsed. */
export function loadCorpus(): CorpusPage[] {
  return corpusPageNames().map(loadCorpusPage);
}
