import { detectLocale, setLocale } from '../locales';
import { uiLocale, type UiLocale } from '../storage/settings';
import { refreshBadge } from './badge';
import { createMenus } from './triggers';

const resolve = (choice: UiLocale) => (choice === 'auto' ? detectLocale() : choice);

/**
 * The background speaks the language chosen in the options too: its menu items, badge
 * tooltip and page toasts. When the choice changes, the menus are made again in it.
 */
export function followUiLocale(): void {
  void uiLocale
    .getValue()
    .then((choice) => setLocale(resolve(choice)))
    .catch((error) => console.error('Indiscrets locale', error));
  uiLocale.watch((choice) => {
    setLocale(resolve(choice));
    void createMenus().catch((error) => console.error('Indiscrets menus', error));
    void refreshBadge().catch((error) => console.error('Indiscrets badge', error));
  });
}
