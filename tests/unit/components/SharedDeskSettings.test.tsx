import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SharedDeskSettings } from '../../../components/SharedDeskSettings';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import type { DeskProbe } from '../../../messaging/protocol';
import { wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import { deskProbe } from '../desk-fixtures';

const contributor = deskProbe('contributor');

let answers: DeskProbe[];
let unregister: () => void;
const probe = vi.fn(
  async () => answers.shift() ?? { ok: false as const, code: 'unexpected' as const },
);

beforeEach(async () => {
  fakeBrowser.reset();
  // fakeBrowser has no permissions events; the page only listens to them.
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onAdded, 'removeListener').mockImplementation(() => {});
  probe.mockClear();
  answers = [];
  await wordpressItem.setValue({
    siteUrl: 'https://monsite.fr',
    username: 'pigiste',
    category: 'Indiscrets',
    status: 'draft',
  });
  await wordpressPasswordItem.setValue('abcd efgh');
  // The background's handler, answered by the test: the page asks through the protocol.
  unregister = registerHandlers({ syncDiscover: probe } as unknown as Handlers);
});
afterEach(() => {
  unregister();
  cleanup();
});

describe('SharedDeskSettings', () => {
  it('says what a Contributor may do and what is up to an Editor', async () => {
    answers.push(contributor);
    render(<SharedDeskSettings />);

    await waitFor(() =>
      expect(screen.getByTestId('desk-role').textContent).toContain(
        'Vous êtes Contributeur\u00a0: vous pouvez proposer et écrire vos brouillons\u202f; l’ordre du numéro et la publication reviennent à un Éditeur.',
      ),
    );
    expect(screen.getByTestId('desk-role').textContent).toContain('monsite.fr');
  });

  it('says an Editor may order and publish the issue', async () => {
    answers.push(deskProbe('editor'));
    render(<SharedDeskSettings />);

    await waitFor(() =>
      expect(screen.getByTestId('desk-role').textContent).toContain(
        'Vous êtes Éditeur\u00a0: vous pouvez écrire tous les brouillons, ordonner le numéro et le publier.',
      ),
    );
  });

  it('links to the plugin zip shipped in the extension, with the steps to install it', async () => {
    answers.push({ ok: false, code: 'no_plugin', status: 404 });
    render(<SharedDeskSettings />);

    const link = await screen.findByRole('link', { name: /indiscrets-wordpress\.zip/ });
    expect(link.getAttribute('href')).toMatch(
      /^chrome-extension:\/\/.+\/indiscrets-wordpress\.zip$/,
    );
    expect(link.getAttribute('download')).toBe('indiscrets-wordpress.zip');
    expect(screen.getByTestId('desk-problem').textContent).toContain('n’est pas installée');
    expect(screen.getByTestId('desk-plugin-help').textContent).toContain(
      'Téléverser une extension',
    );
  });

  it.each([
    [{ ok: false, code: 'wrong_credentials', status: 401 }, '(401)'],
    [
      { ok: false, code: 'forbidden', status: 403, needs: 'contributor' },
      'il faut au moins le rôle Contributeur',
    ],
    [{ ok: false, code: 'offline' }, 'Vous êtes hors ligne'],
    [{ ok: false, code: 'timeout' }, 'n’a pas répondu à temps'],
    [
      { ok: false, code: 'server_error', status: 503 },
      'erreur du serveur (code 503)\u00a0: il est peut-être momentanément indisponible. Réessayez plus tard, ou prévenez son administrateur',
    ],
  ] as const)('explains %o', async (answer, text) => {
    answers.push(answer);
    render(<SharedDeskSettings />);

    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(text));
    expect(screen.queryByTestId('desk-plugin-help')).toBeNull();
  });

  it('asks again on « Vérifier à nouveau » and shows the new answer', async () => {
    answers.push({ ok: false, code: 'timeout' }, contributor);
    render(<SharedDeskSettings />);
    await screen.findByRole('alert');

    fireEvent.click(screen.getByRole('button', { name: 'Vérifier à nouveau' }));

    await screen.findByTestId('desk-role');
    expect(probe).toHaveBeenCalledTimes(2);
  });
});
