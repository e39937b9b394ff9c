import { getLocale, setLocaleChoice } from '../locales/core';
import { UI_LOCALES } from '../storage/record-values';
import { uiLocale, type UiLocale } from '../storage/settings';

/** The language choice as last read, for the next page to paint in at once. */
const REMEMBERED_KEY = 'indiscrets:ui-locale';

/**
 * The language choice read by the last page that started, kept in localStorage (synchronous,
 * shared by the extension's pages): the popup paints in it without waiting for the extension's
 * storage, then checks it there ({@link applyUiLocale}). `undefined` the first time.
 */
export function rememberedUiLocale(): UiLocale | undefined {
  try {
    const value = localStorage.getItem(REMEMBERED_KEY);
    return UI_LOCALES.find((choice) => choice === value);
  } catch {
    return undefined;
  }
}

/** Speaks `choice` (`auto`: the browser's language) in this page. */
export function speakUiLocale(choice: UiLocale): void {
  document.documentElement.lang = setLocaleChoice(choice);
}

/**
 * The language the editor chose in the options, else the browser's; remembered for the next
 * page. Resolves to whether this page spoke another language until then.
 */
export async function applyUiLocale(): Promise<boolean> {
  const before = getLocale();
  const choice = await uiLocale.getValue();
  try {
    localStorage.setItem(REMEMBERED_KEY, choice);
  } catch {
    // Without localStorage the next page waits for the extension's storage, as the first did.
  }
  speakUiLocale(choice);
  return getLocale() !== before;
}
