import { describe, expect, it } from 'vitest';
import type { Draft, Issue } from '../../../storage/db';
import {
  deskInfo,
  draftToRest,
  fromGmt,
  issueToRest,
  restToDraft,
  restToIssue,
  type RestDraft,
  type RestIssue,
} from '../../../wordpress/desk-records';

const clip: Draft = {
  id: '0b5c3c1e-8f7a-4d2b-9c1e-5a6b7c8d9e0f',
  url: 'https://exemple.fr/yacht',
  title: 'Le ministre et le yacht',
  siteName: 'Exemple',
  byline: 'Jeanne Martin',
  publishedAt: '2026-03-09T08:00:00.000Z',
  lang: 'fr',
  quotes: [
    {
      text: '« Je ne savais pas »',
      html: '<p>« Je ne savais pas »</p>',
      clippedAt: '2026-03-10T10:00:00.000Z',
    },
  ],
  provenance: { title: 'og:title', siteName: 'json-ld' },
  createdAt: '2026-03-10T10:00:00.000Z',
  updatedAt: '2026-03-10T11:00:00.000Z',
  body: '<p>Le ministre dément.</p>',
  sources: [
    { url: 'https://exemple.fr/yacht', title: 'Le ministre et le yacht', siteName: 'Exemple' },
  ],
  note: 'Appeler le cabinet',
  tags: ['politique'],
  status: 'checked',
  issueId: '7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a',
  sortKey: 'a0',
  words: ['ministre'],
  wordPairs: ['le ministre'],
  sourceUrls: ['exemple.fr/yacht'],
};

/** What the server answers for a write: the write, plus its own fields. */
function asServer(
  write: ReturnType<typeof draftToRest>,
  extra: Partial<RestDraft> = {},
): RestDraft {
  return {
    id: 42,
    status: 'draft',
    modified_gmt: '2026-03-10T11:00:00',
    version: 3,
    title: { raw: write.title },
    content: { raw: write.content },
    meta: write.meta,
    ...extra,
  };
}

describe('draftToRest / restToDraft', () => {
  it('round-trips every shared field of a draft', () => {
    const back = restToDraft(asServer(draftToRest(clip, { shareNote: true })));
    const shared: Partial<Draft> = { ...clip };
    delete shared.words;
    delete shared.wordPairs;
    delete shared.sourceUrls;
    expect(back).toMatchObject(shared);
    // Derived fields are recomputed by the table hooks, not carried.
    expect(back.words).toEqual([]);
    expect(back.wordPairs).toEqual([]);
  });

  it('keeps the private note in the browser unless it is shared', () => {
    expect(draftToRest(clip).meta.note).toBe('');
    expect(draftToRest(clip, { shareNote: true }).meta.note).toBe('Appeler le cabinet');
    // Read back, the local note survives a server copy without one.
    expect(restToDraft(asServer(draftToRest(clip)), clip).note).toBe('Appeler le cabinet');
  });

  it('sends empty strings for absent optional fields and reads them back as absent', () => {
    const bare: Draft = {
      ...clip,
      siteName: undefined,
      byline: undefined,
      lang: undefined,
      provenance: {},
    };
    delete bare.siteName;
    delete bare.byline;
    delete bare.lang;
    const write = draftToRest(bare);
    expect(write.meta).toMatchObject({ siteName: '', byline: '', lang: '', captureNote: '' });
    // PHP sends an empty map as [].
    const back = restToDraft(asServer(write, { meta: { ...write.meta, provenance: [] } }));
    expect(back).not.toHaveProperty('siteName');
    expect(back).not.toHaveProperty('byline');
    expect(back.provenance).toEqual({});
  });

  it('maps the trash to deletedAt, keeping the place in the issue', () => {
    const back = restToDraft(asServer(draftToRest(clip), { status: 'trash' }));
    expect(back.deletedAt).toBe('2026-03-10T11:00:00.000Z');
    expect(back.sortKey).toBe('a0');
    expect(restToDraft(asServer(draftToRest(clip)))).not.toHaveProperty('deletedAt');
  });
});

describe('issueToRest / restToIssue', () => {
  const issue: Issue = {
    id: '7d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a',
    title: 'Les indiscrets du 15 mars',
    date: '2026-03-15',
    intro: 'Cette semaine…',
    lengthBudget: 4000,
    status: 'published',
    createdAt: '2026-03-10T10:00:00.000Z',
    updatedAt: '2026-03-15T09:00:00.000Z',
    wordpress: {
      postId: 12,
      link: 'https://monsite.fr/?p=12',
      modifiedGmt: '2026-03-15T09:00:00',
      publishedAt: '2026-03-15T09:00:00.000Z',
      siteUrl: 'https://monsite.fr',
    },
  };

  it('round-trips an issue', () => {
    const write = issueToRest(issue);
    const record: RestIssue = {
      id: 7,
      status: 'draft',
      modified_gmt: '2026-03-15T09:00:00',
      version: 1,
      title: { raw: write.title },
      content: { raw: write.content },
      meta: write.meta,
    };
    expect(restToIssue(record)).toEqual(issue);
  });

  it('reads a never-published issue ([] from PHP) without a wordpress field', () => {
    const write = issueToRest({ ...issue, wordpress: undefined });
    expect(write.meta.wordpress).toEqual([]);
    const record: RestIssue = {
      id: 7,
      status: 'draft',
      modified_gmt: '2026-03-15T09:00:00',
      version: 1,
      title: { raw: write.title },
      content: { raw: write.content },
      meta: write.meta,
    };
    expect(restToIssue(record)).not.toHaveProperty('wordpress');
  });
});

describe('fromGmt and deskInfo', () => {
  it('reads WordPress GMT times as UTC', () => {
    expect(fromGmt('2026-03-15T09:00:00')).toBe('2026-03-15T09:00:00.000Z');
    expect(fromGmt('2026-03-15T09:00:00Z')).toBe('2026-03-15T09:00:00.000Z');
  });

  it('collects who clipped, who edited and who holds the lock', () => {
    const info = deskInfo(
      asServer(draftToRest(clip), {
        clipped_by: { id: 5, name: 'Pigiste' },
        last_edited_by: { id: 3, name: 'Rédactrice en chef' },
        lock: { user: { id: 3, name: 'Rédactrice en chef' }, since: 'a', expires: 'b' },
        can: { edit: false, trash: false },
      }),
    );
    expect(info).toEqual({
      remoteId: 42,
      version: 3,
      modifiedGmt: '2026-03-10T11:00:00',
      clippedBy: { id: 5, name: 'Pigiste' },
      lastEditedBy: { id: 3, name: 'Rédactrice en chef' },
      lock: { user: { id: 3, name: 'Rédactrice en chef' }, since: 'a', expires: 'b' },
      canEdit: false,
      canTrash: false,
    });
  });
});
