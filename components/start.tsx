import { render } from 'preact';
import { afterPaint } from '../lib/after-paint';
import { reportLoadFailure } from '../lib/page-leaving';
import { getLocale, t } from '../locales/core';
import { App, type DeskFirstScreen } from './App';
import { loadData } from './data';
import { applyUiLocale, rememberedUiLocale, speakUiLocale } from './uiLocale';
import './theme.css';

/**
 * Starts the popup or the desk. The inbox paints from its snapshot, in the language the last
 * page read (checked in the extension's storage right after: drawn again if it changed); the
 * database layer (Dexie, a third of the code) is loaded then, replays the edits that a closed
 * page left in the journal and empties the old trash before any view reads it (see `data.ts`).
 */
export async function start(
  page: 'popup' | 'desk',
  root: HTMLElement,
  /** What the desk draws until its own code is loaded (the desk's entry passes it). */
  firstScreen?: DeskFirstScreen,
) {
  const param = new URLSearchParams(location.search).get('tabId');
  const tabId = param && /^\d+$/.test(param) ? Number(param) : undefined;
  // Another language is another App: drawn anew rather than half in each.
  const draw = () => {
    // The tab says what it is in the page's language (the HTML's title is the French): the
    // desk's, and the popup's when it is opened as a page.
    document.title = t(page === 'desk' ? 'desk.pageTitle' : 'popup.pageTitle');
    render(<App key={getLocale()} layout={page} tabId={tabId} firstScreen={firstScreen} />, root);
  };
  const check = () =>
    applyUiLocale().catch((error) => {
      console.error('Indiscrets locale', error);
      return false;
    });
  const remembered = rememberedUiLocale();
  if (remembered) {
    speakUiLocale(remembered);
    draw();
    // Checked once painted: reading the extension's storage (and the browser setting up its
    // storage bindings for this page) would otherwise come before the first frame.
    afterPaint(() => void check().then((changed) => changed && draw()));
  } else {
    await check();
    draw();
  }
  const load = () => void loadData().catch((error) => reportLoadFailure('Indiscrets data', error));
  // The popup and the desk show their snapshots first: the database layer is loaded once that
  // is painted, not before.
  afterPaint(load);
}
