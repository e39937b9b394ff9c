import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDraft, readDatabase, storedIssue } from './database';
import { launchSeeded, openDesk, openPopup, squash, until, type ExtensionSession } from './harness';

/**
 * A draft whose stored title is 2,000,000 characters long (a backup's, or the shared desk's: the
 * editor's field takes 1,000) opened in the popup's and the desk's editor, in real Chromium with the built
 * extension. Given whole as the field's value, it took the editor 2 s to open; the field now shows
 * its first 1,000 characters, says so under it, and the title stays whole as stored until the
 * editor types in that field.
 */

const TITLE = 'Le ministre et le yacht '.repeat(90_000).slice(0, 2_000_000);
const ISSUE_TITLE = 'Les indiscrets du grand soir '.repeat(70_000).slice(0, 2_000_000);

interface StoredDraft {
  id: string;
  title: string;
  note: string;
}

describe('a draft with a 2,000,000-character title in the desk’s editor, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(() => ({
      clips: [localDraft({ id: 'huge-title', title: TITLE, body: '<p>Un texte.</p>' })],
      issues: [
        storedIssue('huge-issue', { title: ISSUE_TITLE }),
        storedIssue('other-issue', { title: 'Les indiscrets du 22 mars' }),
      ],
    }));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens in the popup’s editor with the title cut in its field, and said so', async () => {
    const popup = await openPopup(session);
    await popup.locator('.draft-list .draft__title').first().click();
    const editor = popup.getByTestId('draft-editor');
    const field = editor.getByLabel('Titre du brouillon');
    await field.waitFor();

    expect(await field.inputValue()).toBe(TITLE.slice(0, 1_000));
    expect(squash(await editor.getByTestId('title-long').textContent())).toMatch(
      /^Ce titre, long de 2 000 000 caractères, est montré coupé à 1 000 : /,
    );
    await popup.close();
  });

  it('opens in the desk’s editor with the title cut in its field and said so; the title stays whole until it is typed in', async () => {
    const desk = await openDesk(session);
    const row = desk.locator('#desk-inbox').getByTestId('draft').first();
    await row.locator('.draft__title').first().click();
    const editor = desk.getByTestId('draft-editor');
    const field = editor.getByLabel('Titre du brouillon');
    await field.waitFor();

    expect(await field.inputValue()).toBe(TITLE.slice(0, 1_000));
    expect(squash(await editor.getByTestId('title-long').textContent())).toBe(
      'Ce titre, long de 2 000 000 caractères, est montré coupé à 1 000 : il reste entier tant que vous ne le modifiez pas ; modifié, il sera ce que montre le champ.',
    );
    // A screen reader hears it with the field.
    expect(await field.getAttribute('aria-describedby')).toBe('title-long-huge-title');

    const stored = async () =>
      (await readDatabase<{ clips: StoredDraft[]; issues: [] }>(desk)).clips[0]!;
    const saved = () => desk.getByTestId('save-state').filter({ hasText: 'Enregistré' }).waitFor();

    // Another field typed in: written alone, the title as stored.
    await editor.locator('[data-field="note"] textarea').click();
    await desk.keyboard.type('À vérifier');
    await saved();
    const afterNote = await stored();
    expect(afterNote.note).toBe('À vérifier');
    expect(afterNote.title.length).toBe(2_000_000);
    expect(afterNote.title === TITLE).toBe(true);

    // The title typed in: it is what the field holds, and the notice goes.
    await field.click();
    await desk.keyboard.press('End');
    for (let i = 0; i < 9; i++) await desk.keyboard.press('Backspace');
    await desk.keyboard.type(' en Corse');
    await saved();
    const typed = `${TITLE.slice(0, 991)} en Corse`;
    expect(await field.inputValue()).toBe(typed);
    await until(stored, (draft) => draft.title === typed, 'the typed title to be stored');
    expect(await editor.getByTestId('title-long').count()).toBe(0);
    await desk.close();
  });

  it('opens an issue of a 2,000,000-character title in the desk: named cut in the picker, its field showing the start, said so, the title whole while the chapô is typed', async () => {
    const desk = await openDesk(session);
    const picker = desk.getByLabel('Numéro en cours');
    await picker.waitFor();
    const options = await picker
      .locator('option')
      .evaluateAll((all) =>
        all.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
      );
    const huge = options.find((o) => o.text.startsWith('Les indiscrets du grand soir'))!;
    expect(huge.text.length).toBeLessThanOrEqual(1_000);
    expect(huge.text).toMatch(/^Les indiscrets du grand soir .*…$/);
    await picker.selectOption(huge.value);

    await desk.locator('.issue__fields summary').click();
    const fields = desk.locator('details.issue__fields');
    const field = fields.getByLabel('Titre', { exact: true });
    expect(await field.inputValue()).toBe(ISSUE_TITLE.slice(0, 1_000));
    expect(squash(await fields.getByTestId('title-long').textContent())).toMatch(
      /^Ce titre, long de 2 000 000 caractères, est montré coupé à 1 000 : /,
    );

    await fields.getByLabel('Chapô (facultatif)').fill('Une semaine chargée.');
    const stored = async () =>
      (
        await readDatabase<{ clips: []; issues: { id: string; intro: string; title: string }[] }>(
          desk,
        )
      ).issues.find((i) => i.title.startsWith('Les indiscrets du grand soir'))!;
    const issue = await until(stored, (i) => i.intro === 'Une semaine chargée.', 'the chapô');
    expect(issue.title === ISSUE_TITLE).toBe(true);
    await desk.close();
  });
});

/**
 * Tags as a backup or the shared desk may bring them, which the tag field never takes (a tag of
 * 100 characters at most, 20 tags): a tag of 1 MB among 10,000 tags (100,000 take the seeding over a minute to index). Each laid out as a chip,
 * they held the inbox and the editor; they are drawn within the field's limits, « et N autres »
 * past them, and stay stored whole. And an issue of a 2,000,000-character title whose item, with
 * no text, is named by a 2,000,000-character draft title: the preview heads it cut.
 */
describe('huge tags and a huge issue in the preview, in Chromium', () => {
  const HUGE_TAG = 'affaire du yacht '.repeat(62_000).trim();
  const TAGS = [HUGE_TAG, ...Array.from({ length: 9_999 }, (_, i) => `tag${i}`)];
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(
      () => ({
        clips: [
          localDraft({ id: 'huge-tags', title: 'Le yacht aux mille tags', tags: TAGS }),
          localDraft({
            id: 'huge-item',
            title: TITLE,
            body: '',
            issueId: 'huge-issue',
            sortKey: 'a0',
          }),
        ],
        issues: [storedIssue('huge-issue', { title: ISSUE_TITLE })],
      }),
      { timeout: 30_000, currentIssue: 'huge-issue' },
    );
  });

  afterAll(async () => {
    await session?.close();
  });

  it('draws the row of a draft of 10,000 tags with 20 chips, the huge one cut, and « et 9 980 autres »', async () => {
    const popup = await openPopup(session);
    const row = popup.getByTestId('draft').filter({ hasText: 'Le yacht aux mille tags' });
    await row.waitFor();
    const chips = await row.locator('.chip--tag').allTextContents();
    expect(chips).toHaveLength(20);
    expect(chips[0]!.length).toBeLessThanOrEqual(101);
    expect(chips[0]).toMatch(/^#affaire du yacht .*…$/);
    expect(chips[1]).toBe('#tag0');
    expect(squash(await row.getByTestId('tags-more').textContent())).toBe('et 9 980 autres');
    await popup.close();
  });

  it('opens the draft in the desk’s editor, its tags drawn within the field’s limits and kept whole when one is removed', async () => {
    const desk = await openDesk(session);
    const row = desk
      .locator('#desk-inbox')
      .getByTestId('draft')
      .filter({ hasText: 'Le yacht aux mille tags' });
    const started = Date.now();
    await row.locator('.draft__title').click();
    const editor = desk.getByTestId('draft-editor');
    await editor.locator('.tags .tag').first().waitFor();
    const took = Date.now() - started;
    // Logged, not held to a bound (times are the bench's): from the desk's opening, so it
    // counts the desk's load too. It took 5–8 s while the picker folded the white space of the
    // open issue's 2,000,000-character title at every render (issueTitleShortened); some 0.7 s
    // since.
    console.log(`editor of 10,000 tags open in ${took} ms`);

    const chips = await editor.locator('.tags .tag').allTextContents();
    expect(chips).toHaveLength(20);
    expect(chips[0]!.length).toBeLessThanOrEqual(101);
    expect(squash(await editor.getByTestId('tags-more').textContent())).toBe(
      'Et 9 980 autres tags, non montrés ici : ils restent tels quels.',
    );

    await editor.getByRole('button', { name: 'Retirer le tag tag0' }).click();
    const stored = async () =>
      (
        await readDatabase<{ clips: { id: string; tags: string[] }[]; issues: [] }>(desk)
      ).clips.find((c) => c.id === 'huge-tags')!;
    const draft = await until(stored, (d) => d.tags.length === 9_999, 'tag0 removed');
    expect(draft.tags[0] === HUGE_TAG).toBe(true);
    expect(draft.tags[1]).toBe('tag1');
    expect(draft.tags.at(-1)).toBe('tag9998');
    await desk.close();
  });

  it('heads the preview of an issue of a 2,000,000-character title with its start, cut at a word', async () => {
    const desk = await openDesk(session);
    const preview = desk.getByTestId('preview');
    const heading = preview.locator('h1');
    await heading.waitFor();
    const text = (await heading.textContent()) ?? '';
    expect(text.length).toBeLessThanOrEqual(1_100);
    expect(text).toMatch(/^Les indiscrets du grand soir .*…$/);
    await desk.close();
  });
});
