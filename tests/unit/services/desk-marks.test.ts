import { describe, expect, it } from 'vitest';
import { deskMarkOf } from '../../../services/sync-fields';
import type { RestDraft } from '../../../wordpress/desk-records';

/** A draft as the desk answers it, Rédac (user 3) holding its edit lock for two minutes more. */
const record = (status: string) =>
  ({
    id: 41,
    status,
    modified_gmt: '2026-03-15T10:00:00',
    version: 2,
    title: { raw: 'Le ministre part' },
    content: { raw: '<p>Texte</p>' },
    clipped_by: { id: 4, name: 'Autrice' },
    last_edited_by: { id: 3, name: 'Rédac' },
    lock: {
      user: { id: 3, name: 'Rédac' },
      since: new Date(Date.now() - 30_000).toISOString(),
      expires: new Date(Date.now() + 120_000).toISOString(),
    },
    can: { edit: true, trash: true },
  }) as unknown as RestDraft;

describe('deskMarkOf', () => {
  it('marks a live draft with the colleague’s lock', () => {
    expect(deskMarkOf(record('draft'), 4).lock).toMatchObject({ by: 'Rédac', userId: 3 });
  });

  it('keeps the ids of who clipped it and who last edited it beside their names', () => {
    expect(deskMarkOf(record('draft'), 4)).toMatchObject({
      createdBy: 'Autrice',
      createdById: 4,
      modifiedBy: 'Rédac',
      modifiedById: 3,
    });
  });

  it('marks no lock on a draft in the trash, which nobody is editing', () => {
    // WordPress keeps the lock its trasher held: the trash does not release it.
    const mark = deskMarkOf(record('trash'), 4);
    expect(mark.trashedBy).toBe('Rédac');
    expect(mark).not.toHaveProperty('lock');
  });

  it('keeps who put it in the trash with their id, the trasher the desk answers as last editor', () => {
    expect(deskMarkOf(record('trash'), 4)).toMatchObject({ trashedBy: 'Rédac', trashedById: 3 });
  });

  it('keeps the trasher known here, id and all, when an edit pushed since makes another the last editor', () => {
    const local = {
      deletedAt: '2026-03-15T09:59:00.000Z',
      desk: { remoteId: 41, trashedBy: 'Pigiste', trashedById: 9 },
    };
    expect(deskMarkOf(record('trash'), 4, local)).toMatchObject({
      trashedBy: 'Pigiste',
      trashedById: 9,
    });
    // A mark kept before the id was: the name only, as before.
    const named = deskMarkOf(record('trash'), 4, {
      ...local,
      desk: { remoteId: 41, trashedBy: 'Pigiste' },
    });
    expect(named.trashedBy).toBe('Pigiste');
    expect(named).not.toHaveProperty('trashedById');
  });
});
