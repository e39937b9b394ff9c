/**
 * A draft clipped from a page closed to scripts says why, and what it kept: the words the context
 * menu saw are kept as its quote, and a reader view's draft tells how to quote the page itself.
 * Read from the draft as it is shown: nothing more is stored, nor sent to WordPress.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../components/App';
import { db } from '../../../storage/db';
import { mergeDrafts } from '../../../storage/drafts';
import { addDraft } from '../storage/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await db.clips.clear();
});
afterEach(cleanup);

const quote = {
  text: 'Les députés ont adopté la loi.',
  html: '<p>Les députés ont adopté la loi.</p>',
};
const clippedAt = '2021-03-15T08:00:00.000Z';

/** The note under the draft's row titled `title`, in the popup. */
async function rowNote(title: string) {
  render(<App layout="popup" />);
  const row = await waitFor(() => {
    const found = screen.getAllByTestId('draft').find((li) => li.textContent?.includes(title));
    expect(found).toBeDefined();
    return found!;
  });
  return row.querySelector('[role="note"]')?.textContent;
}

describe('a draft of a page closed to scripts', () => {
  it('says the words selected were kept, when it has them', async () => {
    await addDraft(db, {
      url: 'https://example.test/report.pdf',
      title: 'report.pdf',
      captureNote: 'pdf',
      quotes: [{ ...quote, clippedAt }],
    });

    expect(await rowNote('report.pdf')).toBe(
      'Le lecteur PDF ne se laisse pas lire\u00a0: seuls l’adresse, le titre et les mots ' +
        'sélectionnés (en texte brut, sans leurs liens) ont été gardés.',
    );
  });

  it('says only the address and title were kept of a browser page clipped without words', async () => {
    await addDraft(db, {
      url: 'chrome://settings/',
      title: 'Paramètres',
      captureNote: 'browser-page',
    });

    expect(await rowNote('Paramètres')).toBe(
      'Le navigateur interdit de lire ses propres pages\u00a0: seuls l’adresse et le titre ont été gardés.',
    );
  });

  it('names reader view, and how to quote the page with its links, in the row and the editor', async () => {
    await addDraft(db, {
      url: 'https://www.lemonde.fr/pixels/article/loi.html',
      title: 'La loi sur le renseignement',
      captureNote: 'browser-page',
      quotes: [{ ...quote, clippedAt }],
    });
    const said =
      'Le mode lecture du navigateur ne se laisse pas lire\u00a0: seuls l’adresse, le titre et les ' +
      'mots sélectionnés (en texte brut, sans leurs liens) ont été gardés. Pour citer un passage ' +
      'avec ses liens, quittez le mode lecture et coupez de nouveau la page\u00a0: la citation ' +
      's’ajoutera au même brouillon.';

    expect(await rowNote('La loi sur le renseignement')).toBe(said);
    fireEvent.click(screen.getByText('La loi sur le renseignement'));
    await waitFor(() =>
      expect(
        [...document.querySelectorAll('[role="note"]')].map((note) => note.textContent),
      ).toContain(said),
    );
  });

  it('says no words were kept of a page whose quotes came from a draft merged into it', async () => {
    const pdf = await addDraft(db, {
      url: 'https://example.test/report.pdf',
      title: 'report.pdf',
      captureNote: 'pdf',
    });
    const read = await addDraft(db, {
      url: 'https://example.test/article',
      title: 'Article lu',
      quotes: [
        {
          text: 'Selon le rapport, la loi passe.',
          html: '<p>Selon le <a href="https://example.test/report.pdf">rapport</a>, la loi passe.</p>',
          clippedAt,
        },
      ],
    });
    await mergeDrafts(read.id, pdf.id);
    const said =
      'Le lecteur PDF ne se laisse pas lire\u00a0: seuls l’adresse et le titre ont été gardés.';

    expect(await rowNote('report.pdf')).toBe(said);
    fireEvent.click(screen.getByText('report.pdf'));
    await waitFor(() =>
      expect(
        [...document.querySelectorAll('[role="note"]')].map((note) => note.textContent),
      ).toContain(said),
    );
  });
});
