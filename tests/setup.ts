import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
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
