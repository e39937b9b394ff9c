import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchExtension,
  selectText,
  servePages,
  type ExtensionSession,
  type PageServer,
} from './harness';

/**
 * « Couper ce lien » in Chromium, whose menu names the link's address only: the built
 * describe-link.js, injected as services/clipper.ts injects it (the address left in a global of
 * the isolated world, then the file), picks among the page's links to that address the one an
 * editor reading the page would have right-clicked. A Chromium menu item cannot be clicked from
 * a test; the choice itself is unit tested (tests/unit/capture/links.test.ts).
 */
describe('« Couper ce lien » in Chromium', () => {
  let session: ExtensionSession;
  let server: PageServer;

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** The test page in a tab of its own, at an address of its own (tabIdOf finds it by address). */
  async function openPage(name: string) {
    const page = await session.context.newPage();
    await page.goto(`${server.page('same-link.html')}?${name}`);
    return page;
  }

  /** What describe-link.js answers in the tab showing `page` for the link to `href`. */
  async function describeIn(page: Page, href: string) {
    const tabId = await session.tabIdOf(page.url());
    const [worker] = session.context.serviceWorkers();
    return worker!.evaluate(
      async ([tab, wanted]) => {
        type Scripting = {
          executeScript(injection: object): Promise<Array<{ result?: unknown }>>;
        };
        const { scripting } = (globalThis as unknown as { chrome: { scripting: Scripting } })
          .chrome;
        const target = { tabId: tab, frameIds: [0] };
        await scripting.executeScript({
          target,
          func: (link: { href: string }) => {
            (globalThis as { __indiscretsLinkTarget?: object }).__indiscretsLinkTarget = link;
          },
          args: [{ href: wanted }],
        });
        const [frame] = await scripting.executeScript({ target, files: ['/describe-link.js'] });
        return frame?.result as { text?: string; context?: unknown } | undefined;
      },
      [tabId, href] as const,
    );
  }

  it('describes the article’s link, not the header’s, the menu’s or the picture’s', async () => {
    const page = await openPage('article');
    const href = new URL('/enquete.html', server.origin).href;

    const found = await describeIn(page, href);

    expect(found?.text).toBe('notre enquête');
    expect(found?.context).toBeDefined();
    await page.close();
  });

  it('describes the link in the editor’s selection', async () => {
    const page = await openPage('selection');
    await selectText(page, '#second');

    const found = await describeIn(page, new URL('/enquete.html', server.origin).href);

    expect(found?.text).toBe('le montrait l’enquête');
    await page.close();
  });

  it('passes over a link the page’s style hides, for the picture the reader sees', async () => {
    const page = await openPage('hidden');
    // Without the article's words, the folded link (display: none, a mobile menu's) would come
    // first by its words: only the browser's layout tells it cannot be right-clicked.
    await page.evaluate(() =>
      ['text', 'again'].forEach((id) => document.getElementById(id)!.remove()),
    );

    const found = await describeIn(page, new URL('/enquete.html', server.origin).href);

    expect(found?.text).toBe('La une');
    await page.close();
  });

  it('passes over a link kept invisible (a closed drop-down’s), for the picture the reader sees', async () => {
    const page = await openPage('invisible');
    // Laid out but `visibility: hidden`: it cannot be right-clicked either.
    await page.evaluate(() =>
      ['text', 'again', 'folded'].forEach((id) => document.getElementById(id)!.remove()),
    );

    const found = await describeIn(page, new URL('/enquete.html', server.origin).href);

    expect(found?.text).toBe('La une');
    await page.close();
  });

  it('describes a link a custom element draws in its shadow tree, with the words slotted in', async () => {
    const page = await openPage('shadow');
    // `<my-link href>` as web components draw it: the page's words shown through a <slot> of
    // an <a> out of the page's querySelectorAll.
    await page.evaluate(() => {
      customElements.define(
        'my-link',
        class extends HTMLElement {
          connectedCallback() {
            const link = document.createElement('a');
            link.href = this.getAttribute('href')!;
            link.append(document.createElement('slot'));
            this.attachShadow({ mode: 'open' }).append(link);
          }
        },
      );
      const paragraph = document.createElement('p');
      paragraph.innerHTML =
        'Voir <my-link href="/dossier.html">le dossier complet</my-link> sur la réforme.';
      document.querySelector('main')!.append(paragraph);
    });

    const found = await describeIn(page, new URL('/dossier.html', server.origin).href);

    expect(found).toMatchObject({
      text: 'le dossier complet',
      // The paragraph around the custom element as the reader sees it, the link its tree draws
      // included (as the page sends it: a tree, not HTML).
      context: {
        nodes: [
          {
            tag: 'p',
            children: [
              'Voir ',
              {
                tag: 'a',
                href: new URL('/dossier.html', server.origin).href,
                children: ['le dossier complet'],
              },
              ' sur la réforme.',
            ],
          },
        ],
      },
    });
    await page.close();
  });

  it('describes a link a custom element draws in a closed shadow tree, which the page cannot read', async () => {
    const page = await openPage('closed-shadow');
    // As above, in a `{ mode: 'closed' }` tree: the host's shadowRoot is null to every script
    // but the extension's (chrome.dom.openOrClosedShadowRoot).
    await page.evaluate(() => {
      customElements.define(
        'closed-link',
        class extends HTMLElement {
          connectedCallback() {
            const link = document.createElement('a');
            link.href = this.getAttribute('href')!;
            link.append(document.createElement('slot'));
            // Words the element draws itself, read by no script of the page either.
            const mark = document.createElement('small');
            mark.textContent = ' (abonnés)';
            this.attachShadow({ mode: 'closed' }).append(link, mark);
          }
        },
      );
      // A date drawn in a closed tree of its own, its words nowhere in the page's text.
      customElements.define(
        'closed-date',
        class extends HTMLElement {
          connectedCallback() {
            this.attachShadow({ mode: 'closed' }).innerHTML = '<time>le 3 mai</time>';
          }
        },
      );
      const paragraph = document.createElement('p');
      paragraph.innerHTML =
        'Voir <closed-date></closed-date> <closed-link href="/dossier.html">le dossier complet</closed-link> sur la réforme.';
      // An SVG element in the page too: Chrome's reader refuses any but an HTML element.
      paragraph.append(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
      document.querySelector('main')!.append(paragraph);
    });

    const found = await describeIn(page, new URL('/dossier.html', server.origin).href);

    expect(found).toMatchObject({
      text: 'le dossier complet',
      // The paragraph as the reader sees it: the words both closed trees draw, in their place.
      context: {
        nodes: [
          {
            tag: 'p',
            children: [
              'Voir ',
              'le 3 mai',
              ' ',
              {
                tag: 'a',
                href: new URL('/dossier.html', server.origin).href,
                children: ['le dossier complet'],
              },
              ' (abonnés)',
              ' sur la réforme.',
            ],
          },
        ],
      },
    });
    await page.close();
  });

  it('describes a link of the page shown in a paragraph a closed shadow tree draws, the paragraph read there', async () => {
    const page = await openPage('closed-card');
    // `<closed-card>` draws a paragraph around a <slot> in a closed tree; the page's own link is
    // placed in it, and no ancestor of the link in the page is a paragraph.
    await page.evaluate(() => {
      customElements.define(
        'closed-card',
        class extends HTMLElement {
          connectedCallback() {
            this.attachShadow({ mode: 'closed' }).innerHTML =
              '<p>Lire <slot></slot> en entier.</p>';
          }
        },
      );
      const card = document.createElement('closed-card');
      card.innerHTML = '<a href="/carte.html">l’enquête</a>';
      document.querySelector('main')!.append(card);
    });
    const href = new URL('/carte.html', server.origin).href;

    expect(await describeIn(page, href)).toMatchObject({
      text: 'l’enquête',
      context: {
        nodes: [
          {
            tag: 'p',
            children: ['Lire ', { tag: 'a', href, children: ['l’enquête'] }, ' en entier.'],
          },
        ],
      },
    });
    await page.close();
  });
  it('describes a link in a paragraph of the page a closed tree shows through its slot, that paragraph alone', async () => {
    const page = await openPage('closed-article');
    // `<closed-article>` draws the site's title and places the page's paragraphs in its slot:
    // the link's paragraph is the page's own <p>, the title and its neighbours none of its words.
    await page.evaluate(() => {
      customElements.define(
        'closed-article',
        class extends HTMLElement {
          connectedCallback() {
            this.attachShadow({ mode: 'closed' }).innerHTML =
              '<header>Titre du site</header><div><slot></slot></div>';
          }
        },
      );
      const article = document.createElement('closed-article');
      article.innerHTML =
        '<p>Premier paragraphe.</p><p>Selon <a href="/article.html">notre enquête</a>, non.</p>' +
        '<p>Troisième.</p>';
      document.querySelector('main')!.append(article);
    });
    const href = new URL('/article.html', server.origin).href;

    expect(await describeIn(page, href)).toMatchObject({
      text: 'notre enquête',
      context: {
        nodes: [
          {
            tag: 'p',
            children: ['Selon ', { tag: 'a', href, children: ['notre enquête'] }, ', non.'],
          },
        ],
      },
    });
    await page.close();
  });
  it('leaves out of a link’s paragraph the words a closed tree’s style hides', async () => {
    const page = await openPage('closed-tip');
    // `<closed-tip>` underlines the page's word and holds its bubble, hidden by the tree's own
    // style until hovered: the reader saw the word, not the bubble.
    await page.evaluate(() => {
      customElements.define(
        'closed-tip',
        class extends HTMLElement {
          connectedCallback() {
            this.attachShadow({ mode: 'closed' }).innerHTML =
              '<style>.bulle { display: none } :host(:hover) .bulle { display: inline }</style>' +
              '<u><slot></slot></u><span class="bulle"> (il l’a dit le 3 mai)</span>';
          }
        },
      );
      const p = document.createElement('p');
      p.innerHTML =
        'Selon <a href="/bulle.html">notre enquête</a>, le ministre <closed-tip>savait</closed-tip>.';
      document.querySelector('main')!.append(p);
    });
    const href = new URL('/bulle.html', server.origin).href;

    expect(await describeIn(page, href)).toMatchObject({
      context: {
        nodes: [
          {
            tag: 'p',
            children: [
              'Selon ',
              { tag: 'a', href, children: ['notre enquête'] },
              ', le ministre ',
              'savait',
              '.',
            ],
          },
        ],
      },
    });
    await page.close();
  });
});
