import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SharedDeskSettings } from '../../../components/SharedDeskSettings';
import { CONNECTION_TEST_EVENT } from '../../../components/WordPressSettings';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import type { DeskProbe } from '../../../messaging/protocol';
import { wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import { SYNC_OFF } from '../../../storage/sync-state';
import { deskCan, deskProbe } from '../desk-fixtures';

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
      { ok: false, code: 'site_moved', address: 'https://www.example.org' },
      'Ce site répond à l’adresse https://www.example.org\u00a0: utilisez-la dans «\u00a0Adresse du site\u00a0»',
    ],
    [{ ok: false, code: 'site_moved' }, 'Ce site répond désormais à une autre adresse'],
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

  it('says what to do first when WordPress is not set up yet, as a step and not as an error', async () => {
    answers.push({ ok: false, code: 'no_settings' });
    render(<SharedDeskSettings />);

    const said = await screen.findByText(/Réglez d’abord la connexion à WordPress/);
    expect(said.getAttribute('role')).toBe('status');
    expect(said.className).not.toContain('notice--error');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Vérifier à nouveau' })).toBeNull();
  });

  it('shows, without alerting it, the answer of a check that follows « Tester la connexion »', async () => {
    // The form above alerts its own answer; this section's, about the settings it saved and
    // the permission it asked for, could contradict it (QA s49: two alerts for one test).
    let granted: (() => void) | undefined;
    vi.mocked(fakeBrowser.permissions.onAdded.addListener).mockImplementation((listener) => {
      granted = listener as () => void;
    });
    answers.push(
      { ok: false, code: 'timeout' },
      { ok: false, code: 'unreachable' },
      { ok: false, code: 'offline' },
      { ok: false, code: 'timeout' },
    );
    render(<SharedDeskSettings />);
    // At the page's opening, a failure is alerted.
    await screen.findByRole('alert');

    document.dispatchEvent(new Event(CONNECTION_TEST_EVENT));
    granted!();
    await waitFor(() =>
      expect(screen.getByTestId('desk-problem').textContent).toContain('injoignable'),
    );
    expect(screen.getByTestId('desk-problem').getAttribute('role')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // The settings the test saved (another password): asked again, quietly too.
    await wordpressPasswordItem.setValue('wxyz');
    await waitFor(() =>
      expect(screen.getByTestId('desk-problem').textContent).toContain('hors ligne'),
    );
    expect(screen.queryByRole('alert')).toBeNull();

    // Asked for here: alerted again.
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier à nouveau' }));
    expect((await screen.findByRole('alert')).textContent).toContain('n’a pas répondu à temps');
  });

  it('alerts the answer of a check that follows a plain save of the WordPress form', async () => {
    // « Enregistrer » alone tests nothing: this section's answer is the only one to hear.
    answers.push({ ok: false, code: 'timeout' }, { ok: false, code: 'unreachable' });
    render(<SharedDeskSettings />);
    await screen.findByRole('alert');

    await wordpressPasswordItem.setValue('wxyz');

    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('injoignable'));
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

/**
 * QA: a Subscriber was told « vous pouvez lire le numéro » and offered « Activer », which then
 * failed with « Vérifiez la connexion ». The plugin answers `can.read: false` for them, and its
 * REST API a 403 (`indiscrets_cannot_read`, Contributor needed).
 */
/** The background as the test answers it, `syncDiscover` included. */
function background(extra: Partial<Record<keyof Handlers, unknown>>) {
  unregister();
  unregister = registerHandlers({
    syncDiscover: probe,
    ...Object.fromEntries(
      Object.entries(extra).map(([type, answer]) => [type, async () => answer]),
    ),
  } as unknown as Handlers);
}

describe('SharedDeskSettings for an account the desk refuses', () => {
  const subscriber: DeskProbe = {
    ...contributor,
    user: { id: 9, name: 'Lecteur', roles: ['subscriber'] },
    role: 'subscriber',
    can: deskCan('subscriber'),
  };
  it('tells a Subscriber the desk takes a Contributor, and offers no « Activer »', async () => {
    answers.push(subscriber);
    render(<SharedDeskSettings />);

    await waitFor(() =>
      expect(screen.getByTestId('desk-role').textContent).toContain(
        'Vous êtes Abonné\u00a0: la rédaction partagée demande au moins le rôle Contributeur',
      ),
    );
    expect(screen.getByTestId('desk-role').textContent).not.toContain('vous pouvez lire');
    expect(screen.queryByRole('button', { name: 'Activer la rédaction partagée' })).toBeNull();
  });

  it('words a 403 while counting as the 403 it is, not as a connection problem', async () => {
    answers.push(contributor);
    background({ syncPlan: { ok: false, code: 'forbidden' } });
    render(<SharedDeskSettings />);

    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('(403)\u00a0: il faut au moins le rôle Contributeur');
    expect(alert.textContent).not.toContain('Vérifiez la connexion');
  });

  it('words a 403 at the first sync the same way', async () => {
    answers.push(contributor);
    background({
      syncPlan: { localDrafts: 2, localIssues: 0, remoteDrafts: 0, remoteIssues: 0 },
      // The engine's answer when its discovery was refused: still off, the reason recorded.
      syncEnable: { ...SYNC_OFF, lastError: { code: 'forbidden', at: '2026-12-02T10:00:00Z' } },
    });
    render(<SharedDeskSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer et activer' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('il faut au moins le rôle Contributeur');
  });

  it.each([
    ['site_moved', 'Ce site répond désormais à une autre adresse'],
    ['blocked', 'API REST'],
  ])(
    'says why turning on was refused (%s), the site changed since its check',
    async (code, said) => {
      answers.push(contributor);
      background({
        syncPlan: { localDrafts: 2, localIssues: 0, remoteDrafts: 0, remoteIssues: 0 },
        syncEnable: { ...SYNC_OFF, lastError: { code, at: '2026-12-02T10:00:00Z' } },
      });
      render(<SharedDeskSettings />);
      fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));

      fireEvent.click(await screen.findByRole('button', { name: 'Envoyer et activer' }));

      // Before, nothing: the button came back as if nothing had been asked.
      expect((await screen.findByRole('alert')).textContent).toContain(said);
    },
  );

  it('still says a network failure while counting is one', async () => {
    answers.push(contributor);
    background({ syncPlan: { ok: false, code: 'offline' } });
    render(<SharedDeskSettings />);

    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Vérifiez la connexion');
  });
});

describe('SharedDeskSettings, turning on with the site not reached or failing', () => {
  const plan = { localDrafts: 2, localIssues: 1, remoteDrafts: 0, remoteIssues: 0 };
  const NOTHING_LOST = 'Rien n’a été envoyé ni perdu\u00a0: vos brouillons, numéros et réglages';

  /** Turns the desk on with the engine answering still off, `code` recorded; the alert's text. */
  async function turnOn(lastError: { code: string; address?: string }) {
    answers.push(contributor);
    background({
      syncPlan: plan,
      syncEnable: { ...SYNC_OFF, lastError: { ...lastError, at: '2026-12-02T10:00:00Z' } },
    });
    render(<SharedDeskSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer et activer' }));
    return (await screen.findByRole('alert')).textContent;
  }

  /** Asks to turn the desk on with the count answered by `code`; the alert's text. */
  async function count(code: string) {
    answers.push(contributor);
    background({ syncPlan: { ok: false, code } });
    render(<SharedDeskSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));
    return (await screen.findByRole('alert')).textContent;
  }

  // Before, turning on said nothing of these: the button came back as if nothing had been asked.
  it.each([
    [
      'offline',
      'Vous êtes hors ligne\u00a0: la rédaction partagée n’a pas été activée. Vérifiez la connexion, puis réessayez.',
    ],
    [
      'timeout',
      'Le site n’a pas répondu à temps\u00a0: la rédaction partagée n’a pas été activée. Réessayez dans un moment.',
    ],
    [
      'unreachable',
      'Le site est injoignable\u00a0: la rédaction partagée n’a pas été activée. Vérifiez son adresse et votre connexion',
    ],
  ])(
    'says the site was not reached (%s) under the button, and that nothing is lost',
    async (code, said) => {
      const text = await turnOn({ code });

      expect(text).toContain(said);
      expect(text).toContain(NOTHING_LOST);
      // The editor may try again at once: the button is back, and still off.
      expect(screen.getByRole('button', { name: 'Activer la rédaction partagée' })).toBeTruthy();
    },
  );

  it.each([
    ['offline', 'Vous êtes hors ligne'],
    ['timeout', 'Le site n’a pas répondu à temps'],
    ['unreachable', 'Le site est injoignable'],
  ])('says it the same way when the count met it (%s)', async (code, said) => {
    const text = await count(code);

    expect(text).toContain(said);
    expect(text).toContain(NOTHING_LOST);
  });

  it('names the address a site that moved answers at when the count met it', async () => {
    answers.push(contributor);
    background({
      syncPlan: { ok: false, code: 'site_moved', address: 'https://www.monsite.fr' },
    });
    render(<SharedDeskSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Ce site répond à l’adresse https://www.monsite.fr',
    );
  });

  it('names the address a site that moved since its check answers at', async () => {
    const text = await turnOn({ code: 'site_moved', address: 'https://www.monsite.fr' });

    expect(text).toContain('Ce site répond à l’adresse https://www.monsite.fr');
  });

  it.each([
    ['no_plugin', 'n’est pas installée'],
    ['no_settings', 'Réglez d’abord la connexion à WordPress'],
  ])('words %s as the check above does', async (code, said) => {
    expect(await turnOn({ code })).toContain(said);
  });

  // Every other code the discovery may answer (a site's failure, an answer that is not the
  // desk's), and the engine's own: worded, never the button coming back without a word.
  it.each([
    'server_error',
    'not_found',
    'invalid',
    'conflict',
    'exists',
    'locked',
    'base_version_required',
    'unexpected',
    'a_code_added_since',
  ])('says turning on failed (%s), with no sentence of its own', async (code) => {
    expect(await turnOn({ code })).toBe('Le changement n’a pas pu être fait. Réessayez.');
  });

  it.each(['server_error', 'not_found', 'unexpected'])(
    'says the count failed (%s), with no sentence of its own',
    async (code) => {
      expect(await count(code)).toContain('Impossible de compter ce qui serait envoyé.');
    },
  );

  it('says nothing of a turning on the editor cancelled: the button is back', async () => {
    answers.push(contributor);
    const enable = vi.fn(async () => ({
      ...SYNC_OFF,
      lastError: { code: 'cancelled', at: '2026-12-02T10:00:00Z' },
    }));
    unregister();
    unregister = registerHandlers({
      syncDiscover: probe,
      syncPlan: async () => plan,
      syncEnable: enable,
    } as unknown as Handlers);
    render(<SharedDeskSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer et activer' }));

    const button = await screen.findByRole('button', { name: 'Activer la rédaction partagée' });
    expect(enable).toHaveBeenCalledOnce();
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says nothing of a count the editor cancelled', async () => {
    answers.push(contributor);
    const planned = vi.fn(async () => ({ ok: false, code: 'cancelled' }));
    unregister();
    unregister = registerHandlers({
      syncDiscover: probe,
      syncPlan: planned,
    } as unknown as Handlers);
    render(<SharedDeskSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));

    await waitFor(() => expect(planned).toHaveBeenCalledOnce());
    const button = await screen.findByRole('button', { name: 'Activer la rédaction partagée' });
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('SharedDeskSettings, the WordPress settings changed elsewhere under the question before turning on', () => {
  it('drops the question counted for the old site: « Activer » again, asked for the new one', async () => {
    answers.push(contributor, contributor);
    background({
      syncPlan: { localDrafts: 2, localIssues: 0, remoteDrafts: 12, remoteIssues: 0 },
    });
    render(<SharedDeskSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));
    await screen.findByRole('button', { name: 'Envoyer et activer' });

    // Another tab's « Enregistrer », a restore: another site.
    await wordpressItem.setValue({
      siteUrl: 'https://autre.fr',
      username: 'pigiste',
      category: 'Indiscrets',
      status: 'draft',
    });

    await waitFor(() => expect(probe).toHaveBeenCalledTimes(2));
    await screen.findByRole('button', { name: 'Activer la rédaction partagée' });
    expect(screen.queryByRole('button', { name: 'Envoyer et activer' })).toBeNull();
  });
});
