import { setLocaleChoice } from '../locales';
import { uiLocale } from '../storage/settings';
import { refreshBadge } from './badge';
import { createMenus } from './triggers';

/**
 * The background speaks the language chosen in the options too: its menu items, badge
 * tooltip and page toasts. When the choice changes, the menus are made again in it.
 */
export function followUiLocale(): void {
  void uiLocale
    .getValue()
    .then(setLocaleChoice)
    .catch((error) => console.error('Indiscrets locale', error));
  uiLocale.watch((choice) => {
    setLocaleChoice(choice);
    void createMenus().catch((error) => console.error('Indiscrets menus', error));
    void refreshBadge().catch((error) => console.error('Indiscrets badge', error));
  });
}
