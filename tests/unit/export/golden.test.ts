/**
 * Golden files: one representative issue exported to every format, compared byte for byte with
 * tests/golden/. To accept an intended change, run `UPDATE_GOLDEN=1 npx vitest run
 * tests/unit/export` and review the diff of tests/golden/ before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHouseStyle } from '../../../export/house-style';
import { exportIssue, type ExportFormat } from '../../../export/index';
import { FIXED_NOW, here, sampleIssue } from './fixtures';

const GOLDEN: Record<ExportFormat, string> = {
  html: 'sample.html',
  wordpress: 'sample.wp.html',
  markdown: 'sample.md',
  text: 'sample.txt',
  json: 'sample.json',
};

function expectGolden(name: string, actual: string): void {
  const path = here(`../../golden/${name}`);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(path, actual, 'utf8');
    return;
  }
  if (!existsSync(path)) {
    throw new Error(
      `Missing golden file tests/golden/${name}: run with UPDATE_GOLDEN=1 to create it.`,
    );
  }
  const expected = readFileSync(path);
  // Compare as text first for a readable diff, then as bytes (encoding, BOM, line endings).
  expect(actual).toBe(expected.toString('utf8'));
  expect(Buffer.from(actual, 'utf8').equals(expected)).toBe(true);
}

describe('golden exports of the sample issue', () => {
  // The sample credits sources automatically, so that the credit is covered in every format.
  const style = createHouseStyle({ creditStyle: 'parenthesis' });

  for (const [format, name] of Object.entries(GOLDEN) as Array<[ExportFormat, string]>) {
    it(`matches tests/golden/${name} for ${format}`, () => {
      const file = exportIssue(sampleIssue, format, style, { now: FIXED_NOW });

      expectGolden(name, file.content);
    });
  }
});
