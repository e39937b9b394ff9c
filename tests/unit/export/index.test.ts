import { describe, expect, it } from 'vitest';
import { createHouseStyle } from '../../../export/house-style';
import { EXPORT_FORMATS, exportForClipboard, exportIssue, slugify } from '../../../export/index';
import { renderHtml } from '../../../export/html';
import { renderText } from '../../../export/text';
import { FIXED_NOW, sampleIssue } from './fixtures';

const style = createHouseStyle();

describe('exportIssue', () => {
  it('names files after the slugified title with the format extension and MIME type', () => {
    const files = EXPORT_FORMATS.map((format) =>
      exportIssue(sampleIssue, format, style, { now: FIXED_NOW }),
    );

    expect(files.map(({ filename, mimeType }) => [filename, mimeType])).toEqual([
      ['les-indiscrets-du-15-mars.html', 'text/html'],
      ['les-indiscrets-du-15-mars.wp.html', 'text/html'],
      ['les-indiscrets-du-15-mars.md', 'text/markdown'],
      ['les-indiscrets-du-15-mars.txt', 'text/plain'],
      ['les-indiscrets-du-15-mars.json', 'application/json'],
    ]);
  });

  it('produces the same output for the same input (pure)', () => {
    for (const format of EXPORT_FORMATS) {
      const a = exportIssue(sampleIssue, format, style, { now: FIXED_NOW });
      const b = exportIssue(structuredClone(sampleIssue), format, style, { now: FIXED_NOW });
      expect(a).toEqual(b);
    }
  });

  it('does not mutate the issue', () => {
    const copy = structuredClone(sampleIssue);

    for (const format of EXPORT_FORMATS) exportIssue(sampleIssue, format, style);

    expect(sampleIssue).toEqual(copy);
  });

  it('ends every text file with a newline', () => {
    for (const format of EXPORT_FORMATS) {
      expect(exportIssue(sampleIssue, format, style).content.endsWith('\n'), format).toBe(true);
    }
  });
});

describe('exportForClipboard', () => {
  it('returns the HTML fragment and the plain text together', () => {
    const clip = exportForClipboard(sampleIssue, style);

    expect(clip).toEqual({
      html: renderHtml(sampleIssue, style),
      text: renderText(sampleIssue, style),
    });
    expect(clip.html.startsWith('<article>')).toBe(true);
  });
});

describe('slugify', () => {
  it('lower-cases, strips accents and joins words with hyphens', () => {
    expect(slugify('Les indiscrets du 1er février')).toBe('les-indiscrets-du-1er-fevrier');
    expect(slugify('  L’œuvre « Été » : 2021 !')).toBe('l-oeuvre-ete-2021');
  });

  it('falls back to a fixed name when nothing usable is left', () => {
    expect(slugify('« ? »')).toBe('indiscrets');
  });

  it('caps the length without a trailing hyphen', () => {
    const slug = slugify('mot '.repeat(40));

    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});
