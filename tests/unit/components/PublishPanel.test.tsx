import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PublishPanel } from '../../../components/PublishPanel';
import { setLocale } from '../../../locales';
import { createHouseStyle, DEFAULT_HOUSE_STYLE } from '../../../export/house-style';
import { issueDigest, postDigest } from '../../../export/post-digest';
import { renderWordPressBlocks } from '../../../export/wordpress-blocks';
import {
  registerHandlers,
  type DeskPublishCheck,
  type Handlers,
  type PostStateAnswer,
  type PublishOutcome,
} from '../../../messaging/protocol';
import type { Issue } from '../../../storage/db';
import { db } from '../../../storage/db';
import { wordpressItem } from '../../../storage/preferences';
import { deskState } from '../desk-fixtures';
import { sampleIssue } from '../export/fixtures';

const issue: Issue = {
  id: 'issue-1',
  title: 'Les indiscrets du 15 mars',
  date: '2027-03-15',
  intro: '',
  status: 'open',
  createdAt: '2027-03-10T08:00:00.000Z',
  updatedAt: '2027-03-10T08:00:00.000Z',
};

let unregister: () => void;
const publish = vi.fn<() => Promise<PublishOutcome>>();
const cancel = vi.fn<() => Promise<boolean>>();
const postState =
  vi.fn<(request: { issueId: string; token: string }) => Promise<PostStateAnswer>>();
const postStateCancel = vi.fn<(request: { token: string }) => Promise<boolean>>();
const deskPublishCheck = vi.fn<(request: { issueId: string }) => Promise<DeskPublishCheck>>();

beforeEach(async () => {
  fakeBrowser.reset();
  publish.mockReset();
  cancel.mockReset();
  postState.mockReset();
  postStateCancel.mockReset();
  deskPublishCheck.mockReset();
  // The background's answer with no shared desk, or nobody else in the issue.
  deskPublishCheck.mockResolvedValue({ ok: true });
  // No shared desk unless a test joins one.
  await db.syncState.clear();
  // Unless a test says otherwise, the post cannot be read: nothing is said of it.
  postState.mockResolvedValue({ ok: false, code: 'offline' });
  postStateCancel.mockResolvedValue(false);
  await wordpressItem.setValue({
    siteUrl: 'https://www.monjournal.fr',
    username: 'redac',
    category: 'Indiscrets',
    status: 'draft',
  });
  // The background's handler, answered by the test: the panel asks through the protocol.
  unregister = registerHandlers({
    publishIssue: publish,
    publishCancel: cancel,
    postState,
    postStateCancel,
    deskPublishCheck,
  } as unknown as Handlers);
});
afterEach(() => {
  unregister();
  cleanup();
});

describe('PublishPanel', () => {
  it('says a site down with a server error is to be tried again later, with its status', async () => {
    publish.mockResolvedValue({ ok: false, code: 'site_server_error', params: { status: 503 } });
    render(
      <PublishPanel issue={issue} model={sampleIssue} style={DEFAULT_HOUSE_STYLE} problems={0} />,
    );

    fireEvent.click(
      await screen.findByRole('button', { name: 'Publier sur WordPress (brouillon)' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Le site a répondu par une erreur du serveur (code 503)\u00a0: il est peut-être momentanément indisponible. Réessayez plus tard, ou prévenez son administrateur si cela dure.',
    );
    expect(alert.textContent).not.toContain('ne semble pas être un WordPress');
    // Nothing to fix in the settings: the failure does not send the editor there.
    expect(screen.queryByRole('button', { name: 'Réglages' })).toBeNull();
  });

  it('says credentials answered as to an anonymous visitor both ways, « Réglages » beside', async () => {
    // A wrong password, or a server that drops the Authorization header: the sentence says both.
    publish.mockResolvedValue({ ok: false, code: 'credentials_unseen', params: { status: 401 } });
    render(
      <PublishPanel issue={issue} model={sampleIssue} style={DEFAULT_HOUSE_STYLE} problems={0} />,
    );

    fireEvent.click(await screen.findByRole('button', { name: /^Publier sur WordPress/ }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('HTTP_AUTHORIZATION'));
    expect(alert.textContent).toContain('comme si aucun identifiant ne lui avait été envoyé');
    expect(screen.getByRole('button', { name: 'Réglages' })).toBeTruthy();
  });

  it('says a password refused where the shared desk synced with it was perhaps revoked', async () => {
    // The advice of a first setup (« pas votre mot de passe habituel ») would be wrong there.
    await db.syncState.put({ ...deskState('editor'), lastSyncAt: '2027-03-15T09:00:00.000Z' });
    publish.mockResolvedValue({ ok: false, code: 'wrong_credentials', params: { status: 401 } });
    render(
      <PublishPanel issue={issue} model={sampleIssue} style={DEFAULT_HOUSE_STYLE} problems={0} />,
    );

    fireEvent.click(await screen.findByRole('button', { name: /^Publier sur WordPress/ }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('il a peut-être été révoqué'));
    expect(alert.textContent).not.toContain('pas votre mot de passe habituel');
    await db.syncState.clear();
  });

  it('asks the background who has the issue open before publishing, though it has not read the shared desk yet', async () => {
    // The desk's first moments: this panel's read of the shared desk has not answered (nothing
    // stored here says the desk is on), but the background knows a colleague has an item open.
    deskPublishCheck.mockResolvedValue({
      ok: false,
      code: 'locked',
      open: [{ kind: 'draft', id: 'ovh-bourse', by: 'Paul Martin', userId: 4 }],
    });
    render(
      <PublishPanel issue={issue} model={sampleIssue} style={DEFAULT_HOUSE_STYLE} problems={0} />,
    );

    fireEvent.click(
      await screen.findByRole('button', { name: 'Publier sur WordPress (brouillon)' }),
    );

    const question = await screen.findByTestId('publish-locked');
    expect(deskPublishCheck).toHaveBeenCalledWith({ issueId: 'issue-1' });
    expect(question.textContent).toContain('Paul Martin');
    expect(publish).not.toHaveBeenCalled();
  });

  it('publishes at once when the background says nobody else has it open (or no shared desk)', async () => {
    publish.mockResolvedValue({ ok: false, code: 'cancelled', params: {} });
    render(
      <PublishPanel issue={issue} model={sampleIssue} style={DEFAULT_HOUSE_STYLE} problems={0} />,
    );

    fireEvent.click(
      await screen.findByRole('button', { name: 'Publier sur WordPress (brouillon)' }),
    );

    await waitFor(() => expect(publish).toHaveBeenCalledTimes(1));
    expect(deskPublishCheck).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('publish-locked')).toBeNull();
  });

  it('stops a publication under way on « Annuler », and says what becomes of it', async () => {
    // The background answers `cancelled` once told to stop.
    let stopped!: (outcome: PublishOutcome) => void;
    publish.mockReturnValue(new Promise((resolve) => (stopped = resolve)));
    cancel.mockImplementation(async () => {
      stopped({ ok: false, code: 'cancelled', params: {} });
      return true;
    });
    render(
      <PublishPanel issue={issue} model={sampleIssue} style={DEFAULT_HOUSE_STYLE} problems={0} />,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Publier sur WordPress (brouillon)' }),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Annuler' }));

    const said = await screen.findByTestId('publish-message');
    expect(cancel).toHaveBeenCalledWith({ issueId: 'issue-1' });
    expect(said.textContent).toBe(
      'Publication annulée. Si WordPress avait déjà reçu le numéro, le prochain essai retrouvera son article au lieu d’en créer un second.',
    );
    expect(said.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Publier sur WordPress (brouillon)' }),
    ).toHaveProperty('disabled', false);
  });
});

describe('PublishPanel, WordPress not set up', () => {
  beforeEach(async () => {
    await wordpressItem.setValue({ siteUrl: '', username: '', category: '', status: 'draft' });
  });
  afterEach(() => setLocale('fr'));

  /** The sentence sending the editor to the settings, its button, and what is around it. */
  async function sentence() {
    const said = await screen.findByTestId('publish-not-configured');
    const button = within(said).getByRole('button');
    return { text: said.textContent, button, before: button.previousSibling?.textContent };
  }

  it('sends the editor to the settings in one French sentence, the button where it says', async () => {
    render(
      <PublishPanel issue={issue} model={sampleIssue} style={DEFAULT_HOUSE_STYLE} problems={0} />,
    );

    const { text, button, before } = await sentence();
    expect(text).toBe('Pour publier sur WordPress, renseignez le site dans les Réglages.');
    expect(button.textContent).toBe('Réglages');
    expect(before).toBe('Pour publier sur WordPress, renseignez le site dans les ');
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    fireEvent.click(button);
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1));
  });

  it('says it in one English sentence, the button where English puts it', async () => {
    setLocale('en');
    render(
      <PublishPanel issue={issue} model={sampleIssue} style={DEFAULT_HOUSE_STYLE} problems={0} />,
    );

    const { text, button } = await sentence();
    // Before: « …set the site up in the » with the button glued after, « in the Settings. »
    expect(text).toBe('To publish to WordPress, set the site up in Settings.');
    expect(button.textContent).toBe('Settings');
  });
});

describe('PublishPanel, once the issue is published', () => {
  const sentPost = renderWordPressBlocks(sampleIssue, DEFAULT_HOUSE_STYLE);
  const published = (digest?: string): Issue => ({
    ...issue,
    status: 'published',
    wordpress: {
      postId: 812,
      link: 'https://www.monjournal.fr/?p=812',
      modifiedGmt: '2027-03-15T09:02:00',
      publishedAt: '2027-03-15T09:02:00.000Z',
      siteUrl: 'https://www.monjournal.fr',
      ...(digest ? { digest } : {}),
    },
  });
  const changed = {
    ...sampleIssue,
    items: [...sampleIssue.items].reverse(),
  };
  const stale = () => screen.getByTestId('post-stale');
  const button = () => screen.getByRole('button', { name: 'Mettre à jour l’article WordPress' });

  it('says nothing while the issue is what was sent', async () => {
    render(
      <PublishPanel
        issue={published(postDigest(sentPost))}
        model={sampleIssue}
        style={DEFAULT_HOUSE_STYLE}
        problems={0}
      />,
    );
    await screen.findByTestId('published-by');
    expect(stale().textContent).toBe('');
    expect(button().getAttribute('aria-describedby')).toBeNull();
  });

  it('says the post is out of date once what would be sent differs, and the update button says why', async () => {
    const { rerender } = render(
      <PublishPanel
        issue={published(postDigest(sentPost))}
        model={sampleIssue}
        style={DEFAULT_HOUSE_STYLE}
        problems={0}
      />,
    );
    await screen.findByTestId('published-by');
    rerender(
      <PublishPanel
        issue={published(postDigest(sentPost))}
        model={changed}
        style={DEFAULT_HOUSE_STYLE}
        problems={0}
      />,
    );
    expect(stale().textContent).toBe(
      'Modifié depuis\u00a0: l’article WordPress n’est plus à jour.',
    );
    expect(stale().getAttribute('role')).toBe('status');
    expect(button().getAttribute('aria-describedby')).toBe(stale().id);

    // The post updated (its digest now the new text's): the sentence goes.
    rerender(
      <PublishPanel
        issue={published(postDigest(renderWordPressBlocks(changed, DEFAULT_HOUSE_STYLE)))}
        model={changed}
        style={DEFAULT_HOUSE_STYLE}
        problems={0}
      />,
    );
    expect(stale().textContent).toBe('');
  });

  it('says nothing of a post a colleague published from a browser of another house style, until the issue changes', async () => {
    // Their browser credits sources, writes English and titles issues its own way: the post it
    // sent differs from the one this browser would send, but the digest is of the issue.
    const theirs = createHouseStyle({
      locale: 'en',
      creditStyle: 'via',
      titlePattern: 'Insider notes, {date}',
    });
    const { rerender } = render(
      <PublishPanel
        issue={published(issueDigest(sampleIssue))}
        model={sampleIssue}
        style={theirs}
        problems={0}
      />,
    );
    await screen.findByTestId('published-by');
    expect(stale().textContent).toBe('');
    rerender(
      <PublishPanel
        issue={published(issueDigest(sampleIssue))}
        model={sampleIssue}
        style={DEFAULT_HOUSE_STYLE}
        problems={0}
      />,
    );
    expect(stale().textContent).toBe('');

    rerender(
      <PublishPanel
        issue={published(issueDigest(sampleIssue))}
        model={changed}
        style={theirs}
        problems={0}
      />,
    );
    expect(stale().textContent).toBe(
      'Modifié depuis\u00a0: l’article WordPress n’est plus à jour.',
    );
  });

  it('says nothing of a post published by an earlier version (no digest), whatever changed', async () => {
    render(
      <PublishPanel issue={published()} model={changed} style={DEFAULT_HOUSE_STYLE} problems={0} />,
    );
    await screen.findByTestId('published-by');
    expect(stale().textContent).toBe('');
  });
});

describe('PublishPanel, a post edited in WordPress since its publication', () => {
  const sentPost = renderWordPressBlocks(sampleIssue, DEFAULT_HOUSE_STYLE);
  /** The post as the publication recorded it: 15 March 2027, 09:02 UTC. */
  const published: Issue = {
    ...issue,
    status: 'published',
    wordpress: {
      postId: 812,
      link: 'https://www.monjournal.fr/?p=812',
      modifiedGmt: '2027-03-15T09:02:00',
      publishedAt: '2027-03-15T09:02:00.000Z',
      siteUrl: 'https://www.monjournal.fr',
      digest: postDigest(sentPost),
    },
  };
  /**
   * 5 December 2025 at 10:12 in this browser's time zone, as WordPress writes it (UTC): a year
   * that is not this one, said whatever day the test runs.
   */
  const EDITED_GMT = new Date(2025, 11, 5, 10, 12).toISOString().slice(0, 19);
  const EDIT_LINK = 'https://www.monjournal.fr/wp-admin/post.php?post=812&action=edit';
  const remote = (modifiedGmt: string, unsure?: true): PostStateAnswer => ({
    ok: true,
    postId: 812,
    modifiedGmt,
    ...(unsure ? { unsure } : {}),
    status: 'draft',
    link: 'https://www.monjournal.fr/?p=812',
    editLink: EDIT_LINK,
  });
  const EDITED =
    'Article modifié dans WordPress le 5\u00a0décembre\u00a02025 à 10\u00a0h\u00a012, après sa dernière publication\u00a0: le mettre à jour écraserait ces changements. Voir ces changements dans WordPress';
  const edited = () => screen.getByTestId('post-edited');
  const button = () => screen.getByRole('button', { name: 'Mettre à jour l’article WordPress' });
  const panel = (props: { issue?: Issue; model?: typeof sampleIssue } = {}) => (
    <PublishPanel
      issue={props.issue ?? published}
      model={props.model ?? sampleIssue}
      style={DEFAULT_HOUSE_STYLE}
      problems={0}
    />
  );

  it('reads the post as the panel opens and says it was edited there, with a link to it, and the update button says why', async () => {
    postState.mockResolvedValue(remote(EDITED_GMT));
    render(panel());

    await waitFor(() => expect(edited().textContent).toBe(EDITED));
    expect(postState).toHaveBeenCalledTimes(1);
    // With the publication it compares the answer with: the background answers nothing of
    // another (a sync's newer record this panel has not drawn yet).
    expect(postState).toHaveBeenCalledWith({
      issueId: 'issue-1',
      token: expect.any(String),
      recordedGmt: published.wordpress!.modifiedGmt,
    });
    expect(edited().getAttribute('role')).toBe('status');
    const link = screen.getByRole('link', { name: 'Voir ces changements dans WordPress' });
    expect(link.getAttribute('href')).toBe(EDIT_LINK);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(button().getAttribute('aria-describedby')).toBe(edited().id);
  });

  it('says the change may be a colleague’s when the shared desk could not be read to tell', async () => {
    await db.syncState.put(deskState('editor'));
    postState.mockResolvedValue(remote(EDITED_GMT, true));
    render(panel());

    await waitFor(() =>
      expect(edited().textContent).toBe(
        'Article modifié le 5\u00a0décembre\u00a02025 à 10\u00a0h\u00a012, après sa dernière publication ici\u00a0: dans WordPress, ou par un collègue (la rédaction partagée n’a pas pu être lue). Le mettre à jour écraserait ces changements. Voir ces changements dans WordPress',
      ),
    );
    expect(button().getAttribute('aria-describedby')).toBe(edited().id);
  });

  it('reads the post again once the shared desk is read, and then says whose change it is', async () => {
    // The desk's last good run ended before the panel opened: it tells nothing of this post.
    await db.syncState.put(deskState('editor', { lastSyncAt: '2026-01-01T00:00:00.000Z' }));
    postState.mockResolvedValueOnce(remote(EDITED_GMT, true));
    postState.mockResolvedValueOnce(remote(EDITED_GMT));
    render(panel());
    await waitFor(() => expect(edited().textContent).toContain('ou par un collègue'));

    // A run that failed says nothing more: the line stays as it is, and is not read again.
    await db.syncState.update('desk', {
      lastError: { code: 'offline', at: new Date().toISOString() },
      lastSyncAt: new Date(Date.now() + 1000).toISOString(),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(postState).toHaveBeenCalledTimes(1);

    // A run goes through: what a colleague's browser had sent is here, the post is read again.
    await db.syncState.update('desk', {
      lastError: undefined,
      lastSyncAt: new Date(Date.now() + 2000).toISOString(),
    });
    await waitFor(() => expect(edited().textContent).toBe(EDITED));
    expect(postState).toHaveBeenCalledTimes(2);
    // Once: that read waits for no other run of the desk.
    expect(postState).toHaveBeenLastCalledWith(expect.objectContaining({ caughtUp: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(postState).toHaveBeenCalledTimes(2);
  });

  it('keeps the line when that read cannot answer, and asks again after the next run', async () => {
    await db.syncState.put(deskState('editor', { lastSyncAt: '2026-01-01T00:00:00.000Z' }));
    postState.mockResolvedValueOnce(remote(EDITED_GMT, true));
    postState.mockResolvedValueOnce({ ok: false, code: 'offline' });
    postState.mockResolvedValueOnce(remote(EDITED_GMT));
    render(panel());
    await waitFor(() => expect(edited().textContent).toContain('ou par un collègue'));

    await db.syncState.update('desk', { lastSyncAt: new Date(Date.now() + 1000).toISOString() });
    await waitFor(() => expect(postState).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Offline a moment after the run: the post was changed all the same, and that is still said.
    expect(edited().textContent).toContain('ou par un collègue');

    await db.syncState.update('desk', { lastSyncAt: new Date(Date.now() + 2000).toISOString() });
    await waitFor(() => expect(edited().textContent).toBe(EDITED));
  });

  it('takes the line away when the read again finds the post deleted', async () => {
    await db.syncState.put(deskState('editor', { lastSyncAt: '2026-01-01T00:00:00.000Z' }));
    postState.mockResolvedValueOnce(remote(EDITED_GMT, true));
    // A post gone (404, 410) or in WordPress's trash: wordpress/client.ts answers `deleted`.
    postState.mockResolvedValueOnce({ ok: false, code: 'deleted' });
    render(panel());
    await waitFor(() => expect(edited().textContent).toContain('ou par un collègue'));

    await db.syncState.update('desk', { lastSyncAt: new Date(Date.now() + 1000).toISOString() });

    await waitFor(() => expect(edited().textContent).toBe(''));
    expect(postState).toHaveBeenCalledTimes(2);
  });

  it('does not start that read over at every run that ends while it is under way', async () => {
    await db.syncState.put(deskState('editor', { lastSyncAt: '2026-01-01T00:00:00.000Z' }));
    postState.mockResolvedValueOnce(remote(EDITED_GMT, true));
    // A slow site: the read asked again does not answer before the next runs end.
    postState.mockReturnValue(new Promise<PostStateAnswer>(() => undefined));
    render(panel());
    await waitFor(() => expect(edited().textContent).toContain('ou par un collègue'));

    for (const run of [1, 2, 3]) {
      await db.syncState.update('desk', {
        lastSyncAt: new Date(Date.now() + run * 1000).toISOString(),
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect(postState).toHaveBeenCalledTimes(2);
    expect(postStateCancel).not.toHaveBeenCalled();
  });

  it('says it alike when a colleague published the post, whom the line above names', async () => {
    // The shared desk, as Rédac (the Editor); Claire Martin published the issue from her browser.
    await db.syncState.put(deskState('editor'));
    postState.mockResolvedValue(remote(EDITED_GMT));
    render(
      panel({
        issue: {
          ...published,
          wordpress: { ...published.wordpress!, publishedBy: { id: 77, name: 'Claire Martin' } },
        },
      }),
    );

    await waitFor(() => expect(edited().textContent).toBe(EDITED));
    // Named once the shared desk is read (before, the line says when only).
    await waitFor(() =>
      expect(screen.getByTestId('published-by').textContent).toContain('Publié par Claire Martin'),
    );
    // Not « votre publication »: the post is not this editor's.
    expect(edited().textContent).not.toMatch(/votre|vous/);
  });

  it('says nothing while WordPress has the post as it was published', async () => {
    postState.mockResolvedValue(remote('2027-03-15T09:02:00'));
    render(panel());
    await waitFor(() => expect(postState).toHaveBeenCalledTimes(1));
    // Read and answered: the line is no longer busy, and says nothing.
    await waitFor(() => expect(edited().getAttribute('aria-busy')).toBeNull());
    await screen.findByTestId('published-by');
    expect(edited().textContent).toBe('');
    expect(button().getAttribute('aria-describedby')).toBeNull();
  });

  it.each([
    ['offline'],
    ['wrong_credentials'],
    ['timeout'],
    ['deleted'],
    ['no_permission'],
  ] as const)('says nothing when the post cannot be read (%s)', async (code) => {
    postState.mockResolvedValue({ ok: false, code });
    render(panel());
    await waitFor(() => expect(postState).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(edited().getAttribute('aria-busy')).toBeNull());
    expect(edited().textContent).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says it beside « Modifié depuis » when the issue changed here too', async () => {
    postState.mockResolvedValue(remote(EDITED_GMT));
    render(panel({ model: { ...sampleIssue, items: [...sampleIssue.items].reverse() } }));
    await waitFor(() => expect(edited().textContent).toBe(EDITED));
    expect(screen.getByTestId('post-stale').textContent).toBe(
      'Modifié depuis\u00a0: l’article WordPress n’est plus à jour.',
    );
    expect(button().getAttribute('aria-describedby')).toBe(
      `${screen.getByTestId('post-stale').id} ${edited().id}`,
    );
  });

  it('reads the post again after a publication, and says nothing once it overwrote the edit', async () => {
    postState.mockResolvedValue(remote(EDITED_GMT));
    const { rerender } = render(panel());
    await waitFor(() => expect(edited().textContent).toBe(EDITED));

    // « Écraser » at publish time: the post recorded anew with WordPress's new modified_gmt.
    const NEW_GMT = '2027-12-05T11:00:00';
    publish.mockResolvedValue({
      ok: true,
      postId: 812,
      link: 'https://www.monjournal.fr/?p=812',
      editLink: EDIT_LINK,
      created: false,
    });
    postState.mockResolvedValue(remote(NEW_GMT));
    fireEvent.click(button());
    await screen.findByTestId('publish-message');
    rerender(
      panel({
        issue: { ...published, wordpress: { ...published.wordpress!, modifiedGmt: NEW_GMT } },
      }),
    );
    await waitFor(() => expect(postState.mock.calls.length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(edited().textContent).toBe(''));
  });

  it('says nothing beside the question that asks to overwrite the post: that says it already', async () => {
    postState.mockResolvedValue(remote(EDITED_GMT));
    publish.mockResolvedValue({ ok: false, code: 'conflict', params: { status: 200 } });
    render(panel());
    await waitFor(() => expect(edited().textContent).toBe(EDITED));
    fireEvent.click(button());
    await screen.findByRole('button', { name: 'Écraser la version de WordPress' });
    expect(edited().textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(edited().textContent).toBe(EDITED));
  });

  it('stops the read when the panel closes before WordPress answers, and says nothing after', async () => {
    let answer!: (a: PostStateAnswer) => void;
    postState.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const { unmount } = render(panel());
    await waitFor(() => expect(postState).toHaveBeenCalledTimes(1));
    // Busy while WordPress has not answered.
    expect(edited().getAttribute('aria-busy')).toBe('true');
    const { token } = postState.mock.calls[0]![0];
    unmount();
    await waitFor(() => expect(postStateCancel).toHaveBeenCalledWith({ token }));
    answer(remote(EDITED_GMT));
  });

  it('does not ask for an issue never published', async () => {
    render(panel({ issue }));
    await screen.findByRole('button', { name: 'Publier sur WordPress (brouillon)' });
    expect(postState).not.toHaveBeenCalled();
    expect(screen.queryByTestId('post-edited')).toBeNull();
  });
});
