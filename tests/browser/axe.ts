import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's script, run in a page through the DevTools protocol (extension pages' CSP allows no injected <script>). */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** What axe checks: WCAG 2.2 levels A and AA, and its best practices (landmarks, headings). */
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * What axe-core finds wrong in the page as it is drawn now, one line a rule: its id, impact and
 * help, and where (up to three elements), so that a failing test reads as a to-do list.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async (runOnly) =>
      (
        (await (
          window as unknown as {
            axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> };
          }
        ).axe.run(document, { runOnly })) as { violations: Violation[] }
      ).violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.map((node) => ({ target: node.target })),
      })),
    RULE_SETS,
  );
  return violations.map(
    ({ id, impact, help, nodes }) =>
      `${id} (${impact ?? '?'}): ${help} — ${nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}${nodes.length > 3 ? ` and ${nodes.length - 3} more` : ''}`,
  );
}
