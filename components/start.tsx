import { render } from 'preact';
import { setLocaleChoice } from '../locales';
import { emptyOldTrash } from '../services/housekeeping';
import { replayJournal } from '../storage/journal';
import { uiLocale } from '../storage/settings';
import { App } from './App';
import { Options } from './Options';
import './theme.css';

/** The language the editor chose in the options, else the browser's. */
export async function applyUiLocale(): Promise<void> {
  document.documentElement.lang = setLocaleChoice(await uiLocale.getValue());
}

/**
 * Starts the popup, the desk or the options page. The popup and the desk first replay edits
 * that a closed page left in the journal, so the editor sees every keystroke, then empty the
 * trash of drafts deleted more than 30 days ago.
 */
export async function start(page: 'popup' | 'desk' | 'options', root: HTMLElement) {
  await applyUiLocale().catch((error) => console.error('Indiscrets locale', error));
  if (page === 'options') {
    render(<Options />, root);
    return;
  }
  try {
    await replayJournal();
  } catch (error) {
    console.error('Indiscrets journal replay', error);
  }
  emptyOldTrash();
  const param = new URLSearchParams(location.search).get('tabId');
  const tabId = param && /^\d+$/.test(param) ? Number(param) : undefined;
  render(<App layout={page} tabId={tabId} />, root);
}
