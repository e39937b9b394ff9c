import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackup, serializeBackup } from '../../../storage/backup-format';
import { parseBackup } from '../../../storage/backup-read';
import type { IndiscretsDB } from '../../../storage/db';
import {
  applyDraft,
  applyIssue,
  isoMoment,
  sharedFromRestDraft,
  sharedFromRestIssue,
} from '../../../services/sync-fields';
import { fromGmt, type RestDraft, type RestIssue } from '../../../wordpress/desk-records';
import { freshDatabase } from '../storage/helpers';

/**
 * The plugin takes moments in more forms than the extension writes (a bare day, a space for the
 * « T », no zone), quotes without their moment, an issue without a day: another client of its
 * REST API may write them. A record pulled so was stored as is, and a backup holding it was
 * refused by the extension's own reader, every other record with it.
 */

let db: IndiscretsDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = freshDatabase();
});
afterEach(() => db.delete());

const rest = {
  id: 7,
  status: 'draft',
  modified_gmt: '2027-03-10T08:00:00',
  version: 2,
  title: { raw: 'Pris sur la rédaction' },
  content: { raw: '<p>Texte</p>' },
};

const draftMeta = {
  clientId: 'd1',
  url: 'https://a.test/',
  provenance: [],
  sources: [],
  tags: [],
  status: 'draft',
  createdAt: '2027-03-01T08:00:00.000Z',
};

/** What the sync stores for a record it pulls (writeLocal in services/sync/local-records.ts). */
async function pulled(kind: 'draft' | 'issue', record: RestDraft | RestIssue, id: string) {
  const modifiedAt = fromGmt(record.modified_gmt);
  if (kind === 'draft') {
    const next = applyDraft(undefined, sharedFromRestDraft(record as RestDraft), modifiedAt);
    await db.clips.put({ ...next, id });
  } else {
    const next = applyIssue(undefined, sharedFromRestIssue(record as RestIssue), modifiedAt);
    await db.issues.put({ ...next, id });
  }
}

describe('isoMoment', () => {
  it('writes the plugin’s forms of a moment as the extension does, UTC when no zone is said', () => {
    expect(isoMoment('2027-03-01T08:00:00.000Z', 'x')).toBe('2027-03-01T08:00:00.000Z');
    expect(isoMoment('2027-03-01T09:00:00+01:00', 'x')).toBe('2027-03-01T09:00:00+01:00');
    expect(isoMoment('2027-03-01 08:00', 'x')).toBe('2027-03-01T08:00:00.000Z');
    expect(isoMoment('2027-03-01 08:00:30', 'x')).toBe('2027-03-01T08:00:30.000Z');
    expect(isoMoment('2027-03-01', 'x')).toBe('2027-03-01T00:00:00.000Z');
  });

  it('gives the fallback for none, or for what is no date', () => {
    expect(isoMoment(undefined, 'f')).toBe('f');
    expect(isoMoment('', 'f')).toBe('f');
    expect(isoMoment('2027-13-45 99:00', 'f')).toBe('f');
  });
});

describe('a record pulled from the shared desk in the plugin’s looser forms', () => {
  it.each([
    ['a quote with its text only', { quotes: [{ text: 'Oui' }] }, '2027-03-01T08:00:00.000Z'],
    [
      'a quote clipped at a moment without a zone',
      { quotes: [{ text: 'Oui', html: '', clippedAt: '2027-03-01 09:30' }] },
      '2027-03-01T09:30:00.000Z',
    ],
  ])('is stored with ISO moments, and a backup of it reads back: %s', async (_name, meta, at) => {
    await pulled(
      'draft',
      { ...rest, meta: { ...draftMeta, ...meta } } as unknown as RestDraft,
      'd1',
    );

    const parsed = parseBackup(serializeBackup(await createBackup(db)));

    expect((await db.clips.get('d1'))!.quotes[0]!.clippedAt).toBe(at);
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  it('is stored with ISO moments, and a backup of it reads back: a creation written with a space', async () => {
    const meta = { ...draftMeta, quotes: [], createdAt: '2027-03-01 08:00:00' };
    await pulled('draft', { ...rest, meta } as unknown as RestDraft, 'd1');

    const parsed = parseBackup(serializeBackup(await createBackup(db)));

    expect((await db.clips.get('d1'))!.createdAt).toBe('2027-03-01T08:00:00.000Z');
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });

  it('an issue with no day (the plugin’s default) is kept so, and a backup of it reads back', async () => {
    const meta = {
      clientId: 'i1',
      date: '',
      lengthBudget: 0,
      status: 'open',
      createdAt: '',
      exportedAt: '2027-03-02 10:00',
      wordpress: [],
    };
    await pulled('issue', { ...rest, meta } as unknown as RestIssue, 'i1');

    const parsed = parseBackup(serializeBackup(await createBackup(db)));

    expect((await db.issues.get('i1'))?.exportedAt).toBe('2027-03-02T10:00:00.000Z');
    expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  });
});
