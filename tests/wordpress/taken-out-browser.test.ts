/**
 * An item a colleague takes out of the issue is said in the other desk's issue column, end to
 * end: two Chromium browsers with the built test extension, each its own WordPress account
 * (A = Editor `redac`, B = the administrator), sharing an issue through the real WordPress of
 * the suite. A presses « Retirer »; at B's next sync, B's column says who took which item out,
 * and A's own desk says nothing. An issue B deletes while A has it open is said in A's column
 * after A's sync (who, as the plugin names its last editor, and how many items went back to the
 * inbox), « Fermer » closing it; A's own deletion is said on B, not on A. Syncs are asked with
 * « Synchroniser » and awaited on the sync's state in IndexedDB, never on a fixed delay.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build (npm run test:wordpress does it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { squash, until } from '../browser/harness';
import { t } from '../../locales';
import { clips, deskAccounts, openDesk, restAs, settled, sync, type Desk } from './desk-browsers';
import { site } from './helpers';

const fr = (key: Parameters<typeof t>[0], params: Record<string, string | number> = {}) =>
  t(key, params, 'fr');

describe('an item a colleague takes out of the issue, through a real WordPress', () => {
  let a: Desk;
  let b: Desk;
  const editor = () => site().newsroom.editor;

  beforeAll(async () => {
    a = await openDesk(editor());
    b = await openDesk(deskAccounts().admin);
  });

  afterAll(async () => {
    await a?.session.close();
    await b?.session.close();
  });

  /** An issue of A's with two items (labelled), on the desk: its clientId, title and the items' labels. */
  async function sharedIssue() {
    const issueId = crypto.randomUUID();
    const stamp = Date.now();
    const title = `Les indiscrets du 15 mars ${stamp}`;
    const issue = await restAs(editor(), 'POST', '/indiscrets/v1/issues', {
      title,
      meta: { clientId: issueId, date: '2026-03-15' },
    });
    expect(issue.status).toBe(201);
    const labels = [`Bpifrance recrute ${stamp}`, `OVH reste ${stamp}`];
    for (const [i, label] of labels.entries()) {
      const draft = await restAs(editor(), 'POST', '/indiscrets/v1/drafts', {
        title: label,
        content: `<p>Texte ${i}</p>`,
        meta: {
          clientId: crypto.randomUUID(),
          url: `https://exemple.fr/${stamp}/${i}`,
          label,
          issueId,
          sortKey: `a${i}`,
        },
      });
      expect(draft.status).toBe(201);
    }
    return { issueId, labels, title };
  }

  /** The desk shows issue `issueId`, both its items drawn. */
  async function showIssue(desk: Desk, issueId: string, items: number) {
    await until(
      async () => (await clips(desk)).filter((clip) => clip.issueId === issueId).length,
      (n) => n === items,
      `the issue's items in ${desk.who.user}'s database`,
    );
    await desk.page.getByLabel(fr('issue.pick')).selectOption(issueId);
    await until(
      () => desk.page.getByTestId('issue-item').count(),
      (n) => n === items,
      `the issue's items on ${desk.who.user}'s desk`,
    );
  }

  it('A’s « Retirer » is said in B’s issue column, naming A, with « Ouvrir »; not on A’s desk', async () => {
    const { issueId, labels } = await sharedIssue();
    await sync(a);
    await sync(b);
    await showIssue(a, issueId, 2);
    await showIssue(b, issueId, 2);

    await a.page
      .getByRole('button', { name: fr('issue.removeNamed', { title: labels[0]! }) })
      .click();
    await settled(a);
    await sync(b);

    const notice = b.page.getByTestId('taken-out');
    await notice.waitFor();
    expect(squash(await notice.innerText())).toBe(
      squash(
        `${fr('shared.takenOut.inbox', { name: editor().name, title: labels[0]! })} ${fr('shared.takenOut.open')} ${fr('common.close')}`,
      ),
    );
    expect(await b.page.getByTestId('issue-item').count()).toBe(1);
    await notice.getByRole('button', { name: fr('shared.takenOut.open') }).click();
    await until(
      () => b.page.getByTestId('draft-editor').getByLabel(fr('editor.title')).inputValue(),
      (title) => title === labels[0],
      'the removed item open in B’s editor',
    );

    // A did it: A's desk, synced since, says nothing.
    await sync(a);
    expect(await a.page.getByTestId('taken-out').count()).toBe(0);
  });

  /**
   * `desk` opens the issue's settings and presses « Supprimer le numéro », then pushes it. The
   * deletion's undo bar is left alone.
   */
  async function deleteIssue(desk: Desk) {
    await desk.page.getByText(fr('issue.settings')).click();
    await desk.page.getByRole('button', { name: fr('issue.delete') }).click();
    await settled(desk);
  }

  /** The notice of a deleted issue in the desk's issue column, spaces folded (null: none). */
  async function issueDeleted(desk: Desk) {
    // Read in one go: counted first, then read, a notice closed in between was waited for (30 s).
    const [text] = await desk.page
      .locator('.desk__issue')
      .getByTestId('issue-deleted')
      .allInnerTexts();
    return text === undefined ? null : squash(text);
  }

  /** What a column says of issue `title` deleted by `name` with `items` items. */
  const said = (name: string, title: string, items: number) =>
    squash(
      `${fr('shared.takenOut.issueDeleted', { name, title })} ${fr('shared.takenOut.issueDeletedItems', { count: items })} ${fr('common.close')}`,
    );

  it('B’s deletion of the issue A has open is said in A’s column, naming B, with its items back in the inbox; A’s own deletion says nothing on A', async () => {
    const admin = deskAccounts().admin;
    const me = await restAs(admin, 'GET', '/wp/v2/users/me');
    expect(me.status).toBe(200);
    const bName = me.json.name as string;
    const { issueId, labels, title } = await sharedIssue();
    await sync(a);
    await sync(b);
    await showIssue(a, issueId, 2);
    await showIssue(b, issueId, 2);

    await deleteIssue(b);
    await sync(a);

    await until(
      () => issueDeleted(a),
      (text) => text !== null,
      'the deleted issue said in A’s issue column',
    );
    expect(await issueDeleted(a)).toBe(said(bName, title, 2));
    expect(
      await a.page.locator('.desk__issue').getByTestId('issue-deleted').getAttribute('role'),
    ).toBe('status');
    // Both items are in A's inbox (no issue), not in the trash.
    const mine = (await clips(a)).filter((clip) => labels.includes(clip.label as string));
    expect(
      mine.map((clip) => [clip.label, Boolean(clip.issueId), Boolean(clip.deletedAt)]).sort(),
    ).toEqual(labels.map((label) => [label, false, false]).sort());
    // B did it: B's desk says nothing.
    await sync(b);
    expect(await b.page.getByTestId('issue-deleted').count()).toBe(0);

    // « Fermer » closes it on A.
    await a.page
      .locator('.desk__issue')
      .getByTestId('issue-deleted')
      .getByRole('button', { name: fr('common.close') })
      .click();
    await until(
      () => issueDeleted(a),
      (text) => text === null,
      'the notice closed on A',
    );

    // A deletes an issue of its own that B has too: nothing said on A, B told that A did it.
    const other = await sharedIssue();
    await sync(a);
    await sync(b);
    await showIssue(a, other.issueId, 2);
    await showIssue(b, other.issueId, 2);
    await deleteIssue(a);
    await sync(a);
    await sync(b);
    await until(
      () => issueDeleted(b),
      (text) => text !== null,
      'A’s deletion said in B’s issue column',
    );
    expect(await issueDeleted(b)).toBe(said(editor().name, other.title, 2));
    await sync(a);
    expect(await a.page.getByTestId('issue-deleted').count()).toBe(0);
  });
});
