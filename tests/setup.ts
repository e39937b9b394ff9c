import 'fake-indexeddb/auto';
import { setLocale } from '../locales';

// jsdom says en-US; the product speaks French first, and so do most assertions.
setLocale('fr');
