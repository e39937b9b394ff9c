// tests/setup.ts loads it for benches too (same config); imported again so that this file also
// runs on its own, e.g. under another config. The import is idempotent.
import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { countInbox } from '../storage/draft-records';
import { searchDrafts } from '../storage/draft-search';
import { checkIssue } from '../storage/issues';
import { ISSUES, seed } from './seed';

const database = await seed();

describe('storage with 10,000 drafts and 200 issues', () => {
  // Target: ≤ 100 ms. The inbox as it opens: one page from [issueId+createdAt], total from
  // two index counts; no record outside the page is read.
  bench('searchDrafts({ box: "inbox" }), first page', async () => {
    await searchDrafts({ box: 'inbox' }, database);
  });

  // Target: ≤ 50 ms. A prefix on *words (~500 drafts), read and sorted in memory.
  bench('searchDrafts({ text: "ovh" })', async () => {
    await searchDrafts({ text: 'ovh' }, database);
  });

  // No target: the worst case, where every constraint matches thousands of drafts and primary
  // keys are intersected in createdAt order.
  bench('searchDrafts({ box: "inbox", status: "draft" }), broad filter', async () => {
    await searchDrafts({ box: 'inbox', status: 'draft' }, database);
  });

  // The badge: two index counts.
  bench('countInbox()', async () => {
    await countInbox(database);
  });

  // The open issue's checks: its 10 items against *sourceUrls.
  bench('checkIssue(open issue)', async () => {
    await checkIssue(`issue-${ISSUES - 1}`, database);
  });
});
