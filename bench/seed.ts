// The data set of the benchmarks: a newsroom after four years of use.
import { IndiscretsDB, type Draft, type Issue } from '../storage/db';
import { keysBetween } from '../storage/fractional';

export const DRAFTS = 10_000;
export const ISSUES = 200;
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
export async function seed(
  database = new IndiscretsDB(`bench-${crypto.randomUUID()}`),
): Promise<IndiscretsDB> {
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
    } as Draft; // `words`, `wordPairs` and `sourceUrls` are filled by the creating hook.
  });
  await database.issues.bulkAdd(issues);
  for (let i = 0; i < drafts.length; i += 1000) {
    await database.clips.bulkAdd(drafts.slice(i, i + 1000));
  }
  return database;
}

/** The issue the desk benchmark opens: open, with 100 items. */
export const DESK_ISSUE = 'issue-desk';
export const DESK_ITEMS = 100;

/**
 * Adds an open issue of 100 items (or `count`), made of that many inbox drafts of the seeded
 * data set (they leave the inbox, as when an editor adds them to the issue).
 */
export async function seedDeskIssue(database: IndiscretsDB, count = DESK_ITEMS): Promise<void> {
  const now = new Date(Date.UTC(2024, 2, 15, 7, 30)).toISOString();
  await database.issues.put({
    id: DESK_ISSUE,
    title: 'Les indiscrets du 15 mars',
    date: now.slice(0, 10),
    intro: '<p>Cette semaine, cent indiscrets.</p>',
    lengthBudget: 40_000,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  });
  const keys = keysBetween(null, null, count);
  const drafts = await database.clips
    .where('issueId')
    .equals('')
    .filter((draft) => !draft.deletedAt)
    .limit(count)
    .toArray();
  await database.clips.bulkPut(
    drafts.map((draft, i) => ({ ...draft, issueId: DESK_ISSUE, sortKey: keys[i]! })),
  );
}
