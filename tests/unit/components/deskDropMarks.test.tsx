/**
 * The desk's drop targets: each drawn as one while a drag is over it, and no longer once any drag
 * of the page ends (given up with Escape, dropped elsewhere), whoever started it; and an issue's
 * item dropped on the inbox while it shows the trash, taken out of the issue and shown where it
 * went.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Desk } from '../../../components/Desk';
import { db } from '../../../storage/db';
import { addToIssue, createIssue, issueItems } from '../../../storage/issues';
import { addDraft } from '../storage/helpers';
import { clearSharedDesk, wrap } from './desk-views';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await clearSharedDesk({ clips: true, issues: true });
});
afterEach(cleanup);

/** The desk on an issue of `items`, « Free » and « Orange » in its inbox. */
async function openDesk(items: string[]) {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
  for (const title of items) {
    const draft = await addDraft(db, { title, body: `<p>${title}</p>`, label: title });
    await addToIssue(draft.id, issue.id);
  }
  for (const title of ['Free', 'Orange']) {
    await addDraft(db, { title, body: `<p>Le texte de ${title}.</p>` });
  }
  wrap(<Desk header={null} currentIssueId={issue.id} onSelectIssue={() => {}} />);
  if (items.length) {
    await waitFor(() => expect(screen.getAllByTestId('issue-item')).toHaveLength(items.length));
  } else await screen.findByTestId('issue-empty');
  await screen.findByText('Orange');
  return issue;
}

/** A drag started on `from` as the browser starts it, its data shared by its events. */
function dragFrom(from: HTMLElement) {
  const data = new Map<string, string>();
  const dataTransfer = {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    effectAllowed: 'all',
    dropEffect: 'none',
  };
  fireEvent.dragStart(from, { dataTransfer });
  return {
    over: (to: HTMLElement) => !fireEvent.dragOver(to, { dataTransfer, clientY: 0 }),
    /** Given up (Escape): only the drag's source is told. */
    givenUp: () => fireEvent.dragEnd(from, { dataTransfer }),
    drop: (to: HTMLElement) => {
      fireEvent.drop(to, { dataTransfer });
      fireEvent.dragEnd(from, { dataTransfer });
    },
  };
}

const draftRow = (title: string) => screen.getByText(title).closest('article')!;
const item = (title: string) =>
  screen.getAllByTestId('issue-item').find((row) => row.textContent?.includes(title))!;
const inbox = () => document.querySelector<HTMLElement>('section.inbox')!;
const marks = () =>
  [
    ...document.querySelectorAll(
      '.reorder__item--before, .reorder__item--after, .draft--drop, .dropzone--over, .inbox--drop',
    ),
  ].length;

describe('Desk › a drop target once the drag over it is given up', () => {
  it('no longer draws a draft’s row as the merge target', async () => {
    await openDesk(['OVH']);
    const drag = dragFrom(draftRow('Free'));
    expect(drag.over(draftRow('Orange'))).toBe(true);
    expect(draftRow('Orange').classList.contains('draft--drop')).toBe(true);

    drag.givenUp();

    // Before, outlined until another drag passed over it and left.
    await waitFor(() => expect(draftRow('Orange').classList.contains('draft--drop')).toBe(false));
  });

  it('no longer draws the issue list’s drop marker for a draft of the inbox', async () => {
    await openDesk(['OVH', 'Mauboussin']);
    const drag = dragFrom(draftRow('Free'));
    expect(drag.over(item('Mauboussin'))).toBe(true);
    expect(marks()).toBe(1);

    drag.givenUp();

    // Before, only the list's own item's drag cleared it.
    await waitFor(() => expect(marks()).toBe(0));
  });

  it('no longer outlines the empty issue', async () => {
    await openDesk([]);
    const drag = dragFrom(draftRow('Free'));
    expect(drag.over(screen.getByTestId('issue-empty'))).toBe(true);
    expect(screen.getByTestId('issue-empty').classList.contains('dropzone--over')).toBe(true);

    drag.givenUp();

    await waitFor(() =>
      expect(screen.getByTestId('issue-empty').classList.contains('dropzone--over')).toBe(false),
    );
  });

  it('no longer draws the issue list’s drop marker once a drag whose draft’s row left the inbox meanwhile is given up', async () => {
    await openDesk(['OVH', 'Mauboussin']);
    const source = draftRow('Free');
    const drag = dragFrom(source);
    expect(drag.over(item('Mauboussin'))).toBe(true);
    // Its row gone while dragged (trashed by a colleague; in Chromium, the inbox scrolled on):
    // the browser tells the drag's end to the row alone, no longer in the page.
    const free = (await db.clips.toArray()).find((clip) => clip.title === 'Free')!;
    await db.clips.update(free.id, { deletedAt: new Date().toISOString() });
    await waitFor(() => expect(source.isConnected).toBe(false));

    drag.givenUp();

    // Before, the marker stayed: the page's dragend listener never heard it.
    await waitFor(() => expect(marks()).toBe(0));
  });

  it('no longer draws a draft’s row as the target once the drag was dropped elsewhere', async () => {
    await openDesk(['OVH']);
    const drag = dragFrom(draftRow('Free'));
    drag.over(draftRow('Orange'));
    // Dropped on the issue's list, never leaving the row as the browser tells it.
    drag.drop(item('OVH'));

    await waitFor(() => expect(marks()).toBe(0));
  });
});

describe('Desk › an issue’s item dropped on the inbox showing the trash', () => {
  it('takes it out of the issue, not to the trash, and shows the drafts out of the issues, its row with the keyboard', async () => {
    const issue = await openDesk(['OVH', 'Mauboussin']);
    const box = screen.getByRole('combobox', { name: 'Où chercher' });
    fireEvent.change(box, { target: { value: 'trash' } });
    await waitFor(() => expect(screen.queryByText('Orange')).toBeNull());

    const from = item('Mauboussin');
    from.focus();
    const drag = dragFrom(from);
    expect(drag.over(inbox())).toBe(true);
    drag.drop(inbox());

    await waitFor(async () =>
      expect((await issueItems(issue.id)).map((draft) => draft.title)).toEqual(['OVH']),
    );
    const draft = (await db.clips.toArray()).find((clip) => clip.title === 'Mauboussin')!;
    expect(draft.deletedAt).toBeFalsy();
    // Before, the trash stayed shown, without it: the editor took it for trashed.
    await waitFor(() => expect((box as HTMLSelectElement).value).toBe('inbox'));
    await waitFor(() => {
      expect(inbox().contains(document.activeElement)).toBe(true);
      expect(document.activeElement?.textContent).toContain('Mauboussin');
    });
  });
});

/**
 * A drag from another desk window (or another browser window of the same extension), over this
 * one: nothing starts or ends here, and the browser tells this page nothing when it is given up
 * (Escape, a release where nothing takes it) over it. Once the pointer moves in the page again as
 * a pointer (no drag is under way: a drag moves nothing but drag events), no mark is left drawn.
 */
describe('Desk › a drag from another window, given up over this one', () => {
  /** A drag this page did not start: only its type is seen, as in a drag from elsewhere. */
  function dragFromElsewhere(type: string) {
    const dataTransfer = {
      types: [type],
      getData: () => '',
      setData: () => {},
      effectAllowed: 'all',
      dropEffect: 'none',
    };
    return (to: HTMLElement) => !fireEvent.dragOver(to, { dataTransfer, clientY: 0 });
  }

  it('leaves no draft row, issue list marker or inbox outline drawn once the pointer moves here', async () => {
    await openDesk(['OVH', 'Mauboussin']);
    const draftOver = dragFromElsewhere('application/x-indiscrets-draft');
    expect(draftOver(draftRow('Free'))).toBe(true);
    expect(marks()).toBe(1);
    fireEvent.mouseMove(document.body);
    // Before, drawn until another drag passed over and left it.
    await waitFor(() => expect(marks()).toBe(0));

    expect(draftOver(item('Mauboussin'))).toBe(true);
    await waitFor(() => expect(marks()).toBe(1));
    fireEvent.mouseMove(document.body);
    await waitFor(() => expect(marks()).toBe(0));

    const itemOver = dragFromElsewhere('application/x-indiscrets-item');
    expect(itemOver(inbox())).toBe(true);
    await waitFor(() => expect(marks()).toBe(1));
    fireEvent.mouseDown(document.body);
    await waitFor(() => expect(marks()).toBe(0));
  });

  it('no longer outlines the empty issue once the pointer moves here', async () => {
    await openDesk([]);
    const over = dragFromElsewhere('application/x-indiscrets-draft');
    expect(over(screen.getByTestId('issue-empty'))).toBe(true);
    await waitFor(() => expect(marks()).toBe(1));
    fireEvent.mouseMove(document.body);
    await waitFor(() => expect(marks()).toBe(0));
  });
});
