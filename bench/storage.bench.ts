// tests/setup.ts loads it for benches too (same config); imported again so that this file also
// runs on its own, e.g. under another config. The import is idempotent.
import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { countInbox } from '../storage/clips';
import { IndiscretsDB, type Clip, type Issue } from '../storage/db';
import { searchDrafts } from '../storage/drafts';
import { keysBetween } from '../storage/fractional';
import { checkIssue } from '../storage/issues';

const DRAFTS = 10_000;
const ISSUES = 200;
const ITEMS_PER_ISSUE = 10;

const SITES = [
  'Bloomberg',
  'Le Monde',
  'Les Échos',
  'Reuters',
  "L'Informé",
  'Politico',
  'Le Figaro',
];
const SUBJECTS = [
  'Matignon',
  'Élysée',
  'Bercy',
  'la BCE',
  'Airbus',
  'TotalEnergies',
  'Mistral AI',
  'Orange',
];
const VERBS = ['prépare', 'dément', 'envisage', 'retarde', 'annonce', 'négocie'];
const OBJECTS = [
  'une réforme',
  'un rachat',
  'une levée de fonds',
  'un remaniement',
  'un plan social',
];

/** Seeds once: 10,000 drafts (about 1 in 20 about OVH), 200 issues of 10 items, some trash. */
async function seed(): Promise<IndiscretsDB> {
  const database = new IndiscretsDB(`bench-${crypto.randomUUID()}`);
  const at = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
  const issues: Issue[] = Array.from({ length: ISSUES }, (_, i) => ({
    id: `issue-${i}`,
    title: `Les indiscrets n° ${i}`,
    date: at(i * 7 * 24).slice(0, 10),
    intro: '',
    lengthBudget: 4000,
    status: i < ISSUES - 1 ? 'published' : 'open',
    createdAt: at(i * 7 * 24),
    updatedAt: at(i * 7 * 24),
  }));
  const keys = keysBetween(null, null, ITEMS_PER_ISSUE);
  const drafts = Array.from({ length: DRAFTS }, (_, i) => {
    const subject = i % 20 === 0 ? 'OVHcloud' : SUBJECTS[i % SUBJECTS.length]!;
    const title = `${subject} ${VERBS[i % VERBS.length]} ${OBJECTS[i % OBJECTS.length]}`;
    const url = `https://www.example-${i % 50}.test/2020/article-${i}`;
    const issue =
      i < ISSUES * ITEMS_PER_ISSUE ? issues[Math.floor(i / ITEMS_PER_ISSUE)]! : undefined;
    return {
      id: crypto.randomUUID(),
      url,
      title,
      siteName: SITES[i % SITES.length],
      quotes: [{ text: `« ${title} », selon nos informations.`, html: '', clippedAt: at(i) }],
      provenance: {},
      createdAt: at(i),
      updatedAt: at(i),
      body: `<p>${title}, selon <a href="${url}">${SITES[i % SITES.length]}</a>.</p>`,
      sources: [{ url, title }],
      note: i % 3 === 0 ? 'Appeler le service de presse' : '',
      tags: i % 4 === 0 ? ['économie'] : [],
      status: (['draft', 'checked', 'ready'] as const)[i % 3],
      issueId: issue?.id ?? '',
      sortKey: issue ? keys[i % ITEMS_PER_ISSUE]! : '',
      ...(i % 97 === 0 ? { deletedAt: at(DRAFTS) } : {}),
    } as Clip; // `words` and `sourceUrls` are filled by the creating hook.
  });
  await database.issues.bulkAdd(issues);
  for (let i = 0; i < drafts.length; i += 1000) {
    await database.clips.bulkAdd(drafts.slice(i, i + 1000));
  }
  return database;
}

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
