import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  backupMadeOn,
  describeBackupError,
  describeRestore,
} from '../../../components/backupMessages';
import { setLocale } from '../../../locales';
import {
  backupFilename,
  createBackup,
  serializeBackup,
  type Backup,
  type ParsedBackup,
} from '../../../storage/backup-format';
import { parseBackup, type BackupError } from '../../../storage/backup-read';
import {
  applyBackupSettings,
  forgetMissingCurrentIssue,
  ReplaceOnSharedDeskError,
  restoreBackup,
  restoredSiteToAllow,
} from '../../../storage/backup-restore';
import { SyncEngine } from '../../../services/sync';
import type { SyncCore } from '../../../services/sync/core';
import { SYNC_OFF } from '../../../storage/sync-state';
import { IndiscretsDB, type Draft, type Issue } from '../../../storage/db';
import { bodyText } from '../../../storage/derive';
import { cleanItemHtml } from '../../../storage/item-html';
import { mergeDrafts, trashDraft, undo, updateDraft } from '../../../storage/drafts';
import {
  addToIssue,
  createIssue,
  markPublished,
  recordPublishIntent,
  updateIssue,
} from '../../../storage/issues';
import { houseStyleItem, wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import {
  characterKeys,
  currentIssueId,
  draftTemplate,
  siteLeaves,
  uiLocale,
} from '../../../storage/settings';
import { DEFAULT_DRAFT_TEMPLATE } from '../../../storage/template';
import { addDraft, freshDatabase, steppingClock } from './helpers';

const PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';

let database: IndiscretsDB;
const others: IndiscretsDB[] = [];

/** Another empty database, deleted after the test. */
function anotherDatabase(): IndiscretsDB {
  const other = freshDatabase();
  others.push(other);
  return other;
}

beforeEach(() => {
  fakeBrowser.reset();
  database = freshDatabase();
});
afterEach(async () => {
  await database.delete();
  await Promise.all(others.splice(0).map((other) => other.delete()));
});

/** Every record of both tables, by id, as stored (derived fields included). */
async function snapshot(db: IndiscretsDB) {
  const byId = <T extends { id: string }>(records: T[]) =>
    records.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    clips: byId(await db.clips.toArray()),
    issues: byId(await db.issues.toArray()),
  };
}

/**
 * A desk with a bit of everything: drafts in the inbox, in an issue (ordered), in the trash,
 * one with quotes, tags, a note and a capture note; a published issue and an empty one.
 */
async function seedDesk(db: IndiscretsDB) {
  const clock = steppingClock('2027-03-10T08:00:00.000Z');
  const issue = await createIssue(
    { title: 'Les indiscrets du 15 mars', date: '2027-03-15' },
    db,
    clock,
  );
  await createIssue(
    { title: 'Les indiscrets du 22 mars', date: '2027-03-22', intro: 'Chapô' },
    db,
    clock,
  );
  const quoted = await addDraft(db, {
    title: 'OVH envisage une introduction en Bourse',
    siteName: 'Bloomberg',
    byline: 'Jane Doe',
    quotes: [
      { text: 'L’été d’OVH', html: '<p>L’été d’OVH</p>', clippedAt: '2027-03-09T10:00:00.000Z' },
    ],
    provenance: { title: 'og:title', siteName: 'json-ld' },
    body: '<p>OVH <strong>pèse</strong> une <a href="https://bloomberg.com/ovh">IPO</a>.</p>',
    tags: ['tech', 'à vérifier'],
    note: 'Appeler le service de presse',
    status: 'checked',
  });
  const second = await addDraft(db, { title: 'Les baleines de Nouvelle-Zélande' });
  await addDraft(db, {
    url: 'chrome://version/',
    title: 'Version',
    captureNote: 'browser-page',
    provenance: { title: 'tab' },
  });
  const trashed = await addDraft(db, { title: 'Une fausse piste' });
  await addToIssue(quoted.id, issue.id, db, clock);
  await addToIssue(second.id, issue.id, db, clock);
  await trashDraft(trashed.id, db, clock);
  await markPublished(
    issue.id,
    {
      postId: 42,
      link: 'https://monsite.fr/?p=42',
      modifiedGmt: '2027-03-15T09:00:00',
      publishedAt: '2027-03-15T09:00:00.000Z',
      siteUrl: 'https://monsite.fr',
    },
    db,
    clock,
  );
  return { issue, quoted, second, trashed };
}

/** What the options page does with a file: read it, and restore only what reads. */
async function restoreText(text: string, db: IndiscretsDB) {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  return { ok: true as const, result: await restoreBackup(parsed.backup, db) };
}

function mustParse(text: string): ParsedBackup {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`Expected a backup, got ${JSON.stringify(parsed.error)}`);
  return parsed.backup;
}

describe('createBackup', () => {
  it('holds every draft (trashed too) and every issue, with the schema version and the date', async () => {
    await seedDesk(database);

    const backup = await createBackup(database, new Date('2027-03-16T10:42:00.000Z'));

    expect(backup).toMatchObject({
      format: 'indiscrets-backup',
      version: 1,
      exportedAt: '2027-03-16T10:42:00.000Z',
      schemaVersion: 7,
    });
    expect(backup.clips).toHaveLength(4);
    expect(backup.issues).toHaveLength(2);
    expect(backup.clips.filter((draft) => draft.deletedAt)).toHaveLength(1);
  });

  it('leaves out the derived fields words and sourceUrls', async () => {
    await seedDesk(database);

    const backup = await createBackup(database);

    for (const draft of backup.clips) {
      expect(draft).not.toHaveProperty('words');
      expect(draft).not.toHaveProperty('sourceUrls');
    }
  });

  it('leaves out when this browser undid an action on a draft, and never reads it from a file', async () => {
    const clock = steppingClock('2027-04-01T08:00:00.000Z');
    const draft = await addDraft(database);
    await undo(await trashDraft(draft.id, database, clock), database, clock);
    expect((await database.clips.get(draft.id))!.undone).toBeDefined();

    const backup = await createBackup(database);
    expect(backup.clips[0]).not.toHaveProperty('undone');
    // A file naming versions undone would have this browser's merges keep them out.
    const forged = {
      ...backup,
      clips: [{ ...backup.clips[0], undone: ['2099-01-01T00:00:00.000Z'] }],
    };
    expect(mustParse(JSON.stringify(forged)).clips[0]).not.toHaveProperty('undone');
  });

  it('holds the settings of the options page', async () => {
    await houseStyleItem.setValue({ titlePattern: 'Indiscrets, {date}', itemOpener: '• ' });
    await draftTemplate.setValue('<p>{quote}</p>');
    await uiLocale.setValue('en');
    await characterKeys.setValue(false);
    await currentIssueId.setValue('issue-1');
    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr',
      username: 'redaction',
      category: 'Coulisses',
      status: 'pending',
    });

    const backup = await createBackup(database);

    expect(backup.settings).toEqual({
      houseStyle: { titlePattern: 'Indiscrets, {date}', itemOpener: '• ' },
      draftTemplate: '<p>{quote}</p>',
      uiLocale: 'en',
      characterKeys: false,
      currentIssueId: 'issue-1',
      wordpress: {
        siteUrl: 'https://monsite.fr',
        username: 'redaction',
        category: 'Coulisses',
        status: 'pending',
      },
    });
  });

  it('never puts the WordPress application password in the file', async () => {
    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr',
      username: 'redaction',
      category: 'Indiscrets',
      status: 'draft',
    });
    await wordpressPasswordItem.setValue(PASSWORD);
    // Even if some day the password ended up in the WordPress object, it must stay out.
    await fakeBrowser.storage.local.set({
      wordpress: { ...(await wordpressItem.getValue()), appPassword: PASSWORD },
    });
    await seedDesk(database);

    const text = serializeBackup(await createBackup(database));

    expect(text).not.toContain(PASSWORD);
    expect(text).not.toMatch(/appPassword/i);
  });

  it('names the file after the local date', () => {
    expect(backupFilename(new Date(2027, 2, 5, 23, 59))).toBe(
      'indiscrets-sauvegarde-2027-03-05.json',
    );
  });
});

describe('round trip', () => {
  it('restores into an empty database records identical to the originals', async () => {
    await seedDesk(database);
    const text = serializeBackup(await createBackup(database));
    const target = anotherDatabase();

    const result = await restoreBackup(mustParse(text), target);

    expect(await snapshot(target)).toEqual(await snapshot(database));
    expect(result.clips).toEqual({ added: 4, updated: 0, kept: 0, removed: 0 });
    expect(result.issues).toEqual({ added: 2, updated: 0, kept: 0, removed: 0 });
  });

  it('carries an item’s label, and a draft without one comes back without one', async () => {
    const { quoted, second } = await seedDesk(database);
    await updateDraft(quoted.id, { label: 'La baleine' }, database);
    const target = anotherDatabase();

    await restoreBackup(mustParse(serializeBackup(await createBackup(database))), target);

    expect((await target.clips.get(quoted.id))!.label).toBe('La baleine');
    expect(await target.clips.get(second.id)).not.toHaveProperty('label');
  });

  it('recomputes the derived fields, so that search and checks work on restored drafts', async () => {
    const { quoted } = await seedDesk(database);
    const target = anotherDatabase();

    await restoreBackup(mustParse(serializeBackup(await createBackup(database))), target);

    expect(await target.clips.where('words').startsWith('baleine').count()).toBe(1);
    expect(await target.clips.where('sourceUrls').equals(quoted.sourceUrls[0]!).count()).toBe(1);
  });
});

describe('restoreBackup, merge', () => {
  it('adds records this browser does not have and leaves its own alone', async () => {
    const source = anotherDatabase();
    await seedDesk(source);
    const fromSource = mustParse(serializeBackup(await createBackup(source)));
    const mine = await addDraft(database, { title: 'Seulement ici' });

    const result = await restoreBackup(fromSource, database);

    expect(result.clips).toEqual({ added: 4, updated: 0, kept: 0, removed: 0 });
    expect(await database.clips.get(mine.id)).toEqual(mine);
    expect(await database.clips.count()).toBe(5);
  });

  it('keeps newer local work: a draft edited here after the backup stays as edited', async () => {
    const { quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    const edited = await updateDraft(
      quoted.id,
      { body: '<p>Réécrit après la sauvegarde</p>' },
      database,
      () => '2027-04-01T00:00:00.000Z',
    );

    const result = await restoreBackup(backup, database, { mode: 'merge' });

    expect(await database.clips.get(quoted.id)).toEqual(edited);
    expect(result.clips).toEqual({ added: 0, updated: 0, kept: 4, removed: 0 });
    expect(result.issues).toEqual({ added: 0, updated: 0, kept: 2, removed: 0 });
  });

  it('takes newer backup work: a record older here is replaced by the backup’s', async () => {
    const { quoted, issue } = await seedDesk(database);
    const stale = anotherDatabase();
    await restoreBackup(mustParse(serializeBackup(await createBackup(database))), stale);
    await updateDraft(
      quoted.id,
      { body: '<p>Version du bureau</p>' },
      database,
      () => '2027-04-01T00:00:00.000Z',
    );
    await updateIssue(
      issue.id,
      { intro: 'Nouveau chapô' },
      database,
      () => '2027-04-01T00:00:00.000Z',
    );
    const newer = mustParse(serializeBackup(await createBackup(database)));

    const result = await restoreBackup(newer, stale, { mode: 'merge' });

    expect(await stale.clips.get(quoted.id)).toEqual(await database.clips.get(quoted.id));
    expect((await stale.issues.get(issue.id))?.intro).toBe('Nouveau chapô');
    expect(result.clips).toEqual({ added: 0, updated: 1, kept: 3, removed: 0 });
    expect(result.issues).toEqual({ added: 0, updated: 1, kept: 1, removed: 0 });
    // The hooks re-derived the search words from the new text.
    expect(await stale.clips.where('words').equals('bureau').primaryKeys()).toEqual([quoted.id]);
  });

  it('keeps the local record, and adds nothing, when both are the same at the same updatedAt', async () => {
    const draft = await addDraft(database, { title: 'Même heure', note: 'ici' });
    const backup = mustParse(serializeBackup(await createBackup(database)));

    const result = await restoreBackup(backup, database);

    expect(await database.clips.toArray()).toEqual([draft]);
    expect(result.clips.kept).toBe(1);
    expect(result.copied).toBe(0);
  });

  it('adds no copy of a draft whose text a restore writes in another shape (a template’s <b>)', async () => {
    // A new draft's body is the editor's template as typed: the restore writes <b> as <strong>.
    const draft = await addDraft(database, {
      title: 'Gabarit',
      body: '<p><b>À suivre</b> --> </p>',
    });
    const backup = mustParse(serializeBackup(await createBackup(database)));

    const result = await restoreBackup(backup, database);

    expect(await database.clips.toArray()).toEqual([draft]);
    expect(result.clips.kept).toBe(1);
    expect(result.copied).toBe(0);
  });

  it('keeps the local draft and adds the backup’s beside it as a copy when they differ at the same updatedAt', async () => {
    const draft = await addDraft(database, { title: 'Même heure', note: 'ici' });
    const backup = mustParse(serializeBackup(await createBackup(database)));
    backup.clips[0]!.note = 'dans la sauvegarde';

    const result = await restoreBackup(backup, database);

    // Neither is the later one: this browser's stays, the backup's is not lost.
    expect(await database.clips.get(draft.id)).toEqual(draft);
    const copy = (await database.clips.toArray()).find((clip) => clip.id !== draft.id);
    expect(copy).toMatchObject({ title: 'Même heure', note: 'dans la sauvegarde' });
    // Counted as a copy only: the backup's version was restored, not kept out.
    expect(result.clips).toEqual({ added: 0, updated: 0, kept: 0, removed: 0 });
    expect(result.copied).toBe(1);
  });

  it('adds no second copy when the same backup is merged again', async () => {
    const { issue, quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    backup.clips.find((clip) => clip.id === quoted.id)!.note = 'dans la sauvegarde';
    backup.issues.find((i) => i.id === issue.id)!.intro = 'Chapô de la sauvegarde';
    await restoreBackup(backup, database);
    const once = await snapshot(database);

    const again = await restoreBackup(backup, database);

    // The copies the first merge made are found by their id: nothing is added.
    expect(await snapshot(database)).toEqual(once);
    expect(again.copied).toBe(0);
    expect(again.clips.added + again.issues.added).toBe(0);
    expect(again.clips.kept).toBe(backup.clips.length);
    expect(again.issues.kept).toBe(backup.issues.length);
  });

  it('restores the copy a backup holds without making a second one', async () => {
    const draft = await addDraft(database, { title: 'Même heure', note: 'ici' });
    const backup = mustParse(serializeBackup(await createBackup(database)));
    backup.clips[0]!.note = 'dans la sauvegarde';
    await restoreBackup(backup, database);
    // A backup holding the backup's version and the copy a merge made of it, restored where
    // this browser's version is.
    const copy = (await database.clips.toArray()).find((clip) => clip.id !== draft.id)!;
    const both = mustParse(
      serializeBackup({ ...(await createBackup(database)), clips: [backup.clips[0]!, copy] }),
    );
    const elsewhere = anotherDatabase();
    await elsewhere.clips.add(draft);

    const result = await restoreBackup(both, elsewhere);

    expect((await elsewhere.clips.toArray()).map((clip) => clip.id).sort()).toEqual(
      [draft.id, copy.id].sort(),
    );
    expect(result.clips).toEqual({ added: 1, updated: 0, kept: 1, removed: 0 });
    expect(result.copied).toBe(0);
  });

  it('puts the copy of a draft of an issue in the inbox, out of the issue', async () => {
    const { issue, quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    backup.clips.find((clip) => clip.id === quoted.id)!.body = '<p>Version de la sauvegarde</p>';

    const result = await restoreBackup(backup, database);

    // In the issue it would be shown, exported and shared twice, at the same place.
    expect(await database.clips.where('issueId').equals(issue.id).count()).toBe(2);
    const copy = (await database.clips.where('url').equals(quoted.url).toArray()).find(
      (clip) => clip.id !== quoted.id,
    );
    expect(copy).toMatchObject({
      title: quoted.title,
      body: '<p>Version de la sauvegarde</p>',
      issueId: '',
      sortKey: '',
    });
    expect(result.copied).toBe(1);
  });

  it('gives a draft in no issue here the backup’s place in an issue, at the same updatedAt', async () => {
    const { issue, quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    // The same draft, in the inbox here, as a write that leaves updatedAt alone would have it.
    await database.clips.update(quoted.id, { issueId: '', sortKey: '' });

    const result = await restoreBackup(backup, database);

    const placed = backup.clips.find((clip) => clip.id === quoted.id)!;
    expect(await database.clips.get(quoted.id)).toMatchObject({
      issueId: issue.id,
      sortKey: placed.sortKey,
      body: quoted.body,
    });
    expect(await database.clips.where('url').equals(quoted.url).count()).toBe(1);
    expect(result.copied).toBe(0);
    expect(result.clips.updated).toBe(1);
  });

  it('keeps a draft in its issue here, without a copy, when the backup only has it in another, at the same updatedAt', async () => {
    const { issue, quoted } = await seedDesk(database);
    const other = (await database.issues.toArray()).find((i) => i.id !== issue.id)!;
    const backup = mustParse(serializeBackup(await createBackup(database)));
    await database.clips.update(quoted.id, { issueId: other.id, sortKey: 'a0' });

    const result = await restoreBackup(backup, database);

    // A copy would go to the inbox: the same draft twice, nothing of the backup's kept.
    expect(await database.clips.get(quoted.id)).toMatchObject({ issueId: other.id });
    expect(await database.clips.where('url').equals(quoted.url).count()).toBe(1);
    expect(result.copied).toBe(0);
    expect(result.clips.kept).toBe(backup.clips.length);
  });

  it('keeps a draft ordered otherwise in the same issue, without a copy, at the same updatedAt', async () => {
    const { quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    await database.clips.update(quoted.id, { sortKey: 'zz' });

    const result = await restoreBackup(backup, database);

    expect(await database.clips.get(quoted.id)).toMatchObject({ sortKey: 'zz' });
    expect(result.copied).toBe(0);
  });

  it('adds the backup’s issue as a copy, not tied to the WordPress post, when it differs at the same updatedAt', async () => {
    const { issue } = await seedDesk(database);
    const here = await database.issues.get(issue.id);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    const theirs = backup.issues.find((i) => i.id === issue.id)!;
    theirs.intro = 'Chapô de la sauvegarde';
    theirs.wordpress = {
      postId: 7,
      link: 'https://monsite.fr/?p=7',
      modifiedGmt: '2027-03-15T08:00:00',
      publishedAt: '2027-03-15T08:00:00.000Z',
    };

    const result = await restoreBackup(backup, database);

    expect(await database.issues.get(issue.id)).toEqual(here);
    const copy = (await database.issues.toArray()).find(
      (i) => i.intro === 'Chapô de la sauvegarde',
    );
    expect(copy).toMatchObject({ title: issue.title, date: issue.date });
    expect(copy?.id).not.toBe(issue.id);
    expect(copy?.wordpress).toBeUndefined();
    expect(result.copied).toBe(1);
  });

  it('puts back in the inbox a draft whose issue exists neither here nor in the backup', async () => {
    const { quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    backup.issues = [];
    const target = anotherDatabase();

    const result = await restoreBackup(backup, target);

    expect(result.movedToInbox).toBe(2);
    expect(await target.clips.get(quoted.id)).toMatchObject({ issueId: '', sortKey: '' });
  });

  it('writes nothing at all when one record cannot be written', async () => {
    await seedDesk(database);
    const before = await snapshot(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    backup.issues.push({ ...backup.issues[0]!, id: 'new-issue' });
    // A value IndexedDB cannot store: the write of the drafts fails after the issues' write.
    backup.clips.push({ ...backup.clips[0]!, id: 'new-draft', note: (() => 'x') as never });

    await expect(restoreBackup(backup, database)).rejects.toThrow();

    expect(await snapshot(database)).toEqual(before);
  });
  it('adds no copy of an issue whose publication was started since the backup', async () => {
    // The intent is noted without touching `updatedAt` (a publication whose answer was lost):
    // the backup holds the same version of the issue, not another one made at the same moment.
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2027-03-15' },
      database,
      () => '2027-03-10T08:00:00.000Z',
    );
    const backup = mustParse(serializeBackup(await createBackup(database)));
    const publishing = {
      slug: 'les-indiscrets-du-15-mars',
      siteUrl: 'https://monsite.fr',
      startedAt: '2027-03-15T09:00:00.000Z',
    };
    await recordPublishIntent(issue.id, publishing, database);

    const result = await restoreBackup(backup, database, { mode: 'merge' });

    expect(result.copied).toBe(0);
    expect(await database.issues.count()).toBe(1);
    expect((await database.issues.get(issue.id))?.publishing).toEqual(publishing);
  });
});

describe('restoreBackup, merge of a backup made before an undo', () => {
  // An undo with nothing written since gives the draft back its earlier `updatedAt` (it is as
  // it was before the action): the backup, which holds the action, has the later time.
  it('leaves a trash undone since out of the trash', async () => {
    const clock = steppingClock('2027-04-01T08:00:00.000Z');
    const draft = await addDraft(database, { title: 'Gardé' });
    const token = await trashDraft(draft.id, database, clock);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    await undo(token, database, clock);
    const undone = (await database.clips.get(draft.id))!;

    const result = await restoreBackup(backup, database, { mode: 'merge' });

    const after = (await database.clips.get(draft.id))!;
    expect(after.deletedAt).toBeUndefined();
    expect(after).toEqual(undone);
    expect(result.clips).toEqual({ added: 0, updated: 0, kept: 1, removed: 0 });
  });

  it('leaves a merge undone since undone: the draft merged into keeps its own text only', async () => {
    const clock = steppingClock('2027-04-01T08:00:00.000Z');
    const source = await addDraft(database, { body: '<p>Source</p>' });
    const target = await addDraft(database, { body: '<p>Cible</p>' });
    const token = await mergeDrafts(source.id, target.id, database, clock);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    await undo(token, database, clock);

    const result = await restoreBackup(backup, database, { mode: 'merge' });

    expect((await database.clips.get(target.id))!.body).toBe('<p>Cible</p>');
    expect((await database.clips.get(source.id))!.body).toBe('<p>Source</p>');
    expect(result.clips).toEqual({ added: 0, updated: 0, kept: 1, removed: 0 });
  });

  it('still takes a backup written after the undo', async () => {
    const clock = steppingClock('2027-04-01T08:00:00.000Z');
    const draft = await addDraft(database, { title: 'Gardé' });
    const token = await trashDraft(draft.id, database, clock);
    await undo(token, database, clock);
    // Elsewhere (this browser's backup restored in another), after the undo: trashed again.
    const elsewhere = anotherDatabase();
    await restoreBackup(mustParse(serializeBackup(await createBackup(database))), elsewhere);
    await trashDraft(draft.id, elsewhere, clock);
    const later = mustParse(serializeBackup(await createBackup(elsewhere)));

    const result = await restoreBackup(later, database, { mode: 'merge' });

    expect((await database.clips.get(draft.id))!.deletedAt).toBeDefined();
    expect(result.clips).toEqual({ added: 0, updated: 1, kept: 0, removed: 0 });
  });

  it('takes an edit made in another browser before the undo, later than the draft’s own time', async () => {
    const draft = await addDraft(database, { title: 'Avant' });
    // The other browser has the draft and edits it at 08:00 (its backup: the edit's time).
    const elsewhere = anotherDatabase();
    await restoreBackup(mustParse(serializeBackup(await createBackup(database))), elsewhere);
    await updateDraft(
      draft.id,
      { title: 'Corrigé ailleurs' },
      elsewhere,
      steppingClock('2027-04-01T08:00:00.000Z'),
    );
    const theirs = mustParse(serializeBackup(await createBackup(elsewhere)));
    // Here, at 09:00, a trash and its undo: the draft back as it was, at its earlier time.
    const clock = steppingClock('2027-04-01T09:00:00.000Z');
    await undo(await trashDraft(draft.id, database, clock), database, clock);

    const result = await restoreBackup(theirs, database, { mode: 'merge' });

    // Newer work, not the version the undo took back: taken (it was kept, and lost).
    expect((await database.clips.get(draft.id))!.title).toBe('Corrigé ailleurs');
    expect(result.clips).toEqual({ added: 0, updated: 1, kept: 0, removed: 0 });
  });

  it('leaves out each version a repeated trash and undo took back', async () => {
    const clock = steppingClock('2027-04-01T08:00:00.000Z');
    const draft = await addDraft(database, { title: 'Gardé' });
    const first = await trashDraft(draft.id, database, clock);
    const backupOfFirst = mustParse(serializeBackup(await createBackup(database)));
    await undo(first, database, clock);
    const second = await trashDraft(draft.id, database, clock);
    const backupOfSecond = mustParse(serializeBackup(await createBackup(database)));
    await undo(second, database, clock);

    await restoreBackup(backupOfSecond, database, { mode: 'merge' });
    await restoreBackup(backupOfFirst, database, { mode: 'merge' });

    expect((await database.clips.get(draft.id))!.deletedAt).toBeUndefined();
  });

  it('keeps the draft, with no copy, for a backup made after the undo', async () => {
    const clock = steppingClock('2027-04-01T08:00:00.000Z');
    const draft = await addDraft(database, { title: 'Gardé' });
    await undo(await trashDraft(draft.id, database, clock), database, clock);
    const undone = (await database.clips.get(draft.id))!;
    const backup = mustParse(serializeBackup(await createBackup(database)));

    const result = await restoreBackup(backup, database, { mode: 'merge' });

    expect(await database.clips.get(draft.id)).toEqual(undone);
    expect(result.copied).toBe(0);
    expect(result.clips).toEqual({ added: 0, updated: 0, kept: 1, removed: 0 });
  });
});

describe('restoreBackup, replace', () => {
  it('deletes every draft and issue here, then writes the backup’s', async () => {
    const source = anotherDatabase();
    await seedDesk(source);
    const backup = mustParse(serializeBackup(await createBackup(source)));
    const onlyHere = await addDraft(database, { title: 'Seulement ici' });
    await createIssue({ title: 'Numéro local', date: '2027-01-01' }, database);

    const result = await restoreBackup(backup, database, { mode: 'replace' });

    expect(await snapshot(database)).toEqual(await snapshot(source));
    expect(await database.clips.get(onlyHere.id)).toBeUndefined();
    expect(result.clips).toEqual({ added: 4, updated: 0, kept: 0, removed: 1 });
    expect(result.issues).toEqual({ added: 2, updated: 0, kept: 0, removed: 1 });
  });

  it('replaces a newer local record too (that is what the confirmation is for)', async () => {
    const { quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    await updateDraft(
      quoted.id,
      { note: 'plus récent' },
      database,
      () => '2027-04-01T00:00:00.000Z',
    );

    await restoreBackup(backup, database, { mode: 'replace' });

    expect((await database.clips.get(quoted.id))?.note).toBe('Appeler le service de presse');
  });
  it('leaves everything as it was when a replace fails midway', async () => {
    await seedDesk(database);
    const before = await snapshot(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    backup.clips.push({ ...backup.clips[0]!, id: 'new-draft', note: (() => 'x') as never });

    await expect(restoreBackup(backup, database, { mode: 'replace' })).rejects.toThrow();

    expect(await snapshot(database)).toEqual(before);
  });
});

describe('restoreBackup on the shared desk', () => {
  /** Turns the shared desk on, as a sync leaves it: every local write is queued from then on. */
  const deskOn = (db: IndiscretsDB) => db.syncState.put({ ...SYNC_OFF, enabled: true });

  it('refuses to replace everything: nothing deleted, nothing rewritten, nothing queued for the newsroom', async () => {
    const { quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    // A colleague's draft the backup does not have, and a later edit the backup predates.
    await addDraft(database, { title: 'Le brouillon d’une collègue' });
    await updateDraft(
      quoted.id,
      { note: 'plus récent' },
      database,
      () => '2027-04-01T00:00:00.000Z',
    );
    await deskOn(database);
    const before = await snapshot(database);

    const refused = restoreBackup(backup, database, { mode: 'replace' });

    await expect(refused).rejects.toBeInstanceOf(ReplaceOnSharedDeskError);
    await expect(refused).rejects.toMatchObject({ reason: 'on' });

    expect(await snapshot(database)).toEqual(before);
    expect(await database.outbox.count()).toBe(0);
  });

  it('still merges there: an older backup changes nothing and queues nothing', async () => {
    const { quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    await updateDraft(
      quoted.id,
      { note: 'plus récent' },
      database,
      () => '2027-04-01T00:00:00.000Z',
    );
    await deskOn(database);
    const before = await snapshot(database);

    const result = await restoreBackup(backup, database, { mode: 'merge' });

    expect(result.clips.added + result.clips.updated).toBe(0);
    expect(await snapshot(database)).toEqual(before);
    expect(await database.outbox.count()).toBe(0);
  });

  it('refuses it too with the desk off while this browser keeps its records for a rejoin, which would send the same', async () => {
    const { quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    await addDraft(database, { title: 'Le brouillon d’une collègue' });
    // Left: off, the sync records kept (the rejoin trashes there what is deleted here).
    await database.syncState.put({
      ...SYNC_OFF,
      siteUrl: 'https://redaction.test',
      username: 'redac',
    });
    await database.syncRecords.put({
      key: `draft:${quoted.id}`,
      kind: 'draft',
      recordId: quoted.id,
      remoteId: 7,
      version: 2,
      modifiedGmt: '2027-03-10T08:00:00',
      base: {},
    });
    const before = await snapshot(database);

    const refused = restoreBackup(backup, database, { mode: 'replace' });

    await expect(refused).rejects.toBeInstanceOf(ReplaceOnSharedDeskError);
    await expect(refused).rejects.toMatchObject({ reason: 'kept' });
    expect(await snapshot(database)).toEqual(before);
  });

  it('replaces everything after leaving when the editor agreed to forget the desk: the sync records and their state go in the same transaction', async () => {
    const { quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    const colleague = await addDraft(database, { title: 'Le brouillon d’une collègue' });
    await updateDraft(
      quoted.id,
      { note: 'plus récent' },
      database,
      () => '2027-04-01T00:00:00.000Z',
    );
    // Left: off, the sync records kept, and the account and cursors a rejoin would start from.
    await database.syncState.put({
      ...SYNC_OFF,
      siteUrl: 'https://redaction.test',
      username: 'redac',
      cursors: { drafts: '2027-03-10T08:00:00', issues: '2027-03-10T08:00:00' },
    });
    await database.syncRecords.bulkPut(
      [quoted.id, colleague.id].map((id, i) => ({
        key: `draft:${id}`,
        kind: 'draft' as const,
        recordId: id,
        remoteId: 7 + i,
        version: 2,
        modifiedGmt: '2027-03-10T08:00:00',
        base: {},
      })),
    );

    const result = await restoreBackup(backup, database, { mode: 'replace', forgetDesk: true });

    expect(result.clips.removed).toBe(5);
    expect(await database.clips.get(colleague.id)).toBeUndefined();
    const restored = await database.clips.get(quoted.id);
    expect(restored?.note).toBe('Appeler le service de presse');
    // Nothing left for a rejoin to send as a trash of the colleague's draft or as an edit of the
    // older text: the next join is a first one, from no account and no cursor.
    expect(await database.syncRecords.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
    expect(await database.syncState.get('desk')).toEqual(SYNC_OFF);
  });

  it('forgets, when it forgets the desk, every table the sync engine forgets: none left for a rejoin to send', async () => {
    await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    // Every table but the records and the sync's state, one row each: what goes is derived from
    // the engine (another account), not listed here again.
    const others = database.tables
      .map((table) => table.name)
      .filter((name) => !['clips', 'issues', 'syncState'].includes(name));
    const fill = async () => {
      for (const name of others) {
        const table = database.table(name);
        const { keyPath, auto } = table.schema.primKey;
        await table.put(auto ? {} : { [keyPath as string]: `${name}:left` });
      }
    };
    const emptied = async () => {
      const empty: string[] = [];
      for (const name of others) if ((await database.table(name).count()) === 0) empty.push(name);
      return empty;
    };
    await fill();
    const engine = new SyncEngine({ db: database, settings: async () => undefined });
    await (engine as unknown as { core: SyncCore }).core.membership.forget();
    const forgotten = await emptied();
    expect(forgotten).toContain('syncRecords');
    await fill();
    await database.syncState.put({
      ...SYNC_OFF,
      siteUrl: 'https://redaction.test',
      username: 'redac',
    });

    await restoreBackup(backup, database, { mode: 'replace', forgetDesk: true });

    expect(await emptied()).toEqual(forgotten);
  });

  it('never forgets a desk that is on: asked to, the replace is refused all the same', async () => {
    await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    await addDraft(database, { title: 'Le brouillon d’une collègue' });
    await deskOn(database);
    await database.syncRecords.put({
      key: 'draft:x',
      kind: 'draft',
      recordId: 'x',
      remoteId: 7,
      version: 2,
      modifiedGmt: '2027-03-10T08:00:00',
      base: {},
    });
    const before = await snapshot(database);

    const refused = restoreBackup(backup, database, { mode: 'replace', forgetDesk: true });

    await expect(refused).rejects.toMatchObject({ reason: 'on' });
    expect(await snapshot(database)).toEqual(before);
    expect(await database.syncRecords.count()).toBe(1);
    expect((await database.syncState.get('desk'))?.enabled).toBe(true);
  });

  it('leaves the desk’s records as they were when a replace that forgets it fails midway', async () => {
    await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    backup.clips.push({ ...backup.clips[0]!, id: 'new-draft', note: (() => 'x') as never });
    const left = { ...SYNC_OFF, siteUrl: 'https://redaction.test', username: 'redac' };
    await database.syncState.put(left);
    await database.syncRecords.put({
      key: 'draft:x',
      kind: 'draft',
      recordId: 'x',
      remoteId: 7,
      version: 2,
      modifiedGmt: '2027-03-10T08:00:00',
      base: {},
    });
    const before = await snapshot(database);

    await expect(
      restoreBackup(backup, database, { mode: 'replace', forgetDesk: true }),
    ).rejects.toThrow();

    expect(await snapshot(database)).toEqual(before);
    expect(await database.syncRecords.count()).toBe(1);
    expect(await database.syncState.get('desk')).toEqual(left);
  });

  it('replaces everything again once the desk is off', async () => {
    const { quoted } = await seedDesk(database);
    const backup = mustParse(serializeBackup(await createBackup(database)));
    await updateDraft(
      quoted.id,
      { note: 'plus récent' },
      database,
      () => '2027-04-01T00:00:00.000Z',
    );
    await database.syncState.put({ ...SYNC_OFF });

    await restoreBackup(backup, database, { mode: 'replace' });

    expect((await database.clips.get(quoted.id))?.note).toBe('Appeler le service de presse');
  });
});

describe('restoreBackup and the revisions open views have seen', () => {
  // A view ignores a record whose `rev` is below the last it saw (an older live-query answer):
  // a restored record must come with a higher one, or the view would miss the restore and its
  // next keystroke would write over it.
  for (const mode of ['merge', 'replace'] as const) {
    it(`gives a restored record a revision above this browser's (${mode})`, async () => {
      const draft = await addDraft(database, {
        title: 'Sauvegardé',
        createdAt: '2027-01-01T00:00:00.000Z',
        updatedAt: '2027-01-01T00:00:00.000Z',
      });
      const issue = await createIssue(
        { title: 'Numéro', date: '2027-01-01' },
        database,
        () => '2027-01-01T00:00:00.000Z',
      );
      const backup = mustParse(serializeBackup(await createBackup(database)));
      // Edited many times here since the backup, with older stamps: the backup wins a merge.
      for (let i = 0; i < 5; i += 1) {
        await updateDraft(draft.id, { note: `n${i}` }, database, () => '2026-01-01T00:00:00.000Z');
        await updateIssue(issue.id, { intro: `i${i}` }, database, () => '2026-01-01T00:00:00.000Z');
      }
      const seenDraft = (await database.clips.get(draft.id))!.rev!;
      const seenIssue = (await database.issues.get(issue.id))!.rev!;
      expect(backup.clips[0]!.rev ?? 0).toBeLessThan(seenDraft);

      await restoreBackup(backup, database, { mode });

      const restoredDraft = (await database.clips.get(draft.id))!;
      const restoredIssue = (await database.issues.get(issue.id))!;
      expect(restoredDraft.note).toBe(backup.clips[0]!.note);
      expect(restoredIssue.intro).toBe('');
      expect(restoredDraft.rev).toBeGreaterThan(seenDraft);
      expect(restoredIssue.rev).toBeGreaterThan(seenIssue);
    });
  }

  it('keeps the backup’s revision for a record this browser does not have', async () => {
    const source = anotherDatabase();
    const draft = await addDraft(source, { title: 'Ailleurs' });
    await updateDraft(draft.id, { note: 'deux' }, source);
    const backup = mustParse(serializeBackup(await createBackup(source)));

    await restoreBackup(backup, database);

    expect((await database.clips.get(draft.id))?.rev).toBe((await source.clips.get(draft.id))?.rev);
  });

  // A file anyone can write may hold a revision that `nextRev` cannot count on from (it starts
  // again at 1): the views would then miss every later write of the record.
  for (const rev of ['2.5', '1e300', '9007199254740993', '-3']) {
    it(`counts a restored record's revisions afresh when the file's is no count (${rev})`, async () => {
      const file =
        '{"format":"indiscrets-backup","version":1,"schemaVersion":5,"issues":[],"clips":[' +
        `{"id":"d1","url":"https://a.test/","title":"T","createdAt":"2021-03-15T08:00:00.000Z","rev":${rev}}]}`;

      await restoreBackup(mustParse(file), database);
      const restored = (await database.clips.get('d1'))!.rev;
      await updateDraft('d1', { note: 'écrit après' }, database);

      expect(restored).toBeUndefined();
      expect((await database.clips.get('d1'))!.rev).toBe(1);
    });
  }
});

/** A backup file as loose JSON, to break it in every way a file can be broken. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FileJson = Record<string, any>;

describe('parseBackup, long texts', () => {
  it('reads a draft whose title is longer than the editor’s field takes, whole: nothing of a backup is lost', async () => {
    // What froze the popup (2,000,000 characters without a space) is now cut in its row only.
    const database = new IndiscretsDB(`long-${crypto.randomUUID()}`);
    await seedDesk(database);
    const backup = await createBackup(database);
    backup.clips[0]!.title = 'T'.repeat(2_000_000);
    const parsed = parseBackup(serializeBackup(backup));

    expect(parsed.ok && parsed.backup.clips[0]!.title.length).toBe(2_000_000);
  });
});

describe('parseBackup, malformed files', () => {
  /** A valid backup's JSON, changed by `edit`. */
  async function fileWith(edit: (json: FileJson) => void): Promise<string> {
    const source = anotherDatabase();
    await seedDesk(source);
    const json = JSON.parse(serializeBackup(await createBackup(source)));
    edit(json);
    return JSON.stringify(json);
  }

  const cases: Array<[string, (json: FileJson) => void, BackupError]> = [
    ['a file of another format', (j) => (j.format = 'issue-export'), { code: 'not-backup' }],
    ['a version that is not a number', (j) => (j.version = '1'), { code: 'invalid-version' }],
    ['a newer version', (j) => (j.version = 2), { code: 'newer-version', version: 2 }],
    ['no list of drafts', (j) => delete j.clips, { code: 'missing-list', list: 'clips' }],
    ['drafts that are not a list', (j) => (j.clips = {}), { code: 'missing-list', list: 'clips' }],
    ['no list of issues', (j) => delete j.issues, { code: 'missing-list', list: 'issues' }],
    [
      'a draft that is not an object',
      (j) => (j.clips[1] = 'brouillon'),
      { code: 'invalid-record', list: 'clips', index: 1 },
    ],
    [
      'a draft without id',
      (j) => delete j.clips[2].id,
      { code: 'missing-field', list: 'clips', index: 2, field: 'id' },
    ],
    [
      'a draft without url',
      (j) => delete j.clips[0].url,
      { code: 'missing-field', list: 'clips', index: 0, field: 'url' },
    ],
    [
      'a draft without title',
      (j) => delete j.clips[3].title,
      { code: 'missing-field', list: 'clips', index: 3, field: 'title' },
    ],
    [
      'a draft without createdAt',
      (j) => delete j.clips[1].createdAt,
      { code: 'missing-field', list: 'clips', index: 1, field: 'createdAt' },
    ],
    [
      'a draft whose label is not text',
      (j) => (j.clips[0].label = 7),
      { code: 'invalid-field', list: 'clips', index: 0, field: 'label' },
    ],
    [
      'a draft with a numeric title',
      (j) => (j.clips[0].title = 42),
      { code: 'invalid-field', list: 'clips', index: 0, field: 'title' },
    ],
    [
      'a draft with an unreadable date',
      (j) => (j.clips[0].createdAt = 'hier'),
      { code: 'invalid-field', list: 'clips', index: 0, field: 'createdAt' },
    ],
    [
      // Date.parse('1') is 1 January 2001: "a date" only to a lenient parser.
      'a draft whose date is a bare number',
      (j) => (j.clips[0].createdAt = '1'),
      { code: 'invalid-field', list: 'clips', index: 0, field: 'createdAt' },
    ],
    [
      'an issue whose update date is a day without a time',
      (j) => (j.issues[0].updatedAt = '2021-03-15'),
      { code: 'invalid-field', list: 'issues', index: 0, field: 'updatedAt' },
    ],
    [
      'a draft with tags that are not a list',
      (j) => (j.clips[0].tags = 'tech'),
      { code: 'invalid-field', list: 'clips', index: 0, field: 'tags' },
    ],
    [
      'a draft with an unknown status',
      (j) => (j.clips[0].status = 'published'),
      { code: 'invalid-field', list: 'clips', index: 0, field: 'status' },
    ],
    [
      'a quote without text',
      (j) => (j.clips[0].quotes = [{ html: '', clippedAt: '2027-03-01T00:00:00Z' }]),
      { code: 'invalid-field', list: 'clips', index: 0, field: 'quotes[0].text' },
    ],
    [
      'a source with a numeric url',
      (j) => (j.clips[0].sources[0].url = 7),
      { code: 'invalid-field', list: 'clips', index: 0, field: 'sources[0].url' },
    ],
    [
      'an issue without date',
      (j) => delete j.issues[1].date,
      { code: 'missing-field', list: 'issues', index: 1, field: 'date' },
    ],
    [
      'an issue with an impossible date',
      (j) => (j.issues[0].date = '2027-02-30'),
      { code: 'invalid-field', list: 'issues', index: 0, field: 'date' },
    ],
    [
      'an issue with a negative budget',
      (j) => (j.issues[0].lengthBudget = -5),
      { code: 'invalid-field', list: 'issues', index: 0, field: 'lengthBudget' },
    ],
    [
      'a published issue without its post id',
      (j) => delete j.issues.find((i: Issue) => i.wordpress).wordpress.postId,
      { code: 'invalid-field', list: 'issues', field: 'wordpress.postId' },
    ],
    [
      'two drafts with one id',
      (j) => (j.clips[2].id = j.clips[0].id),
      { code: 'duplicate-id', list: 'clips', index: 2 },
    ],
    [
      'a language setting it does not know',
      (j) => (j.settings.uiLocale = 'de'),
      { code: 'invalid-field', list: 'settings', field: 'uiLocale' },
    ],
    [
      'a keyboard setting that is not true or false',
      (j) => (j.settings.characterKeys = 'non'),
      { code: 'invalid-field', list: 'settings', field: 'characterKeys' },
    ],
  ];

  it.each(cases)(
    'refuses %s, and the database is left untouched',
    async (_name, edit, expected) => {
      const text = await fileWith(edit);
      await seedDesk(database);
      const before = await snapshot(database);

      const outcome = await restoreText(text, database);

      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.error).toMatchObject(expected);
      expect(await snapshot(database)).toEqual(before);
    },
  );

  it.each([
    ['text that is not JSON', 'Les indiscrets du 15 mars'],
    ['a truncated file', '{"format": "indiscrets-backup", "version": 1, "clips": ['],
  ])('refuses %s as not JSON', (_name, text) => {
    expect(parseBackup(text)).toEqual({ ok: false, error: { code: 'not-json' } });
  });

  it.each([
    ['an empty file', ''],
    ['a file of spaces and lines', ' \n\t\n'],
    ['a file holding only a byte order mark', '\uFEFF'],
  ])('refuses %s as empty', (_name, text) => {
    expect(parseBackup(text)).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it.each([['null'], ['[]'], ['"indiscrets-backup"'], ['{"clips": []}']])(
    'refuses the JSON %s as not a backup',
    (text) => {
      expect(parseBackup(text)).toEqual({ ok: false, error: { code: 'not-backup' } });
    },
  );

  it('names the bad record by its id and title', async () => {
    const text = await fileWith((j) => (j.clips[1].status = 'perdu'));
    const parsed = parseBackup(text);

    expect(parsed.ok).toBe(false);
    const error = !parsed.ok ? parsed.error : undefined;
    expect(error?.id).toEqual(expect.any(String));
    expect(error?.title).toEqual(expect.any(String));
  });
});

describe('older backups', () => {
  const v1 = {
    format: 'indiscrets-backup',
    version: 1,
    exportedAt: '2021-03-16T08:00:00.000Z',
    schemaVersion: 1,
    clips: [
      {
        id: 'quoted',
        url: 'https://www.bloomberg.com/news/ovh-ipo',
        title: 'OVH Weighs IPO',
        siteName: 'Bloomberg',
        quotes: [{ text: "L'été d'OVH", html: '', clippedAt: '2021-03-15T08:01:00.000Z' }],
        provenance: { title: 'og:title' },
        createdAt: '2021-03-15T08:00:00.000Z',
        updatedAt: '2021-03-15T08:01:00.000Z',
      },
      {
        id: 'bare',
        url: 'https://a.test/1',
        title: 'Été chaud',
        createdAt: '2021-03-15T09:00:00.000Z',
      },
    ],
  };

  it('restores drafts without the version-2 fields, with the defaults the upgrade gives', async () => {
    const result = await restoreText(JSON.stringify(v1), database);

    expect(result).toMatchObject({ ok: true, result: { clips: { added: 2 } } });
    expect(await database.clips.get('quoted')).toMatchObject({
      body:
        '<p>«\u00a0L&#39;été d&#39;OVH\u00a0» ' +
        '(<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
      sources: [
        {
          url: 'https://www.bloomberg.com/news/ovh-ipo',
          title: 'OVH Weighs IPO',
          siteName: 'Bloomberg',
        },
      ],
      note: '',
      tags: [],
      status: 'draft',
      issueId: '',
      sortKey: '',
      updatedAt: '2021-03-15T08:01:00.000Z',
      sourceUrls: ['https://bloomberg.com/news/ovh-ipo'],
    });
    expect(await database.clips.get('bare')).toMatchObject({
      quotes: [],
      provenance: {},
      updatedAt: '2021-03-15T09:00:00.000Z',
      sources: [{ url: 'https://a.test/1', title: 'Été chaud' }],
    });
  });

  it('marks the restored quote of a page in English with its language, as the upgrade does', async () => {
    const english = {
      ...v1.clips[0]!,
      id: 'english',
      lang: 'en',
      quotes: [{ text: 'Why it matters', html: '', clippedAt: '2021-03-15T08:01:00.000Z' }],
    };
    await restoreText(JSON.stringify({ ...v1, clips: [english] }), database);

    expect((await database.clips.get('english'))?.body).toBe(
      '<p>«\u00a0<span lang="en">Why it matters</span>\u00a0» ' +
        '(<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
    );
  });

  it('puts the restored drafts in the inbox, found by search', async () => {
    await restoreText(JSON.stringify(v1), database);

    const inbox = await database.clips.where('issueId').equals('').primaryKeys();
    const byWord = await database.clips.where('words').startsWith('ete').primaryKeys();
    expect(inbox.sort()).toEqual(['bare', 'quoted']);
    expect(byWord.sort()).toEqual(['bare', 'quoted']);
  });

  it('fills the defaults of issues that lack optional fields', () => {
    const backup = mustParse(
      JSON.stringify({
        ...v1,
        schemaVersion: 2,
        issues: [
          {
            id: 'i',
            title: 'Les indiscrets du 15 mars',
            date: '2021-03-15',
            createdAt: '2021-03-14T08:00:00Z',
          },
        ],
      }),
    );

    expect(backup.issues[0]).toEqual({
      id: 'i',
      title: 'Les indiscrets du 15 mars',
      date: '2021-03-15',
      createdAt: '2021-03-14T08:00:00Z',
      updatedAt: '2021-03-14T08:00:00Z',
      intro: '',
      status: 'open',
    });
  });

  it('ignores words and sourceUrls found in a file, and recomputes them', async () => {
    const file = structuredClone(v1) as typeof v1 & { clips: Array<Record<string, unknown>> };
    file.clips[1]!.words = ['faux'];
    file.clips[1]!.sourceUrls = ['https://faux.test'];

    await restoreText(JSON.stringify(file), database);

    const bare = (await database.clips.get('bare')) as Draft;
    expect(bare.words).not.toContain('faux');
    expect(bare.sourceUrls).toEqual(['https://a.test/1']);
  });
});

describe('settings', () => {
  async function backupWithSettings(): Promise<Backup> {
    await houseStyleItem.setValue({ titlePattern: 'Indiscrets, {date}' });
    await draftTemplate.setValue('<p>{title}</p>');
    await uiLocale.setValue('en');
    await characterKeys.setValue(false);
    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr',
      username: 'redaction',
      category: 'Coulisses',
      status: 'pending',
    });
    const issue = await createIssue({ title: 'N', date: '2027-03-15' }, database);
    await currentIssueId.setValue(issue.id);
    const backup = await createBackup(database);
    fakeBrowser.reset();
    return backup;
  }

  it('are returned by a restore only when asked for', async () => {
    const backup = await backupWithSettings();
    const target = anotherDatabase();

    const without = await restoreBackup(backup, target, { mode: 'merge' });
    const withThem = await restoreBackup(backup, target, { mode: 'merge', settings: true });

    expect(without.settings).toBeUndefined();
    expect(withThem.settings).toEqual(backup.settings);
    // Returning them wrote nothing: applying them is the caller's choice.
    expect(await uiLocale.getValue()).toBe('auto');
  });

  it('are applied with the storage items, and the WordPress password is left as it was', async () => {
    const backup = await backupWithSettings();
    await wordpressPasswordItem.setValue(PASSWORD);
    const parsed = mustParse(
      JSON.stringify({
        ...backup,
        settings: {
          ...backup.settings,
          wordpress: { ...backup.settings.wordpress, appPassword: 'volé' },
        },
      }),
    );

    const applied = await applyBackupSettings(parsed.settings, database);

    expect(applied.sort()).toEqual(
      [
        'characterKeys',
        'currentIssueId',
        'draftTemplate',
        'houseStyle',
        'uiLocale',
        'wordpress',
        // No site here before: the moves noted from the restored one are to be forgotten.
        'wordpressSiteLeft',
      ].sort(),
    );
    expect(await characterKeys.getValue()).toBe(false);
    expect(await houseStyleItem.getValue()).toEqual({ titlePattern: 'Indiscrets, {date}' });
    expect(await draftTemplate.getValue()).toBe('<p>{title}</p>');
    expect(await uiLocale.getValue()).toBe('en');
    expect(await wordpressItem.getValue()).toEqual(backup.settings.wordpress);
    expect(await currentIssueId.getValue()).toBe(backup.settings.currentIssueId);
    expect(await wordpressPasswordItem.getValue()).toBe(PASSWORD);
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain('volé');
  });

  it('keep the WordPress account set up here over a colleague’s, and apply the rest', async () => {
    // A colleague's backup names their user: with this browser's password, publishing and the
    // shared desk would be refused (401) — the QA pass found the editor left to discover it.
    const backup = await backupWithSettings();
    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    await wordpressPasswordItem.setValue(PASSWORD);

    const applied = await applyBackupSettings(backup.settings, database);

    expect(applied).toContain('wordpressAccountKept');
    expect(await wordpressItem.getValue()).toEqual({
      siteUrl: 'https://monsite.fr',
      username: 'redac',
      category: 'Coulisses',
      status: 'pending',
    });
  });

  it('write the backup’s WordPress account where none is set up here, or the same one', async () => {
    const backup = await backupWithSettings();
    // No password here: the editor is setting this browser up from the backup.
    await wordpressItem.setValue({ ...backup.settings.wordpress!, username: 'redac' });

    const first = await applyBackupSettings(backup.settings, database);
    await wordpressPasswordItem.setValue(PASSWORD);
    const again = await applyBackupSettings(backup.settings, database);

    expect(first).not.toContain('wordpressAccountKept');
    expect(again).not.toContain('wordpressAccountKept');
    expect(await wordpressItem.getValue()).toEqual(backup.settings.wordpress);
  });

  it('leave the address named here for the background, written with the backup’s, as the options’ change does', async () => {
    // Restored into a browser with no password: the backup's site replaces this one's, whose
    // permission is to be given back (services/site-leave.ts) and the move asked.
    const backup = await backupWithSettings();
    await wordpressItem.setValue({ ...backup.settings.wordpress!, siteUrl: 'https://ancien.fr' });
    const writes: string[][] = [];
    const listen = (changes: Record<string, unknown>) => writes.push(Object.keys(changes).sort());
    fakeBrowser.storage.local.onChanged.addListener(listen);

    const applied = await applyBackupSettings(backup.settings, database);

    fakeBrowser.storage.local.onChanged.removeListener(listen);
    expect(applied).toContain('wordpressSiteLeft');
    expect(await siteLeaves.getValue()).toEqual([
      { from: 'https://ancien.fr', to: 'https://monsite.fr', at: expect.any(String) },
    ]);
    // One write: no moment names the new address without the old one to give back.
    expect(writes).toContainEqual(['siteLeaves', 'wordpress']);
  });

  it('leave no address when the backup names the same site, or this browser keeps its account', async () => {
    const backup = await backupWithSettings();
    await wordpressItem.setValue({ ...backup.settings.wordpress!, category: 'Autre' });

    const same = await applyBackupSettings(backup.settings, database);
    await wordpressItem.setValue({ ...backup.settings.wordpress!, siteUrl: 'https://ici.fr' });
    await wordpressPasswordItem.setValue(PASSWORD);
    const kept = await applyBackupSettings(backup.settings, database);

    expect(same).not.toContain('wordpressSiteLeft');
    expect(kept).not.toContain('wordpressSiteLeft');
    expect(await siteLeaves.getValue()).toEqual([]);
  });

  it('name the restored site while this browser is not allowed to reach it', async () => {
    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr/blog',
      username: 'redaction',
      category: 'Indiscrets',
      status: 'draft',
    });
    const asked: string[] = [];
    const allowed = (yes: boolean) => async (origin: string) => (asked.push(origin), yes);

    expect(await restoredSiteToAllow(allowed(false))).toBe('https://monsite.fr/blog');
    expect(await restoredSiteToAllow(allowed(true))).toBeUndefined();
    expect(asked).toEqual(['https://monsite.fr/*', 'https://monsite.fr/*']);
    await wordpressItem.setValue({ ...(await wordpressItem.getValue()), siteUrl: '' });
    expect(await restoredSiteToAllow(allowed(false))).toBeUndefined();
  });

  it('do not make current an issue that does not exist here', async () => {
    const backup = await backupWithSettings();
    const target = anotherDatabase();

    await applyBackupSettings(backup.settings, target);

    expect(await currentIssueId.getValue()).toBeNull();
    expect(await draftTemplate.getValue()).toBe('<p>{title}</p>');
  });

  it('a current issue replaced away is forgotten', async () => {
    const issue = await createIssue({ title: 'N', date: '2027-03-15' }, database);
    await currentIssueId.setValue(issue.id);
    const empty = mustParse(serializeBackup(await createBackup(anotherDatabase())));

    await restoreBackup(empty, database, { mode: 'replace' });

    expect(await forgetMissingCurrentIssue(database)).toBe(true);
    expect(await currentIssueId.getValue()).toBeNull();
  });

  it('of the default template restore as the default template', async () => {
    const backup = await createBackup(database);
    expect(backup.settings.draftTemplate).toBe(DEFAULT_DRAFT_TEMPLATE);
  });
});

describe('messages', () => {
  it('say in French which problem, and which record', () => {
    expect(
      describeBackupError({
        code: 'missing-field',
        list: 'clips',
        index: 2,
        id: 'x',
        title: 'OVH envisage une introduction en Bourse',
        field: 'createdAt',
      }),
    ).toBe(
      'Le brouillon n°\u00a03 de la sauvegarde («\u00a0OVH envisage une introduction en Bourse\u00a0») ' +
        'n’a pas de champ «\u00a0date de création\u00a0» (createdAt).',
    );
    expect(
      describeBackupError({ code: 'invalid-field', list: 'issues', index: 0, field: 'date' }),
    ).toBe('Le numéro n°\u00a01 de la sauvegarde a un champ «\u00a0date\u00a0» invalide.');
    expect(describeBackupError({ code: 'newer-version', version: 3 })).toBe(
      'Cette sauvegarde vient d’une version plus récente d’Indiscrets (format 3)\u00a0: ' +
        'mettez l’extension à jour pour la restaurer.',
    );
    expect(describeBackupError({ code: 'missing-list', list: 'issues' })).toBe(
      'La sauvegarde est incomplète\u00a0: la liste des numéros manque.',
    );
    // A format's number is named as the file writes it, not as a quantity (« 12 345 »).
    expect(describeBackupError({ code: 'newer-version', version: 12345 })).toContain(
      '(format 12345)',
    );
  });

  it('shortens a long title as the desk does: at a word, no comma before « … », no aside left open', () => {
    const named = (title: string) =>
      describeBackupError({ code: 'missing-field', list: 'clips', index: 0, title, field: 'url' });
    expect(
      named('OVH envisage une introduction en Bourse dès cet automne (selon nos informations)'),
    ).toContain('(«\u00a0OVH envisage une introduction en Bourse dès cet automne…\u00a0»)');
    expect(
      named('OVH envisage une introduction en Bourse pour cet automne, sans doute en octobre'),
    ).toContain('(«\u00a0OVH envisage une introduction en Bourse pour cet automne…\u00a0»)');
  });

  it('quote a field named by its path alone as each language quotes', () => {
    // A setting, or a field without a label of its own: « houseStyle.locale » with no-break
    // spaces in French (the mark never alone at a line's start), “houseStyle.locale” in English.
    const setting = {
      code: 'invalid-field',
      list: 'settings',
      field: 'houseStyle.locale',
    } as const;
    const unlabelled = {
      code: 'missing-field',
      list: 'clips',
      index: 0,
      field: 'provenance',
    } as const;
    expect(describeBackupError(setting)).toBe(
      'Le réglage «\u00a0houseStyle.locale\u00a0» de la sauvegarde est invalide.',
    );
    expect(describeBackupError(unlabelled)).toContain('champ «\u00a0provenance\u00a0»');
    setLocale('en');
    try {
      expect(describeBackupError(setting)).toBe(
        'The “houseStyle.locale” setting of the backup is invalid.',
      );
      expect(describeBackupError(unlabelled)).toBe(
        'Draft no. 1 of the backup has no “provenance” field.',
      );
      // A label that is its own key is not repeated: “quotes” (quotes) said the word twice.
      expect(
        describeBackupError({ code: 'invalid-field', list: 'clips', index: 0, field: 'quotes' }),
      ).toBe('Draft no. 1 of the backup has an invalid “quotes” field.');
      expect(
        describeBackupError({ code: 'missing-field', list: 'clips', index: 0, field: 'createdAt' }),
      ).toBe('Draft no. 1 of the backup has no “creation date” (createdAt) field.');
    } finally {
      setLocale('fr');
    }
  });

  it('say when a backup was made with the time as the publish line writes it, « 7 h 58 » in French', () => {
    // Local times, as the editor's clock shows them: the file says when in UTC.
    const made = new Date(2026, 11, 4, 7, 58).toISOString();
    const sameYear = new Date(2026, 11, 20);
    expect(backupMadeOn(made, sameYear)).toBe('Sauvegarde du 4\u00a0décembre à 7\u00a0h\u00a058');
    expect(backupMadeOn(made, new Date(2027, 2, 15))).toBe(
      'Sauvegarde du 4\u00a0décembre\u00a02026 à 7\u00a0h\u00a058',
    );
    setLocale('en');
    try {
      expect(backupMadeOn(made, sameYear)).toBe('Backup of 4\u00a0December at 7:58');
    } finally {
      setLocale('fr');
    }
  });

  it('say that this browser kept its WordPress account, and whose the backup named', () => {
    const none = { added: 0, updated: 0, kept: 0, removed: 0 };
    const result = {
      mode: 'merge',
      clips: none,
      issues: none,
      movedToInbox: 0,
      copied: 0,
      accountKept: 'pigiste',
    } as const;

    expect(describeRestore(result, true)).toContain(
      'Réglages restaurés, sauf le compte WordPress de la sauvegarde («\u00a0pigiste\u00a0»)\u00a0: ' +
        'ce navigateur garde le sien, avec son mot de passe.',
    );
    expect(describeRestore(result, true)).not.toContain('le mot de passe WordPress n’a pas changé');
  });

  it('say how many records of the backup were added as copies', () => {
    const none = { added: 0, updated: 0, kept: 1, removed: 0 };

    const said = describeRestore(
      { mode: 'merge', clips: none, issues: none, movedToInbox: 0, copied: 2 },
      false,
    );

    expect(said).toContain(
      '2 brouillons ou numéros de la sauvegarde, modifiés au même moment qu’ici mais autrement, ont été ajoutés en copie à côté des vôtres.',
    );
  });

  it('say what a merge did, with singulars and plurals', () => {
    const counts = (added: number, updated: number, kept: number) => ({
      added,
      updated,
      kept,
      removed: 0,
    });
    expect(
      describeRestore(
        {
          mode: 'merge',
          clips: counts(12, 3, 40),
          issues: counts(1, 0, 2),
          movedToInbox: 0,
          copied: 0,
        },
        false,
      ),
    ).toBe(
      'Sauvegarde fusionnée\u00a0: 12 brouillons ajoutés, 3 mis à jour, 40 gardés\u202f; ' +
        '1 numéro ajouté, 0 mis à jour, 2 gardés. ' +
        'Gardés\u00a0: ce navigateur en avait une version aussi récente ou plus récente.',
    );
  });
});

describe('restoreBackup cleans the rich text of drafts and issues', () => {
  const HOSTILE =
    '<p>ok <script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">clic</a></p>';

  /** A backup of the seeded desk with `hostile` HTML in every rich-text field. */
  async function hostileBackup(hostile: string) {
    const { quoted, issue } = await seedDesk(database);
    const backup = await createBackup(database);
    const draft = backup.clips.find((clip) => clip.id === quoted.id)!;
    draft.body = hostile;
    draft.quotes = [{ ...draft.quotes[0]!, html: hostile }];
    backup.issues.find((record) => record.id === issue.id)!.intro = hostile;
    return { text: serializeBackup(backup), quoted, issue };
  }

  for (const mode of ['replace', 'merge'] as const) {
    it(`stores a hostile body and quote cleaned, the plain-text intro as written (${mode})`, async () => {
      const { text, quoted, issue } = await hostileBackup(HOSTILE);
      const target = anotherDatabase();

      await restoreBackup(mustParse(text), target, { mode });

      const draft = (await target.clips.get(quoted.id))!;
      expect(draft.body).toBe('<p>ok clic</p>');
      expect(draft.quotes[0]!.html).toBe('<p>ok clic</p>');
      // The chapô is plain text: its markup is words, escaped wherever it is shown.
      expect((await target.issues.get(issue.id))!.intro).toBe(HOSTILE);
      // What the inbox row, the search and the JSON export read of it.
      expect(bodyText(draft.body)).toBe('ok clic');
      expect(draft.words.join(' ')).not.toContain('alert');
    });
  }

  it('cleans a hostile record that replaces an older one in a merge', async () => {
    const { text, quoted } = await hostileBackup(HOSTILE);
    // The file's draft is newer than the one here, which it replaces.
    const file = JSON.parse(text) as { clips: Array<{ id: string; updatedAt: string }> };
    file.clips.find((clip) => clip.id === quoted.id)!.updatedAt = '2030-01-01T00:00:00.000Z';

    const result = await restoreBackup(mustParse(JSON.stringify(file)), database, {
      mode: 'merge',
    });

    expect(result.clips.updated).toBe(1);
    expect((await database.clips.get(quoted.id))!.body).toBe('<p>ok clic</p>');
  });

  for (const mode of ['replace', 'merge'] as const) {
    it(`stores an item's nested list one level deep, as the editor does, a quote's as it is (${mode})`, async () => {
      const { quoted } = await seedDesk(database);
      const backup = await createBackup(database);
      const draft = backup.clips.find((clip) => clip.id === quoted.id)!;
      const nested = '<ul><li>un<ul><li>un bis</li></ul></li><li>deux</li></ul>';
      draft.body = `<p>Liste :</p>${nested}`;
      draft.quotes = [{ ...draft.quotes[0]!, html: nested }];
      const target = anotherDatabase();

      await restoreBackup(mustParse(serializeBackup(backup)), target, { mode });

      // The item editor holds lists one level deep; the entries of the inner list are entries
      // after its own, what the editor's next keystroke would have made of it.
      const restored = (await target.clips.get(quoted.id))!;
      expect(restored.body).toBe('<p>Liste :</p><ul><li>un</li><li>un bis</li><li>deux</li></ul>');
      expect(restored.body).toBe(cleanItemHtml(draft.body));
      // A quote is a page's passage: its nested list is the page's.
      expect(restored.quotes[0]!.html).toBe(nested);
    });
  }

  it('keeps the language of a quote in an item’s text, and drops an invalid one', async () => {
    const { quoted } = await seedDesk(database);
    const backup = await createBackup(database);
    const draft = backup.clips.find((clip) => clip.id === quoted.id)!;
    const quote = '<p>Axios : « <span lang="en">Why it matters: the deal</span> »</p>';
    draft.body = `${quote}<p><span lang="x-y z">b</span></p>`;
    const target = anotherDatabase();

    await restoreBackup(mustParse(serializeBackup(backup)), target, { mode: 'replace' });

    expect((await target.clips.get(quoted.id))!.body).toBe(`${quote}<p>b</p>`);
  });

  it('gives back a quote marked with its language byte for byte, its no-break spaces too', async () => {
    const { quoted } = await seedDesk(database);
    // As the editor writes a quote (&nbsp; where a browser typed one), and as a new draft's
    // template writes it (no-break spaces as characters), in a paragraph, an entry, bold.
    const body =
      '<p>Axios&nbsp;: «&nbsp;<span lang="en">Why it matters: the deal</span>&nbsp;»</p>' +
      '<p>«\u00a0<span lang="en-GB">The <em>Guardian</em>’s\u00a0view</span>\u00a0»</p>' +
      '<ul><li><strong>«\u00a0<span lang="de">Zeitenwende</span>\u00a0»</strong> et ' +
      '<span lang="en">a <span lang="fr">cliché</span> again</span></li></ul>';
    await updateDraft(quoted.id, { body }, database);
    const text = serializeBackup(await createBackup(database));

    for (const mode of ['replace', 'merge'] as const) {
      const target = anotherDatabase();
      await restoreBackup(mustParse(text), target, { mode });

      expect((await target.clips.get(quoted.id))!.body, mode).toBe(body);
    }
  });

  it('cleans a language span the editor would not keep as it is, as the editor does', async () => {
    const { quoted } = await seedDesk(database);
    const backup = await createBackup(database);
    const draft = backup.clips.find((clip) => clip.id === quoted.id)!;
    const spans = [
      // Not in the editor's shape: the span around a paragraph, one with no text, one inside
      // the same language, a tag not written as a tag is.
      '<span lang="en"><p>a</p></span>',
      '<p>b<span lang="en">&nbsp;</span></p>',
      '<p><span lang="en">c <span lang="en">d</span></span></p>',
      '<p>«&nbsp;<span lang="EN-us">e</span>&nbsp;»</p>',
    ];
    draft.body = spans.join('');
    const target = anotherDatabase();

    await restoreBackup(mustParse(serializeBackup(backup)), target, { mode: 'replace' });

    const restored = (await target.clips.get(quoted.id))!.body;
    expect(restored).toBe(cleanItemHtml(draft.body));
    expect(restored).toBe(
      '<p>a</p><p>b </p><p><span lang="en">c d</span></p><p>« <span lang="en-US">e</span> »</p>',
    );
  });

  it('gives back a legitimate backup byte for byte: cleaning it changes nothing', async () => {
    const { quoted, issue } = await seedDesk(database);
    const body =
      '<p>L’<em>Élysée</em> &amp; <strong>Bercy</strong>&nbsp;: <a href="https://www.lemonde.fr/a?b=1&amp;c=2">le mémo</a>, <a href="mailto:redac@monjournal.fr">écrire</a>.</p><p>Ligne<br>suivante, <strong>gras</strong> et <em>italique</em> d\'antan</p><ul><li>un</li><li>deux</li></ul><ol><li>trois</li></ol>';
    const quote =
      '<blockquote><p>« Nous <q>verrons</q>, <b>gras</b> et <i>italique</i> »</p></blockquote><ol><li><code>x &lt; y</code> H<sub>2</sub>O, 1<sup>er</sup></li></ol><p><cite>Le Monde</cite></p>';
    const intro = 'Cette semaine : Bercy & l’Élysée, 3 < 4, <Orange> &amp; <i>Rédac</i>.\nSuite.';
    await updateDraft(quoted.id, { body }, database);
    await database.clips.update(quoted.id, {
      quotes: [{ text: 'Nous verrons', html: quote, clippedAt: '2027-03-09T10:00:00.000Z' }],
    });
    await updateIssue(issue.id, { intro }, database);
    const text = serializeBackup(await createBackup(database));

    for (const mode of ['replace', 'merge'] as const) {
      const target = anotherDatabase();
      await restoreBackup(mustParse(text), target, { mode });

      expect(await snapshot(target)).toEqual(await snapshot(database));
      const draft = (await target.clips.get(quoted.id))!;
      expect(draft.body).toBe(body);
      expect(draft.quotes[0]!.html).toBe(quote);
      expect((await target.issues.get(issue.id))!.intro).toBe(intro);
    }
  });
});
