import { describe, expect, it } from 'vitest';
import { shortened } from '../../../lib/ellipsis';
import {
  DEFAULT_HOUSE_STYLE,
  createHouseStyle,
  formatIssueTitle,
  issueTitle,
  issueTitleShortened,
  parseIsoDate,
  titleAfterDateChange,
} from '../../../export/house-style';

describe('formatIssueTitle', () => {
  it('writes the date the French way with the default pattern', () => {
    expect(formatIssueTitle(DEFAULT_HOUSE_STYLE.titlePattern, '2021-03-15', 'fr')).toBe(
      'Les indiscrets du 15 mars',
    );
  });

  it('writes "1er" for the first of the month in French', () => {
    expect(formatIssueTitle('Les indiscrets du {date}', '2021-03-01', 'fr')).toBe(
      'Les indiscrets du 1er mars',
    );
    expect(formatIssueTitle('{day}', '2021-08-01', 'fr')).toBe('1er');
  });

  it('writes month then day in English', () => {
    expect(formatIssueTitle('Insider notes, {date}', '2021-03-15', 'en')).toBe(
      'Insider notes, March 15',
    );
    expect(formatIssueTitle('{date}', '2021-03-01', 'en')).toBe('March 1');
  });

  it('supports {day}, {month}, {year} and {longdate}', () => {
    expect(formatIssueTitle('{day}/{month}/{year}', '2021-12-05', 'fr')).toBe('5/décembre/2021');
    expect(formatIssueTitle('{longdate}', '2021-03-15', 'fr')).toBe('lundi 15 mars 2021');
    expect(formatIssueTitle('{longdate}', '2021-03-01', 'fr')).toBe('lundi 1er mars 2021');
    expect(formatIssueTitle('{longdate}', '2021-03-15', 'en')).toBe('Monday, March 15, 2021');
  });

  it('leaves unknown placeholders as written', () => {
    expect(formatIssueTitle('{date} {edition}', '2021-03-15', 'fr')).toBe('15 mars {edition}');
  });

  it('inserts an invalid date verbatim instead of failing', () => {
    expect(formatIssueTitle('Les indiscrets du {date}', '2021-02-30', 'fr')).toBe(
      'Les indiscrets du 2021-02-30',
    );
  });
});

describe('parseIsoDate', () => {
  it('computes the weekday independently of the time zone', () => {
    expect(parseIsoDate('2021-03-15')).toEqual({ year: 2021, month: 3, day: 15, weekday: 1 });
    expect(parseIsoDate('15/03/2021')).toBeNull();
  });
});

describe('titleAfterDateChange', () => {
  const pattern = [DEFAULT_HOUSE_STYLE.titlePattern];

  it('moves a title the pattern gave to the new date', () => {
    expect(
      titleAfterDateChange('Les indiscrets du 2 décembre', '2026-12-02', '2027-03-16', pattern),
    ).toBe('Les indiscrets du 16 mars');
    expect(
      titleAfterDateChange(
        'The insiders, March 15',
        '2021-03-15',
        '2021-03-01',
        ['Les indiscrets du {date}', 'The insiders, {date}'],
        'en',
      ),
    ).toBe('The insiders, March 1');
  });

  it('keeps a title the editor wrote', () => {
    expect(titleAfterDateChange('Spécial élections', '2026-12-02', '2027-03-16', pattern)).toBe(
      'Spécial élections',
    );
    // The pattern's words, edited: no longer the pattern's title.
    expect(
      titleAfterDateChange(
        'Les indiscrets du 2 décembre (bis)',
        '2026-12-02',
        '2026-12-03',
        pattern,
      ),
    ).toBe('Les indiscrets du 2 décembre (bis)');
  });

  it('keeps the title while a date is not a valid one', () => {
    expect(titleAfterDateChange('Les indiscrets du 2 décembre', '2026-12-02', '', pattern)).toBe(
      'Les indiscrets du 2 décembre',
    );
    expect(
      titleAfterDateChange('Les indiscrets du 2 décembre', '2026-12-02', '2027-02-30', pattern),
    ).toBe('Les indiscrets du 2 décembre');
  });
});

describe('createHouseStyle', () => {
  it('uses the column defaults', () => {
    expect(createHouseStyle()).toEqual({
      titlePattern: 'Les indiscrets du {date}',
      itemOpener: '--> ',
      creditStyle: 'none',
      frenchTypography: true,
      locale: 'fr',
    });
  });

  it('gives English its own default title pattern, and keeps one that is given', () => {
    expect(createHouseStyle({ locale: 'en' }).titlePattern).toBe('Les Indiscrets, {date}');
    expect(createHouseStyle({ locale: 'en', titlePattern: 'X {date}' }).titlePattern).toBe(
      'X {date}',
    );
  });

  it('turns French typography off by default for English', () => {
    expect(createHouseStyle({ locale: 'en' }).frenchTypography).toBe(false);
    expect(createHouseStyle({ locale: 'en', frenchTypography: true }).frenchTypography).toBe(true);
  });
});

describe('issueTitleShortened', () => {
  const style = createHouseStyle({ locale: 'fr' });
  const shortenedWhole = (title: string, max: number) =>
    shortened(issueTitle({ title, date: '2021-03-15' }, style), max);

  it('names an issue as the whole title shortened does, reading only its start', () => {
    // Titles whose white space folds (runs, line breaks, a run across where the start is cut),
    // long and short, against the slow way over the whole.
    const titles = [
      'Les indiscrets du 15 mars',
      '   Les   indiscrets\n\ndu 15 mars  ',
      'Le yacht du ministre '.repeat(100_000),
      `${' '.repeat(5_000)}Le yacht${' \n'.repeat(3_000)}du ministre`.repeat(50),
      'a'.repeat(2_000) + ' b',
      `${'mot '.repeat(250)}${' '.repeat(10_000)}fin`,
      ' '.repeat(100_000),
      '',
    ];
    for (const title of titles) {
      for (const max of [10, 80, 1_000]) {
        expect(issueTitleShortened({ title, date: '2021-03-15' }, style, max)).toBe(
          shortenedWhole(title, max),
        );
      }
    }
  });

  it('names an issue emptied in its fields by the house pattern for its date', () => {
    expect(issueTitleShortened({ title: '  ', date: '2021-03-15' }, style, 1_000)).toBe(
      'Les indiscrets du 15 mars',
    );
  });
});
