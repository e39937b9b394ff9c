import { describe, expect, it } from 'vitest';
import { until } from '../browser/harness';
import { expectNoExtensionErrors, inFirefox, type FirefoxSession } from './harness';

/**
 * The lock every read-then-write of the addresses left holds (storage/settings.ts
 * SITE_LEAVES_LOCK), in Firefox (MV2): the options page's and the background page's writes of
 * the list wait for one another only if the background sees the page's lock.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build -b firefox --mv2.
 */
describe('the lock of the addresses left, in Firefox (MV2)', () => {
  let session: FirefoxSession;

  inFirefox((launched) => ({ session } = launched));

  it('is held for the background page while the options page holds it, and let go as it closes', async () => {
    const options = await session.openExtensionPage('options.html');
    // Resolved once the page holds it (for 10 s, longer than the test needs).
    await options.evaluate(
      () =>
        new Promise<void>((held) => {
          void navigator.locks.request('indiscrets:siteLeaves', () => {
            held();
            return new Promise((resolve) => setTimeout(resolve, 10_000));
          });
        }),
    );
    const popup = await session.openExtensionPage('popup.html');
    /** The locks held, as the background page's own navigator.locks says. */
    const held = () =>
      popup.evaluate(async () => {
        const api = (
          globalThis as unknown as {
            browser: { runtime: { getBackgroundPage(): Promise<Window> } };
          }
        ).browser;
        const background = await api.runtime.getBackgroundPage();
        return ((await background.navigator.locks.query()).held ?? []).map((l) => l.name);
      });
    expect(await held()).toContain('indiscrets:siteLeaves');
    await options.close();
    await until(
      held,
      (names) => !names.includes('indiscrets:siteLeaves'),
      'the lock let go with the page',
    );
    await popup.close();
    expectNoExtensionErrors(session);
  });
});
