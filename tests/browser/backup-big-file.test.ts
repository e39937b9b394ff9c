import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, squash, until, type ExtensionSession } from './harness';

/**
 * A very big backup (10,000 drafts of three long quotes each, about 100 MB) chosen on the options
 * page, in real Chromium with the built extension: the file is read as it comes (changed on disk
 * once the bar has moved, what is read is the changed file), the page says how far reading it
 * has got while it reads and answers a click meanwhile; « Annuler la lecture » stops it while the
 * file is read and while its drafts are checked. Behaviour only: how fast, and how much memory,
 * are benchmarks' business, not tests'. The file is made here, in a temporary folder.
 */

const COUNT = 10_000;

/** A backup of `COUNT` drafts of some 10 KB each, as an export writes them. */
function hugeBackup(): string {
  const clips = Array.from({ length: COUNT }, (_, n) => {
    const url = `https://news.test/2027/article-${n}`;
    const quote =
      `Une phrase citée du brouillon ${n} — assez longue pour peser ce que pèse une vraie citation de presse, avec ses « guillemets », ses virgules et ses incises. `.repeat(
        8,
      );
    return {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      url,
      title: `Brouillon ${n} — une affaire à suivre`,
      siteName: 'News',
      quotes: [0, 1, 2].map(() => ({
        text: quote,
        html: `<em>${quote}</em>`,
        clippedAt: '2027-03-01T08:00:00.000Z',
      })),
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

/** What the page showed, in order, from the choice on, and what it showed at each click. */
interface Watched {
  /** The status line and the bar's words at each change. */
  shown: Moment[];
  /** What was shown when the page handled a click on the card's heading. */
  clicks: Moment[];
}

interface Moment {
  status: string;
  bar: string;
  summary: boolean;
}

describe('a very big backup chosen on the options page', () => {
  let session: ExtensionSession;
  let dir = '';
  let file = '';
  let text = '';
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'indiscrets-huge-backup-'));
    file = path.join(dir, 'tres-grosse-sauvegarde.json');
    text = hugeBackup();
    await writeFile(file, text);
    session = await launchExtension();
    session.context.setDefaultTimeout(60_000);
    page = await session.context.newPage();
    await session.openExtensionPage('options.html', page);
    await page.getByTestId('backup-settings').waitFor();
    cdp = await session.context.newCDPSession(page);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const statusText = async () => squash(await page.getByTestId('backup-status').textContent());

  /** Starts watching what the page shows, and what it shows when it handles a click. */
  async function watch() {
    await page.evaluate(() => {
      const watched: Watched = { shown: [], clicks: [] };
      (window as unknown as { watched: Watched }).watched = watched;
      const now = (): Moment => {
        const squashed = (text: string | null | undefined) =>
          (text ?? '').replace(/\s+/g, ' ').trim();
        return {
          status: squashed(document.querySelector('[data-testid="backup-status"]')?.textContent),
          bar: squashed(
            document
              .querySelector('[data-testid="backup-progress"]')
              ?.getAttribute('aria-valuetext'),
          ),
          summary: !!document.querySelector('[data-testid="backup-summary"]'),
        };
      };
      const note = () => {
        const moment = now();
        const last = watched.shown.at(-1);
        if (
          last?.status !== moment.status ||
          last.bar !== moment.bar ||
          last.summary !== moment.summary
        )
          watched.shown.push(moment);
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      // Clicks on the card's heading (the test's, not those that choose the file).
      document.addEventListener(
        'click',
        (event) => {
          if ((event.target as Element).closest('#backup-heading')) watched.clicks.push(now());
        },
        { capture: true },
      );
    });
  }

  const watched = () => page.evaluate(() => (window as unknown as { watched: Watched }).watched);

  async function chooseHugeFile() {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click(),
    ]);
    await chooser.setFiles(file);
  }

  /**
   * Stops the page (a breakpoint) as soon as its bar first says how far the file is read, runs
   * `meanwhile`, then lets it go on: what follows waits on what the page shows, not on the clock.
   */
  async function onFirstBar(meanwhile: () => Promise<void>) {
    await cdp.send('Debugger.enable');
    const paused = new Promise<void>((resolve) => cdp.once('Debugger.paused', () => resolve()));
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        const words =
          document
            .querySelector('[data-testid="backup-progress"]')
            ?.getAttribute('aria-valuetext') ?? '';
        if (!/^Lecture de la sauvegarde… \d+ %$/.test(words.replace(/\s+/g, ' '))) return;
        observer.disconnect();
        debugger;
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    try {
      await Promise.all([
        chooseHugeFile(),
        paused.then(async () => {
          await meanwhile();
          await cdp.send('Debugger.resume');
        }),
      ]);
    } finally {
      await cdp.send('Debugger.disable');
    }
  }

  it('says how far it has got while the file is read, and answers a click meanwhile', async () => {
    await watch();
    // Where the card's heading is once the button that chooses the file is in view.
    await page.getByRole('button', { name: 'Restaurer une sauvegarde…' }).scrollIntoViewIfNeeded();
    const box = (await page.locator('#backup-heading').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const input = await session.context.newCDPSession(page);
    // A click on the card's heading, given as soon as the bar first moves (the page stopped
    // there until then; a click is not taken while it is): handled while the file is still
    // being read, nearly all of it, not once it is over.
    await onFirstBar(async () => {});
    for (const type of ['mousePressed', 'mouseReleased'] as const)
      await input.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    await page.getByTestId('backup-summary').waitFor({ timeout: 120_000 });
    const { shown, clicks } = await watched();
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.summary).toBe(false);
    expect(clicks[0]!.bar).toMatch(/^(Lecture|Vérification) de la sauvegarde…/);
    // How far reading has got, on the bar before the file is read: its percents, then its
    // drafts checked, then the summary.
    const done = shown.findIndex((moment) => moment.summary);
    const percents = shown
      .slice(0, done)
      .map((moment) => /^Lecture de la sauvegarde… (\d+) %$/.exec(moment.bar)?.[1])
      .filter((percent) => percent !== undefined)
      .map(Number);
    expect(percents.some((percent) => percent > 0 && percent < 100)).toBe(true);
    expect(
      shown.slice(0, done).some((moment) => /^Vérification de la sauvegarde…/.test(moment.bar)),
    ).toBe(true);
    expect(squash(await page.getByTestId('backup-made').textContent())).toContain(
      '10 000 brouillons',
    );
  }, 180_000);

  it('reads the file as it comes: changed once the bar has moved, the change is read', async () => {
    await page.getByRole('button', { name: 'Annuler' }).click();
    await until(
      () => page.getByTestId('backup-summary').count(),
      (count) => count === 0,
      'the chosen file forgotten',
    );
    // The file cut to its first bytes as the bar first moves (the page stopped there): read
    // whole before its bar moved, it would be the 10,000 drafts; read as it comes, it is the rest
    // of the file that is missing.
    try {
      await onFirstBar(() => truncate(file, 1000));
      // Its end: the file refused, or (read whole before) chosen.
      await until(
        async () => ({
          summary: await page.getByTestId('backup-summary').count(),
          status: await statusText(),
        }),
        ({ summary, status }) => summary > 0 || /rien n’a été modifié/i.test(status),
        'the end of the reading',
      );
      expect(await statusText()).toMatch(/rien n’a été modifié/i);
      expect(await page.getByTestId('backup-summary').count()).toBe(0);
    } finally {
      await writeFile(file, text);
    }
    // Chosen again, whole, for the next.
    await chooseHugeFile();
    await page.getByTestId('backup-summary').waitFor({ timeout: 120_000 });
  }, 240_000);

  /** Clicks « Annuler la lecture » in the page as soon as the bar's words match `pattern`. */
  function stopReadingOn(pattern: RegExp) {
    return page.evaluate(
      ([source]) =>
        new Promise<string>((resolve, reject) => {
          const matches = new RegExp(source);
          const check = () => {
            const words = (
              document
                .querySelector('[data-testid="backup-progress"]')
                ?.getAttribute('aria-valuetext') ?? ''
            ).replace(/\s+/g, ' ');
            const button = [...document.querySelectorAll('button')].find(
              (candidate) => candidate.textContent?.trim() === 'Annuler la lecture',
            );
            if (document.querySelector('[data-testid="backup-summary"]')) {
              observer.disconnect();
              reject(new Error(`Read to its end, never showing ${source}`));
            }
            if (!matches.test(words) || !button) return;
            observer.disconnect();
            button.focus();
            button.click();
            resolve(words);
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          check();
        }),
      [pattern.source] as const,
    );
  }

  for (const [moment, pattern] of [
    ['while the file is read', /^Lecture de la sauvegarde… ([1-9]|[1-4]\d) %$/],
    ['while its drafts are checked', /^Vérification de la sauvegarde… [\d\s]+ sur/],
  ] as const) {
    it(`stops at « Annuler la lecture » ${moment}`, async () => {
      await page.getByRole('button', { name: 'Annuler' }).click();
      await until(
        () => page.getByTestId('backup-summary').count(),
        (count) => count === 0,
        'the chosen file forgotten',
      );
      await chooseHugeFile();
      const seen = await stopReadingOn(pattern);
      expect(seen).toMatch(pattern);
      await until(statusText, (text) => text.startsWith('Lecture annulée'), 'the cancel');
      expect(await statusText()).toBe(
        'Lecture annulée : aucune sauvegarde choisie, rien n’a été modifié.',
      );
      expect(await page.getByTestId('backup-summary').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Restaurer une sauvegarde…',
      );
      // Chosen again, for the next.
      await chooseHugeFile();
      await page.getByTestId('backup-summary').waitFor({ timeout: 120_000 });
    }, 240_000);
  }

  it('restores it, saying how far it has got', async () => {
    await watch();
    await page.getByTestId('backup-summary').getByRole('button', { name: 'Fusionner' }).click();
    await page
      .getByTestId('backup-status')
      .filter({ hasText: 'Sauvegarde fusionnée' })
      .waitFor({ timeout: 180_000 });
    expect(await statusText()).toContain('10 000 brouillons ajoutés');
    const { shown } = await watched();
    // The writes go a few at a time (how many, by the text they hold, is checked in the unit
    // tests of backup-progress), the bar moving between them.
    expect(
      shown.some((moment) => /^Restauration… [\d\s]+ sur 10 000 brouillons$/.test(moment.bar)),
    ).toBe(true);
  }, 240_000);
});
