import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium,
  type BrowserContext,
  type ConsoleMessage,
  type Locator,
  type Page,
} from 'playwright-core';
import { extensionArgs } from '../../scripts/chromium.mjs';
import { writeDatabase } from './database';

export const ROOT = path.resolve(__dirname, '../..');
/** The page corpus, kept in the repository (tests/fixtures/pages). */
export const FIXTURES = path.resolve(ROOT, 'tests/fixtures/pages');
const OWN_PAGES = path.resolve(__dirname, 'pages');
export const EXTENSION_DIR = path.resolve(ROOT, '.output/test/chrome-mv3');

/**
 * Where a test saves a screenshot named `name` (`popup.png`…). The README's screenshots in
 * `docs/` are tracked: only `npm run screenshots` (INDISCRETS_SCREENSHOTS=1) writes them. A test
 * run writes to the ignored `.tmp/screenshots/`, so it never leaves the working tree dirty, and
 * the images are still there to look at after a failure.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.INDISCRETS_SCREENSHOTS === '1' ? 'docs' : '.tmp/screenshots';
  return path.join(ROOT, dir, name);
}

interface ChromeTabs {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
}

export interface PageServer {
  origin: string;
  /** URL of a corpus page: `/fixtures/NAME/`. */
  fixture(name: string): string;
  /** URL of one of the browser tests' own pages: `/pages/FILE`. */
  page(file: string): string;
  close(): Promise<void>;
}

/** Serves the corpus and the tests' own pages on 127.0.0.1, on a free port. */
export async function servePages(): Promise<PageServer> {
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    let file: string | undefined;
    const fixture = /^\/fixtures\/([\w-]+)\/$/.exec(pathname);
    const own = /^\/pages\/([\w.-]+\.(?:html|pdf))$/.exec(pathname);
    if (fixture) file = path.join(FIXTURES, fixture[1]!, 'source.html');
    else if (own) file = path.join(OWN_PAGES, own[1]!);
    try {
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      const type = file.endsWith('.pdf') ? 'application/pdf' : 'text/html; charset=utf-8';
      // No connection kept alive: an idle one that the server closes (after Node's five seconds)
      // just as the browser reuses it gives an error page, which Firefox's BiDi calls "Address
      // rejected". A connection per page costs nothing on 127.0.0.1.
      response.writeHead(200, { 'content-type': type, connection: 'close' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain', connection: 'close' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    fixture: (name) => `${origin}/fixtures/${name}/`,
    page: (file) => `${origin}/pages/${file}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (`popup.html`, `desk.html`…) in a new tab. */
  openExtensionPage(pathAndQuery: string, page?: Page): Promise<Page>;
  /** The browser's id of the tab showing `url` (the popup's `?tabId=` wants it). */
  tabIdOf(url: string): Promise<number>;
  /**
   * What the extension logged as an error so far: an uncaught error or rejection in one of its
   * pages, and its own `console.error` calls (they all start with "Indiscrets") in its pages and
   * its service worker (Playwright reports no uncaught error of a service worker). The pages it
   * clips are not watched.
   */
  extensionErrors(): string[];
  /**
   * Errors a test provokes on purpose (a write IndexedDB refuses, as a full disk would): those
   * matching `pattern` are not held against the session when it closes.
   */
  expectErrors(pattern: RegExp): void;
  /**
   * Closes the browser, then fails if the extension logged an error no test expected: every
   * suite checks, at its end, that nothing went wrong unseen behind what it looked at.
   */
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with the test build of the extension loaded, speaking `language`
 * (the extension follows the browser's: French editors first, `en-US` for an English one).
 */
export async function launchExtension(language = 'fr-FR'): Promise<ExtensionSession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'indiscrets-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 800 },
    locale: language,
    args: [...extensionArgs(EXTENSION_DIR), `--lang=${language}`],
  });
  // Tests never touch the internet: whatever a corpus page asks of another host is refused.
  await context.route(/^https?:\/\//, (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return sessionOf(context, extensionId, async () => {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  });
}

/** What has the focus in `page`: its accessible label, else its text; `BODY` when nothing has. */
export function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return el.getAttribute('aria-label') ?? (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/**
 * Sets the extension's WordPress settings (the options page's) to `site`, as an editor who has
 * filled them in: the panels then show their publish button (the site is never reached, unless
 * `password`, the application password, is given too: a publication then reaches it).
 */
export async function configureWordPress(
  session: ExtensionSession,
  { password, ...site }: { siteUrl: string; username: string; password?: string },
): Promise<void> {
  const page = await session.openExtensionPage('desk.html');
  await page.evaluate(
    async ({ settings, password }) => {
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome;
      await api.storage.local.set({
        wordpress: { ...settings, category: 'Indiscrets', status: 'draft' },
        ...(password ? { wordpressPassword: password } : {}),
      });
    },
    { settings: site, password },
  );
  await page.close();
}

/**
 * Launches the extension with its database holding `records` (written from an extension page,
 * closed again), each wait of the session bounded by `timeout`, and, given `currentIssue`, that
 * issue the one the popup and the desk open on: a suite's `beforeAll`. `records` is called once
 * the browser is up, so that a time it sets counts from the seed.
 */
export async function launchSeeded(
  records: () => Record<string, object[]>,
  { timeout = 15_000, currentIssue }: { timeout?: number; currentIssue?: string } = {},
): Promise<ExtensionSession> {
  const session = await launchExtension();
  session.context.setDefaultTimeout(timeout);
  const page = await session.openExtensionPage('popup.html');
  await writeDatabase(page, records());
  if (currentIssue) await setCurrentIssue(page, currentIssue);
  await page.close();
  return session;
}

/** The helpers of a session, over a browser context where the extension `extensionId` runs. */
export function sessionOf(
  context: BrowserContext,
  extensionId: string,
  close: () => Promise<void>,
): ExtensionSession {
  const base = `chrome-extension://${extensionId}/`;
  const errors: string[] = [];
  const expected: RegExp[] = [];
  const ours = (url: string | undefined) => !!url?.startsWith(base);
  const onConsole = (message: ConsoleMessage) => {
    const where = message.page()?.url() ?? message.worker()?.url() ?? message.location().url;
    if (message.type() === 'error' && ours(where) && /^Indiscrets/.test(message.text())) {
      errors.push(`${where}: ${message.text()}`);
    }
  };
  context.on('console', onConsole);
  context.on('weberror', (error) => {
    const where = error.page()?.url();
    if (ours(where)) errors.push(`${where}: ${String(error.error())}`);
  });

  async function openExtensionPage(pathAndQuery: string, page?: Page) {
    const target = page ?? (await context.newPage());
    await target.goto(base + pathAndQuery);
    // The desk paints its issue from the last desk's snapshot first, its actions waiting: the
    // tests act on the live desk, drawn once the database has answered.
    if (pathAndQuery.startsWith('desk.html')) {
      await target.waitForSelector('.desk__issue:not([aria-busy])', { timeout: 60_000 });
    }
    return target;
  }

  async function tabIdOf(url: string) {
    const probe = await openExtensionPage('popup.html');
    try {
      const id = await probe.evaluate(async (wanted) => {
        // `chrome` is the page's own global here: this runs in the extension page.
        const api = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
        const tabs = await api.tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id;
      }, url);
      if (id === undefined) throw new Error(`No tab shows ${url}`);
      return id;
    } finally {
      await probe.close();
    }
  }

  return {
    context,
    extensionId,
    openExtensionPage,
    tabIdOf,
    extensionErrors: () => [...errors],
    expectErrors: (pattern) => void expected.push(pattern),
    close: async () => {
      await close();
      const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
      if (unexpected.length > 0) {
        throw new Error(`The extension logged errors:\n${unexpected.join('\n')}`);
      }
    },
  };
}

/**
 * Runs in the page (`locator.evaluate(selectWordsIn, [words, last])`): selects `words` in the
 * first text node of `el` (an editor) that holds them, their first occurrence there or with
 * `last` their last; throws when the text does not have them.
 */
export function selectWordsIn(el: Element, [words, last]: [string, boolean]): void {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = last ? node.nodeValue!.lastIndexOf(words) : node.nodeValue!.indexOf(words);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    return;
  }
  throw new Error(`No "${words}" in the text`);
}

/**
 * What Chromium gives a screen reader for the element `locator` finds (its accessibility tree,
 * through the DevTools protocol): its role, name and description, and the text of its subtree,
 * as a screen reader reads it through (its static texts, joined).
 */
export async function heardIn(
  locator: Locator,
): Promise<{ role: string; name: string; description: string; text: string }> {
  const page = locator.page();
  const cdp = await page.context().newCDPSession(page);
  type Node = {
    nodeId: string;
    ignored?: boolean;
    backendDOMNodeId?: number;
    childIds?: string[];
    role?: { value?: string };
    name?: { value?: string };
    description?: { value?: string };
  };
  try {
    await locator.evaluate((el) => el.setAttribute('data-heard', ''));
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as {
      root: { nodeId: number };
    };
    const { nodeId } = (await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: '[data-heard]',
    })) as { nodeId: number };
    const { node } = (await cdp.send('DOM.describeNode', { nodeId })) as {
      node: { backendNodeId: number };
    };
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Node[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const found = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
    if (!found) throw new Error('The element is not in the accessibility tree');
    const texts: string[] = [];
    const walk = (n: Node) => {
      if (n.role?.value === 'StaticText') texts.push(n.name?.value ?? '');
      else for (const id of n.childIds ?? []) walk(byId.get(id)!);
    };
    walk(found);
    return {
      role: found.role?.value ?? '',
      name: found.name?.value ?? '',
      description: found.description?.value ?? '',
      text: texts.join(''),
    };
  } finally {
    await locator.evaluate((el) => el.removeAttribute('data-heard'));
    await cdp.detach();
  }
}

/**
 * Runs in the page: selects the text of the first element matching `css`, as a reader would;
 * returns the selected text. Shared by the Chromium (Playwright) and Firefox (puppeteer) tests.
 */
export function selectInPage(css: string): string {
  const element = document.querySelector(css);
  if (!element) throw new Error(`Nothing matches ${css}`);
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}

/** Selects the text of the first element matching `selector` in the page, as a reader would. */
export async function selectText(page: Page, selector: string): Promise<string> {
  return page.evaluate(selectInPage, selector);
}

/** Text as a reader sees it: runs of white space folded to one space. */
export const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The test ids of the live regions of `page` (what a screen reader speaks when it changes) that
 * say `text`, spaces folded as `squash` folds them.
 */
export async function liveRegionsSaying(page: Page, text: string): Promise<(string | null)[]> {
  const regions = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '[role="status"], [role="alert"], [role="log"], [aria-live]:not([aria-live="off"])',
      ),
    ].map((region) => ({ id: region.getAttribute('data-testid'), text: region.textContent })),
  );
  return regions
    .filter((region) => squash(region.text).includes(squash(text)))
    .map((region) => region.id);
}

/**
 * The visible selects whose chosen option is wider than the select shows it: measured with a
 * copy holding that option alone, as wide as its content, beside the select.
 */
export async function selectsCutOff(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('select'))
      .filter((select) => select.checkVisibility() && select.selectedOptions.length)
      .filter((select) => {
        const probe = select.cloneNode(false) as HTMLSelectElement;
        probe.append(select.selectedOptions[0]!.cloneNode(true));
        Object.assign(probe.style, {
          position: 'absolute',
          visibility: 'hidden',
          width: 'max-content',
          minWidth: '0',
          maxWidth: 'none',
        });
        select.after(probe);
        const needed = probe.getBoundingClientRect().width;
        probe.remove();
        return needed > select.getBoundingClientRect().width + 0.5;
      })
      .map((select) => `${select.getAttribute('aria-label')}: ${select.selectedOptions[0]!.text}`),
  );
}

/**
 * What a select shows of its chosen option: the option's text, how wide its beginning up to and
 * including `upTo` (all of it without) is drawn in the select's font, and the room the select
 * gives its text (its width less its padding and about 20 px for its arrow).
 */
export async function selectShows(
  select: Locator,
  upTo?: string,
): Promise<{ text: string; width: number; room: number }> {
  return select.evaluate((element, upTo) => {
    const box = element as HTMLSelectElement;
    const style = getComputedStyle(box);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const text = box.options[box.selectedIndex]!.text;
    const end = upTo === undefined ? text.length : text.indexOf(upTo) + upTo.length;
    const room =
      box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return { text, width: Math.ceil(context.measureText(text.slice(0, end)).width), room };
  }, upTo);
}

/**
 * What reaches past the window's right edge: the page's scroll width against the window's, and
 * the visible elements that do (tag, class and first words).
 */
export function overflowing(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    past: Array.from(document.body.querySelectorAll<HTMLElement>('*'))
      .filter((el) => el.checkVisibility())
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > innerWidth + 0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.textContent?.slice(0, 30)}`),
  }));
}

/**
 * The width Chrome sizes its popup to, for popup.html open in `page`: the page's narrowest width
 * without overflow (its min-content).
 */
export function popupPreferredWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    document.documentElement.style.width = 'min-content';
    const width = document.documentElement.getBoundingClientRect().width;
    document.documentElement.style.width = '';
    return width;
  });
}

/** Makes `issueId` the current issue, as the issue picker stores it, from an extension page. */
export async function setCurrentIssue(page: Page, issueId: string): Promise<void> {
  await page.evaluate(async (issue) => {
    type Local = { set(items: object): Promise<void> };
    const api = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
    await api.storage.local.set({ currentIssueId: issue });
  }, issueId);
}

/** The popup's size in Chrome: the browser tests open popup.html in a tab of that size. */
export const POPUP = { width: 420, height: 600 };

/** Opens popup.html (with an optional `?query`) in a new tab of the popup's size. */
export async function openPopup(session: ExtensionSession, query = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(POPUP);
  await session.openExtensionPage(`popup.html${query}`, page);
  return page;
}

/** A common laptop screen: the desk must hold the issue, its preview and publishing in it. */
export const LAPTOP = { width: 1366, height: 768 };

/** Opens desk.html in a new tab of the given size (a laptop's by default). */
export async function openDesk(
  session: ExtensionSession,
  viewport: { width: number; height: number } = LAPTOP,
): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(viewport);
  await session.openExtensionPage('desk.html', page);
  return page;
}

/**
 * Opens a corpus page, selects a passage as a reader would, clips it from the popup; returns
 * the new draft's title as the popup announced it.
 */
export async function clipFixture(
  session: ExtensionSession,
  server: PageServer,
  name: string,
  selector: string,
): Promise<string> {
  const article = await session.context.newPage();
  await article.goto(server.fixture(name));
  await selectText(article, selector);
  const tabId = await session.tabIdOf(article.url());
  const popup = await openPopup(session, `?tabId=${tabId}`);
  await popup.getByRole('button', { name: 'Couper cette page' }).click();
  const message = popup.getByTestId('clip-message').filter({ hasText: /\S/ });
  const text = squash(await message.textContent());
  await popup.close();
  await article.close();
  const title = /^Nouveau brouillon : « (.*) »$/.exec(text)?.[1];
  if (!title) throw new Error(`Unexpected clip message: ${text}`);
  return title;
}

/**
 * Clips the two articles most suites compose from, a passage of each: the Guardian's (English)
 * then Le Monde's. Returns their drafts' titles.
 */
export async function clipTwoArticles(
  session: ExtensionSession,
  server: PageServer,
): Promise<{ guardian: string; lemonde: string }> {
  const guardian = await clipFixture(session, server, 'guardian-1', '[itemprop="articleBody"] p');
  const lemonde = await clipFixture(session, server, 'lemonde-1', '#articleBody p');
  return { guardian, lemonde };
}

/** {@link clipTwoArticles}, then Quanta Magazine's (English): three drafts to order. */
export async function clipThreeArticles(
  session: ExtensionSession,
  server: PageServer,
): Promise<{ guardian: string; lemonde: string; quanta: string }> {
  const two = await clipTwoArticles(session, server);
  const quanta = await clipFixture(session, server, 'quanta-1', '.post__content__section p');
  return { ...two, quanta };
}

/**
 * Polls `read` until `check` accepts its value (playwright-core has no retrying `expect`);
 * returns the value. The 30 s limit catches a condition that never comes, and leaves room for
 * a loaded CI machine: a test never relies on the machine being idle.
 */
export async function until<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 30_000;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last: ${String(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/**
 * Creates an issue from the popup's « Numéro » tab as an editor does, no issue open yet: the
 * date typed, the title it gives waited for, « Créer le numéro », the new issue shown.
 */
export async function createIssueInPopup(
  popup: Page,
  date = '2027-03-15',
  title = 'Les indiscrets du 15 mars',
): Promise<void> {
  await popup.getByRole('tab', { name: 'Numéro' }).click();
  const form = popup.getByRole('form', { name: 'Nouveau numéro' });
  await form.getByLabel('Date').fill(date);
  await until(
    () => form.getByLabel('Titre').inputValue(),
    (value) => value === title,
    'the title',
  );
  await form.getByRole('button', { name: 'Créer le numéro' }).click();
  await popup.getByTestId('issue-totals').waitFor();
}

/**
 * Run in a page (playwright's or puppeteer's `evaluate`): where the issue's export controls are,
 * and what they say of themselves. The copy above the Format, the Format beside « Télécharger »
 * on its line, in a group named for the download that holds the copy not; what the copy says.
 */
export function exportLayout() {
  const section = document.querySelector('section.export')!;
  const box = (el: Element) => el.getBoundingClientRect();
  const middle = (el: Element) => box(el).top + box(el).height / 2;
  const copy = section.querySelector('[data-testid="copy"]')!;
  const select = section.querySelector('select')!;
  const download = section.querySelector('[data-testid="download"]')!;
  const group = select.closest('[role="group"]');
  return {
    copyAbove: box(copy).bottom <= box(select).top + 0.5,
    formatBesideDownload:
      Math.abs(middle(select) - middle(download)) < 2 && box(select).right <= box(download).left,
    group: group?.getAttribute('aria-label') ?? null,
    groupHoldsCopy: !!group?.contains(copy),
    groupHoldsDownload: !!group?.contains(download),
    copySays:
      document.getElementById(copy.getAttribute('aria-describedby') ?? '')?.textContent ?? null,
  };
}
