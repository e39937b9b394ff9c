import type * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createBackup,
  serializeBackup,
  type BackupWordPress,
} from '../../../storage/backup-format';
import { parseBackup } from '../../../storage/backup-read';
import { restoreBackup } from '../../../storage/backup-restore';
import type {
  Draft,
  IndiscretsDB,
  Issue,
  PublishIntent,
  Quote,
  Source,
  WordPressPost,
} from '../../../storage/db';
import type { HouseStyle } from '../../../storage/house-style';
import type {
  BackupHouseStyleSchema,
  BackupWordPressSchema,
  DeskMarkSchema,
  DraftSchema,
  IssueSchema,
  PublishIntentSchema,
  QuoteSchema,
  SourceSchema,
  WordPressPostSchema,
} from '../../../storage/schema';
import type { DeskMark } from '../../../storage/sync-state';
import { freshDatabase } from './helpers';

/**
 * A type without the index signatures `looseObject` adds (it keeps fields it does not know), at
 * every depth: what is left is the list of declared fields, with their types and optionality.
 */
type Known<T> = T extends readonly (infer Item)[]
  ? Known<Item>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;

/** What a schema accepts, as declared fields. */
type Out<S extends v.GenericSchema> = Known<v.InferOutput<S>>;

describe('the record schemas', () => {
  // Checked by tsc (`npm run check`): a field added to a type in db.ts and not to its schema, or
  // the other way round, or with another type or optionality, fails the build.
  it('accept exactly the fields the stored types declare, with the same types', () => {
    expectTypeOf<Out<typeof DraftSchema>>().toEqualTypeOf<Known<Draft>>();
    expectTypeOf<Out<typeof IssueSchema>>().toEqualTypeOf<Known<Issue>>();
    expectTypeOf<Out<typeof QuoteSchema>>().toEqualTypeOf<Known<Quote>>();
    expectTypeOf<Out<typeof SourceSchema>>().toEqualTypeOf<Known<Source>>();
    expectTypeOf<Out<typeof DeskMarkSchema>>().toEqualTypeOf<Known<DeskMark>>();
    expectTypeOf<Out<typeof WordPressPostSchema>>().toEqualTypeOf<Known<WordPressPost>>();
    expectTypeOf<Out<typeof PublishIntentSchema>>().toEqualTypeOf<Known<PublishIntent>>();
  });

  it('accept exactly the settings a backup holds', () => {
    expectTypeOf<Out<typeof BackupHouseStyleSchema>>().toEqualTypeOf<Partial<HouseStyle>>();
    expectTypeOf<Out<typeof BackupWordPressSchema>>().toEqualTypeOf<BackupWordPress>();
  });
});

describe('a backup of records with every field set', () => {
  let database: IndiscretsDB;
  let restored: IndiscretsDB;

  beforeEach(() => {
    fakeBrowser.reset();
    database = freshDatabase();
    restored = freshDatabase();
  });
  afterEach(async () => {
    await Promise.all([database.delete(), restored.delete()]);
  });

  const desk: Required<DeskMark> = {
    remoteId: 812,
    createdBy: 'Camille',
    createdById: 6,
    modifiedBy: 'Léa',
    modifiedById: 7,
    modifiedAt: '2027-03-10T09:00:00.000Z',
    trashedBy: 'Camille',
    trashedById: 6,
    mergedInto: 'draft-2',
    mergedIntoGone: true,
    lock: {
      by: 'Léa',
      userId: 7,
      since: '2027-03-10T09:00:00.000Z',
      expires: '2027-03-10T09:05:00.000Z',
    },
    canEdit: true,
    canTrash: false,
  };

  // `Required<…>`: a field added to the stored types must be given here, so that this test
  // keeps proving that a backup carries every field there is (but the browser's own `edits`
  // marks, which a backup leaves out on purpose).
  const issue: Required<Omit<Issue, 'edits'>> = {
    id: 'issue-1',
    title: 'Les indiscrets du 15 mars',
    date: '2027-03-15',
    intro: '<p>Chapô</p>',
    lengthBudget: 5000,
    status: 'published',
    createdAt: '2027-03-01T08:00:00.000Z',
    updatedAt: '2027-03-15T09:00:00.000Z',
    rev: 12,
    exportedAt: '2027-03-15T08:30:00.000Z',
    wordpress: {
      postId: 42,
      link: 'https://monsite.fr/?p=42',
      modifiedGmt: '2027-03-15T09:00:00',
      publishedAt: '2027-03-15T09:00:00.000Z',
      siteUrl: 'https://monsite.fr',
      publishedBy: { id: 7, name: 'Claire Martin' },
      updated: true,
      digest: 'fnv1a32:4f1c0a9e:5321',
    } satisfies Required<WordPressPost>,
    publishing: {
      slug: 'les-indiscrets-du-15-mars-3f2a',
      siteUrl: 'https://monsite.fr',
      startedAt: '2027-03-15T08:59:00.000Z',
    },
    desk,
  };

  const draft: Required<Omit<Draft, 'words' | 'wordPairs' | 'sourceUrls' | 'edits' | 'undone'>> = {
    id: 'draft-1',
    url: 'https://bloomberg.com/ovh',
    title: 'OVH envisage une introduction en Bourse',
    siteName: 'Bloomberg',
    byline: 'Jane Doe',
    publishedAt: '2027-03-09T07:00:00.000Z',
    lang: 'fr',
    excerpt: 'Le groupe roubaisien…',
    imageUrl: 'https://bloomberg.com/ovh.jpg',
    quotes: [
      { text: 'L’été d’OVH', html: '<p>L’été d’OVH</p>', clippedAt: '2027-03-09T10:00:00.000Z' },
    ],
    provenance: { title: 'og:title', siteName: 'json-ld' },
    captureNote: 'script-failed',
    createdAt: '2027-03-09T10:00:00.000Z',
    updatedAt: '2027-03-10T10:00:00.000Z',
    rev: 5,
    body: '<p>OVH <strong>pèse</strong> une IPO.</p>',
    label: 'OVH en Bourse',
    sources: [
      {
        url: 'https://bloomberg.com/ovh',
        title: 'OVH',
        siteName: 'Bloomberg',
      } satisfies Required<Source>,
    ],
    note: 'Appeler le service de presse',
    noteShared: true,
    desk,
    tags: ['tech'],
    status: 'ready',
    issueId: 'issue-1',
    sortKey: 'a0',
    deletedAt: '2027-03-11T10:00:00.000Z',
  };

  it('is read and restored with every field as it was', async () => {
    await database.issues.add(issue);
    await database.clips.add(draft as Draft);
    const text = serializeBackup(await createBackup(database));

    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(`Refused: ${JSON.stringify(parsed.error)}`);
    await restoreBackup(parsed.backup, restored, { mode: 'replace' });

    expect(await restored.issues.get(issue.id)).toEqual(issue);
    expect(await restored.clips.get(draft.id)).toEqual(await database.clips.get(draft.id));
    expect(await restored.clips.get(draft.id)).toMatchObject(draft);
  });

  it('keeps fields a newer version added, at any depth', () => {
    const file = fileOf(
      [{ ...draft, mood: 'calme', quotes: [{ ...draft.quotes[0]!, page: 3 }] }],
      [{ ...issue, theme: 'printemps' }],
    );

    const parsed = parseBackup(JSON.stringify(file));

    expect(parsed.ok && parsed.backup.clips[0]).toMatchObject({
      mood: 'calme',
      quotes: [{ page: 3 }],
    });
    expect(parsed.ok && parsed.backup.issues[0]).toMatchObject({ theme: 'printemps' });
  });

  it.each([
    ['desk.lock.userId', (file: FileJson) => (file.clips[0].desk.lock.userId = 'Léa')],
    ['noteShared', (file: FileJson) => (file.clips[0].noteShared = 'oui')],
    ['label', (file: FileJson) => (file.clips[0].label = 7)],
    ['rev', (file: FileJson) => (file.clips[0].rev = '5')],
    ['publishing.slug', (file: FileJson) => delete file.issues[0].publishing.slug],
    ['desk.remoteId', (file: FileJson) => delete file.issues[0].desk.remoteId],
  ])('refuses a record whose %s is wrong, and names the field', (field, edit) => {
    const file = fileOf([structuredClone(draft)], [structuredClone(issue)]);
    edit(file);

    const parsed = parseBackup(JSON.stringify(file));

    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatchObject({ code: 'invalid-field', index: 0, field });
  });
});

/** A backup file as loose JSON, to break it in every way a file can be broken. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FileJson = Record<string, any>;

/** A backup file holding these records, as loose JSON. */
function fileOf(clips: unknown[], issues: unknown[]): FileJson {
  return {
    format: 'indiscrets-backup',
    version: 1,
    exportedAt: '2027-03-15T10:00:00.000Z',
    schemaVersion: 4,
    clips,
    issues,
    settings: {},
  };
}
