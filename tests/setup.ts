import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { setLocale } from '../locales';

// jsdom says en-US; the product speaks French first, and so do most assertions.
Object.defineProperty(navigator, 'language', { value: 'fr-FR', configurable: true });
setLocale('fr');

// findBy*/waitFor give up after 1 s by default: CI runs on a loaded 2-core machine where a
// Dexie round trip plus a Preact redraw can take longer. A limit for a hang, not for speed.
configure({ asyncUtilTimeout: 10_000 });
