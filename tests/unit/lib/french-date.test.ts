import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatFrenchDate,
  isoFromParts,
  longDate,
  parseFrenchDate,
  todayIso,
} from '../../../lib/french-date';

/** A fixed "today" for the forms without a year. */
const TODAY = new Date(2026, 5, 10);

describe('parseFrenchDate', () => {
  it.each([
    ['15/03/2021', '2021-03-15'],
    ['15/3/2021', '2021-03-15'],
    ['5/3/21', '2021-03-05'],
    ['15.03.2021', '2021-03-15'],
    ['15-03-2021', '2021-03-15'],
    ['15 03 2021', '2021-03-15'],
    [' 15 / 03 / 2021 ', '2021-03-15'],
    ['15 mars 2021', '2021-03-15'],
    ['1er mars 2021', '2021-03-01'],
    ['lundi 15 mars 2021', '2021-03-15'],
    ['15 MARS 2021', '2021-03-15'],
    ['3 fevrier 2022', '2022-02-03'],
    ['3 févr. 2022', '2022-02-03'],
    ['25 déc 2022', '2022-12-25'],
    ['15 mars', '2026-03-15'],
    ['15 March 2021', '2021-03-15'],
    ['2021-03-15', '2021-03-15'],
    ['29/02/2024', '2024-02-29'],
  ])('reads « %s » day first as %s', (typed, iso) => {
    expect(parseFrenchDate(typed, TODAY)).toEqual({ ok: true, iso });
  });

  it.each([
    ['15 mars', '2026-12-02', '2027-03-15'],
    ['2 janvier', '2026-12-02', '2027-01-02'],
    ['25 novembre', '2026-12-02', '2026-11-25'],
    ['20 décembre', '2027-01-05', '2026-12-20'],
    ['29 février', '2027-12-20', '2028-02-29'],
  ])('reads « %s » typed on %s as the nearest such day, %s', (typed, today, iso) => {
    expect(parseFrenchDate(typed, new Date(`${today}T12:00`))).toEqual({ ok: true, iso });
  });

  it('reads 03/04/2021 as the 3rd of April, never as March 4th', () => {
    expect(parseFrenchDate('03/04/2021')).toEqual({ ok: true, iso: '2021-04-03' });
  });

  it.each(['31/04/2021', '29/02/2023', '00/03/2021', '15/13/2021', '32/01/2021', '2021-02-30'])(
    'refuses « %s », a day that does not exist',
    (typed) => {
      expect(parseFrenchDate(typed)).toEqual({ ok: false, problem: 'impossible' });
    },
  );

  it.each(['demain', '15 jui 2021', '15/03', '15 mars 20211', 'mars 2021', '1503202'])(
    'refuses « %s », which is not a full date it can read',
    (typed) => {
      expect(parseFrenchDate(typed)).toEqual({ ok: false, problem: 'format' });
    },
  );

  it('says when nothing is typed', () => {
    expect(parseFrenchDate('   ')).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('formatFrenchDate', () => {
  it('shows an ISO date as jj/mm/aaaa', () => {
    expect(formatFrenchDate('2021-03-05')).toBe('05/03/2021');
  });

  it('gives back what is not a valid ISO date, so that nothing typed is lost', () => {
    expect(formatFrenchDate('')).toBe('');
    expect(formatFrenchDate('2021-02-30')).toBe('2021-02-30');
  });

  it('round-trips with parseFrenchDate', () => {
    for (const iso of ['2021-03-15', '1999-12-31', '2024-02-29', '2030-01-01']) {
      expect(parseFrenchDate(formatFrenchDate(iso))).toEqual({ ok: true, iso });
    }
  });
});

describe('longDate', () => {
  it('says the day in French words, no-break spaces inside', () => {
    expect(longDate('2021-03-15')).toBe('lundi\u00a015\u00a0mars\u00a02021');
  });

  it('writes « 1er » for the first of the month', () => {
    expect(longDate('2021-08-01')).toBe('dimanche\u00a01er\u00a0août\u00a02021');
  });

  it('speaks English when asked', () => {
    expect(longDate('2021-03-15', 'en')).toBe('Monday 15 March 2021');
  });

  it('gives nothing for an invalid date', () => {
    expect(longDate('2021-02-30')).toBeUndefined();
  });
});

describe('addDays and the calendar helpers', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2021-03-31', 1)).toBe('2021-04-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 7)).toBe('2023-03-07');
  });

  it('leaves an invalid date as it is', () => {
    expect(addDays('nope', 1)).toBe('nope');
  });

  it('builds ISO dates of real days only', () => {
    expect(isoFromParts(2021, 3, 15)).toBe('2021-03-15');
    expect(isoFromParts(2021, 2, 29)).toBeUndefined();
    expect(isoFromParts(21, 3, 15)).toBe('0021-03-15');
  });

  it('gives today in the local calendar', () => {
    expect(todayIso(TODAY)).toBe('2026-06-10');
  });
});
