// Test builds only (see filterEntrypoints in wxt.config.ts): the page `npm run bench` drives
// (bench/chromium.mjs). From here it sends clip requests to the background as the popup does,
// and, when asked, fills the extension's database with the benchmark data set so that the real
// popup and desk are measured with 10,000 drafts and a 100-item issue.
import { DESK_ISSUE, seed, seedDeskIssue } from '../../bench/seed';
import { db } from '../../storage/db';
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

(globalThis as { seedBench?: typeof seedBench }).seedBench = seedBench;
status.textContent = 'ready';
