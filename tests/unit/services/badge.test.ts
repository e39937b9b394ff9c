import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshBadge } from '../../../services/badge';
import { db } from '../../../storage/db';
import { addToIssue, createIssue } from '../../../storage/issues';
import { trashDraft } from '../../../storage/drafts';
import { addDraft } from '../storage/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all([db.clips.clear(), db.issues.clear()]);
});

describe('toolbar badge', () => {
  it('counts the drafts that are in no issue and not in the trash', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    const [inIssue, trashed] = [await addDraft(db), await addDraft(db)];
    await addDraft(db);
    await addDraft(db);
    await addToIssue(inIssue.id, issue.id);
    await trashDraft(trashed.id);

    const count = await refreshBadge();

    expect(count).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Indiscrets\u00a0: 2 brouillons hors numéro',
    );
  });

  it('shows nothing when the inbox is empty', async () => {
    await refreshBadge();

    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
