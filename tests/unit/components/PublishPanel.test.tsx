import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PublishPanel } from '../../../components/PublishPanel';
import { createHouseStyle, DEFAULT_HOUSE_STYLE } from '../../../export/house-style';
import { issueDigest, postDigest } from '../../../export/post-digest';
import { renderWordPressBlocks } from '../../../export/wordpress-blocks';
import { registerHandlers, type Handlers, type PublishOutcome } from '../../../messaging/protocol';
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

beforeEach(async () => {
  fakeBrowser.reset();
  publish.mockReset();
  cancel.mockReset();
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
