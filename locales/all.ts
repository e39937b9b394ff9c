/**
 * Both catalogues, registered at once: for the background (its menus and notifications follow
 * the language chosen in the options, which may change while it runs) and for the tests. The
 * extension's pages load only the language they speak (`loadMessages`).
 */
import { registerMessages } from '.';
import { en } from './en';
import { fr } from './fr';

registerMessages('fr', fr);
registerMessages('en', en);
