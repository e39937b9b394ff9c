import { afterEach, describe, expect, it } from 'vitest';
import {
  openEarly,
  readDeskSnapshot,
  removedEarly,
  removeEarly,
  takeEarlyRemovals,
  snapshotText,
  takeEarlyOpen,
  writeDeskSnapshot,
  SNAPSHOT_TEXT_CHARS,
  type DeskSnapshot,
} from '../../../components/deskSnapshot';

const KEY = 'indiscrets:desk-snapshot:1';

function snapshot(): DeskSnapshot {
  return {
    issueId: 'issue-1',
    title: 'Les indiscrets du 15 mars',
    status: 'open',
    pickerName: 'Les indiscrets du 15 mars (2)',
    items: 40,
    words: 1200,
    chars: 7400,
    budget: 8000,
    problems: 1,
    otherIssues: true,
    rows: [
      {
        id: 'draft-1',
        label: 'Bercy prépare un plan',
        text: 'Le ministère prépare…',
        words: 30,
        chars: 180,
        checks: [{ code: 'no-source' }],
      },
    ],
  };
}

describe('the desk snapshot', () => {
  afterEach(() => localStorage.clear());

  it('reads back what was written', () => {
    writeDeskSnapshot(snapshot());
    expect(readDeskSnapshot()).toEqual(snapshot());
  });

  it('is forgotten when the desk shows no issue', () => {
    writeDeskSnapshot(snapshot());
    writeDeskSnapshot(null);
    expect(readDeskSnapshot()).toBeUndefined();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('ignores a snapshot of another shape rather than showing half of it', () => {
    const broken: Array<(value: DeskSnapshot) => unknown> = [
      ({ issueId: _id, ...rest }) => rest,
      (value) => ({ ...value, status: 'archived' }),
      (value) => ({ ...value, pickerName: 2 }),
      (value) => ({ ...value, items: -1 }),
      (value) => ({ ...value, items: 0 }),
      (value) => ({ ...value, otherIssues: 'yes' }),
      (value) => ({ ...value, rows: [{ ...value.rows[0], words: '30' }] }),
      (value) => ({ ...value, rows: [{ ...value.rows[0], checks: [{ code: 'unknown' }] }] }),
      (value) => ({
        ...value,
        rows: [{ ...value.rows[0], checks: [{ code: 'no-source', url: 3 }] }],
      }),
      () => [snapshot()],
      () => null,
    ];
    for (const breakIt of broken) {
      localStorage.setItem(KEY, JSON.stringify(breakIt(snapshot())));
      expect(readDeskSnapshot()).toBeUndefined();
    }
    localStorage.setItem(KEY, '{not json');
    expect(readDeskSnapshot()).toBeUndefined();
  });

  it('reads only its own version: an older key is not taken for it', () => {
    localStorage.setItem('indiscrets:desk-snapshot', JSON.stringify(snapshot()));
    expect(readDeskSnapshot()).toBeUndefined();
  });

  it('keeps the start of a long text, never half a surrogate pair', () => {
    expect(snapshotText('court')).toBe('court');
    const long = 'a'.repeat(SNAPSHOT_TEXT_CHARS * 3);
    expect(snapshotText(long)).toHaveLength(SNAPSHOT_TEXT_CHARS);
    expect(snapshotText(long).endsWith('…')).toBe(true);
    const emoji = `${'a'.repeat(SNAPSHOT_TEXT_CHARS - 2)}😀${'b'.repeat(10)}`;
    const cut = snapshotText(emoji);
    expect(cut.endsWith('a…')).toBe(true);
  });

  it('hands a draft opened on the first screen to the desk once', () => {
    expect(takeEarlyOpen()).toBeUndefined();
    openEarly('draft-1');
    expect(takeEarlyOpen()).toBe('draft-1');
    expect(takeEarlyOpen()).toBeUndefined();
  });

  it('hands the items taken out on the first screen to the desk of that issue once', () => {
    removeEarly('issue-1', 'draft-1');
    removeEarly('issue-1', 'draft-2');
    removeEarly('issue-1', 'draft-1');
    expect(removedEarly('issue-1')).toEqual(['draft-1', 'draft-2']);
    expect(removedEarly('issue-2')).toEqual([]);
    expect(takeEarlyRemovals('issue-1')).toEqual(['draft-1', 'draft-2']);
    expect(takeEarlyRemovals('issue-1')).toEqual([]);
    // Another issue shown by the desk: what was taken out of the first one is dropped.
    removeEarly('issue-1', 'draft-3');
    expect(takeEarlyRemovals('issue-2')).toEqual([]);
    expect(takeEarlyRemovals('issue-1')).toEqual([]);
  });
});
