import 'fake-indexeddb/auto';
import { setLocale } from '../locales';

// jsdom says en-US; the product speaks French first, and so do most assertions.
Object.defineProperty(navigator, 'language', { value: 'fr-FR', configurable: true });
setLocale('fr');
