/**
 * Export speed. Target: ≤ 10 ms per full export, i.e. one `exportIssue` call turning a 100-item
 * issue into one complete file (each format bench below; about 6–8 ms on a 2020s laptop).
 * "all five formats" runs the five exports in a row, so its budget is 5 × 10 ms. A bench, not a
 * timed test, so that a slow CI machine cannot fail the build: run `npm run bench`.
 */
import { bench, describe } from 'vitest';
import { createHouseStyle } from '../export/house-style';
import { EXPORT_FORMATS, exportForClipboard, exportIssue } from '../export/index';
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

describe('export a 100-item issue', () => {
  for (const format of EXPORT_FORMATS) {
    bench(format, () => {
      exportIssue(issue, format, style, { now: NOW });
    });
  }

  bench('clipboard (html + text)', () => {
    exportForClipboard(issue, style);
  });

  bench('all five formats', () => {
    for (const format of EXPORT_FORMATS) exportIssue(issue, format, style, { now: NOW });
  });
});
