/**
 * Shared fixtures for the export tests: one representative issue (links, bold, italic, an intro,
 * an item with two sources, special characters) and helpers to find files beside the repo.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExportIssue } from '../../../export/model';

/** A fixed clock, so that `exportedAt` in the JSON golden file never changes. */
export const FIXED_NOW = (): Date => new Date('2021-03-15T07:30:00.000Z');

/** Resolves a path relative to this folder (never hard-code /work: CI clones elsewhere). */
export function here(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.url));
}

/** The published seed issue, kept in `tests/fixtures/seed/`. */
export const SEED_PATH = here('../../fixtures/seed/indiscrets-du-15-mars.txt');

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

export const sampleIssue: ExportIssue = {
  title: 'Les indiscrets du 15 mars',
  date: '2021-03-15',
  // Plain text, as the chapô's field is typed: « < » and « & » are words, a new line a line break.
  intro:
    'Cette semaine : l\'incendie d\'OVH, la télé segmentée & "nos lecteurs" géniaux.\nPour <Orange>, rien.',
  items: [
    {
      id: 'ovh-incendie',
      bodyHtml:
        '<p>Le 10 mars, <strong>OVH</strong> a pris feu. Dans cette <a href="https://www.linkedin.com/posts/octave-klaba_ovh-incendie">vidéo</a> , Octave Klaba fait le point ; les clients s\'inquiètent !</p>' +
        "<p>L'accident a mis en lumière une évidence : sauvegardez.</p>",
      sources: [
        {
          url: 'https://www.linkedin.com/posts/octave-klaba_ovh-incendie',
          title: 'Octave Klaba sur LinkedIn',
          siteName: 'LinkedIn',
        },
      ],
    },
    {
      id: 'ovh-bourse',
      bodyHtml:
        'En septembre, <a href="https://www.bloomberg.com/news/articles/2020-09-17/ovh-ipo">Bloomberg</a> avait dévoilé que le groupe irait en Bourse avec <i>Rothschild &amp; Co</i>. Est-ce encore d\'actualité?',
      sources: [
        {
          url: 'https://www.bloomberg.com/news/articles/2020-09-17/ovh-ipo',
          siteName: 'Bloomberg',
        },
        {
          url: 'https://www.lesechos.fr/tech-medias/ovh-bourse-2021',
          title: 'OVH prépare son entrée en Bourse',
          siteName: 'Les Échos',
        },
      ],
    },
    {
      id: 'caracteres',
      bodyHtml:
        'Mauboussin &times; Pierre &amp; Vacances : 275&nbsp;€ d\'achat = une nuit, à 11:30 [sic]. Code *PROMO_2021* &lt;b&gt; sur https://example.com/promo?x=1&amp;y=2 #marketing <a href="https://example.com/a b(c)">lien (test)</a><br>- pas une liste<br>1. pas une liste non plus',
      sources: [],
    },
    {
      id: 'lina-khan',
      bodyHtml:
        'Sa notice <a href="https://fr.wikipedia.org/wiki/Lina_Khan">Wikipédia</a> rappelle : "Après avoir terminé ses études, elle travaille à l\'<b>Open Markets Institute</b>"',
      sources: [{ url: 'https://fr.wikipedia.org/wiki/Lina_Khan', title: 'Lina Khan — Wikipédia' }],
    },
    {
      id: 'sans-lien',
      bodyHtml: 'Les box <b>Bouygues</b> intégreront un SDK',
      sources: [{ url: 'https://www.bouyguestelecom.fr/', title: 'Bouygues Telecom' }],
    },
  ],
};
