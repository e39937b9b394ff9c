import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackup, serializeBackup, type ParsedBackup } from '../../../storage/backup-format';
import { parseBackup } from '../../../storage/backup-read';
import { restoreBackup } from '../../../storage/backup-restore';
import type { IndiscretsDB } from '../../../storage/db';
import { passageHtml } from '../../../services/passage';
import { addDraft, freshDatabase } from './helpers';

/**
 * A quote's words in another language keep their mark across a backup: the capture
 * (services/passage.ts) writes `<span lang="en">` and a `lang` on a passage's elements, which
 * the restore's cleaning took away until 2026-12-06 (a merge of a fresh backup then took the
 * quote for changed and added a copy of the draft).
 */

const dbs: IndiscretsDB[] = [];
const fresh = () => {
  const d = freshDatabase();
  dbs.push(d);
  return d;
};
beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

function mustParse(text: string): ParsedBackup {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.backup;
}

// What the background stores for a French page where the selection holds English words.
const QUOTE_HTML = passageHtml(
  [
    {
      tag: 'p',
      children: [
        'Le PDG parle d’un ',
        { tag: 'span', lang: 'en', children: ['game changer'] },
        '.',
      ],
    },
    { tag: 'p', lang: 'en', children: ['Why it matters'] },
  ],
  'fr',
);

describe('quote HTML language marks across a backup', () => {
  it('the capture HTML really carries lang marks (precondition)', () => {
    expect(QUOTE_HTML).toBe(
      '<p>Le PDG parle d’un <span lang="en">game changer</span>.</p><p lang="en">Why it matters</p>',
    );
  });

  for (const mode of ['replace', 'merge'] as const) {
    it(`round trip keeps a captured quote's HTML byte for byte (${mode})`, async () => {
      const source = fresh();
      const draft = await addDraft(source, {
        quotes: [
          {
            text: 'Le PDG parle d’un game changer.\n\nWhy it matters',
            html: QUOTE_HTML,
            clippedAt: '2027-03-09T10:00:00.000Z',
          },
        ],
      });
      const backup = mustParse(serializeBackup(await createBackup(source)));
      const target = fresh();

      await restoreBackup(backup, target, { mode });

      expect((await target.clips.get(draft.id))!.quotes[0]!.html).toBe(QUOTE_HTML);
    });
  }

  it('merging a fresh backup back into the same browser adds no copy of a quoted draft', async () => {
    const db = fresh();
    await addDraft(db, {
      quotes: [{ text: 'x', html: QUOTE_HTML, clippedAt: '2027-03-09T10:00:00.000Z' }],
    });
    const backup = mustParse(serializeBackup(await createBackup(db)));

    const result = await restoreBackup(backup, db, { mode: 'merge' });

    expect(result.copied).toBe(0);
    expect(await db.clips.count()).toBe(1);
  });

  it('keeps a lang only when it is a language tag, and nothing else the capture does not write', async () => {
    // A backup is a file anyone can write.
    const source = fresh();
    const draft = await addDraft(source, {
      quotes: [
        {
          text: 'a b',
          html: '<p lang="pas une langue">a</p><p><span lang="en" onclick="x()" title="t">b</span></p>',
          clippedAt: '2027-03-09T10:00:00.000Z',
        },
      ],
    });
    const backup = mustParse(serializeBackup(await createBackup(source)));
    const target = fresh();

    await restoreBackup(backup, target, { mode: 'replace' });

    expect((await target.clips.get(draft.id))!.quotes[0]!.html).toBe(
      '<p>a</p><p><span lang="en">b</span></p>',
    );
  });
});
