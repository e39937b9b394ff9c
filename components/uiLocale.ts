import { setLocaleChoice } from '../locales';
import { uiLocale } from '../storage/settings';

/** The language the editor chose in the options, else the browser's. */
export async function applyUiLocale(): Promise<void> {
  document.documentElement.lang = setLocaleChoice(await uiLocale.getValue());
}
