import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { afterAll } from 'vitest';
import { setLocale } from '../locales';

// jsdom says en-US; the product speaks French first, and so do most assertions.
Object.defineProperty(navigator, 'language', { value: 'fr-FR', configurable: true });
setLocale('fr');

// findBy*/waitFor give up after 1 s by default: CI runs on a loaded 2-core machine where a
// Dexie round trip plus a Preact redraw can take longer. A limit for a hang, not for speed.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lays nothing out and has no scrollIntoView: the long lists (VirtualList) call it to
// bring the row the keyboard reached into view. Nothing to scroll here, so it does nothing.
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};

// Preact runs a drawing's effects after the next frame, or 100 ms later without one. A view
// that draws itself again as its test ends (a database answer arriving late) leaves such a
// timer, which must fire while the file's environment is there: after it, jsdom's
// cancelAnimationFrame is gone, and the timer's call is an uncaught error (clean-clone runs).
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 150));
});
