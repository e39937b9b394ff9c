import { describe, expect, it } from 'vitest';
import {
  editedInWordPress,
  editedInWordPressLine,
  publishedLine,
  publishedWhen,
} from '../../../components/publishedLine';

const NBSP = '\u00a0';
/** 15 March 2026, 10:02, in this browser's time zone (as the sentence reads it). */
const AT = new Date(2026, 2, 15, 10, 2).toISOString();
const NOW = new Date(2026, 2, 16, 8, 0);
const CLAIRE = { id: 7, name: 'Claire Martin' };

describe('publishedWhen', () => {
  it('writes the French day and time with no-break spaces, « 1er » the first of the month', () => {
    expect(publishedWhen(new Date(AT), 'fr', NOW)).toEqual({
      date: `15${NBSP}mars`,
      time: `10${NBSP}h${NBSP}02`,
    });
    expect(publishedWhen(new Date(2026, 4, 1, 9, 30), 'fr', NOW)).toEqual({
      date: `1er${NBSP}mai`,
      time: `9${NBSP}h${NBSP}30`,
    });
  });

  it('writes the English day and time as « 15 March » and « 10:02 »', () => {
    expect(publishedWhen(new Date(AT), 'en', NOW)).toEqual({
      date: `15${NBSP}March`,
      time: '10:02',
    });
  });

  it('gives the year only when it is not this one', () => {
    expect(publishedWhen(new Date(2025, 11, 31, 23, 59), 'fr', NOW).date).toBe(
      `31${NBSP}décembre${NBSP}2025`,
    );
  });
});

describe('publishedLine', () => {
  it('names the colleague who published the issue, with the day and the time', () => {
    expect(publishedLine({ publishedAt: AT, publishedBy: CLAIRE }, 3, 'fr', NOW)).toBe(
      `Publié par Claire Martin le 15${NBSP}mars à 10${NBSP}h${NBSP}02`,
    );
    expect(publishedLine({ publishedAt: AT, publishedBy: CLAIRE }, 3, 'en', NOW)).toBe(
      `Published by Claire Martin on 15${NBSP}March at 10:02`,
    );
  });

  it('says « vous » to the editor who published it', () => {
    expect(publishedLine({ publishedAt: AT, publishedBy: CLAIRE }, 7, 'fr', NOW)).toBe(
      `Publié par vous le 15${NBSP}mars à 10${NBSP}h${NBSP}02`,
    );
    expect(publishedLine({ publishedAt: AT, publishedBy: CLAIRE }, 7, 'en', NOW)).toBe(
      `Published by you on 15${NBSP}March at 10:02`,
    );
  });

  it('says « Mis à jour » when the publication updated the post', () => {
    const updated = { publishedAt: AT, publishedBy: CLAIRE, updated: true };
    expect(publishedLine(updated, 3, 'fr', NOW)).toBe(
      `Mis à jour par Claire Martin le 15${NBSP}mars à 10${NBSP}h${NBSP}02`,
    );
    expect(publishedLine(updated, 7, 'fr', NOW)).toBe(
      `Mis à jour par vous le 15${NBSP}mars à 10${NBSP}h${NBSP}02`,
    );
    expect(publishedLine(updated, 3, 'en', NOW)).toBe(
      `Updated by Claire Martin on 15${NBSP}March at 10:02`,
    );
    expect(publishedLine({ ...updated, publishedBy: undefined }, null, 'fr', NOW)).toBe(
      `Mis à jour le 15${NBSP}mars à 10${NBSP}h${NBSP}02`,
    );
  });

  it('names nobody without a desk, nor when the post was recorded without its publisher', () => {
    const said = `Publié le 15${NBSP}mars à 10${NBSP}h${NBSP}02`;
    // Sync turned off since a colleague published it: no desk to name them by.
    expect(publishedLine({ publishedAt: AT, publishedBy: CLAIRE }, null, 'fr', NOW)).toBe(said);
    expect(publishedLine({ publishedAt: AT }, 3, 'fr', NOW)).toBe(said);
    expect(publishedLine({ publishedAt: AT }, null, 'en', NOW)).toBe(
      `Published on 15${NBSP}March at 10:02`,
    );
  });
});

describe('editedInWordPress', () => {
  it('holds when WordPress’s modified_gmt is not the one the publication recorded', () => {
    expect(editedInWordPress('2026-03-15T09:02:00', '2026-12-05T09:12:00')).toBe(true);
    expect(editedInWordPress('2026-03-15T09:02:00', '2026-03-15T09:02:00')).toBe(false);
  });

  it('says nothing without either: a post recorded without it, or not read', () => {
    expect(editedInWordPress(undefined, '2026-12-05T09:12:00')).toBe(false);
    expect(editedInWordPress('', '2026-12-05T09:12:00')).toBe(false);
    expect(editedInWordPress('2026-03-15T09:02:00', undefined)).toBe(false);
  });
});

describe('editedInWordPressLine', () => {
  /** 5 December 2026 at 10:12 in this browser's time zone, as WordPress writes it (UTC). */
  const GMT = new Date(2026, 11, 5, 10, 12).toISOString().slice(0, 19);
  const DECEMBER = new Date(2026, 11, 6, 8, 0);

  it('says when, in this browser’s time zone, and what publishing again would do, in French', () => {
    expect(editedInWordPressLine({ modifiedGmt: GMT }, 'fr', DECEMBER)).toBe(
      `Article modifié dans WordPress le 5${NBSP}décembre à 10${NBSP}h${NBSP}12, après sa dernière publication${NBSP}: le mettre à jour écraserait ces changements.`,
    );
  });

  it('says it in English', () => {
    expect(editedInWordPressLine({ modifiedGmt: GMT }, 'en', DECEMBER)).toBe(
      `Post changed in WordPress on 5${NBSP}December at 10:12, after it was last published: updating it would overwrite those changes.`,
    );
  });

  it('says the change may be a colleague’s when the shared desk could not be read', () => {
    expect(editedInWordPressLine({ modifiedGmt: GMT, unsure: true }, 'fr', DECEMBER)).toBe(
      `Article modifié le 5${NBSP}décembre à 10${NBSP}h${NBSP}12, après sa dernière publication ici${NBSP}: dans WordPress, ou par un collègue (la rédaction partagée n’a pas pu être lue). Le mettre à jour écraserait ces changements.`,
    );
    expect(editedInWordPressLine({ modifiedGmt: GMT, unsure: true }, 'en', DECEMBER)).toBe(
      `Post changed on 5${NBSP}December at 10:12, after it was last published here: in WordPress, or by a colleague (the shared desk could not be read). Updating it would overwrite those changes.`,
    );
  });

  it('reads a time with its zone as it is, and gives the year when it is not this one', () => {
    const at = new Date(2025, 0, 1, 9, 5);
    expect(editedInWordPressLine({ modifiedGmt: at.toISOString() }, 'fr', DECEMBER)).toContain(
      `le 1er${NBSP}janvier${NBSP}2025 à 9${NBSP}h${NBSP}05,`,
    );
  });

  it('says nothing of a date it cannot read', () => {
    expect(editedInWordPressLine({ modifiedGmt: 'hier' }, 'fr', DECEMBER)).toBe('');
  });
});
