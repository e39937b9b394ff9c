/**
 * The extension's pages laid out in Firefox (MV2 test build, headless Firefox ESR), where they
 * differ from Chromium's: Firefox's classic scrollbar takes room from the page (12 px here), so
 * that a line which just fits in Chromium wraps in Firefox at the same window width.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { until } from '../browser/harness';
import { inFirefox, sizeViewport, type FirefoxSession } from './harness';

/** The top of each button of the desk's header, by its name (text or accessible label). */
function headerButtonTops(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLButtonElement>('.desk__top button')].map((button) => [
        button.getAttribute('aria-label') ?? button.textContent!.replace(/\s+/g, ' ').trim(),
        button.getBoundingClientRect().top,
      ]),
    ),
  );
}

describe('the desk’s layout in Firefox (MV2)', () => {
  let session: FirefoxSession;

  inFirefox((launched) => ({ session } = launched));

  it('keeps ⚙ on the line of « ◂ Brouillons » and « Raccourcis clavier » at 1024 px, its clipping hint on two lines', async () => {
    const desk = await session.browser.newPage();
    await sizeViewport(desk, { width: 1024, height: 768 });
    await session.openExtensionPage('desk.html', desk);
    const tops = await until(
      () => headerButtonTops(desk),
      (found) => Object.keys(found).length >= 3,
      'the header’s buttons',
    );
    // The hint wraps here (what once put ⚙ lower, centred on the title and the hint).
    const hint = await desk.$eval('[data-testid="clip-hint"]', (el) => ({
      height: el.getBoundingClientRect().height,
      fontSize: parseFloat(getComputedStyle(el).fontSize),
    }));
    expect(hint.height).toBeGreaterThan(hint.fontSize * 2);
    const gear = tops['Réglages'];
    expect(gear).toBeDefined();
    for (const [name, top] of Object.entries(tops)) {
      expect({ name, off: Math.abs(top - gear!) < 2 }).toEqual({ name, off: true });
    }
    await desk.close();
  });
});
