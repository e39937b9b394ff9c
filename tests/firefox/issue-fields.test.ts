/**
 * The issue's own fields in Firefox (MV2 test build, headless Firefox ESR), where a number field
 * takes any key (Chromium's takes digits only): a length budget typed as French writes numbers,
 * « 3 000 », is no number to Firefox, whose field then gives the page an empty value, as if it
 * had been cleared.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { until } from '../browser/harness';
import { readDatabase } from '../browser/database';
import {
  chord,
  clickButton,
  fieldSelector,
  inFirefox,
  typeInto,
  type FirefoxSession,
} from './harness';

/** The stored issues' length budgets. */
async function budgets(page: Page): Promise<Array<number | undefined>> {
  const { issues } = await readDatabase<{
    clips: Array<{ id: string }>;
    issues: Array<{ id: string; lengthBudget?: number }>;
  }>(page);
  return issues.map((issue) => issue.lengthBudget);
}

describe('the issue’s fields in Firefox (MV2)', () => {
  let session: FirefoxSession;

  inFirefox((launched) => ({ session } = launched));

  it('says a length budget written « 3 000 » is not one, rather than erase the budget stored', async () => {
    const desk = await session.openExtensionPage('desk.html');
    const date = 'form.new-issue .date-field input';
    await desk.waitForSelector(date);
    await typeInto(desk, date, '15/03/2027');
    await clickButton(desk, 'Créer le numéro');
    await desk.waitForSelector('details.issue__fields summary');
    await desk.click('details.issue__fields summary');
    const budget = await fieldSelector(desk, 'Longueur visée (signes)');

    await typeInto(desk, budget, '2000');
    await until(
      () => budgets(desk),
      (stored) => stored[0] === 2000,
      'the budget stored',
    );

    // Typed with the space French puts in thousands.
    await typeInto(desk, budget, '3 000');
    const error = await until(
      () =>
        desk.evaluate((css) => {
          const field = document.querySelector(css)!;
          const said = document.getElementById(field.getAttribute('aria-describedby') ?? '');
          return {
            invalid: field.getAttribute('aria-invalid'),
            said: said?.textContent ?? '',
          };
        }, budget),
      (shown) => shown.invalid === 'true',
      'the budget said to be no number',
    );
    expect(error.said).toBe(
      'Un nombre entier de signes, au moins 1, ou rien pour aucune longueur visée.',
    );
    // What was typed stays there to be corrected, and no budget is stored for it: the last one
    // that was a number (« 3 », typed on the way, as in any browser) stays until then.
    expect(await desk.$eval(budget, (field) => (field as HTMLInputElement).validity.badInput)).toBe(
      true,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await budgets(desk)).toEqual([3]);

    // Corrected, it is stored.
    await typeInto(desk, budget, '3000');
    await until(
      () => budgets(desk),
      (stored) => stored[0] === 3000,
      'the corrected budget stored',
    );
    expect(await desk.$eval(budget, (field) => field.getAttribute('aria-invalid'))).toBe('false');
  });
  it('typesets the chapô as it is typed, Ctrl+Z right after giving back what was typed', async () => {
    const desk = await session.openExtensionPage('desk.html');
    await desk.waitForSelector('details.issue__fields summary');
    await desk.click('details.issue__fields summary');
    const intro = await fieldSelector(desk, 'Chapô (facultatif)');
    const stored = async () =>
      (
        await readDatabase<{
          clips: Array<{ id: string }>;
          issues: Array<{ id: string; intro?: string }>;
        }>(desk)
      ).issues[0]?.intro ?? '';
    const shown = () => desk.$eval(intro, (field) => (field as HTMLTextAreaElement).value);

    await typeInto(desk, intro, "Cette semaine : l'été ?");
    const typeset = 'Cette semaine\u00a0: l’été\u202f?';
    await until(stored, (text) => text === typeset, 'the chapô typeset as typed');
    expect(await shown()).toBe(typeset);
    await chord(desk, ['Control', 'z']);
    await until(shown, (text) => text === 'Cette semaine\u00a0: l’été ?', 'the space given back');
    await until(stored, (text) => text === 'Cette semaine\u00a0: l’été ?', 'the chapô stored so');
    await desk.close();
  });
});
