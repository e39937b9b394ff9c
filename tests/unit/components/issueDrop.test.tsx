/**
 * A draft dragged from the inbox onto the issue: dropped above or below an item, it goes there.
 * One the issue already holds (the inbox searched shows the drafts of the issues too) is moved as
 * its own item would be, its place counted once without it: between items 4 and 5, it ends
 * between them; on its own place, nothing moves and nothing is said.
 */
import { cleanup, createEvent, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Inbox } from '../../../components/Inbox';
import { IssueView } from '../../../components/IssueView';
import { db } from '../../../storage/db';
import { addToIssue, createIssue, issueItems, moveItem } from '../../../storage/issues';
import { addDraft } from '../storage/helpers';
import { clearSharedDesk, recordSpoken, wrap } from './desk-views';

// The writes that place an item, watched: a drop on the draft's own place asks for none.
vi.mock('../../../storage/issues', async (original) => {
  const actual = await original<typeof import('../../../storage/issues')>();
  return { ...actual, addToIssue: vi.fn(actual.addToIssue), moveItem: vi.fn(actual.moveItem) };
});

const TITLES = ['OVH', 'Mauboussin', 'Lina Khan', 'Quanta', 'Wikipédia'];

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await clearSharedDesk({ clips: true, issues: true });
});
afterEach(cleanup);

/**
 * The desk's inbox and an issue of five items, side by side; the inbox showing every draft,
 * searched for `search`.
 */
async function desk(search: string) {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
  for (const title of TITLES) {
    await addToIssue((await addDraft(db, { title, body: `<p>${title}</p>` })).id, issue.id);
  }
  wrap(
    <>
      <Inbox onOpen={() => {}} currentIssueId={issue.id} />
      <IssueView currentIssueId={issue.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />
    </>,
  );
  // The drafts of every issue (the inbox alone has those of none), searched.
  fireEvent.change(screen.getByRole('combobox', { name: 'Où chercher' }), {
    target: { value: 'all' },
  });
  fireEvent.input(await screen.findByTestId('search'), { target: { value: search } });
  await waitFor(() =>
    expect(screen.getAllByTestId('draft').map((row) => row.textContent)).toEqual([
      expect.stringContaining(search),
    ]),
  );
  await waitFor(() => expect(screen.getAllByTestId('issue-item')).toHaveLength(TITLES.length));
  vi.mocked(addToIssue).mockClear();
  vi.mocked(moveItem).mockClear();
  return issue;
}

/** The issue's item `n` (1-based), as drawn. */
const item = (n: number) => screen.getAllByTestId('issue-item')[n - 1]!;

/**
 * Drags `from` (by default the inbox's only result) onto the issue's item `n`, dropped on its
 * upper or lower half, as the browser fires it. An item is 100 pixels high here (jsdom lays
 * nothing out).
 */
function dropOn(n: number, half: 'upper' | 'lower', from = screen.getByTestId('draft')) {
  const to = item(n);
  to.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 200, width: 400, height: 100 });
  const data = new Map<string, string>();
  const dataTransfer = {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  };
  // jsdom has no DragEvent: the pointer's height is given to the events themselves.
  const at = (event: Event) =>
    Object.defineProperty(event, 'clientY', { value: half === 'upper' ? 220 : 280 });
  fireEvent.dragStart(from, { dataTransfer });
  fireEvent(to, at(createEvent.dragOver(to, { dataTransfer })));
  fireEvent(to, at(createEvent.drop(to, { dataTransfer })));
  fireEvent.dragEnd(from, { dataTransfer });
}

const titles = async (issueId: string) => (await issueItems(issueId)).map((draft) => draft.title);
const said = () => screen.getByTestId('reorder-announcement').textContent;

describe('IssueItems › a draft of the issue dropped from the inbox', () => {
  it('ends between items 4 and 5 when dropped between them', async () => {
    const issue = await desk('Mauboussin');

    dropOn(5, 'upper');

    // Before, it ended last: the place was counted with the draft still at 2.
    await waitFor(async () =>
      expect(await titles(issue.id)).toEqual([
        'OVH',
        'Lina Khan',
        'Quanta',
        'Mauboussin',
        'Wikipédia',
      ]),
    );
    await waitFor(() =>
      expect(said()).toBe('«\u00a0Mauboussin\u00a0» déplacé en position 4 sur 5.'),
    );
  });

  it('ends between items 4 and 5 when dropped on the lower half of item 4', async () => {
    const issue = await desk('Mauboussin');

    dropOn(4, 'lower');

    await waitFor(async () =>
      expect(await titles(issue.id)).toEqual([
        'OVH',
        'Lina Khan',
        'Quanta',
        'Mauboussin',
        'Wikipédia',
      ]),
    );
  });

  it('goes above the item it is dropped on when that is above its own place', async () => {
    const issue = await desk('Quanta');

    dropOn(2, 'upper');

    await waitFor(async () =>
      expect(await titles(issue.id)).toEqual([
        'OVH',
        'Quanta',
        'Mauboussin',
        'Lina Khan',
        'Wikipédia',
      ]),
    );
    await waitFor(() => expect(said()).toBe('«\u00a0Quanta\u00a0» déplacé en position 2 sur 5.'));
  });

  it('moves nothing and says nothing when dropped on its own place', async () => {
    await desk('Mauboussin');

    // Its own lower half, the lower half of the item above it, its own upper half: each is
    // where it is. Before, its own lower half moved it one place down.
    dropOn(2, 'lower');
    dropOn(1, 'lower');
    dropOn(2, 'upper');

    // Nothing asked of the database (a drop that moves an item asks at once, see above).
    expect(addToIssue).not.toHaveBeenCalled();
    expect(moveItem).not.toHaveBeenCalled();
    expect(said()).toBe('');
  });

  it('puts a draft of no issue where it is dropped, between items 4 and 5', async () => {
    const issue = await desk('Mauboussin');
    // Taken out of the issue behind the list's back: the inbox row still carries its id.
    await db.clips.update(
      (await issueItems(issue.id)).find((draft) => draft.title === 'Mauboussin')!.id,
      { issueId: '', sortKey: '' },
    );
    await waitFor(() => expect(screen.getAllByTestId('issue-item')).toHaveLength(4));

    dropOn(4, 'upper');

    await waitFor(async () =>
      expect(await titles(issue.id)).toEqual([
        'OVH',
        'Lina Khan',
        'Quanta',
        'Mauboussin',
        'Wikipédia',
      ]),
    );
  });
});

describe('IssueItems › a drop made before the list shows the draft dropped just before it', () => {
  /** The inbox's row of the draft `title`. */
  const row = (title: string) =>
    screen.getAllByTestId('draft').find((draft) => draft.textContent?.includes(title))!;

  /** The issue of five items, and in the inbox two drafts of no issue, « Free » and « Orange ». */
  async function deskWithTwoNew() {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    for (const title of TITLES) {
      await addToIssue((await addDraft(db, { title, body: `<p>${title}</p>` })).id, issue.id);
    }
    for (const title of ['Free', 'Orange']) await addDraft(db, { title, body: `<p>${title}</p>` });
    wrap(
      <>
        <Inbox onOpen={() => {}} currentIssueId={issue.id} />
        <IssueView currentIssueId={issue.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />
      </>,
    );
    await waitFor(() => expect(screen.getAllByTestId('issue-item')).toHaveLength(TITLES.length));
    await waitFor(() => expect(screen.getAllByTestId('draft')).toHaveLength(2));
    return issue;
  }

  it('puts a new draft below the item it was dropped below', async () => {
    const issue = await deskWithTwoNew();

    // « Free » between Lina Khan and Quanta; then, the list not drawn again yet (both drops in
    // the same task), « Orange » below Quanta, as the editor sees the list.
    dropOn(3, 'lower', row('Free'));
    dropOn(4, 'lower', row('Orange'));

    // Before, « Orange » went above Quanta: its place was counted without « Free ».
    await waitFor(async () =>
      expect(await titles(issue.id)).toEqual([
        'OVH',
        'Mauboussin',
        'Lina Khan',
        'Free',
        'Quanta',
        'Orange',
        'Wikipédia',
      ]),
    );
  });

  it('puts a new draft and an item moved just after it each next to the item dropped on', async () => {
    const issue = await deskWithTwoNew();

    dropOn(3, 'lower', row('Free'));
    // Mauboussin's own row (item 2), dropped below Quanta (item 4) as drawn. Before, the move
    // written first, « Free » went below Quanta: its place was counted with Mauboussin above.
    dropOn(4, 'lower', item(2));

    await waitFor(async () =>
      expect(await titles(issue.id)).toEqual([
        'OVH',
        'Lina Khan',
        'Free',
        'Quanta',
        'Mauboussin',
        'Wikipédia',
      ]),
    );
    // Said where it is stored: 5th of 6. Before, « en position 4 sur 5 », counted in the list
    // as drawn, without « Free ».
    await waitFor(() =>
      expect(said()).toBe('«\u00a0Mauboussin\u00a0» déplacé en position 5 sur 6.'),
    );
  });

  it('says the place an item took when dropped after another item moved by a drop', async () => {
    const issue = await deskWithTwoNew();

    // Mauboussin (item 2) below Quanta (item 4), then, the list not drawn again, OVH (item 1)
    // above Quanta as drawn: Quanta is now 2nd without OVH, so OVH takes the 2nd place.
    dropOn(4, 'lower', item(2));
    dropOn(4, 'upper', item(1));

    await waitFor(async () =>
      expect(await titles(issue.id)).toEqual([
        'Lina Khan',
        'OVH',
        'Quanta',
        'Mauboussin',
        'Wikipédia',
      ]),
    );
    // Before, « en position 3 sur 5 »: the index counted in the list as drawn.
    await waitFor(() => expect(said()).toBe('«\u00a0OVH\u00a0» déplacé en position 2 sur 5.'));
  });
});

describe('IssueItems › a draft dragged in from the inbox with the mouse', () => {
  /** The issue holding `titles`, in order, and in the inbox the drafts of no issue `fresh`. */
  async function deskWith(titles: string[], fresh: string[]) {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    for (const title of titles) {
      await addToIssue((await addDraft(db, { title, body: `<p>${title}</p>` })).id, issue.id);
    }
    for (const title of fresh) await addDraft(db, { title, body: `<p>${title}</p>` });
    wrap(
      <>
        <Inbox onOpen={() => {}} currentIssueId={issue.id} />
        <IssueView currentIssueId={issue.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />
      </>,
    );
    await waitFor(() => expect(screen.queryAllByTestId('draft')).toHaveLength(fresh.length));
    return issue;
  }
  const inboxRow = (title: string) =>
    screen.getAllByTestId('draft').find((draft) => draft.textContent?.includes(title))!;

  it('says once that it was added, and at which place, as « + Au numéro » says it', async () => {
    const issue = await deskWith(TITLES, ['Free']);
    await waitFor(() => expect(screen.getAllByTestId('issue-item')).toHaveLength(TITLES.length));
    const spoken = recordSpoken();

    dropOn(3, 'lower', inboxRow('Free'));

    await waitFor(async () => expect((await titles(issue.id))[3]).toBe('Free'));
    // Before, nothing: a screen reader heard nothing of the mouse's drop.
    await waitFor(() =>
      expect(spoken).toEqual(['«\u00a0Free\u00a0» ajouté au numéro en position 4 sur 6.']),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(spoken).toHaveLength(1);
  });

  it('leaves the keyboard on the item dropped, not on the page’s body with the inbox’s row', async () => {
    await deskWith(TITLES, ['Free', 'Orange']);
    await waitFor(() => expect(screen.getAllByTestId('issue-item')).toHaveLength(TITLES.length));
    // The pointer pressed on the inbox's row gives it the keyboard, as Chromium does.
    inboxRow('Free').closest('li')!.focus();

    dropOn(3, 'lower', inboxRow('Free'));

    await waitFor(() => expect(screen.getAllByTestId('draft')).toHaveLength(1));
    // Before, the page's body: the row left the inbox with the keyboard, and ↓ did nothing.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Free, position 4 sur 6'),
    );
  });

  it('says so dropped on an empty issue', async () => {
    const issue = await deskWith([], ['Free']);
    const zone = await screen.findByTestId('issue-empty');
    const spoken = recordSpoken();

    const data = new Map<string, string>();
    const dataTransfer = {
      get types() {
        return [...data.keys()];
      },
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
    };
    fireEvent.dragStart(inboxRow('Free'), { dataTransfer });
    fireEvent.dragOver(zone, { dataTransfer });
    fireEvent.drop(zone, { dataTransfer });

    await waitFor(async () => expect(await titles(issue.id)).toEqual(['Free']));
    await waitFor(() =>
      expect(spoken).toEqual(['«\u00a0Free\u00a0» ajouté au numéro en position 1 sur 1.']),
    );
  });

  it('says a draft of another issue was taken from it, and offers to put it back there', async () => {
    const issue = await deskWith(TITLES, []);
    const other = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2021-03-22' });
    const free = await addDraft(db, { title: 'Free', body: '<p>Free</p>' });
    await addToIssue(free.id, other.id);
    await waitFor(() => expect(screen.getAllByTestId('issue-item')).toHaveLength(TITLES.length));
    // The drafts of every issue, searched: « Free », of the 22nd of March.
    fireEvent.change(screen.getByRole('combobox', { name: 'Où chercher' }), {
      target: { value: 'all' },
    });
    fireEvent.input(await screen.findByTestId('search'), { target: { value: 'Free' } });
    await waitFor(() => expect(screen.getAllByTestId('draft')).toHaveLength(1));
    const spoken = recordSpoken();

    dropOn(3, 'lower', inboxRow('Free'));

    await waitFor(async () => expect((await titles(issue.id))[3]).toBe('Free'));
    // Before, « ajouté au numéro » alone: it was also taken out of the 22nd's, unsaid, with no
    // way back but finding its place there by hand.
    await waitFor(() =>
      expect(spoken).toEqual([
        '«\u00a0Free\u00a0» déplacé de «\u00a0Les indiscrets du 22 mars\u00a0» vers ce numéro, en position 4 sur 6.',
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(async () => expect(await titles(other.id)).toEqual(['Free']));
    expect(await titles(issue.id)).toEqual(TITLES);
  });
});
