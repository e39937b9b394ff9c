import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, squash, until, type ExtensionSession } from './harness';
import { localDraft, readDatabase, writeDatabase } from './database';

/**
 * A big backup (8,000 drafts, about 20 MB, as a newsroom's years of work) read and restored from
 * the options page, in real Chromium with the built extension: reading the file and restoring
 * it say how far they have got, « Annuler » stops either, and a cancelled restore leaves the
 * database as it was; one left to run restores everything. No time is measured here (see
 * `npm run bench`): the file is big enough for each step to be seen and stopped.
 */

const COUNT = 8000;

/** A backup of `COUNT` drafts with rich text, quotes and sources, as an export writes them. */
function bigBackup(): string {
  const clips = Array.from({ length: COUNT }, (_, n) => {
    const url = `https://news.test/2027/article-${n}`;
    const quote =
      `Une phrase citée du brouillon ${n}, assez longue pour peser ce que pèse une vraie citation de presse, avec ses virgules et ses incises. `.repeat(
        3,
      );
    return {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      url,
      title: `Brouillon ${n} — une affaire à suivre`,
      siteName: 'News',
      byline: 'Une Journaliste',
      excerpt: 'Un chapô de page, comme og:description en donne.',
      quotes: [{ text: quote, html: `<em>${quote}</em>`, clippedAt: '2027-03-01T08:00:00.000Z' }],
      provenance: { title: 'og:title' },
      createdAt: '2027-03-01T08:00:00.000Z',
      updatedAt: '2027-03-01T09:00:00.000Z',
      body: `<p>« ${quote} » (<a href="${url}">News</a>)</p><p>Et <b>notre</b> commentaire.</p>`,
      sources: [{ url, title: `Article ${n}`, siteName: 'News' }],
      note: '',
      tags: ['suivi'],
      status: 'draft',
      rev: 1,
    };
  });
  return JSON.stringify({
    format: 'indiscrets-backup',
    version: 1,
    exportedAt: '2027-03-16T09:00:00.000Z',
    schemaVersion: 5,
    clips,
    issues: [],
  });
}

describe('a big backup read and restored with its progress, and cancelled', () => {
  let session: ExtensionSession;
  let dir = '';
  let file = '';
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'indiscrets-big-backup-'));
    file = path.join(dir, 'grosse-sauvegarde.json');
    await writeFile(file, bigBackup());
    session = await launchExtension();
    session.context.setDefaultTimeout(30_000);
    page = await session.context.newPage();
    await page.setViewportSize({ width: 900, height: 900 });
    await session.openExtensionPage('options.html', page);
    await page.getByTestId('backup-settings').waitFor();
    // This browser's own work, which no cancelled restore may touch.
    await writeDatabase(page, {
      clips: ['ici-1', 'ici-2', 'ici-3'].map((id) => localDraft({ id, title: `Brouillon ${id}` })),
    });
  });

  afterAll(async () => {
    await session?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const status = () => page.getByTestId('backup-status');
  const statusText = async () => squash(await status().textContent());

  /**
   * Clicks the button named `name` in the page itself, as soon as the progress bar's words match
   * `pattern`, and answers the status line and the bar's words at that moment. Not through
   * Playwright's own click: between seeing the progress and a click sent from here, the work could
   * end (its button gone with it); in the page, the click comes in the task that drew the
   * progress, before the work's next slice.
   */
  function clickOnProgress(pattern: RegExp, name: string) {
    return page.evaluate(
      ([source, flags, label]) =>
        new Promise<{ status: string; bar: string | null; disabled: string[] }>(
          (resolve, reject) => {
            const matches = new RegExp(source, flags);
            const check = () => {
              const status = document.querySelector('[data-testid="backup-status"]');
              const text = (status?.textContent ?? '').replace(/\s+/g, ' ').trim();
              const bar = document.querySelector('[data-testid="backup-progress"]');
              const words = (bar?.getAttribute('aria-valuetext') ?? '').replace(/\s+/g, ' ');
              const button = [...document.querySelectorAll('button')].find(
                (candidate) => candidate.textContent?.trim() === label && !candidate.disabled,
              );
              if (matches.test(words) && button) {
                observer.disconnect();
                const disabled = [...document.querySelectorAll('button')]
                  .filter((candidate) => candidate.disabled)
                  .map((candidate) => candidate.textContent?.trim() ?? '');
                resolve({
                  status: text,
                  bar: bar?.getAttribute('aria-valuetext') ?? null,
                  disabled,
                });
                // As a click or Enter on it would: the keyboard on the button first.
                button.focus();
                button.click();
              } else if (/^(Sauvegarde fusionnée|Sauvegarde restaurée)/.test(text)) {
                observer.disconnect();
                reject(new Error(`The work ended before « ${label} » could be clicked: ${text}`));
              }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, {
              subtree: true,
              childList: true,
              characterData: true,
              attributes: true,
              attributeFilter: ['aria-valuetext'],
            });
            check();
          },
        ),
      [pattern.source, pattern.flags, name] as const,
    );
  }

  async function chooseBigFile() {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click(),
    ]);
    await chooser.setFiles(file);
  }

  it('says how far reading the file has got, and « Annuler la lecture » stops it', async () => {
    await chooseBigFile();
    const seen = await clickOnProgress(
      /Lecture de la sauvegarde… \d+\s%|Vérification de la sauvegarde… [\d\s]+ sur 8\s000 brouillons/,
      'Annuler la lecture',
    );
    expect(seen.bar).toMatch(/sauvegarde…/);
    // The status line, read out at each change, says the phase only; the bar, how far.
    expect(seen.status).toMatch(/^(Lecture|Vérification) de la sauvegarde…$/);
    await until(statusText, (text) => text.startsWith('Lecture annulée'), 'the read cancelled');
    expect(await statusText()).toBe(
      'Lecture annulée : aucune sauvegarde choisie, rien n’a été modifié.',
    );
    expect(await page.getByTestId('backup-summary').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Annuler la lecture' }).count()).toBe(0);
    // The keyboard back on the button that chose the file, to choose it again.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Restaurer une sauvegarde…',
    );
  }, 240_000);

  it('says how far a restore has got; its « Annuler » stops it and nothing changes', async () => {
    await chooseBigFile();
    const summary = page.getByTestId('backup-summary');
    await summary.waitFor();
    expect(squash(await page.getByTestId('backup-made').textContent())).toContain(
      '8 000 brouillons',
    );
    const before = await readDatabase(page);
    expect(before.clips).toHaveLength(3);
    await summary.getByRole('button', { name: 'Fusionner' }).click();
    // Within the transaction: what this browser has is read, or the drafts are being written;
    // « Annuler » is enabled then (the click in the page takes an enabled one only).
    const seen = await clickOnProgress(
      /Comparaison avec ce navigateur… [\d\s]+ sur 8\s000 brouillons|Restauration… [\d\s]+ sur 8\s000 brouillons/,
      'Annuler',
    );
    expect(seen.disabled).toContain('Fusionner');
    expect(seen.status).toMatch(/^(Comparaison avec ce navigateur|Restauration)…$/);
    await until(statusText, (text) => text.startsWith('Restauration annulée'), 'the cancel');
    expect(await statusText()).toBe('Restauration annulée : rien n’a été modifié.');
    expect(await readDatabase(page)).toEqual(before);
    // The file is still chosen, to restore it later; the keyboard stays on « Annuler ».
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuler');
  }, 240_000);

  it('lets a restore run to its end, saying how far it has got on the way', async () => {
    const summary = page.getByTestId('backup-summary');
    await summary.getByRole('button', { name: 'Fusionner' }).click();
    const barText = async () =>
      squash(
        await page.evaluate(
          () =>
            document
              .querySelector('[data-testid="backup-progress"]')
              ?.getAttribute('aria-valuetext') ?? '',
        ),
      );
    await until(
      barText,
      (text) => /Restauration… [\d\s]+ sur 8\s000 brouillons/.test(text),
      'the drafts being written',
    );
    await status().filter({ hasText: 'Sauvegarde fusionnée' }).waitFor({ timeout: 180_000 });
    expect(await statusText()).toContain('8 000 brouillons ajoutés');
    const after = await readDatabase(page);
    expect(after.clips).toHaveLength(COUNT + 3);
    const restored = after.clips.find((draft) => draft.id.endsWith('000000004321'));
    expect(restored).toMatchObject({ title: 'Brouillon 4321 — une affaire à suivre' });
    expect(await summary.count()).toBe(0);
  }, 240_000);
});
