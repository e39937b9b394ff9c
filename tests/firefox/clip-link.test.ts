import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { until, type PageServer } from '../browser/harness';
import { expectNoExtensionErrors, inFirefox, type FirefoxSession } from './harness';

/** What Firefox tells of a right-click (contextMenus.onShown, the namespace the background uses). */
interface Shown {
  frameId?: number;
  targetElementId?: number;
  linkUrl?: string;
}

/**
 * « Couper ce lien » in Firefox, whose menus name the element right-clicked: the link described
 * is that one, here the menu's, although the page links the same address from its article's
 * words (which Chromium's choice would take). The menu item itself cannot be clicked from a test
 * (a native menu): the right-click is real, its `targetElementId` is heard in an extension page,
 * and describe-link.js is injected with it as services/clipper.ts injects it (the request's
 * plumbing, from the menu's click to that injection, is unit tested: tests/unit/services).
 */
describe('« Couper ce lien » in Firefox', () => {
  let session: FirefoxSession;
  let server: PageServer;

  inFirefox((launched) => ({ session, server } = launched));

  /** Right-clicks `selector` in `article`: what Firefox's menu told (heard in an extension page). */
  async function rightClick(article: Page, selector: string) {
    const listener = await session.openExtensionPage('popup.html');
    await listener.evaluate(() => {
      const scope = globalThis as unknown as {
        browser: {
          contextMenus: { onShown: { addListener(listener: (info: object) => void): void } };
        };
        shown?: object;
      };
      scope.browser.contextMenus.onShown.addListener((info) => (scope.shown = info));
    });

    await article.bringToFront();
    await article.click(selector, { button: 'right' });
    const shown = (await until(
      () => listener.evaluate(() => (globalThis as { shown?: Shown }).shown),
      (info) => info !== undefined,
      'the context menu shown',
    ))!;
    await article.keyboard.press('Escape');
    return { listener, shown };
  }

  /** What describe-link.js answers for that right-click, injected as services/clipper.ts does. */
  async function describeFor(article: Page, listener: Page, shown: Shown) {
    const tabId = await session.tabIdOf(article.url());
    return listener.evaluate(
      async (tab, info) => {
        type Scripting = {
          executeScript(injection: object): Promise<Array<{ result?: unknown }>>;
        };
        const { scripting } = (globalThis as unknown as { browser: { scripting: Scripting } })
          .browser;
        const target = { tabId: tab, frameIds: [info.frameId ?? 0] };
        await scripting.executeScript({
          target,
          func: (link: object) => {
            (globalThis as { __indiscretsLinkTarget?: object }).__indiscretsLinkTarget = link;
          },
          args: [{ href: info.linkUrl, elementId: info.targetElementId }],
        });
        const [frame] = await scripting.executeScript({ target, files: ['/describe-link.js'] });
        return frame?.result as { text?: string; context?: unknown } | undefined;
      },
      tabId,
      shown,
    );
  }

  // One right-click for the whole test: headless Firefox shows no second native menu in a
  // session (the first, dismissed with Escape, is not told closed).
  it('describes the very link right-clicked, while it leads to the menu’s address', async () => {
    const article = await session.openUrl(server.page('same-link.html'));
    const { listener, shown } = await rightClick(article, '#menu');
    expect(shown.linkUrl).toBe(new URL('/enquete.html', server.origin).href);
    expect(shown.targetElementId).toEqual(expect.any(Number));

    // Not another link to the same address, although Chromium's choice would take the article's.
    expect((await describeFor(article, listener, shown))?.text).toBe('Enquête');

    // The page draws its menu again in the same element, now leading elsewhere: the element
    // named is no longer a link to the address, which the article's words are.
    await article.evaluate(() => document.getElementById('menu')!.setAttribute('href', '/autre'));
    expect((await describeFor(article, listener, shown))?.text).toBe('notre enquête');

    // A page that rewrites the link itself (a search engine's result, on mousedown), with no
    // other link to the address left: the element right-clicked is still the one.
    await article.evaluate(() => {
      for (const link of Array.from(document.querySelectorAll('a[href="/enquete.html"]')))
        link.remove();
      document.getElementById('menu')!.setAttribute('href', '/redirect?to=/enquete.html');
    });
    expect((await describeFor(article, listener, shown))?.text).toBe('Enquête');
    expectNoExtensionErrors(session);
    await listener.close();
    await article.close();
  });

  it('describes a link a custom element draws in a closed shadow tree, which the page cannot read', async () => {
    const article = await session.openUrl(`${server.page('same-link.html')}?closed-shadow`);
    // `<closed-link href>` draws `<a href><slot></slot></a>` in a `{ mode: 'closed' }` tree:
    // the host's shadowRoot is null to every script but the extension's (Firefox gives content
    // scripts the element's openOrClosedShadowRoot).
    await article.evaluate(() => {
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
      document.querySelector('main')!.append(paragraph);
    });
    // No second native menu in this session (above): the address alone, as when Firefox names
    // no element, and the link is looked for in the page's shadow trees.
    const listener = await session.openExtensionPage('popup.html');
    const shown = { frameId: 0, linkUrl: new URL('/dossier.html', server.origin).href };

    expect(await describeFor(article, listener, shown)).toMatchObject({
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
              { tag: 'a', href: shown.linkUrl, children: ['le dossier complet'] },
              ' (abonnés)',
              ' sur la réforme.',
            ],
          },
        ],
      },
    });
    expectNoExtensionErrors(session);
    await listener.close();
    await article.close();
  });

  it('describes a link of the page shown in a paragraph a closed shadow tree draws, the paragraph read there', async () => {
    const article = await session.openUrl(`${server.page('same-link.html')}?closed-card`);
    // `<closed-card>` draws a paragraph around a <slot> in a closed tree; the page's own link is
    // placed in it, and no ancestor of the link in the page is a paragraph.
    await article.evaluate(() => {
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
    const listener = await session.openExtensionPage('popup.html');
    const shown = { frameId: 0, linkUrl: new URL('/carte.html', server.origin).href };

    expect(await describeFor(article, listener, shown)).toMatchObject({
      text: 'l’enquête',
      context: {
        nodes: [
          {
            tag: 'p',
            children: [
              'Lire ',
              { tag: 'a', href: shown.linkUrl, children: ['l’enquête'] },
              ' en entier.',
            ],
          },
        ],
      },
    });
    expectNoExtensionErrors(session);
    await listener.close();
    await article.close();
  });
});
