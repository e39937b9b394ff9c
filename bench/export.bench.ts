/**
 * Export speed. Target: ≤ 10 ms per full export, i.e. one `exportIssue` call turning a 100-item
 * issue into one complete file (each format bench below; about 6–8 ms on a 2020s laptop).
 * "all five formats" runs the five exports in a row, so its budget is 5 × 10 ms. A bench, not a
 * timed test, so that a slow CI machine cannot fail the build: run `npm run bench`.
 */
import { bench, describe } from 'vitest';
import { createHouseStyle } from '../export/house-style';
import { EXPORT_FORMATS, exportForClipboard, exportIssue } from '../export/index';
import { forgetPreparedItems } from '../export/prepare';
import type { ExportIssue } from '../export/model';

const NOW = (): Date => new Date('2021-03-15T07:30:00.000Z');

/** A realistic item (~900 characters, links, emphasis, quotes, spacing to fix), varied by index. */
function item(index: number): ExportIssue['items'][number] {
  return {
    id: `item-${index}`,
    bodyHtml:
      `<p>Le ${index} mars dernier, <strong>OVH</strong> a pris feu à minuit, quelques minutes après le démarrage de l'alerte. ` +
      `Dans cette <a href="https://www.linkedin.com/posts/item-${index}">vidéo</a> ,  publiée sur Linkedin, Octave Klaba fait le point ; ` +
      `mais comme l'explique un client, " la communication de guerre est parfaite sur Twitter " . ` +
      `Y a-t-il une solution? L'accident a mis en lumière une évidence : <em>sauvegardez</em> !</p>` +
      `<p>En septembre, <a href="https://www.bloomberg.com/news/${index}">Bloomberg</a> avait dévoilé que le groupe irait en Bourse ` +
      `avec Rothschild &amp; Co. Rendez-vous à 11:30 sur https://example.com/live?id=${index}&amp;x=1 pour en savoir plus.</p>`,
    sources: [
      { url: `https://www.bloomberg.com/news/${index}`, siteName: 'Bloomberg' },
      {
        url: `https://www.lesechos.fr/article-${index}`,
        title: 'Un article',
        siteName: 'Les Échos',
      },
    ],
  };
}

const issue: ExportIssue = {
  title: 'Les indiscrets du 15 mars',
  date: '2021-03-15',
  intro: '<p>Cette semaine : "OVH" et la <em>télé segmentée</em>.</p>',
  items: Array.from({ length: 100 }, (_, i) => item(i)),
};
const style = createHouseStyle();
let edits = 0;

// A first export: every item sanitized and typeset (the prepared-item cache emptied each time).
// These are the figures held to the target.
describe('export a 100-item issue', () => {
  for (const format of EXPORT_FORMATS) {
    bench(format, () => {
      forgetPreparedItems();
      exportIssue(issue, format, style, { now: NOW });
    });
  }

  bench('clipboard (html + text)', () => {
    forgetPreparedItems();
    exportForClipboard(issue, style);
  });

  bench('all five formats', () => {
    forgetPreparedItems();
    for (const format of EXPORT_FORMATS) exportIssue(issue, format, style, { now: NOW });
  });
});

// The same exports once the items are prepared, as in the desk: its preview has prepared every
// item before the editor copies, downloads or publishes, and an edit prepares the edited item only.
describe('export a 100-item issue, items already prepared', () => {
  for (const format of EXPORT_FORMATS) {
    bench(format, () => {
      exportIssue(issue, format, style, { now: NOW });
    });
  }

  bench('after editing one item (html)', () => {
    edits++;
    const items = issue.items.slice();
    const first = items[0] as ExportIssue['items'][number];
    items[0] = { ...first, bodyHtml: `${first.bodyHtml}<p>Ajout ${edits}.</p>` };
    exportIssue({ ...issue, items }, 'html', style, { now: NOW });
  });
});
