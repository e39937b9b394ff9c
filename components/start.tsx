import { render } from 'preact';
import { App } from './App';
import { loadData } from './data';
import { applyUiLocale } from './uiLocale';
import './theme.css';

/**
 * Starts the popup or the desk. The inbox paints from its snapshot; the database layer (Dexie,
 * a third of the code) is loaded right after, replays the edits that a closed page left in the
 * journal and empties the old trash before any view reads it (see `data.ts`).
 */
export async function start(page: 'popup' | 'desk', root: HTMLElement) {
  await applyUiLocale().catch((error) => console.error('Indiscrets locale', error));
  const param = new URLSearchParams(location.search).get('tabId');
  const tabId = param && /^\d+$/.test(param) ? Number(param) : undefined;
  render(<App layout={page} tabId={tabId} />, root);
  void loadData().catch((error) => console.error('Indiscrets data', error));
}
