import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONNECTION_TEST_EVENT, WordPressSettings } from '../../../components/WordPressSettings';
import { setLocale } from '../../../locales';
import { wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import { provenMove, settingsFocus, siteLeaves, siteMoves } from '../../../storage/settings';
import { fieldToFix } from '../../../components/openSettings';
import { testConnection } from '../../../wordpress/client';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { completeSiteLeaves } from '../../../services/site-leave';
import { typedUnsaved } from '../../../components/useLeaveGuard';

// The real connection test, unless a test says what it answers (mockResolvedValueOnce).
vi.mock('../../../wordpress/client', async (original) => {
  const client = await original<typeof import('../../../wordpress/client')>();
  return { ...client, testConnection: vi.fn(client.testConnection) };
});

// The background's side of the options' save: the address left completed there.
let unregister = () => {};
beforeEach(async () => {
  fakeBrowser.reset();
  unregister = registerHandlers({
    siteLeave: () => completeSiteLeaves(),
  } as Partial<Handlers> as Handlers);
  await wordpressItem.setValue({
    siteUrl: '',
    username: 'redac',
    category: 'Indiscrets',
    status: 'draft',
  });
  await wordpressPasswordItem.setValue('abcd efgh ijkl mnop');
});
afterEach(() => {
  unregister();
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('WordPressSettings', () => {
  it('opens at the field to fix when a view asked for it: the first empty one, else the password', async () => {
    // The shared desk's « Réglages » after a refused password (openWordPressSettings).
    await settingsFocus.setValue({ section: 'wordpress', at: Date.now() });
    const { unmount } = render(<WordPressSettings />);
    const site = await screen.findByLabelText(/^Adresse du site/);
    await waitFor(() => expect(document.activeElement).toBe(site));
    // Obeyed once: the page opened again later starts at its top.
    await waitFor(async () => expect(await settingsFocus.getValue()).toBeNull());
    unmount();

    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    render(<WordPressSettings />);
    const password = await screen.findByLabelText(/^Mot de passe d’application/);
    expect(document.activeElement).not.toBe(password);
    // Asked while the page is open: it moves there too.
    await settingsFocus.setValue({ section: 'wordpress', at: Date.now() });
    await waitFor(() => expect(document.activeElement).toBe(password));
  });

  it('tells the page when « Tester la connexion » begins: the desk section then alerts nothing', async () => {
    const heard = vi.fn();
    document.addEventListener(CONNECTION_TEST_EVENT, heard);
    try {
      render(<WordPressSettings />);
      fireEvent.click(await screen.findByRole('button', { name: 'Tester la connexion' }));
      expect(heard).toHaveBeenCalledTimes(1);
    } finally {
      document.removeEventListener(CONNECTION_TEST_EVENT, heard);
    }
  });

  it('opens at the field a failure is about: the address for a refused address', async () => {
    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    await settingsFocus.setValue({
      section: 'wordpress',
      at: Date.now(),
      field: fieldToFix('not_wordpress'),
    });
    render(<WordPressSettings />);
    const site = await screen.findByLabelText(/^Adresse du site/);
    await waitFor(() => expect(document.activeElement).toBe(site));
  });

  it('keeps the field on screen while the page settles, after the request is cleared', async () => {
    // jsdom lays nothing out: a ResizeObserver of the test's, and the scrolls it causes.
    const observers: { callback: () => void; disconnected: boolean }[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        entry: { callback: () => void; disconnected: boolean };
        constructor(callback: () => void) {
          this.entry = { callback, disconnected: false };
          observers.push(this.entry);
        }
        observe() {}
        disconnect() {
          this.entry.disconnected = true;
        }
      },
    );
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    await settingsFocus.setValue({ section: 'wordpress', at: Date.now() });
    const { unmount } = render(<WordPressSettings />);
    const site = await screen.findByLabelText(/^Adresse du site/);
    await waitFor(() => expect(document.activeElement).toBe(site));
    await waitFor(async () => expect(await settingsFocus.getValue()).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));

    // The sections above drew meanwhile: the field is scrolled back into view.
    const before = scrolled.mock.calls.length;
    expect(observers).toHaveLength(1);
    expect(observers[0]!.disconnected).toBe(false);
    observers[0]!.callback();
    expect(scrolled.mock.calls.length).toBe(before + 1);
    unmount();
    expect(observers[0]!.disconnected).toBe(true);
  });

  it('leaves a request for the desk’s keyboard to that section', async () => {
    const written: unknown[] = [];
    const unwatch = settingsFocus.watch((value) => written.push(value));
    render(<WordPressSettings />);
    const site = await screen.findByLabelText(/^Adresse du site/);
    // The desk's list of keys' « Réglages » (openKeyboardSettings), heard by the open page, and
    // the page drawn and its effects run after it (act).
    const keyboard = { section: 'keyboard', at: Date.now() } as const;
    await act(() => settingsFocus.setValue(keyboard));
    expect(document.activeElement).not.toBe(site);

    // Asked after it: once the field has the keyboard, the first request was read too.
    const wordpress = { section: 'wordpress', at: Date.now() } as const;
    await settingsFocus.setValue(wordpress);
    await waitFor(() => expect(document.activeElement).toBe(site));

    // Only its own was cleared: before, the keyboard's was too, « Clavier » left to read nothing.
    await waitFor(() => expect(written).toEqual([keyboard, wordpress, null]));
    unwatch();
  });

  it('leaves a request to show it that is too old, never read, alone', async () => {
    await settingsFocus.setValue({ section: 'wordpress', at: Date.now() - 60_000 });
    render(<WordPressSettings />);
    await screen.findByLabelText(/^Adresse du site/);
    await waitFor(async () => expect(await settingsFocus.getValue()).toBeNull());
    expect(document.activeElement).toBe(document.body);
  });

  it('shows an example address of the editor’s language in the empty field', async () => {
    // « monsite.fr » (my site, in French) is no example to an English editor.
    setLocale('en');
    try {
      render(<WordPressSettings />);
      const field = await screen.findByLabelText(/^Site address/);
      expect(field.getAttribute('placeholder')).toBe('https://www.example.com');
    } finally {
      setLocale('fr');
    }
  });

  it.each(['pas une adresse', 'monsite'])(
    'refuses « %s » at once, saying what is expected, without asking for a permission',
    async (address) => {
      const request = vi.spyOn(fakeBrowser.permissions, 'request');
      render(<WordPressSettings />);
      const field = await screen.findByLabelText(/^Adresse du site/);

      fireEvent.input(field, { target: { value: address } });
      fireEvent.click(screen.getByRole('button', { name: 'Tester la connexion' }));

      await waitFor(() =>
        expect(screen.getByRole('alert').textContent).toContain('https://www.monjournal.fr'),
      );
      expect(request).not.toHaveBeenCalled();
      expect((await wordpressItem.getValue()).siteUrl).toBe('');
    },
  );

  it('has the shared desk sync at once after a connection test succeeds, not after one fails', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const check = vi.mocked(testConnection);
    check.mockResolvedValueOnce({ ok: false, code: 'wrong_credentials', status: 401 });
    render(<WordPressSettings />);
    fireEvent.input(await screen.findByLabelText(/^Adresse du site/), {
      target: { value: 'https://www.monjournal.fr' },
    });
    const syncs = () =>
      sent.mock.calls.filter(([message]) => (message as { type?: string }).type === 'syncNow');

    fireEvent.click(screen.getByRole('button', { name: 'Tester la connexion' }));
    await waitFor(() => expect(screen.getByTestId('wp-status').className).toContain('error'));
    expect(syncs()).toHaveLength(0);

    check.mockResolvedValueOnce({
      ok: true,
      siteName: 'Mon journal',
      userName: 'Rédactrice',
      canPublish: true,
      canCreateCategory: true,
      siteUrl: 'https://www.monjournal.fr',
      restUrl: 'https://www.monjournal.fr/wp-json/',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Tester la connexion' }));

    await waitFor(() => expect(syncs()).toHaveLength(1));
    expect(syncs()[0]![0]).toMatchObject({ type: 'syncNow', request: { reason: 'manual' } });
  });

  it('names the address to use, under the address typed, when the site answers at another host', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    // The site sends every URL of monjournal.fr on to www.monjournal.fr (fetch follows).
    const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
      const answer = new Response(
        JSON.stringify({ name: 'Mon journal', namespaces: ['wp/v2'], authentication: {} }),
        { headers: { 'Content-Type': 'application/json' } },
      );
      Object.defineProperty(answer, 'url', {
        value: url.replace('//monjournal', '//www.monjournal'),
      });
      return answer;
    });
    vi.stubGlobal('fetch', fetch);
    render(<WordPressSettings />);
    fireEvent.input(await screen.findByLabelText(/^Adresse du site/), {
      target: { value: 'monjournal.fr' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Tester la connexion' }));

    await waitFor(() =>
      expect(screen.getByTestId('wp-status').textContent).toBe(
        'Ce site répond à l’adresse https://www.monjournal.fr\u00a0: utilisez-la dans «\u00a0Adresse du site\u00a0», puis testez la connexion.',
      ),
    );
    expect(screen.getByTestId('wp-status').className).toContain('error');
    // Nothing was sent with the password, to either host.
    const authed = fetch.mock.calls.filter(
      ([, init]) => (init?.headers as Record<string, string> | undefined)?.Authorization,
    );
    expect(fetch).toHaveBeenCalled();
    expect(authed).toEqual([]);
  });

  it('stops checking a site that does not answer when the editor cancels, and says so', async () => {
    // The browser grants the site's permission (the click asked for it).
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    // A site that never answers: the request ends only when it is aborted.
    const fetch = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        ),
    );
    vi.stubGlobal('fetch', fetch);
    render(<WordPressSettings />);
    fireEvent.input(await screen.findByLabelText(/^Adresse du site/), {
      target: { value: 'https://www.monjournal.fr' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Tester la connexion' }));
    const cancel = await screen.findByRole('button', { name: 'Annuler' });
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    fireEvent.click(cancel);

    await waitFor(() =>
      expect(screen.getByTestId('wp-status').textContent).toBe(
        'Vérification annulée\u00a0: les réglages sont enregistrés, la connexion n’a pas été testée.',
      ),
    );
    expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Tester la connexion' })).toHaveProperty(
      'disabled',
      false,
    );
    expect((await wordpressItem.getValue()).siteUrl).toBe('https://www.monjournal.fr');
  });
  it('asks the old address, before giving its permission back, whether the site moved to the new one, and notes it', async () => {
    await wordpressItem.setValue({
      siteUrl: 'https://monjournal.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const order: string[] = [];
    vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (query) => {
      order.push(`remove ${JSON.stringify(query.origins)}`);
      return true;
    });
    // monjournal.fr sends every request on to www.monjournal.fr (fetch follows).
    const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
      order.push(`ask ${url}`);
      const answer = new Response(JSON.stringify({ name: 'Mon journal', namespaces: ['wp/v2'] }), {
        headers: { 'Content-Type': 'application/json' },
      });
      Object.defineProperty(answer, 'url', {
        value: url.replace('//monjournal', '//www.monjournal'),
      });
      return answer;
    });
    vi.stubGlobal('fetch', fetch);
    render(<WordPressSettings />);
    fireEvent.input(await screen.findByLabelText(/^Adresse du site/), {
      target: { value: 'https://www.monjournal.fr' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'));
    expect(order).toEqual([
      'ask https://monjournal.fr/?rest_route=/',
      'remove ["https://monjournal.fr/*"]',
    ]);
    expect(await siteMoves.getValue()).toEqual([
      { from: 'https://monjournal.fr', to: 'https://www.monjournal.fr', at: expect.any(String) },
    ]);
    expect((await wordpressItem.getValue()).siteUrl).toBe('https://www.monjournal.fr');
  });

  it('stores the address left with the new one, for the background to give its permission back: the page closed during the check loses nothing', async () => {
    await wordpressItem.setValue({
      siteUrl: 'https://monjournal.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    // The page closed as soon as it stored: no background answers its request.
    unregister();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('page closed'));
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const answer = new Response(
          JSON.stringify({ name: 'Mon journal', namespaces: ['wp/v2'] }),
          {
            headers: { 'Content-Type': 'application/json' },
          },
        );
        Object.defineProperty(answer, 'url', {
          value: url.replace('//monjournal', '//www.monjournal'),
        });
        return answer;
      }),
    );
    render(<WordPressSettings />);
    fireEvent.input(await screen.findByLabelText(/^Adresse du site/), {
      target: { value: 'https://www.monjournal.fr' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'));
    expect((await wordpressItem.getValue()).siteUrl).toBe('https://www.monjournal.fr');
    expect(await siteLeaves.getValue()).toEqual([
      { from: 'https://monjournal.fr', to: 'https://www.monjournal.fr', at: expect.any(String) },
    ]);
    expect(remove).not.toHaveBeenCalled();

    // The background, as it starts, completes what the page left.
    await completeSiteLeaves();
    expect(remove).toHaveBeenCalledWith({ origins: ['https://monjournal.fr/*'] });
    expect(await provenMove('https://monjournal.fr', 'https://www.monjournal.fr')).toBe(true);
    expect(await siteLeaves.getValue()).toEqual([]);
  });

  it('completes, as it opens, an address a closed page left: its permission given back', async () => {
    await wordpressItem.setValue({
      siteUrl: 'https://www.monjournal.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    await siteLeaves.setValue([
      {
        from: 'https://monjournal.fr',
        to: 'https://www.monjournal.fr',
        at: '2026-12-07T14:00:00Z',
      },
    ]);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );

    render(<WordPressSettings />);

    await waitFor(() =>
      expect(remove).toHaveBeenCalledWith({ origins: ['https://monjournal.fr/*'] }),
    );
    expect(await siteLeaves.getValue()).toEqual([]);
  });

  it('notes no move when the old address is a site of its own, and still gives its permission back', async () => {
    await wordpressItem.setValue({
      siteUrl: 'https://preprod.monjournal.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never);
    // The staging copy still answers there, itself.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const answer = new Response(JSON.stringify({ name: 'Préprod', namespaces: ['wp/v2'] }), {
          headers: { 'Content-Type': 'application/json' },
        });
        Object.defineProperty(answer, 'url', { value: url });
        return answer;
      }),
    );
    render(<WordPressSettings />);
    fireEvent.input(await screen.findByLabelText(/^Adresse du site/), {
      target: { value: 'https://www.monjournal.fr' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'));
    expect(remove).toHaveBeenCalledWith({ origins: ['https://preprod.monjournal.fr/*'] });
    expect(await siteMoves.getValue()).toEqual([]);
  });
  it.each([
    ['stored', false],
    ['still asking for its permission', true],
  ])(
    'keeps the permission of the address left, saved again (%s) while it is asked: two saves racing',
    async (_when, slowGrant) => {
      await wordpressItem.setValue({
        siteUrl: 'https://monjournal.fr',
        username: 'redac',
        category: 'Indiscrets',
        status: 'draft',
      });
      const granted = new Set(['https://monjournal.fr/*']);
      let grant = () => {};
      // Granted as asked (monjournal.fr was already); its answer may come late.
      vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (query) => {
        for (const origin of query.origins ?? []) granted.add(origin);
        if (slowGrant && query.origins?.includes('https://monjournal.fr/*')) {
          await new Promise<void>((resolve) => (grant = resolve));
        }
        return true;
      });
      vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (query) => {
        for (const origin of query.origins ?? []) granted.delete(origin);
        return true;
      });
      // monjournal.fr, slow, sends on to www.monjournal.fr; www.monjournal.fr is a site itself.
      let answerOld = () => {};
      vi.stubGlobal(
        'fetch',
        vi.fn(async (url: string) => {
          if (url.startsWith('https://monjournal.fr')) {
            await new Promise<void>((resolve) => (answerOld = resolve));
          }
          const answer = new Response(
            JSON.stringify({ name: 'Mon journal', namespaces: ['wp/v2'] }),
            { headers: { 'Content-Type': 'application/json' } },
          );
          Object.defineProperty(answer, 'url', {
            value: url.replace('//monjournal', '//www.monjournal'),
          });
          return answer;
        }),
      );
      render(<WordPressSettings />);
      const site = await screen.findByLabelText(/^Adresse du site/);
      fireEvent.input(site, { target: { value: 'https://www.monjournal.fr' } });
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
      await waitFor(async () =>
        expect((await wordpressItem.getValue()).siteUrl).toBe('https://www.monjournal.fr'),
      );

      // The old address not answered yet, the editor takes it back (typing enables the buttons).
      fireEvent.input(site, { target: { value: 'https://monjournal.fr' } });
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
      if (slowGrant) {
        // The first save ends (the old address answered) before the second one stores.
        answerOld();
        await waitFor(() =>
          expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'),
        );
        grant();
      } else {
        await waitFor(() => expect(granted.has('https://www.monjournal.fr/*')).toBe(false));
        answerOld();
      }

      await waitFor(() => expect(granted.has('https://www.monjournal.fr/*')).toBe(false));
      await waitFor(() => expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await wordpressItem.getValue()).siteUrl).toBe('https://monjournal.fr');
      expect([...granted]).toEqual(['https://monjournal.fr/*']);
    },
  );

  it('forgets a move from the address the editor names again: it proves nothing once that site answers there itself', async () => {
    await wordpressItem.setValue({
      siteUrl: 'https://monjournal.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never);
    let redirects = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const answer = new Response(
          JSON.stringify({ name: 'Mon journal', namespaces: ['wp/v2'] }),
          {
            headers: { 'Content-Type': 'application/json' },
          },
        );
        Object.defineProperty(answer, 'url', {
          value: redirects ? url.replace('//monjournal', '//www.monjournal') : url,
        });
        return answer;
      }),
    );
    render(<WordPressSettings />);
    const site = await screen.findByLabelText(/^Adresse du site/);
    const saveAs = async (address: string) => {
      fireEvent.input(site, { target: { value: address } });
      fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
      await waitFor(() => expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'));
    };
    await saveAs('https://www.monjournal.fr');
    expect(await siteMoves.getValue()).toEqual([
      { from: 'https://monjournal.fr', to: 'https://www.monjournal.fr', at: expect.any(String) },
    ]);

    // The site back at monjournal.fr, a WordPress answering there itself, both named in turn:
    // the move noted before is no longer the site's word.
    redirects = false;
    await saveAs('https://monjournal.fr');
    await saveAs('https://www.monjournal.fr');

    expect(await siteMoves.getValue()).toEqual([]);
    expect(await provenMove('https://monjournal.fr', 'https://www.monjournal.fr')).toBe(false);
  });
});

describe('WordPressSettings, changes typed and not saved', () => {
  it('count as typed on the page until saved, for a restore not to reload over them', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    render(<WordPressSettings />);
    const site = await screen.findByLabelText(/^Adresse du site/);
    expect(typedUnsaved()).toBe(false);
    fireEvent.input(site, { target: { value: 'https://monsite.fr' } });
    await waitFor(() => expect(typedUnsaved()).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () =>
      expect((await wordpressItem.getValue()).siteUrl).toBe('https://monsite.fr'),
    );
    await waitFor(() => expect(typedUnsaved()).toBe(false));
  });
});

describe('WordPressSettings, settings written while the page is open (a restore that did not reload it)', () => {
  it('shows them when nothing was typed in the form, for a save or a connection test not to write the old ones back', async () => {
    render(<WordPressSettings />);
    const category = (await screen.findByLabelText(/^Catégorie/)) as HTMLInputElement;

    await wordpressItem.setValue({
      siteUrl: '',
      username: 'redac',
      category: 'Échos',
      status: 'pending',
    });

    await waitFor(() => expect(category.value).toBe('Échos'));
    expect(typedUnsaved()).toBe(false);
  });

  it('keeps what was typed in the form, still counted as typed', async () => {
    render(<WordPressSettings />);
    const category = (await screen.findByLabelText(/^Catégorie/)) as HTMLInputElement;
    fireEvent.input(category, { target: { value: 'Coulisses' } });

    await wordpressItem.setValue({
      siteUrl: '',
      username: 'redac',
      category: 'Échos',
      status: 'pending',
    });
    // The stored change reaches the form (its watch), which keeps the typing.
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(category.value).toBe('Coulisses');
    expect(typedUnsaved()).toBe(true);
  });
});

describe('WordPressSettings, the password written while the page is open (another tab’s « Enregistrer »)', () => {
  it('shows it when nothing was typed in the form, for « Enregistrer » not to write the old one back', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    render(<WordPressSettings />);
    const password = (await screen.findByLabelText(
      /^Mot de passe d’application/,
    )) as HTMLInputElement;

    await wordpressPasswordItem.setValue('nouv eaum otde pass');
    await waitFor(() => expect(password.value).toBe('nouv eaum otde pass'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'));
    expect(await wordpressPasswordItem.getValue()).toBe('nouv eaum otde pass');
    expect(typedUnsaved()).toBe(false);
  });

  it('counts nothing as typed once the stored settings are what was typed', async () => {
    render(<WordPressSettings />);
    const category = (await screen.findByLabelText(/^Catégorie/)) as HTMLInputElement;
    fireEvent.input(category, { target: { value: 'Échos' } });
    await waitFor(() => expect(typedUnsaved()).toBe(true));

    await wordpressItem.setValue({
      siteUrl: '',
      username: 'redac',
      category: 'Échos',
      status: 'draft',
    });

    await waitFor(() => expect(typedUnsaved()).toBe(false));
  });
});

describe('WordPressSettings, settings changed under what was typed (a restore that did not reload the page)', () => {
  // The address typed here restored too: a field typed, changed elsewhere.
  const restored = {
    siteUrl: 'https://autre.fr',
    username: 'redac',
    category: 'Échos',
    status: 'pending',
  } as const;

  it('says so: « Enregistrer » and « Tester la connexion » write nothing and ask which to keep', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    render(<WordPressSettings />);
    const site = (await screen.findByLabelText(/^Adresse du site/)) as HTMLInputElement;
    fireEvent.input(site, { target: { value: 'https://monsite.fr' } });

    await wordpressItem.setValue(restored);
    const conflict = await screen.findByTestId('stored-conflict');
    expect(within(conflict).getByTestId('conflict-question').textContent).toMatch(
      /^Ce réglage a changé ailleurs/,
    );
    expect(site.value).toBe('https://monsite.fr');

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tester la connexion' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await wordpressItem.getValue()).toEqual(restored);
    expect(request).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(within(conflict).getByTestId('conflict-question'));
    expect(typedUnsaved()).toBe(true);
  });

  it('« Enregistrer les miennes » writes what was typed, « Reprendre la version enregistrée » shows the stored settings', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    render(<WordPressSettings />);
    const site = (await screen.findByLabelText(/^Adresse du site/)) as HTMLInputElement;
    const category = screen.getByLabelText(/^Catégorie/) as HTMLInputElement;
    fireEvent.input(site, { target: { value: 'https://monsite.fr' } });
    await wordpressItem.setValue(restored);
    let conflict = await screen.findByTestId('stored-conflict');

    fireEvent.click(within(conflict).getByRole('button', { name: 'Enregistrer les miennes' }));
    await waitFor(() => expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'));
    // The address typed; the category and status, never typed here, as restored.
    expect(await wordpressItem.getValue()).toEqual({
      siteUrl: 'https://monsite.fr',
      username: 'redac',
      category: 'Échos',
      status: 'pending',
    });
    expect(screen.queryByTestId('stored-conflict')).toBeNull();
    expect(typedUnsaved()).toBe(false);

    fireEvent.input(category, { target: { value: 'Coulisses' } });
    await wordpressItem.setValue({ ...restored, category: 'Brèves' });
    conflict = await screen.findByTestId('stored-conflict');
    fireEvent.click(
      within(conflict).getByRole('button', { name: 'Reprendre la version enregistrée' }),
    );
    await waitFor(() => expect(category.value).toBe('Brèves'));
    expect(site.value).toBe('https://autre.fr');
    expect(screen.queryByTestId('stored-conflict')).toBeNull();
    expect(typedUnsaved()).toBe(false);
    expect(document.activeElement).toBe(site);
  });
});

describe('WordPressSettings, the keyboard through a connection test that waits', () => {
  it('goes back to « Tester la connexion » when « Annuler » stops it, not to the page’s body', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    // A site that never answers: only the cancel ends the wait.
    vi.mocked(testConnection).mockImplementationOnce(
      (_settings, options) =>
        new Promise((resolve) =>
          options?.signal?.addEventListener('abort', () =>
            resolve({ ok: false, code: 'cancelled' } as never),
          ),
        ),
    );
    render(<WordPressSettings />);
    fireEvent.input(await screen.findByLabelText(/^Adresse du site/), {
      target: { value: 'https://www.monjournal.fr' },
    });
    const test = screen.getByRole('button', { name: 'Tester la connexion' });
    test.focus();
    fireEvent.click(test);
    const cancel = await screen.findByRole('button', { name: 'Annuler' });
    cancel.focus();

    fireEvent.click(cancel);

    await waitFor(() =>
      expect(screen.getByTestId('wp-status').textContent).toMatch(/^Vérification annulée/),
    );
    await waitFor(() => expect(document.activeElement).toBe(test));
  });
});

describe('WordPressSettings, changes typed and not saved, the page left', () => {
  /** Whether leaving the page now would be asked about (a `beforeunload` the page prevents). */
  const leavingAsks = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it('says they are not saved, and asks before the page is left (the tab closed, the language changed), until « Enregistrer »', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    render(<WordPressSettings />);
    const site = await screen.findByLabelText(/^Adresse du site/);
    expect(leavingAsks()).toBe(false);

    fireEvent.input(site, { target: { value: 'https://monsite.fr' } });

    await screen.findByText('Modifications non enregistrées.');
    expect(leavingAsks()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'));
    expect(screen.queryByText('Modifications non enregistrées.')).toBeNull();
    expect(leavingAsks()).toBe(false);
  });
});

describe('WordPressSettings, a failure about one field', () => {
  it('marks that field invalid, described by what failed, until it is typed in again', async () => {
    render(<WordPressSettings />);
    const site = await screen.findByLabelText(/^Adresse du site/);
    const password = screen.getByLabelText(/^Mot de passe d’application/);
    fireEvent.input(site, { target: { value: 'http://monsite.fr' } });

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(site.getAttribute('aria-invalid')).toBe('true'));
    const described = document.getElementById(
      site.getAttribute('aria-describedby')!.split(' ')[0]!,
    );
    expect(described?.textContent).toMatch(/^L’adresse doit commencer par https:\/\//);
    expect(password.getAttribute('aria-invalid')).toBeNull();
    fireEvent.input(site, { target: { value: 'https://monsite.fr' } });
    expect(site.getAttribute('aria-invalid')).toBeNull();
  });

  it('marks the password for a password refused (401)', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    vi.mocked(testConnection).mockResolvedValueOnce({
      ok: false,
      code: 'wrong_credentials',
      status: 401,
    });
    render(<WordPressSettings />);
    fireEvent.input(await screen.findByLabelText(/^Adresse du site/), {
      target: { value: 'https://www.monjournal.fr' },
    });
    const password = screen.getByLabelText(/^Mot de passe d’application/);

    fireEvent.click(screen.getByRole('button', { name: 'Tester la connexion' }));

    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText(/^Adresse du site/).getAttribute('aria-invalid')).toBeNull();
  });
});

describe('WordPressSettings, settings saved in another tab as typed here (its settings written, then its password)', () => {
  it('asks nothing at any moment, and leaves nothing typed', async () => {
    render(<WordPressSettings />);
    const site = (await screen.findByLabelText(/^Adresse du site/)) as HTMLInputElement;
    const password = screen.getByLabelText(/^Mot de passe d’application/) as HTMLInputElement;
    fireEvent.input(site, { target: { value: 'https://monsite.fr' } });
    fireEvent.input(password, { target: { value: 'nouv eaum otde pass' } });
    const asked: string[] = [];
    const watch = new MutationObserver(() => {
      if (document.querySelector('[data-testid="stored-conflict"]')) asked.push('asked');
    });
    watch.observe(document.body, { childList: true, subtree: true });

    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await wordpressPasswordItem.setValue('nouv eaum otde pass');
    await waitFor(() => expect(typedUnsaved()).toBe(false));
    await new Promise((resolve) => setTimeout(resolve, 50));
    watch.disconnect();

    expect(asked).toEqual([]);
    expect(site.value).toBe('https://monsite.fr');
  });

  it('a password saved elsewhere under an address typed here: shown, the address kept, nothing asked', async () => {
    render(<WordPressSettings />);
    const site = (await screen.findByLabelText(/^Adresse du site/)) as HTMLInputElement;
    const password = screen.getByLabelText(/^Mot de passe d’application/) as HTMLInputElement;
    fireEvent.input(site, { target: { value: 'https://monsite.fr' } });

    await wordpressPasswordItem.setValue('nouv eaum otde pass');

    await waitFor(() => expect(password.value).toBe('nouv eaum otde pass'));
    expect(screen.queryByTestId('stored-conflict')).toBeNull();
    expect(site.value).toBe('https://monsite.fr');
    expect(typedUnsaved()).toBe(true);
  });
});

describe('WordPressSettings, its own save where a write returns before its change is heard (Firefox)', () => {
  it('never shows the old password or address again after « Enregistrer », not even for a moment', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const local = fakeBrowser.storage.local.onChanged;
    const listen = local.addListener.bind(local);
    vi.spyOn(local, 'addListener').mockImplementation((listener) =>
      listen((...heard: Parameters<typeof listener>) => {
        setTimeout(() => listener(...heard), 20);
      }),
    );
    render(<WordPressSettings />);
    const site = (await screen.findByLabelText(/^Adresse du site/)) as HTMLInputElement;
    const password = screen.getByLabelText(/^Mot de passe d’application/) as HTMLInputElement;
    fireEvent.input(site, { target: { value: 'https://monsite.fr' } });
    fireEvent.input(password, { target: { value: 'nouv eaum otde pass' } });
    const shown = new Set<string>();
    const sampler = setInterval(() => shown.add(`${site.value} ${password.value}`), 0);

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.getByTestId('wp-status').textContent).toBe('Enregistré.'));
    await new Promise((resolve) => setTimeout(resolve, 80));
    clearInterval(sampler);

    expect([...shown]).toEqual(['https://monsite.fr nouv eaum otde pass']);
    expect(await wordpressPasswordItem.getValue()).toBe('nouv eaum otde pass');
    expect(typedUnsaved()).toBe(false);
  });
});
