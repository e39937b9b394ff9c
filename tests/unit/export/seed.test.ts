/**
 * Acceptance against the real issue as published (tests/fixtures/seed, a plain-text copy whose links were
 * lost): rebuilt as an ExportIssue, exported to text, it must keep the seed's structure.
 */
import { describe, expect, it } from 'vitest';
import { createHouseStyle } from '../../../export/house-style';
import { exportIssue } from '../../../export/index';
import { escapeHtml } from '../../../lib/html';
import { NBSP, NNBSP } from '../../../export/typography';
import type { ExportIssue } from '../../../export/model';
import { readSeed } from './fixtures';

const OPENER = '--> ';

/**
 * Source links per item. ILLUSTRATIVE URLs: the seed is a plain-text copy and lost its links, so
 * these are plausible stand-ins, not the ones actually published. `anchor` is the phrase of the
 * item that carried the link.
 */
const LINKS: Record<number, { anchor: string; url: string; siteName: string }> = {
  0: {
    anchor: 'cette vidéo',
    url: 'https://www.linkedin.com/posts/octaveklaba_ovhcloud-strasbourg-incendie-activity-6775341258375499776',
    siteName: 'LinkedIn',
  },
  1: {
    anchor: 'Bloomberg',
    url: 'https://www.bloomberg.com/news/articles/2020-09-17/french-cloud-firm-ovh-is-said-to-weigh-ipo',
    siteName: 'Bloomberg',
  },
  4: {
    anchor: 'Sa notice wikipedia',
    url: 'https://fr.wikipedia.org/wiki/Lina_Khan',
    siteName: 'Wikipédia',
  },
  5: {
    anchor: 'voir notre article',
    url: 'https://www.petitweb.fr/snowflake-xavier-niel/',
    siteName: 'Petit Web',
  },
  6: {
    anchor: 'vos inscriptions ici',
    url: 'https://www.petitweb.fr/advanced-tv/',
    siteName: 'Petit Web',
  },
};

interface Seed {
  title: string;
  /** Item texts without the opener, lines as in the seed. */
  items: string[];
}

/** Splits the seed into title and items: paragraphs are separated by blank lines. */
function parseSeed(text: string): Seed {
  const blocks = text.split(/\n[ \t\u00A0]*\n/).map((b) => b.replace(/^\n+|\s+$/g, ''));
  const title = blocks.find((b) => b.startsWith('Les indiscrets du')) ?? '';
  const items = blocks.filter((b) => b.startsWith(OPENER)).map((b) => b.slice(OPENER.length));
  return { title, items };
}

/** The item text as the editor would hold it: escaped, lines as <br>, its link restored. */
function toBodyHtml(text: string, index: number): string {
  const link = LINKS[index];
  let html = text
    .split('\n')
    .map((line) => escapeHtml(line))
    .join('<br>');
  if (link) {
    expect(html, `anchor of item ${index + 1}`).toContain(link.anchor);
    html = html.replace(link.anchor, `<a href="${link.url}">${link.anchor}</a>`);
  }
  return html;
}

function seedIssue(seed: Seed): ExportIssue {
  return {
    title: seed.title,
    date: '2021-03-15',
    items: seed.items.map((text, index) => {
      const link = LINKS[index];
      return {
        id: `seed-${index + 1}`,
        bodyHtml: toBodyHtml(text, index),
        sources: link ? [{ url: link.url, siteName: link.siteName }] : [],
      };
    }),
  };
}

/** Undoes what typography may change, to compare wording only. */
const wording = (s: string): string =>
  s
    .replace(/\[\d+\]/g, '')
    .replace(/[’]/g, "'")
    .replace(/…/g, '...')
    .replace(/[«»]/g, '"')
    .replace(/[\s\u00A0\u202F]+/g, '');

describe('seed issue "Les indiscrets du 15 mars" exported to text', () => {
  const seed = parseSeed(readSeed());
  const text = exportIssue(seedIssue(seed), 'text', createHouseStyle()).content;
  const paragraphs = text.replace(/\n$/, '').split('\n\n');

  it('reads seven items from the seed', () => {
    expect(seed.title).toBe('Les indiscrets du 15 mars');
    expect(seed.items).toHaveLength(7);
  });

  it('starts with the title line and a blank line', () => {
    expect(text.startsWith('Les indiscrets du 15 mars\n\n')).toBe(true);
  });

  it('writes seven paragraphs each opening with "--> "', () => {
    const items = paragraphs.slice(1, 8);

    expect(items).toHaveLength(7);
    for (const item of items) expect(item.startsWith(OPENER)).toBe(true);
    expect(paragraphs.filter((p) => p.startsWith(OPENER))).toHaveLength(7);
  });

  it('lists the links at the end, numbered in order of appearance', () => {
    const urls = Object.values(LINKS).map((l) => l.url);

    expect(paragraphs[8]).toBe(urls.map((url, i) => `[${i + 1}] ${url}`).join('\n'));
    expect(paragraphs).toHaveLength(9);
  });

  it('marks each link where it was in the text and adds no credit for it', () => {
    expect(paragraphs[1]).toContain('Dans cette vidéo[1], publiée sur Linkedin');
    expect(paragraphs[2]).toContain('Bloomberg[2] avait dévoilé');
    expect(paragraphs[5]).toContain('Sa notice wikipedia[3] rappelle');
    expect(text).not.toMatch(/\((LinkedIn|Bloomberg|Wikipédia|Petit Web)\[/);
  });

  it('preserves each item text, modulo typography', () => {
    seed.items.forEach((original, i) => {
      const exported = paragraphs[i + 1]?.slice(OPENER.length) ?? '';
      expect(wording(exported), `item ${i + 1}`).toBe(wording(original));
    });
  });

  it('keeps the line breaks inside an item', () => {
    expect(paragraphs[1]?.split('\n')).toHaveLength(3);
  });

  it('applies French typography to the seed wording', () => {
    expect(paragraphs[6]).toContain(`Nos lecteurs sont des génies${NNBSP}; deux`);
    expect(paragraphs[6]).toContain('Jean de la Rochebrocard, de Kima Ventures');
    expect(paragraphs[7]).toContain(`à 11 h${NNBSP}?`);
    expect(paragraphs[7]).toContain(`«${NBSP}Advanced TV${NBSP}», mitonnée`);
    expect(paragraphs[7]).toContain('questions sur la mesure. Mais');
    expect(paragraphs[7]).toContain('Canal + Bouygues');
    expect(paragraphs[1]).toContain(`«${NBSP}la communication de guerre`);
    expect(paragraphs[3]).toContain(`les pinceaux${NBSP}: elle`);
    expect(paragraphs[2]).toContain('le cloud Show de Blade…');
  });
});

describe("the seed's first item, three paragraphs, in every format", () => {
  const seed = parseSeed(readSeed());
  const lines = seed.items[0]!.split('\n');
  // As the editor stores it since Enter makes a paragraph: one <p> per line of the seed.
  const issue: ExportIssue = {
    title: seed.title,
    date: '2021-03-15',
    items: [
      { id: 'ovh', bodyHtml: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join(''), sources: [] },
    ],
  };
  const style = createHouseStyle();

  it('has three paragraphs in the seed', () => {
    expect(lines).toHaveLength(3);
  });

  it('is three <p> in HTML, the opener on the first only', () => {
    const html = exportIssue(issue, 'html', style).content;
    const paragraphs = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!);

    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^--&gt; Le 10 mars/);
    expect(paragraphs[1]).toMatch(/^Le groupe a publié/);
    expect(paragraphs[2]).toMatch(/^L’accident a en tout cas/);
    expect(html).not.toContain('<br>');
  });

  it('is three paragraph blocks in WordPress, the opener on the first only', () => {
    const content = exportIssue(issue, 'wordpress', style).content;
    const blocks = content.trim().split('\n\n');

    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      expect(block).toMatch(/^<!-- wp:paragraph -->\n<p>[^]*<\/p>\n<!-- \/wp:paragraph -->$/);
    }
    expect(content.match(/--&gt; /g)).toHaveLength(1);
    expect(blocks[0]).toContain('<p>--&gt; Le 10 mars');
  });

  it('is three Markdown paragraphs and three text paragraphs', () => {
    for (const format of ['markdown', 'text'] as const) {
      const out = exportIssue(issue, format, style).content;
      const paragraphs = out.trim().split('\n\n').slice(1);

      expect(paragraphs, format).toHaveLength(3);
      expect(paragraphs[0], format).toMatch(/^--> Le 10 mars/);
      expect(paragraphs[1], format).toMatch(/^Le groupe a publié/);
      expect(paragraphs.join('\n'), format).not.toMatch(/\\$/m);
    }
  });

  it('keeps the paragraphs in JSON', () => {
    const json = JSON.parse(exportIssue(issue, 'json', style).content);
    const html: string = json.issue?.items?.[0]?.html ?? json.items?.[0]?.html;

    expect(html.match(/<p>/g)).toHaveLength(3);
  });
});
