import { describe, expect, it } from 'vitest';
import { changedFields, merge3, sameValue } from '../../../lib/merge';

interface Note {
  title: string;
  body: string;
  tags: string[];
  extra?: string;
}
const FIELDS = ['title', 'body', 'tags', 'extra'] as const;
const base: Note = { title: 'OVH', body: '<p>Avant</p>', tags: ['tech'] };

describe('sameValue', () => {
  it('compares arrays and objects by content, not identity', () => {
    expect(sameValue([{ url: 'a', title: 'A' }], [{ url: 'a', title: 'A' }])).toBe(true);
    expect(sameValue([{ url: 'a' }], [{ url: 'b' }])).toBe(false);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue({ a: 1 }, [1])).toBe(false);
  });

  it('takes a missing property and an undefined one for the same', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue(undefined, null)).toBe(false);
  });
});

describe('merge3', () => {
  it('keeps mine where only I changed, takes theirs where only they did', () => {
    const mine = { ...base, title: 'OVH brûle' };
    const theirs = { ...base, tags: ['tech', 'cloud'] };
    const result = merge3<Note, (typeof FIELDS)[number]>(base, mine, theirs, FIELDS);
    expect(result.merged).toEqual({ ...base, title: 'OVH brûle', tags: ['tech', 'cloud'] });
    expect(result.taken).toEqual(['tags']);
    expect(result.conflicts).toEqual([]);
  });

  it('reports a field both changed differently, keeping mine in the result', () => {
    const mine = { ...base, body: '<p>Mien</p>' };
    const theirs = { ...base, body: '<p>Leur</p>' };
    const result = merge3<Note, (typeof FIELDS)[number]>(base, mine, theirs, FIELDS);
    expect(result.merged.body).toBe('<p>Mien</p>');
    expect(result.conflicts).toEqual([
      { field: 'body', base: '<p>Avant</p>', mine: '<p>Mien</p>', theirs: '<p>Leur</p>' },
    ]);
  });

  it('sees no conflict when both made the same change', () => {
    const same = { ...base, tags: ['tech', 'cloud'] };
    const result = merge3<Note, (typeof FIELDS)[number]>(base, same, { ...same }, FIELDS);
    expect(result.conflicts).toEqual([]);
    expect(result.taken).toEqual([]);
  });

  it('takes a field removed on their side, and leaves the inputs unchanged', () => {
    const withExtra = { ...base, extra: 'x' };
    const frozen = JSON.stringify(withExtra);
    const result = merge3<Note, (typeof FIELDS)[number]>(withExtra, withExtra, base, FIELDS);
    expect(result.merged.extra).toBeUndefined();
    expect(result.taken).toEqual(['extra']);
    expect(JSON.stringify(withExtra)).toBe(frozen);
  });

  it('only looks at the fields it is given', () => {
    const mine = { ...base, title: 'A' };
    const theirs = { ...base, title: 'B', body: '<p>Leur</p>' };
    const result = merge3<Note, 'body'>(base, mine, theirs, ['body']);
    expect(result.conflicts).toEqual([]);
    expect(result.merged).toMatchObject({ title: 'A', body: '<p>Leur</p>' });
  });
});

describe('changedFields', () => {
  it('lists the fields that differ from the base', () => {
    expect(
      changedFields<Note, (typeof FIELDS)[number]>(base, { ...base, tags: [] }, FIELDS),
    ).toEqual(['tags']);
  });
});
