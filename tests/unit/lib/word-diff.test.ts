import { describe, expect, it } from 'vitest';
import { diffWords, type DiffPart } from '../../../lib/word-diff';

/** The parts marked changed, as a reader sees them. */
const changed = (parts: DiffPart[]) => parts.filter((p) => p.changed).map((p) => p.text.trim());
const joined = (parts: DiffPart[]) => parts.map((p) => p.text).join('');

describe('diffWords', () => {
  it('marks an edit at the start of one version and one at the end of the other', () => {
    const base = 'Les députés ont adopté le projet de loi à une large majorité.';
    const mine = `${base} Ajout de la rédaction.`;
    const theirs = `[A-1696] ${base}`;

    const diff = diffWords(mine, theirs);

    expect(changed(diff.mine)).toEqual(['Ajout de la rédaction.']);
    expect(changed(diff.theirs)).toEqual(['[A-1696]']);
  });

  it('marks a word changed in the middle, and gives each text back whole', () => {
    const mine = 'Le ministre a démenti mardi soir.';
    const theirs = 'Le ministre a confirmé mardi soir.';

    const diff = diffWords(mine, theirs);

    expect(changed(diff.mine)).toEqual(['démenti']);
    expect(changed(diff.theirs)).toEqual(['confirmé']);
    expect(joined(diff.mine)).toBe(mine);
    expect(joined(diff.theirs)).toBe(theirs);
  });

  it('marks nothing in two texts that differ only in spacing', () => {
    const diff = diffWords('Un  texte\nsur deux lignes', 'Un texte sur deux lignes');
    expect(changed(diff.mine)).toEqual([]);
    expect(changed(diff.theirs)).toEqual([]);
  });

  it('marks the whole differing middle of two very long versions rather than compare it', () => {
    const mine = `Début ${Array.from({ length: 1200 }, (_, i) => `a${i}`).join(' ')} fin`;
    const theirs = `Début ${Array.from({ length: 1200 }, (_, i) => `b${i}`).join(' ')} fin`;

    const diff = diffWords(mine, theirs);

    expect(diff.mine.map((p) => p.changed)).toEqual([false, true, false]);
    expect(joined(diff.mine)).toBe(mine);
  });
});
