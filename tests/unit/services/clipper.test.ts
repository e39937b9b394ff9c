import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageCapture } from '../../../capture/types';
import { CodedError } from '../../../messaging/errors';
import { clipTab, readCapture } from '../../../services/clipper';
import { handlers } from '../../../services/handlers';
import { limitForFailure, limitForUrl } from '../../../services/limits';
import type { ProtocolMap } from '../../../messaging/protocol';
import { db } from '../../../storage/db';
import { updateDraft } from '../../../storage/drafts';
import { houseStyleItem } from '../../../storage/preferences';
import { createHouseStyle } from '../../../storage/house-style';
import { describeOutcome } from '../../../messaging/outcome';
import { deskState } from '../desk-fixtures';

const pageCapture: PageCapture = {
  // What the page declares; the background makes the metadata of it.
  page: {
    url: 'https://www.bloomberg.com/news/ovh-ipo',
    base: 'https://www.bloomberg.com/news/ovh-ipo',
    meta: {
      'og:title': [{ value: 'OVH Weighs IPO', source: 'og:title' }],
      'og:site_name': [{ value: 'Bloomberg', source: 'og:site_name' }],
    },
    headings: [],
    bylines: [],
    dates: [],
  },
  // The page sends a tree, never HTML: the background writes the HTML.
  selection: { nodes: [{ tag: 'p', children: ['OVH is weighing an IPO.'] }] },
};

/**
 * fakeBrowser has no scripting API: the tests give it one that answers like Chrome. The capture
 * script answers with its PageCapture written as JSON (entrypoints/capture.ts), as here.
 */
function stubScripting(impl: (injection: { files?: string[]; args?: unknown[] }) => unknown) {
  const executeScript = vi.fn(async (injection: { files?: string[]; args?: unknown[] }) => {
    const result = await impl(injection);
    return [
      {
        frameId: 0,
        result: injection.files?.[0] === '/capture.js' ? JSON.stringify(result) : result,
      },
    ];
  });
  (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript };
  return executeScript;
}

async function openTab(url: string, title = 'Tab title') {
  const tab = await fakeBrowser.tabs.create({ url });
  // fakeBrowser leaves titles empty; a real tab shows the page's.
  await fakeBrowser.tabs.update(tab.id!, { url });
  (tab as { title?: string }).title = title;
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...tab, url, title } as never);
  return tab.id!;
}

type ProtocolClip = ProtocolMap['clipTab']['request'];

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await db.clips.clear();
});

describe('clipTab', () => {
  it('injects the capture script and stores what it returns', async () => {
    const executeScript = stubScripting(() => pageCapture);
    const tabId = await openTab('https://www.bloomberg.com/news/ovh-ipo?utm_source=x');

    const outcome = await clipTab({ tabId });

    expect(executeScript).toHaveBeenCalledWith({ target: { tabId }, files: ['/capture.js'] });
    expect(outcome).toMatchObject({ status: 'created', quoteAdded: true });
    expect(outcome.limit).toBeUndefined();
    const stored = await db.clips.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      title: 'OVH Weighs IPO',
      quotes: [{ text: 'OVH is weighing an IPO.', html: '<p>OVH is weighing an IPO.</p>' }],
    });
  });

  it('marks the quote of a page in another language than the exports’, read from the house style', async () => {
    stubScripting(() => ({ ...pageCapture, page: { ...pageCapture.page, lang: 'en' } }));
    const tabId = await openTab('https://www.bloomberg.com/news/ovh-ipo');

    const { clip: draft } = await clipTab({ tabId });

    expect(draft.lang).toBe('en');
    expect(draft.body).toContain('«\u00a0<span lang="en">OVH is weighing an IPO.</span>\u00a0»');

    // Exports in English (set in the options): the English page's quote is the text's language.
    // A fresh background reads it (fakeBrowser.reset() took the watch of this one's reader).
    await houseStyleItem.setValue(createHouseStyle({ locale: 'en' }));
    await db.clips.clear();
    vi.resetModules();
    const background = await import('../../../services/clipper');
    const { clip: english } = await background.clipTab({ tabId });
    // Unmarked, and in the English column's marks.
    expect(english.body).toContain('“OVH is weighing an IPO.”');
  });

  it('removes tracking parameters from the page address and the passage links it stores', async () => {
    stubScripting(() => ({
      page: { ...pageCapture.page, url: 'https://a.example/story?id=3&utm_source=x' },
      selection: {
        nodes: [{ tag: 'a', href: 'https://b.example/?fbclid=1&q=2', children: ['lien'] }],
      },
    }));
    const tabId = await openTab('https://a.example/story?id=3&utm_source=x');

    const { clip: draft } = await clipTab({ tabId });

    expect(draft.url).toBe('https://a.example/story?id=3');
    expect(draft.quotes[0]?.html).toBe('<a href="https://b.example/?q=2">lien</a>');
  });

  it('keeps a web archive’s address whole, credited to the original’s site', async () => {
    // The query is the archived page's: Wayback may hold the copy at that address only.
    const archived =
      'https://web.archive.org/web/20240315083012/https://www.lemonde.fr/x.html?id=3&utm_source=rss';
    stubScripting(() => ({
      page: {
        ...pageCapture.page,
        url: archived,
        base: archived,
        canonical: 'https://www.lemonde.fr/x.html?id=3',
        meta: {},
      },
    }));
    const tabId = await openTab(archived);

    const { clip: draft } = await clipTab({ tabId });

    expect(draft).toMatchObject({ url: archived, siteName: 'lemonde.fr' });
  });

  it('falls back to the tab URL and title on a browser page, without injecting', async () => {
    const executeScript = stubScripting(() => pageCapture);
    const tabId = await openTab('chrome://settings/', 'Paramètres');

    const outcome = await clipTab({ tabId });

    expect(executeScript).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ status: 'created', limit: 'browser-page' });
    expect(outcome.clip).toMatchObject({
      url: 'chrome://settings/',
      title: 'Paramètres',
      captureNote: 'browser-page',
      provenance: { title: 'tab' },
    });
  });

  it('keeps the article’s address and site from Firefox’s reader view, with the words the menu saw', async () => {
    // Firefox's reader view shows the article at about:reader?url=…, closed to scripts: the
    // draft is the article's, merged with one clipped from the page itself, not a dead link.
    const executeScript = stubScripting(() => pageCapture);
    const article = 'https://www.lemonde.fr/pixels/article/loi.html?utm_source=rss';
    const tabId = await openTab(
      `about:reader?url=${encodeURIComponent(article)}`,
      'La loi sur le renseignement',
    );

    const outcome = await clipTab({ tabId, selectionText: 'Les députés ont adopté la loi.' });

    expect(executeScript).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ status: 'created', limit: 'browser-page' });
    expect(outcome.clip).toMatchObject({
      url: 'https://www.lemonde.fr/pixels/article/loi.html',
      title: 'La loi sur le renseignement',
      siteName: 'lemonde.fr',
    });
    expect(outcome.clip.quotes.map((quote) => quote.text)).toEqual([
      'Les députés ont adopté la loi.',
    ]);
    // The page itself, clipped after (its address as the page gives it): the same draft.
    stubScripting(() => ({
      ...pageCapture,
      page: { ...pageCapture.page, url: article, base: article },
    }));
    const page = await openTab(article, 'La loi');
    expect(await clipTab({ tabId: page, tab: { url: article, title: 'La loi' } })).toMatchObject({
      status: 'merged',
      clip: { id: outcome.clip.id },
    });
    // A reader view that names no web page stays the browser's page it is.
    const other = await openTab('about:reader?url=javascript%3Aalert(1)', 'Lecture');
    expect((await clipTab({ tabId: other })).clip.url).toBe(
      'about:reader?url=javascript%3Aalert(1)',
    );
  });

  it('adds the page clipped after its reader view to that draft, the page declaring another address', async () => {
    const address = 'https://www.liberation.fr/politique/loi-renseignement_123';
    const canonical =
      'https://www.liberation.fr/politique/2021/03/15/la-loi-sur-le-renseignement_123/';
    stubScripting(() => pageCapture);
    const reader = await openTab(`about:reader?url=${encodeURIComponent(address)}`, 'La loi');
    const first = await clipTab({ tabId: reader, selectionText: 'Les députés ont adopté la loi.' });
    expect(first.readerView).toBe(true);
    // The page itself, its canonical another address of the site: the draft reader view made.
    const read = (url: string) =>
      stubScripting(() => ({
        ...pageCapture,
        page: { ...pageCapture.page, url: address, base: address, canonical: url },
      }));
    read(canonical);
    const page = await openTab(address, 'La loi');
    const second = await clipTab({ tabId: page, tab: { url: address, title: 'La loi' } });

    expect(second).toMatchObject({
      status: 'merged',
      quoteAdded: true,
      clip: { id: first.clip.id },
    });
    expect(second.clip.title).toBe('OVH Weighs IPO');
    expect(second.clip.captureNote).toBeUndefined();
    // And the next passage quoted from the page, its note gone: the same draft still.
    stubScripting(() => ({
      ...pageCapture,
      page: { ...pageCapture.page, url: address, base: address, canonical },
      selection: { nodes: [{ tag: 'p', children: ['Le Sénat suivra.'] }] },
    }));
    const third = await clipTab({ tabId: page, tab: { url: address, title: 'La loi' } });
    expect(third).toMatchObject({
      status: 'merged',
      quoteAdded: true,
      clip: { id: first.clip.id },
    });
    expect(await db.clips.count()).toBe(1);
    // A draft of that address read from the page is another page's: not joined.
    await db.clips.clear();
    read(address);
    const own = await clipTab({ tabId: page, tab: { url: address, title: 'La loi' } });
    read(canonical);
    const other = await clipTab({ tabId: page, tab: { url: address, title: 'La loi' } });
    expect(other.status).toBe('created');
    expect(other.clip.id).not.toBe(own.clip.id);
  });

  it('moves a tab’s draft to the page’s own address when the page joins it', async () => {
    const address = 'https://www.liberation.fr/politique/loi-renseignement_123';
    const canonical = 'https://www.liberation.fr/politique/2021/03/15/la-loi_123/';
    const read = (url: string, canonicalUrl: string, text = 'OVH is weighing an IPO.') =>
      stubScripting(() => ({
        ...pageCapture,
        page: { ...pageCapture.page, url, base: url, canonical: canonicalUrl },
        selection: { nodes: [{ tag: 'p', children: [text] }] },
      }));
    stubScripting(() => pageCapture);
    const reader = await openTab(`about:reader?url=${encodeURIComponent(address)}`, 'La loi');
    const first = await clipTab({ tabId: reader, selectionText: 'Les députés ont adopté la loi.' });
    read(address, canonical);
    const page = await openTab(address, 'La loi');
    const joined = await clipTab({ tabId: page, tab: { url: address, title: 'La loi' } });
    expect(joined.clip).toMatchObject({ id: first.clip.id, url: canonical });
    expect(joined.clip.provenance.url).not.toBe('tab');
    // The page opened at its own address: the same draft, not a second one.
    read(canonical, canonical, 'Le Sénat suivra.');
    const atCanonical = await openTab(canonical, 'La loi');
    const split = await clipTab({ tabId: atCanonical, tab: { url: canonical, title: 'La loi' } });
    expect(split).toMatchObject({
      status: 'merged',
      quoteAdded: true,
      clip: { id: first.clip.id },
    });
    // Its reader view clipped again: still the same draft (its first source the address read).
    stubScripting(() => pageCapture);
    const readerAgain = await openTab(`about:reader?url=${encodeURIComponent(address)}`, 'La loi');
    const again = await clipTab({ tabId: readerAgain, selectionText: 'Le Conseil tranchera.' });
    expect(again).toMatchObject({
      status: 'merged',
      quoteAdded: true,
      clip: { id: first.clip.id },
    });
    expect((await db.clips.get(first.clip.id))?.url).toBe(canonical);
    expect(await db.clips.count()).toBe(1);
  });

  it('makes its own draft of each article a live page shows after one joined its tab’s draft', async () => {
    const live = 'https://www.lemonde.fr/politique/live/';
    const article = (day: string) => `https://www.lemonde.fr/politique/article/2026/12/${day}.html`;
    stubScripting(() => pageCapture);
    const source = await openTab(`view-source:${live}`, `view-source:${live}`);
    const monday = await clipTab({
      tabId: source,
      selectionText: 'Lundi : le gouvernement tombe.',
    });
    const read = (canonical: string, text: string) =>
      stubScripting(() => ({
        ...pageCapture,
        page: { ...pageCapture.page, url: live, base: live, canonical },
        selection: { nodes: [{ tag: 'p', children: [text] }] },
      }));
    const page = await openTab(live, 'Direct');
    read(article('08/budget'), 'Mardi : le budget.');
    const tuesday = await clipTab({ tabId: page, tab: { url: live, title: 'Direct' } });
    expect(tuesday.clip.id).toBe(monday.clip.id);
    // Another day, another article declared there: a draft of its own, Monday's left alone.
    read(article('09/retraites'), 'Mercredi : les retraites.');
    const wednesday = await clipTab({ tabId: page, tab: { url: live, title: 'Direct' } });
    expect(wednesday).toMatchObject({ status: 'created', clip: { url: article('09/retraites') } });
    const kept = await db.clips.get(monday.clip.id);
    expect(kept?.url).toBe(article('08/budget'));
    expect(kept?.quotes.map((quote) => quote.text)).toEqual([
      'Lundi : le gouvernement tombe.',
      'Mardi : le budget.',
    ]);
  });

  it('adds the page to its own draft before a tab’s draft of the address it was read at', async () => {
    const address = 'https://www.liberation.fr/politique/loi-renseignement_123';
    const canonical = 'https://www.liberation.fr/politique/2021/03/15/la-loi_123/';
    stubScripting(() => ({
      ...pageCapture,
      page: { ...pageCapture.page, url: canonical, base: canonical, canonical },
    }));
    const atCanonical = await openTab(canonical, 'La loi');
    const own = await clipTab({ tabId: atCanonical, tab: { url: canonical, title: 'La loi' } });
    stubScripting(() => pageCapture);
    const reader = await openTab(`about:reader?url=${encodeURIComponent(address)}`, 'La loi');
    const tabDraft = await clipTab({ tabId: reader });
    stubScripting(() => ({
      ...pageCapture,
      page: { ...pageCapture.page, url: address, base: address, canonical },
      selection: { nodes: [{ tag: 'p', children: ['Le Sénat suivra.'] }] },
    }));
    const page = await openTab(address, 'La loi');
    const joined = await clipTab({ tabId: page, tab: { url: address, title: 'La loi' } });
    expect(joined.clip.id).toBe(own.clip.id);
    // The tab's draft stays at its address: no second draft at the canonical.
    expect((await db.clips.get(tabDraft.clip.id))?.url).toBe(address);
    expect(await db.clips.where('url').equals(canonical).count()).toBe(1);
  });

  it('keeps the title the editor typed in a tab’s draft when the page itself joins it', async () => {
    // The reader view's draft named by the editor (its tab's title was the page's, or none):
    // the page clipped after it brings its own title, weaker than the editor's words.
    const address = 'https://www.liberation.fr/politique/loi-renseignement_123';
    const canonical = 'https://www.liberation.fr/politique/2021/03/15/la-loi_123/';
    stubScripting(() => pageCapture);
    const reader = await openTab(`about:reader?url=${encodeURIComponent(address)}`, 'La loi');
    const first = await clipTab({ tabId: reader });
    await updateDraft(first.clip.id, { title: 'La loi sur le renseignement votée' });
    const read = (url: string) =>
      stubScripting(() => ({
        ...pageCapture,
        page: { ...pageCapture.page, url: address, base: address, canonical: url },
      }));
    read(canonical);
    const page = await openTab(address, 'La loi');
    const joined = await clipTab({ tabId: page, tab: { url: address, title: 'La loi' } });
    expect(joined.clip).toMatchObject({
      id: first.clip.id,
      title: 'La loi sur le renseignement votée',
    });
    // The page at that very address too (its canonical its own).
    read(address);
    const again = await clipTab({ tabId: page, tab: { url: address, title: 'La loi' } });
    expect(again.clip).toMatchObject({
      id: first.clip.id,
      title: 'La loi sur le renseignement votée',
    });
    // A title the editor left as the tab gave it is still the page's to fill.
    await db.clips.clear();
    const readerAgain = await openTab(`about:reader?url=${encodeURIComponent(address)}`, 'La loi');
    const untouched = await clipTab({ tabId: readerAgain });
    read(canonical);
    const filled = await clipTab({ tabId: page, tab: { url: address, title: 'La loi' } });
    expect(filled.clip).toMatchObject({ id: untouched.clip.id, title: 'OVH Weighs IPO' });
  });

  it('says what a page closed to scripts kept: the words the menu saw, when it saw some', async () => {
    stubScripting(() => {
      throw new Error('Cannot access contents of the page');
    });
    const pdf = await openTab('https://example.test/report.pdf', 'report.pdf');

    const quoted = await clipTab({ tabId: pdf, selectionText: 'Un passage' });

    expect(quoted).toMatchObject({ limit: 'pdf', selectionKept: true });
    expect(quoted.readerView).toBeUndefined();
    expect(describeOutcome(quoted)).toBe(
      'Nouveau brouillon\u00a0: «\u00a0report.pdf\u00a0» Le lecteur PDF ne se laisse pas lire\u00a0: ' +
        'seuls l’adresse, le titre et les mots sélectionnés (en texte brut, sans leurs liens) ont été gardés.',
    );
    // From the popup or the shortcut, no words: only the address and title, as before.
    const settings = await openTab('chrome://settings/', 'Paramètres');
    const bare = await clipTab({ tabId: settings });
    expect(bare.selectionKept).toBeUndefined();
    expect(describeOutcome(bare, 'en')).toBe(
      'New draft: “Paramètres” The browser does not let extensions read its own pages: only the address and title were kept.',
    );
  });

  it('tells a reader view’s clip to leave reader view to quote the page with its links', async () => {
    const executeScript = stubScripting(() => pageCapture);
    const article = 'https://www.lemonde.fr/pixels/article/loi.html';
    const tabId = await openTab(`about:reader?url=${encodeURIComponent(article)}`, 'La loi');

    const outcome = await clipTab({ tabId, selectionText: 'Les députés ont adopté la loi.' });

    expect(executeScript).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ limit: 'browser-page', selectionKept: true, readerView: true });
    expect(describeOutcome(outcome)).toBe(
      'Nouveau brouillon\u00a0: «\u00a0La loi\u00a0» Le mode lecture du navigateur ne se laisse pas lire\u00a0: ' +
        'seuls l’adresse, le titre et les mots sélectionnés (en texte brut, sans leurs liens) ont été gardés. ' +
        'Pour citer un passage avec ses liens, quittez le mode lecture et coupez de nouveau la page\u00a0: ' +
        'la citation s’ajoutera au même brouillon.',
    );
    // « Couper ce lien » in reader view: the draft is the link's, no draft of the page to join.
    const link = await clipTab({ tabId, linkUrl: 'https://www.senat.fr/loi.html' });
    expect(link.limit).toBe('browser-page');
    expect(link.readerView).toBeUndefined();
  });

  it('credits a view-source: page to the page itself, so that a clip of that page joins it', async () => {
    stubScripting(() => pageCapture);
    const article = 'https://www.bloomberg.com/news/ovh-ipo';
    const tabId = await openTab(`view-source:${article}?utm_source=x`, `view-source:${article}`);

    const outcome = await clipTab({ tabId });

    expect(outcome).toMatchObject({ status: 'created', limit: 'view-source' });
    expect(outcome.clip).toMatchObject({
      url: article,
      siteName: 'bloomberg.com',
      captureNote: 'view-source',
    });
    // The tab's title is its view-source: address: the draft is named as a page without a title.
    expect(outcome.clip.title).toBe('ovh-ipo');
    const page = await openTab(article, 'OVH');
    expect(await clipTab({ tabId: page, tab: { url: article, title: 'OVH' } })).toMatchObject({
      status: 'merged',
      clip: { id: outcome.clip.id },
    });
    // The source of no web page stays as it is.
    const file = await openTab('view-source:file:///home/me/a.html', 'a.html');
    expect((await clipTab({ tabId: file })).clip.url).toBe('view-source:file:///home/me/a.html');
  });

  it('names a page’s source in Firefox as a page without a title, its tab titled with its address', async () => {
    stubScripting(() => pageCapture);
    const article = 'https://www.bloomberg.com/news/ovh-ipo?id=7';
    // Firefox titles a view-source: tab with the page's address, without « view-source: ».
    const tabId = await openTab(`view-source:${article}`, article);

    const outcome = await clipTab({ tabId });

    expect(outcome.clip).toMatchObject({ url: article, title: 'ovh-ipo' });
    // A page's source titled otherwise keeps that title.
    const titled = await openTab('view-source:https://a.test/b', 'Le titre');
    expect((await clipTab({ tabId: titled })).clip.title).toBe('Le titre');
  });

  it('keeps no user name nor password of an address as the draft’s, shown or read', async () => {
    // A page behind a password typed in its address (a partner's feed, a staging site): the
    // draft's address is a link published and shared with the desk.
    stubScripting(() => pageCapture);
    const source = await openTab('view-source:https://redac:secret@flux.example.test/depeche');
    expect((await clipTab({ tabId: source })).clip.url).toBe('https://flux.example.test/depeche');
    const reader = await openTab(
      `about:reader?url=${encodeURIComponent('https://redac:secret@flux.example.test/autre')}`,
    );
    expect((await clipTab({ tabId: reader })).clip.url).toBe('https://flux.example.test/autre');
    const address = 'https://redac:secret@flux.example.test/lue';
    stubScripting(() => ({
      ...pageCapture,
      page: { ...pageCapture.page, url: address, base: address },
    }));
    const page = await openTab(address);
    expect((await clipTab({ tabId: page })).clip.url).toBe('https://flux.example.test/lue');
  });

  it('keeps no user name nor password in the links of a passage quoted', async () => {
    // A page read behind a password typed in its address: its relative links, resolved in it,
    // carry them; the quote is published in the issue and shared with the desk.
    const address = 'https://redac:secret@flux.example.test/lue';
    stubScripting(() => ({
      page: { ...pageCapture.page, url: address, base: address },
      selection: {
        nodes: [
          {
            tag: 'p',
            children: [
              'Voir ',
              {
                tag: 'a',
                href: 'https://redac:secret@flux.example.test/suite',
                children: ['la suite'],
              },
              '.',
            ],
          },
        ],
      },
    }));
    const tabId = await openTab(address);
    const { clip: draft } = await clipTab({ tabId });
    expect(draft.quotes[0]?.html).toBe(
      '<p>Voir <a href="https://flux.example.test/suite">la suite</a>.</p>',
    );
    expect(JSON.stringify(draft)).not.toContain('secret');
  });

  it('keeps no user name nor password of a link clipped as the draft’s address', async () => {
    // « Couper ce lien » on a link to a page behind a password (a partner's feed): the draft's
    // address, published and shared with the desk, is the page's without them, described or not.
    stubScripting((injection) =>
      injection.files?.[0] === '/capture.js' ? { page: { ...pageCapture.page } } : undefined,
    );
    const tabId = await openTab('https://www.bloomberg.com/news/ovh-ipo');
    const link = await clipTab({ tabId, linkUrl: 'https://redac:secret@flux.example.test/fil' });
    expect(link.clip).toMatchObject({
      url: 'https://flux.example.test/fil',
      title: 'https://flux.example.test/fil',
    });
    expect(JSON.stringify(link.clip)).not.toContain('secret');
  });

  it('uses the tab the trigger already knows instead of asking the browser again', async () => {
    const executeScript = stubScripting(() => pageCapture);
    const get = vi.spyOn(fakeBrowser.tabs, 'get');

    const outcome = await clipTab({ tabId: 7, tab: { url: 'https://www.bloomberg.com/news/x' } });

    expect(get).not.toHaveBeenCalled();
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/capture.js'] });
    expect(outcome.clip.title).toBe('OVH Weighs IPO');
  });

  it('takes the tab the popup read from its request, without asking the browser again', async () => {
    const executeScript = stubScripting(() => pageCapture);
    const get = vi.spyOn(fakeBrowser.tabs, 'get');

    const outcome = await handlers.clipTab({
      tabId: 7,
      tab: { url: 'https://www.bloomberg.com/news/x', title: 'OVH' },
    });
    // A browser page the popup names is not injected into.
    const page = await handlers.clipTab({
      tabId: 8,
      tab: { url: 'chrome://settings/', title: 'Paramètres' },
    });

    expect(get).not.toHaveBeenCalled();
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(outcome.clip.title).toBe('OVH Weighs IPO');
    expect(page).toMatchObject({ limit: 'browser-page', clip: { title: 'Paramètres' } });
  });

  it('stores the page the popup read as it opened, without reading it again', async () => {
    const executeScript = stubScripting(() => pageCapture);
    const tab = { url: 'https://www.bloomberg.com/news/x', title: 'OVH' };

    expect(await handlers.prepareClip({ tabId: 7, tab, token: 'popup-1' })).toBe(true);
    expect(await db.clips.count()).toBe(0);
    const outcome = await handlers.clipTab({ tabId: 7, tab, prepared: 'popup-1' });

    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ status: 'created', quoteAdded: true });
    expect(outcome.clip.title).toBe('OVH Weighs IPO');
  });

  it('reads the page again when the early read is of another address, another popup, used, or old', async () => {
    const executeScript = stubScripting(() => pageCapture);
    const tab = { url: 'https://www.bloomberg.com/news/x', title: 'OVH' };
    const clipAfter = async (prepare: string, clip: ProtocolClip) => {
      executeScript.mockClear();
      await handlers.prepareClip({ tabId: 7, tab, token: prepare });
      await handlers.clipTab(clip);
      return executeScript.mock.calls.length;
    };

    // The tab went to another page while the popup was open.
    expect(
      await clipAfter('a', { tabId: 7, tab: { url: `${tab.url}?page=2` }, prepared: 'a' }),
    ).toBe(2);
    // Another popup read it since.
    expect(await clipAfter('b', { tabId: 7, tab, prepared: 'not-b' })).toBe(2);
    // Another tab.
    expect(await clipAfter('c', { tabId: 8, tab, prepared: 'c' })).toBe(2);
    // Used once only.
    await clipAfter('d', { tabId: 7, tab, prepared: 'd' });
    executeScript.mockClear();
    await handlers.clipTab({ tabId: 7, tab, prepared: 'd' });
    expect(executeScript).toHaveBeenCalledTimes(1);
    // Read more than a minute ago.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      executeScript.mockClear();
      await handlers.prepareClip({ tabId: 7, tab, token: 'e' });
      vi.setSystemTime(Date.now() + 61_000);
      await handlers.clipTab({ tabId: 7, tab, prepared: 'e' });
      expect(executeScript).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the page at the clip when the early read failed', async () => {
    let calls = 0;
    const executeScript = stubScripting(() => {
      calls += 1;
      if (calls === 1) throw new Error('Frame was removed');
      return pageCapture;
    });
    const tab = { url: 'https://www.bloomberg.com/news/x', title: 'OVH' };

    expect(await handlers.prepareClip({ tabId: 7, tab, token: 'f' })).toBe(false);
    const outcome = await handlers.clipTab({ tabId: 7, tab, prepared: 'f' });

    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(outcome.limit).toBeUndefined();
    expect(outcome.clip.title).toBe('OVH Weighs IPO');
  });

  it('does not read a browser page ahead', async () => {
    const executeScript = stubScripting(() => pageCapture);

    const ready = await handlers.prepareClip({
      tabId: 8,
      tab: { url: 'chrome://settings/' },
      token: 'g',
    });

    expect(ready).toBe(false);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('asks the browser for the tab when the popup sends its id alone', async () => {
    stubScripting(() => pageCapture);
    const tabId = await openTab('https://www.bloomberg.com/news/ovh-ipo');
    const get = vi.spyOn(fakeBrowser.tabs, 'get');

    await handlers.clipTab({ tabId, tab: { title: 'Sans adresse' } });

    expect(get).toHaveBeenCalledWith(tabId);
  });

  it('does not inject into a browser page the trigger already names', async () => {
    const executeScript = stubScripting(() => pageCapture);
    const get = vi.spyOn(fakeBrowser.tabs, 'get');

    const outcome = await clipTab({
      tabId: 7,
      tab: { url: 'chrome://settings/', title: 'Paramètres' },
    });

    expect(get).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ limit: 'browser-page', clip: { title: 'Paramètres' } });
  });

  it('answers `tab_gone` when the tab was closed before the background read it', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 42.'));

    const failure = await clipTab({ tabId: 42 }).catch((error: unknown) => error);

    // The popup words the code; the browser's English stays a technical detail.
    expect(failure).toBeInstanceOf(CodedError);
    expect((failure as CodedError).failure).toEqual({
      code: 'tab_gone',
      detail: 'Error: No tab with id: 42.',
    });
    expect(await db.clips.count()).toBe(0);
  });

  it('names the reason when the page refuses the script', async () => {
    stubScripting(() => {
      throw new Error('Cannot access contents of the page');
    });
    const tabId = await openTab('https://example.test/report.pdf', 'report.pdf');

    const outcome = await clipTab({ tabId, selectionText: '  Un   passage ' });

    expect(outcome.limit).toBe('pdf');
    expect(outcome.clip.quotes[0]).toMatchObject({ text: 'Un passage', html: '<p>Un passage</p>' });
    expect(outcome.clip.siteName).toBe('example.test');
  });

  it('names a page it cannot read at an accented domain as a reader writes it, its address in ASCII', async () => {
    stubScripting(() => {
      throw new Error('Cannot access contents of the page');
    });
    const tabId = await openTab('https://www.xn--caf-dma.fr/carte.pdf', 'carte.pdf');

    const { clip: draft } = await clipTab({ tabId });

    expect(draft).toMatchObject({
      url: 'https://www.xn--caf-dma.fr/carte.pdf',
      siteName: 'café.fr',
    });
  });

  it('names a link’s page at an accented domain as a reader writes it, not an Apple look-alike', async () => {
    stubScripting((injection) =>
      injection.files?.[0] === '/capture.js' ? pageCapture : undefined,
    );
    const tabId = await openTab('https://www.bloomberg.com/news/ovh-ipo');

    const accented = await clipTab({ tabId, linkUrl: 'https://xn--e1afmkfd.xn--p1ai/page' });
    // « аррӏе.com », all Cyrillic: shown as the browser shows it, not as « apple.com ».
    const lookalike = await clipTab({ tabId, linkUrl: 'https://xn--80ak6aa92e.com/' });

    expect(accented.clip).toMatchObject({
      url: 'https://xn--e1afmkfd.xn--p1ai/page',
      siteName: 'пример.рф',
    });
    expect(lookalike.clip.siteName).toBe('xn--80ak6aa92e.com');
  });

  it('titles a file whose name does not decode by its name as written', async () => {
    stubScripting(() => {
      throw new Error('Cannot access contents of url');
    });
    const tabId = await openTab('file:///home/redac/rapport-100%.pdf', '');

    const outcome = await clipTab({ tabId });

    expect(outcome).toMatchObject({ status: 'created', limit: 'file' });
    expect(outcome.clip.title).toBe('rapport-100%.pdf');
  });

  it('says nothing was refused for a text file, and keeps the words selected in it', async () => {
    stubScripting(() => ({
      page: { ...pageCapture.page, url: 'https://www.rfc-editor.org/rfc/rfc9110.txt' },
      selection: { nodes: [{ tag: 'p', children: ['HTTP is a family of protocols.'] }] },
      contentType: 'text/plain',
    }));
    const tabId = await openTab('https://www.rfc-editor.org/rfc/rfc9110.txt', 'rfc9110.txt');

    const outcome = await clipTab({ tabId });

    // The page let the script in: « Cette page a refusé notre script » would be untrue.
    expect(outcome.limit).toBeUndefined();
    expect(outcome.clip).toMatchObject({
      title: 'rfc9110.txt',
      quotes: [{ text: 'HTTP is a family of protocols.' }],
    });
    expect(outcome.clip.captureNote).toBeUndefined();
  });

  it('clips the page for « Couper ce lien » on a link to no page (javascript:, mailto:)', async () => {
    const executeScript = stubScripting((injection) =>
      injection.files?.[0] === '/capture.js' ? { page: { ...pageCapture.page } } : undefined,
    );
    const tabId = await openTab('https://www.bloomberg.com/news/ovh-ipo');

    const outcome = await clipTab({ tabId, linkUrl: 'javascript:void(0)' });
    const mail = await clipTab({ tabId, linkUrl: 'mailto:redaction@example.fr' });

    expect(outcome.clip).toMatchObject({ url: pageCapture.page.url, title: 'OVH Weighs IPO' });
    expect(mail.clip.id).toBe(outcome.clip.id);
    // The link was not looked for in the page.
    expect(executeScript).not.toHaveBeenCalledWith(
      expect.objectContaining({ args: expect.anything() }),
    );
  });

  it('clips a link as its own draft, titled with the link text and quoting its paragraph', async () => {
    const executeScript = stubScripting((injection) =>
      injection.files?.[0] === '/capture.js'
        ? { page: { ...pageCapture.page } }
        : injection.files?.[0] === '/describe-link.js'
          ? {
              url: 'https://fr.wikipedia.org/wiki/Lina_Khan',
              text: 'Lina Khan',
              context: { nodes: [{ tag: 'p', children: ['La nomination de ', 'Lina Khan.'] }] },
            }
          : undefined,
    );
    const tabId = await openTab('https://www.bloomberg.com/news/ovh-ipo');

    const outcome = await clipTab({
      tabId,
      linkUrl: 'https://fr.wikipedia.org/wiki/Lina_Khan?fbclid=1',
    });

    expect(outcome.clip).toMatchObject({
      url: 'https://fr.wikipedia.org/wiki/Lina_Khan',
      title: 'Lina Khan',
      siteName: 'fr.wikipedia.org',
      quotes: [{ text: 'La nomination de Lina Khan.', html: '<p>La nomination de Lina Khan.</p>' }],
    });
    // The link's URL reaches the file-injected script through a global set just before it.
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({
        target: { tabId },
        args: [{ href: 'https://fr.wikipedia.org/wiki/Lina_Khan?fbclid=1' }],
      }),
    );
  });

  it('describes the link right-clicked in its frame, with Firefox’s element id', async () => {
    const executeScript = stubScripting((injection) =>
      injection.files?.[0] === '/capture.js' ? { page: { ...pageCapture.page } } : undefined,
    );
    const tabId = await openTab('https://www.bloomberg.com/news/ovh-ipo');

    await clipTab({
      tabId,
      linkUrl: 'https://fr.wikipedia.org/wiki/Lina_Khan',
      linkTarget: { frameId: 2, elementId: 1717 },
    });

    // Both steps in the link's frame, where the element id is valid; the page is read in its own.
    const inFrame = { tabId, frameIds: [2] };
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({
        target: inFrame,
        args: [{ href: 'https://fr.wikipedia.org/wiki/Lina_Khan', elementId: 1717 }],
      }),
    );
    expect(executeScript).toHaveBeenCalledWith({ target: inFrame, files: ['/describe-link.js'] });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId }, files: ['/capture.js'] });
  });
});

/**
 * QA found an Author's clip of a page Rédac had clipped told « la citation y a été ajoutée »,
 * then undone by WordPress's refusal at the next sync: the passage lost. The clip goes to a
 * draft of their own, and says so.
 */
describe('clipTab on the shared desk', () => {
  beforeEach(async () => {
    await Promise.all([db.syncState.clear(), db.outbox.clear()]);
  });

  async function clipLeMonde(text: string) {
    stubScripting(() => ({
      ...pageCapture,
      selection: { nodes: [{ tag: 'p', children: [text] }] },
    }));
    return clipTab({ tabId: await openTab(pageCapture.page.url) });
  }

  it('tells an Author their passage went to a new draft of theirs, beside Rédac’s', async () => {
    const theirs = await clipLeMonde('Le passage de Rédac.');
    await db.clips.update(theirs.clip.id, {
      desk: { remoteId: 7, createdBy: 'Rédac', canEdit: false, canTrash: false },
    });
    await db.syncState.put(deskState('author'));

    const outcome = await clipLeMonde('Le passage de l’Autrice.');

    expect(outcome).toMatchObject({ status: 'created', quoteAdded: true, beside: 'Rédac' });
    expect(describeOutcome(outcome)).toBe(
      'Rédac a déjà un brouillon de cette page, que votre rôle ne vous permet pas de modifier\u00a0: le vôtre a été créé à côté.',
    );
    expect(describeOutcome(outcome, 'en')).toBe(
      'Rédac already has a draft of this page, which your role does not let you edit: yours was made beside it.',
    );
    expect((await db.clips.get(theirs.clip.id))!.quotes).toHaveLength(1);
    // The new draft is queued for WordPress, as every clip on the shared desk.
    expect(await db.outbox.get(`draft:${outcome.clip.id}`)).toBeDefined();
  });

  it('names no one when the sync did not record who clipped the other draft', async () => {
    const theirs = await clipLeMonde('Le passage de Rédac.');
    await db.clips.update(theirs.clip.id, { desk: { remoteId: 7, canEdit: false } });
    await db.syncState.put(deskState('contributor'));

    const outcome = await clipLeMonde('Le passage du pigiste.');

    expect(describeOutcome(outcome)).toBe(
      'Un collègue a déjà un brouillon de cette page, que votre rôle ne vous permet pas de modifier\u00a0: le vôtre a été créé à côté.',
    );
  });

  it('still tells an Editor the quote joined the existing draft, and whose it is', async () => {
    const theirs = await clipLeMonde('Le passage de l’Autrice.');
    await db.clips.update(theirs.clip.id, {
      desk: { remoteId: 7, createdBy: 'Autrice', canEdit: true, canTrash: true },
    });
    await db.syncState.put(deskState('editor'));

    const outcome = await clipLeMonde('Le passage de Rédac.');

    expect(outcome).toMatchObject({ status: 'merged', quoteAdded: true, addedTo: 'Autrice' });
    expect(outcome.clip.id).toBe(theirs.clip.id);
    expect(describeOutcome(outcome)).toBe(
      'Autrice avait déjà un brouillon de cette page\u00a0: votre citation y a été ajoutée (2 citations).',
    );
  });
});

describe('readCapture', () => {
  it('reads the PageCapture the capture script wrote as JSON', () => {
    expect(readCapture(JSON.stringify(pageCapture))).toEqual(pageCapture);
  });

  it('takes nothing but a JSON object for an answer', () => {
    // The script answers with a string: an object, or a string that is not JSON, did not come
    // from it (the clip then falls back to the tab, as for a page that refused the script).
    expect(readCapture(pageCapture)).toBeUndefined();
    expect(readCapture('{"page":')).toBeUndefined();
    expect(readCapture('null')).toBeUndefined();
    expect(readCapture('42')).toBeUndefined();
    expect(readCapture(undefined)).toBeUndefined();
  });

  it('makes a clip of the tab alone when the answer cannot be read', async () => {
    const executeScript = vi.fn(async () => [{ frameId: 0, result: '<html>' }]);
    (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript };
    const tabId = await openTab('https://example.test/a', 'Le titre de l’onglet');

    const outcome = await clipTab({ tabId });

    expect(outcome.limit).toBe('script-failed');
    expect(outcome.clip).toMatchObject({
      url: 'https://example.test/a',
      title: 'Le titre de l’onglet',
    });
  });
});

describe('limitForUrl', () => {
  it.each([
    ['chrome://extensions/', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['view-source:https://a.test/', 'view-source'],
    ['https://chromewebstore.google.com/detail/x', 'web-store'],
    ['https://chrome.google.com/webstore/category', 'web-store'],
    ['https://addons.mozilla.org/fr/firefox/', 'web-store'],
    ['https://www.lemonde.fr/', undefined],
  ])('%s → %s', (url, limit) => {
    expect(limitForUrl(url)).toBe(limit);
  });

  it('maps an injection failure to the reason an editor can act on', () => {
    expect(limitForFailure('file:///home/me/a.html')).toBe('file');
    expect(limitForFailure('https://a.test/doc.PDF')).toBe('pdf');
    expect(limitForFailure('https://a.test/')).toBe('script-failed');
  });
});
