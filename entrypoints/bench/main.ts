// Test builds only (see filterEntrypoints in wxt.config.ts): the page `npm run bench` drives
// (bench/chromium.mjs). From here it sends clip requests to the background as the popup does,
// and, when asked, fills the extension's database with the benchmark data set so that the real
// popup and desk are measured with 10,000 drafts and a 100-item issue.
import { DESK_ISSUE, seed, seedDeskIssue } from '../../bench/seed';
import { db } from '../../storage/db';
import { updateDraft } from '../../storage/drafts';
import { currentIssueId } from '../../storage/settings';

const status = document.getElementById('status')!;

/**
 * Replaces every draft and issue with the benchmark data set; returns the number of drafts.
 * The desk's open issue holds `deskItems` items (100 for the benchmark; the long-list test asks
 * for more).
 */
async function seedBench(deskItems?: number): Promise<number> {
  status.textContent = 'seeding…';
  await Promise.all([db.clips.clear(), db.issues.clear()]);
  await seed(db);
  await seedDeskIssue(db, deskItems);
  // The desk opens the current issue: the long one.
  await currentIssueId.setValue(DESK_ISSUE);
  const count = await db.clips.count();
  status.textContent = `seeded ${count}`;
  return count;
}

/**
 * An item's text of `words` words: paragraphs of 100, a bold word and a link in each, as an
 * editor writes a long one. `edited` is another view's version of it: in its last paragraph
 * (where the benchmark types: changes to other paragraphs alone would merge without a
 * conflict), a word changed and one made bold; and a word of its first paragraph changed, so
 * that the words compared between the two edits are most of the text (the costliest
 * comparison that is still made word by word, under word-diff's MAX_PAIRS).
 */
function longBody(words: number, edited: boolean): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < words / 100; p++) {
    const run = Array.from({ length: 96 }, (_, i) => `mot${p}x${i}`);
    const last = p === words / 100 - 1;
    if (edited && last) run[50] = 'changé';
    if (edited && p === 0) run[50] = 'modifié';
    const bold = edited && last ? '<strong>Bercy</strong>' : 'Bercy';
    paragraphs.push(
      `<p>Le <strong>ministre</strong> ${bold} selon <a href="https://example.test/${p}">le site</a> ${run.join(' ')}.</p>`,
    );
  }
  return paragraphs.join('');
}

/**
 * The conflict benchmark's draft: the desk's first item (the issue seeded by {@link seedBench})
 * given a 1,000-word text; returns its id and title.
 */
async function seedConflictDraft(): Promise<{ id: string; title: string }> {
  const [first] = await db.clips.where('issueId').equals(DESK_ISSUE).sortBy('sortKey');
  await updateDraft(first!.id, { body: longBody(1000, false) });
  return { id: first!.id, title: first!.title };
}

/** Another view's edit of that draft's text, written as it writes one (see {@link longBody}). */
async function editElsewhere(id: string): Promise<void> {
  await updateDraft(id, { body: longBody(1000, true) });
}

/**
 * Gives the inbox's 1,000th newest draft `note`, as another window of the extension would;
 * returns its title (the long-list test: a change heard by a search being typed).
 */
async function noteElsewhere(note: string): Promise<string> {
  const draft = await db.clips
    .where('[issueId+createdAt]')
    .between(['', ''], ['', '\uffff'])
    .reverse()
    .filter((each) => !each.deletedAt)
    .offset(999)
    .first();
  await updateDraft(draft!.id, { note });
  return draft!.title;
}

Object.assign(globalThis, { seedBench, seedConflictDraft, editElsewhere, noteElsewhere });
status.textContent = 'ready';
