import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { localDraft, storedIssue } from './database';
import { launchSeeded, openDesk, squash, until, type ExtensionSession } from './harness';

/**
 * The keyboard after a choice in the « Modifié ailleurs en même temps » box between two windows
 * of this browser, in real Chromium: the button that had it goes with the field's choice, and the
 * keyboard goes back to the field chosen for, the choice said in the page's live region as the
 * shared desk's box says it. Never left on the page's body. One desk's writes are refused (as a
 * full disk would), so that what it typed stays its own while another desk changes the same
 * fields: the box is there, whatever the machine's speed.
 */

const ISSUE = 'window-conflict-issue';
const DRAFT = 'window-conflict-draft';

function seeded() {
  const now = new Date().toISOString();
  return {
    issues: [{ ...storedIssue(ISSUE, { at: now }), intro: 'Le chapô' }],
    clips: [
      localDraft({ id: DRAFT, title: 'Le ministre et Bercy', issueId: ISSUE, sortKey: 'a0' }),
    ],
  };
}

/** Opens the issue's own fields on `page`, folded at first. */
async function unfold(page: Page) {
  const fields = page.locator('details.issue__fields');
  if (!(await fields.evaluate((el) => (el as HTMLDetailsElement).open))) {
    await fields.locator('summary').click();
  }
}

/** Opens the draft in `page`'s editor: the issue's only item, whatever its title or label now. */
async function openDraft(page: Page) {
  await page.getByTestId('issue-item').locator('.issue-item__title').click();
  await page.getByTestId('draft-editor').waitFor();
}

/** Refuses `page`'s writes from now on, as a full disk would: what it types stays its own. */
async function refuseWrites(page: Page) {
  await page.evaluate(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
    IDBCursor.prototype.update = full;
  });
}

/** Whether the element `css` finds in `page` (its first) has the keyboard. */
const focusedOn = (page: Page, css: string) =>
  page.evaluate((css) => {
    const found = document.querySelector(css);
    return !!found && found === document.activeElement;
  }, css);

describe('the keyboard after a choice between two windows’ versions, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded, { currentIssue: ISSUE });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('« Prendre l’autre » and « Garder la mienne » give the keyboard back to the field chosen for, and say the choice', async () => {
    // Desk A: the draft open, its writes refused from now on.
    const a = await openDesk(session);
    await openDraft(a);
    await unfold(a);
    session.expectErrors(/desk\.html: Indiscrets save /);
    await refuseWrites(a);
    const editorA = a.getByTestId('draft-editor');
    await editorA.getByLabel('Titre du brouillon').fill('Le ministre reste à Bercy');
    await a.getByLabel('Chapô (facultatif)').fill('Mon chapô');

    // Desk B changes the same two fields, stored.
    const b = await openDesk(session);
    await openDraft(b);
    await unfold(b);
    await b
      .getByTestId('draft-editor')
      .getByLabel('Titre du brouillon')
      .fill('Le ministre quitte Bercy');
    await b.getByLabel('Chapô (facultatif)').fill('Son chapô');
    await until(
      () => b.getByTestId('save-state').textContent(),
      (text) => text === 'Enregistré',
      'desk B’s title stored',
    );

    // A takes the other's title, by the keyboard: the keyboard back in the title.
    await a.bringToFront();
    const take = a.getByRole('button', { name: 'Prendre l’autre\u00a0: Titre du brouillon' });
    await take.waitFor();
    await take.focus();
    await a.keyboard.press('Enter');
    await take.waitFor({ state: 'detached' });
    const title = editorA.getByLabel('Titre du brouillon');
    await until(
      () => title.evaluate((el) => el === document.activeElement),
      Boolean,
      'the focus back on the draft’s title',
    );
    await until(
      () => a.getByTestId('announcement').textContent(),
      (said) =>
        squash(said) ===
        squash('Vous avez pris l’autre version de «\u00a0Le ministre quitte Bercy\u00a0».'),
      'the choice of the other’s title said in the live region',
    );

    // A keeps its own chapô: the keyboard back in the chapô.
    const keep = a.getByRole('button', { name: 'Garder la mienne\u00a0: Chapô (facultatif)' });
    await keep.waitFor();
    await keep.focus();
    await a.keyboard.press('Enter');
    await keep.waitFor({ state: 'detached' });
    await until(
      () => a.getByLabel('Chapô (facultatif)').evaluate((el) => el === document.activeElement),
      Boolean,
      'the focus back on the chapô',
    );
    await until(
      () => a.getByTestId('announcement').textContent(),
      (said) =>
        squash(said) ===
        squash('Vous avez gardé votre version de «\u00a0Les indiscrets du 15 mars\u00a0».'),
      'the choice of its own chapô said in the live region',
    );
    await a.close();
    await b.close();
  });
  /**
   * One field of the draft or the issue, changed in desk A (whose writes are refused) and in desk
   * B (stored): A chooses for it from the keyboard (« Prendre l’autre », or « Garder la mienne »
   * when `keep`), and the keyboard goes to `control` (a selector in A's page), where it is written.
   */
  interface Round {
    /** The field as the box's buttons name it. */
    name: string;
    /** Changes the field in `page` (A's value, else B's). */
    change: (page: Page, mine: boolean) => Promise<void>;
    control: string;
    keep?: boolean;
    /** What the round is about, when its field has another round. */
    what?: string;
  }

  const editor = (page: Page) => page.getByTestId('draft-editor');
  const draftRounds: Round[] = [
    {
      name: 'Libellé',
      change: (page, mine) =>
        editor(page)
          .getByTestId('item-label')
          .fill(mine ? 'Bercy, encore' : 'Bercy, déjà'),
      control: '[data-testid="draft-editor"] [data-testid="item-label"]',
    },
    {
      name: 'Texte de l’indiscret',
      change: (page, mine) =>
        editor(page)
          .getByTestId('item-text')
          .fill(mine ? 'Le ministre reste.' : 'Le ministre part.'),
      control: '[data-testid="draft-editor"] [data-testid="item-text"]',
    },
    {
      name: 'Sources',
      change: async (page, mine) => {
        const sources = editor(page).getByTestId('sources');
        await sources.getByRole('button', { name: '+ Ajouter une source' }).click();
        await sources
          .getByRole('textbox', { name: 'Adresse de la source' })
          .last()
          .fill(mine ? 'https://news.test/mienne' : 'https://news.test/autre');
      },
      control: '[data-testid="draft-editor"] [data-testid="sources"] input[type="url"]',
    },
    {
      // The other version has no source left: the row written in goes, the keyboard goes to
      // « + Ajouter une source », where the next is written.
      name: 'Sources',
      what: 'Sources, none left in the other version',
      change: async (page, mine) => {
        const sources = editor(page).getByTestId('sources');
        if (mine) {
          await sources
            .getByRole('textbox', { name: 'Adresse de la source' })
            .fill('https://news.test/la-mienne');
        } else {
          await sources.getByRole('button', { name: /^Retirer la source/ }).click();
        }
      },
      control: '[data-testid="draft-editor"] [data-testid="sources"] > button',
    },
    {
      name: 'Tags',
      change: async (page, mine) => {
        const tags = editor(page).getByRole('textbox', { name: 'Tags' });
        await tags.fill(mine ? 'élysée' : 'bercy');
        await tags.press('Enter');
      },
      control: '[data-testid="draft-editor"] input[aria-labelledby="tags-label"]',
    },
    {
      name: 'Statut',
      change: async (page, mine) => {
        await editor(page)
          .getByRole('combobox', { name: 'Statut' })
          .selectOption(mine ? 'checked' : 'ready');
      },
      control: '[data-testid="draft-editor"] .editor__status select',
    },
    {
      name: 'Note privée (jamais exportée)',
      change: (page, mine) =>
        editor(page)
          .locator('[data-field="note"] textarea')
          .fill(mine ? 'Ma note' : 'Sa note'),
      control: '[data-testid="draft-editor"] [data-field="note"] textarea',
      keep: true,
    },
  ];
  const fields = (page: Page) => page.locator('details.issue__fields');
  const issueRounds: Round[] = [
    {
      name: 'Titre',
      change: (page, mine) =>
        fields(page)
          .getByRole('textbox', { name: 'Titre', exact: true })
          .fill(mine ? 'Les indiscrets de mars' : 'Les indiscrets du printemps'),
      control: 'details.issue__fields [data-field="title"] input',
    },
    {
      name: 'Date',
      change: (page, mine) =>
        fields(page)
          .getByRole('textbox', { name: 'Date', exact: true })
          .fill(mine ? '2027-03-16' : '2027-03-17'),
      control: 'details.issue__fields .date-field input',
    },
    {
      name: 'Longueur visée (signes)',
      change: (page, mine) =>
        fields(page)
          .getByRole('spinbutton', { name: 'Longueur visée (signes)' })
          .fill(mine ? '3000' : '4000'),
      control: 'details.issue__fields input[type="number"]',
      keep: true,
    },
  ];

  it('gives the keyboard back to each other field the box can be about: a draft’s label, text, sources, tags, status and note, an issue’s title, date and budget', async () => {
    const a = await openDesk(session);
    await openDraft(a);
    await unfold(a);
    session.expectErrors(/desk\.html: Indiscrets save /);
    await refuseWrites(a);
    const b = await openDesk(session);
    await openDraft(b);
    await unfold(b);

    for (const round of [...draftRounds, ...issueRounds]) {
      await round.change(a, true);
      await b.bringToFront();
      await round.change(b, false);
      // B's change stored: A's box offers the choice for that field only.
      await a.bringToFront();
      const choice = a.getByRole('button', {
        name: `${round.keep ? 'Garder la mienne' : 'Prendre l’autre'}\u00a0: ${round.name}`,
        exact: true,
      });
      await choice.waitFor();
      await choice.focus();
      await a.keyboard.press('Enter');
      await choice.waitFor({ state: 'detached' });
      await until(
        () => focusedOn(a, round.control),
        Boolean,
        `the focus back on the field « ${round.what ?? round.name} »`,
      );
      // Left alone: the next round's box is about its own field.
      await until(
        () => a.locator('.conflict button').count(),
        (left) => left === 0,
        `no choice left after « ${round.what ?? round.name} »`,
      );
    }
    await a.close();
    await b.close();
  });
});
