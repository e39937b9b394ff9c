import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { writeDatabase, type ArgumentPage } from '../browser/database';
import { ROOT, servePages, until, type PageServer } from '../browser/harness';

/** The Firefox test build: `INDISCRETS_TEST_BUILD=1 wxt build -b firefox --mv2`. */
export const FIREFOX_EXTENSION_DIR = path.resolve(ROOT, '.output/test/firefox-mv2');
/** The extension's id in Firefox (wxt.config.ts, browser_specific_settings). */
export const GECKO_ID = 'indiscrets@petitweb.fr';

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>/`: the uuid is fixed before the start (pref below). */
  base: string;
  /** Where downloads land (`browser.download.dir`). */
  downloadDir: string;
  /** Opens an http page in a new tab. */
  openUrl(url: string): Promise<Page>;
  /** Opens an extension page (`popup.html`, `desk.html`…) in a new tab, or in `page`. */
  openExtensionPage(pathAndQuery: string, page?: Page): Promise<Page>;
  /** The browser's id of the tab showing `url` (the popup's `?tabId=` wants it). */
  tabIdOf(url: string): Promise<number>;
  /** What the extension (its pages and its background) logged as an error so far. */
  extensionErrors(): string[];
  /** Quits Firefox and starts it again on the same profile, the extension still installed. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * For a `describe` of Firefox tests: before them, serves the fixture pages and launches Firefox
 * (see {@link launchFirefox}), handing both to `started`; after them, closes both. One Firefox,
 * one profile, for all the tests of the `describe`, in order.
 */
export function inFirefox(
  started: (launched: { session: FirefoxSession; server: PageServer }) => void,
): void {
  let session: FirefoxSession | undefined;
  let server: PageServer | undefined;

  beforeAll(async () => {
    server = await servePages();
    session = await launchFirefox();
    started({ session, server });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
}

/**
 * Starts Debian's Firefox ESR over WebDriver BiDi with the test build installed in a fresh
 * profile, speaking French (`intl.accept_languages`).
 *
 * The extension is installed the way a user's is (in the profile's `extensions/` folder, a
 * proxy file pointing at the build), not as a temporary add-on (BiDi's `installExtension`):
 * a temporary add-on is gone after a restart, and the restart is what we test. Unsigned
 * add-ons are allowed by `xpinstall.signatures.required`, which ESR honours.
 */
export async function launchFirefox(): Promise<FirefoxSession> {
  const profile = await mkdtemp(path.join(tmpdir(), 'indiscrets-firefox-'));
  const downloadDir = path.join(profile, 'downloads');
  await mkdir(path.join(profile, 'extensions'), { recursive: true });
  await mkdir(downloadDir, { recursive: true });
  await writeFile(path.join(profile, 'extensions', GECKO_ID), `${FIREFOX_EXTENSION_DIR}\n`);
  const uuid = randomUUID();
  const base = `moz-extension://${uuid}/`;
  const output: string[] = [];
  let browser!: Browser;

  async function start() {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: profile,
      // Without it Firefox refuses to navigate a tab to moz-extension:// over BiDi.
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1100, height: 800 },
      // Firefox can be slow to start on a loaded machine.
      timeout: 120_000,
      protocolTimeout: 120_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'xpinstall.signatures.required': false,
        'extensions.autoDisableScopes': 0,
        'extensions.enabledScopes': 15,
        'intl.accept_languages': 'fr-FR, fr',
        'intl.locale.requested': 'fr-FR',
        // Pages' console.* and errors (extension pages and background included) go to stdout,
        // which puppeteer's console events do not give for extension pages; Firefox's own
        // chrome code stays quiet.
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': false,
        'browser.download.dir': downloadDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        // Tests never touch the internet.
        'network.proxy.type': 0,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        // permissions.request() still needs the click of a user (a trusted click: puppeteer's
        // page.click) but grants without showing the doorhanger, which BiDi cannot press.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    const child = browser.process();
    for (const stream of [child?.stdout, child?.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => output.push(...chunk.split('\n')));
    }
    // The background has started once an extension page answers.
    const probe = await openExtensionPage('popup.html');
    await probe.close();
  }

  async function openExtensionPage(pathAndQuery: string, page?: Page): Promise<Page> {
    const target = page ?? (await browser.newPage());
    const url = base + pathAndQuery;
    // page.goto() never resolves for moz-extension:// pages: start it, then watch the page.
    void target.goto(url).catch(() => undefined);
    await until(
      () =>
        target
          .evaluate(() => [
            location.href,
            document.readyState,
            // The desk paints its issue from the last desk's snapshot first (its actions
            // waiting): the tests act on the live desk, drawn once the database has answered.
            !!document.body?.firstElementChild &&
              (!location.pathname.endsWith('/desk.html') ||
                !!document.querySelector('.desk__issue:not([aria-busy])')),
          ])
          .catch(() => ['', '', false] as const),
      ([href, state, rendered]) => href === url && state === 'complete' && rendered === true,
      `${url} to load`,
    );
    return target;
  }

  async function openUrl(url: string): Promise<Page> {
    const page = await browser.newPage();
    // Firefox now and then shows an error page for an http navigation to the tests' server, and
    // BiDi says "Address rejected"; the clean-clone CI once met it twice in a row. Ask again after
    // a pause, a few times, and say which address it was if it never loads.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.goto(url);
        return page;
      } catch (error) {
        if (!String(error).includes('Address rejected')) throw error;
        if (attempt === 5) throw new Error(`Firefox rejected ${url} five times: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      }
    }
  }

  async function tabIdOf(url: string): Promise<number> {
    const probe = await openExtensionPage('popup.html');
    try {
      const id = await probe.evaluate(async (wanted) => {
        const tabs = await (
          globalThis as unknown as {
            browser: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
          }
        ).browser.tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id;
      }, url);
      if (id === undefined) throw new Error(`No tab shows ${url}`);
      return id;
    } finally {
      await probe.close();
    }
  }

  await start();
  return {
    get browser() {
      return browser;
    },
    base,
    downloadDir,
    openUrl,
    openExtensionPage,
    tabIdOf,
    extensionErrors: () => extensionErrors(output, base),
    async restart() {
      await browser.close();
      await start();
    },
    async close() {
      await browser.close();
      // INDISCRETS_FIREFOX_LOG=1 shows what Firefox printed, to debug a failure.
      if (process.env.INDISCRETS_FIREFOX_LOG === '1') console.log(output.join('\n'));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The errors among Firefox's output lines that come from the extension: script errors in its
 * pages or background (`JavaScript error: moz-extension://…`) and its own `console.error`
 * calls, which all start with "Indiscrets".
 */
export function extensionErrors(lines: readonly string[], base: string): string[] {
  return lines.filter(
    (line) =>
      (/^JavaScript error:/.test(line) && line.includes(base)) ||
      /^console\.error: .*Indiscrets/.test(line),
  );
}

/**
 * Asserts that the extension logged no error (but those `allowed` matches), naming the errors in
 * the failure's first line: a CI log may keep no more of it.
 */
export function expectNoExtensionErrors(session: FirefoxSession, allowed?: RegExp): void {
  const errors = session.extensionErrors().filter((line) => !allowed?.test(line));
  expect(errors, `errors from the extension: ${errors.join(' · ')}`).toEqual([]);
}

/** Clicks the button whose text is `name` (puppeteer has no role locator over BiDi here). */
export async function clickButton(page: Page, name: string): Promise<void> {
  await until(
    () =>
      page.evaluate((wanted) => {
        const button = [...document.querySelectorAll('button')].find(
          (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === wanted,
        );
        if (!button || button.disabled) return false;
        button.click();
        return true;
      }, name),
    (clicked) => clicked,
    `a button « ${name} »`,
  );
}

/** The text of every element matching `selector`, white space folded. */
export function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (css) =>
      [...document.querySelectorAll(css)].map((element) =>
        (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    selector,
  );
}

/**
 * Clicks the button whose text (or accessible label) is `name` with the mouse (a trusted click, which Firefox wants
 * for permissions.request, clipboard writes and downloads), once it is there and enabled.
 */
export async function pressButton(page: Page, name: string, within = 'body'): Promise<void> {
  const marker = `pressed-${Math.random().toString(36).slice(2)}`;
  await until(
    () =>
      page.evaluate(
        (wanted, scope, mark) => {
          const button = [
            ...(document.querySelector(scope)?.querySelectorAll('button') ?? []),
          ].find(
            (candidate) =>
              candidate.textContent?.replace(/\s+/g, ' ').trim() === wanted ||
              candidate.getAttribute('aria-label') === wanted,
          );
          if (!button || button.disabled) return false;
          button.setAttribute('data-pressed', mark);
          return true;
        },
        name,
        within,
        marker,
      ),
    (found) => found,
    `a button « ${name} »`,
  );
  await page.click(`[data-pressed="${marker}"]`);
}

/** The field (input, select or textarea) of the `label.field` whose caption is `caption`. */
export async function fieldSelector(page: Page, caption: string): Promise<string> {
  const marker = `field-${Math.random().toString(36).slice(2)}`;
  await until(
    () =>
      page.evaluate(
        (wanted, mark) => {
          const label = [...document.querySelectorAll('label.field')].find(
            (candidate) =>
              candidate.querySelector('span')?.textContent?.replace(/\s+/g, ' ').trim() === wanted,
          );
          const field = label?.querySelector('input, select, textarea');
          field?.setAttribute('data-field', mark);
          return !!field;
        },
        caption,
        marker,
      ),
    (found) => found,
    `the field « ${caption} »`,
  );
  return `[data-field="${marker}"]`;
}

/** Replaces what a text field holds by `text`, typed key by key as fast as puppeteer can. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate((css) => {
    const field = document.querySelector(css) as HTMLInputElement | HTMLTextAreaElement;
    field.focus();
    field.select();
  }, selector);
  await page.type(selector, text);
}

/** Clips the tab showing `article` from the popup opened on `popup.html?tabId=`. */
export async function clipFromPopup(session: FirefoxSession, article: Page): Promise<Page> {
  const tabId = await session.tabIdOf(article.url());
  const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
  await clickButton(popup, 'Couper cette page');
  await until(
    () => textsOf(popup, '[data-testid="clip-message"]'),
    (texts) => texts.some((text) => text !== '' && !text.startsWith('Coupe en cours')),
    'the clip message',
  );
  return popup;
}

/** Waits for the file `wanted` to be whole in the download folder (Firefox renames `.part`). */
export async function downloaded(
  session: FirefoxSession,
  wanted: (name: string) => boolean,
  what: string,
): Promise<string> {
  const name = await until(
    async () => {
      const names = await readdir(session.downloadDir);
      return names.find((candidate) => !candidate.endsWith('.part') && wanted(candidate));
    },
    (found) => found !== undefined,
    what,
  );
  const file = path.join(session.downloadDir, name!);
  // A file is renamed from .part once complete; still, wait for a size that holds.
  await until(
    async () => (await stat(file)).size,
    (size) => size > 0,
    `${what} to be written`,
  );
  return file;
}

/**
 * Sizes `page`'s viewport. Puppeteer sets the screen's orientation with it, a WebDriver BiDi
 * command some Firefox ESR releases (140.12) do not know: the size is set all the same, which
 * is checked, and that refusal alone is let go.
 */
export async function sizeViewport(
  page: Page,
  size: { width: number; height: number },
): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (error) {
    if (!String(error).includes('setScreenOrientationOverride')) throw error;
    await until(
      () => page.evaluate(() => window.innerWidth),
      (width) => width === size.width,
      `the viewport ${size.width} px wide`,
    );
  }
}

/** Presses `keys` together, the last one pressed while the others are held (Ctrl+Z, Ctrl+Shift+Z). */
export async function chord(page: Page, keys: string[]): Promise<void> {
  for (const key of keys.slice(0, -1)) await page.keyboard.down(key as 'Control');
  await page.keyboard.press(keys.at(-1) as 'z');
  for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key as 'Control');
}

/**
 * Selects the last `word` of the item editor's text (`'word'`), or puts the caret at its start
 * or end, without the mouse and with the editor focused: the keys that follow are real ones.
 */
export function selectInEditor(
  page: Page,
  word: string,
  how: 'word' | 'start' | 'end' = 'word',
): Promise<void> {
  return page.evaluate(
    (w, at) => {
      const el = document.querySelector<HTMLElement>('[data-testid="item-text"]')!;
      el.focus();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const found = node.nodeValue!.lastIndexOf(w);
        if (found < 0) continue;
        const range = document.createRange();
        range.setStart(node, at === 'end' ? found + w.length : found);
        if (at === 'word') range.setEnd(node, found + w.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`No "${w}" in the text`);
    },
    word,
    how,
  );
}

/**
 * The extension's WordPress settings and application password for a stand-in site at
 * `siteUrl`, as the options leave them in storage.local (for {@link seedExtension}).
 */
export const wordpressSettings = (siteUrl: string) => ({
  wordpress: { siteUrl, username: 'redac', category: 'Indiscrets', status: 'draft' },
  wordpressPassword: 'abcd efgh ijkl mnop qrst uvwx',
});

/**
 * Writes `tables` into the extension's database and `local` into its storage.local (settings
 * such as `wordpress`, `currentIssueId`), as a sync or the options leave them, from a desk page
 * closed again: the pages opened next read them (written behind Dexie's back, a page already
 * open would not see them).
 */
export async function seedExtension(
  session: FirefoxSession,
  tables: Record<string, object[]>,
  local: Record<string, unknown> = {},
): Promise<void> {
  const first = await session.openExtensionPage('desk.html');
  // The desk drawn: it has opened (made) the database.
  await first.waitForSelector('form.new-issue');
  await writeDatabase(first as unknown as ArgumentPage, tables);
  await first.evaluate(async (items) => {
    type Local = { set(items: object): Promise<void> };
    const api = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser;
    await api.storage.local.set(items);
  }, local);
  await first.close();
}
