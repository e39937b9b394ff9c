import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHARED_DESK_STATE } from './database';
import { launchSeeded, openPopup, type ExtensionSession } from './harness';

/**
 * The shared desk's status line in the popup, in real Chromium, in a long state (WordPress
 * settings missing): the dot stays with the first word, the editor's name and
 * role wrap whole, no line starts with the « · » between them, and « Réglages » is offered next
 * to the message, as the publish failure offers it. No WordPress needed: the state is written
 * into IndexedDB as a failed sync leaves it.
 */

function seeded() {
  const now = new Date();
  return {
    syncState: [
      {
        ...SHARED_DESK_STATE,
        user: { id: 3, name: 'Rédactrice en chef', roles: ['editor'] },
        lastSyncAt: new Date(now.getTime() - 60_000).toISOString(),
        // As a run leaves it here: no WordPress settings in this profile.
        lastError: { code: 'no_settings', at: now.toISOString() },
      },
    ],
  };
}

/** How the status line is laid out: where the dot, the first word, the « · » and the name are. */
function layout(page: Page) {
  return page.getByTestId('sync-status').evaluate((status) => {
    const line = status.querySelector('.shared-desk__line')!;
    const dot = status.querySelector('[data-testid="sync-dot"]')!.getBoundingClientRect();
    const lead = status.querySelector('.shared-desk__lead')!;
    const who = status.querySelector('.shared-desk__who')!;
    // The « · »: its own box, and the left edge of the line box it is on.
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let separator: DOMRect | undefined;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf('·');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      separator = range.getBoundingClientRect();
    }
    const lineLeft = line.getBoundingClientRect().left;
    const leadBox = lead.getClientRects();
    return {
      // How many lines the message and the name take (the test wants it wrapped).
      lines: Math.round(
        line.getBoundingClientRect().height / parseFloat(getComputedStyle(line).lineHeight),
      ),
      leadLines: leadBox.length,
      dotWithWord: dot.top >= leadBox[0]!.top - 1 && dot.bottom <= leadBox[0]!.bottom + 1,
      whoLines: who.getClientRects().length,
      separatorStartsLine: separator ? separator.left - lineLeft < 12 : 'none',
    };
  });
}

describe('the shared desk’s status line in a long state, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const width of [360, 320]) {
    it(`keeps the dot with its word and the name whole, and offers « Réglages », at ${width} px`, async () => {
      const popup = await openPopup(session);
      await popup.setViewportSize({ width, height: 600 });
      const status = popup.getByTestId('sync-status');
      await status.getByText('Réglages WordPress incomplets', { exact: false }).waitFor();
      const laid = await layout(popup);
      // Wrapped, or nothing is proved.
      expect(laid.lines).toBeGreaterThan(1);
      expect(laid).toEqual({
        lines: expect.any(Number),
        leadLines: 1,
        dotWithWord: true,
        whoLines: 1,
        separatorStartsLine: false,
      });
      // The fix is in the settings: one click away, next to the message.
      const settings = status.getByRole('button', { name: 'Réglages' });
      const opened = session.context.waitForEvent('page');
      await settings.click();
      const options = await opened;
      expect(options.url()).toContain('options.html');
      // At the WordPress settings, not the page's top: the first empty field (no settings in
      // this profile: the site's address) has the keyboard, and is on screen.
      const address = options.getByLabel(/^Adresse du site/);
      await expect
        .poll(() => address.evaluate((field) => field === document.activeElement))
        .toBe(true);
      await expect
        .poll(() =>
          address.evaluate((field) => {
            const box = field.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight;
          }),
        )
        .toBe(true);
      await options.close();
      await popup.close();
    });
  }
});
