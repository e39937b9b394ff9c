import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { linkSuggestions } from '../../../components/linkSuggestions';
import { shownLabel } from '../../../components/itemName';
import { DEFAULT_HOUSE_STYLE } from '../../../export/house-style';
import {
  matchSuggestions,
  offeredLinks,
  postSuggestion,
  RichText,
  type LinkSuggestion,
} from '../../../components/RichText';
import { SEARCH_DELAY_MS } from '../../../components/useSitePosts';

/** The items named as the issue list names them, in the default (French) house style. */
const asListed = (item: Draft) => shownLabel(item, DEFAULT_HOUSE_STYLE);

/** Limits for a hang, not for speed: a loaded CI machine renders jsdom slowly. */
const WAIT = { timeout: 10_000 };
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import type { Draft } from '../../../storage/db';
import { wordpressItem } from '../../../storage/preferences';
import { sitePostsItem, type SitePost } from '../../../storage/site-posts';

const SITE = 'https://monsite.fr';
const post = (id: number, title: string, date = '2025-11-30T08:15:00'): SitePost => ({
  id,
  link: `${SITE}/?p=${id}`,
  title,
  date,
});
const source: LinkSuggestion = {
  url: 'https://www.lemonde.fr/bercy',
  label: 'Le Monde · Bercy muscle son jeu',
  kind: 'Source',
  group: 'draft',
};
const item: LinkSuggestion = {
  url: 'https://www.bloomberg.com/ovh',
  label: 'OVH Weighs IPO',
  kind: 'Indiscret',
  group: 'issue',
};

describe('linkSuggestions', () => {
  it('lists the draft’s sources and quote links under « Sources », the other items under « Dans ce numéro »', () => {
    const draft = {
      id: 'd1',
      sources: [{ url: 'https://www.lemonde.fr/bercy', title: 'Bercy', siteName: 'Le Monde' }],
      quotes: [{ text: 'x', html: '<p>Voir <a href="https://insee.fr/t">l’Insee</a></p>' }],
    } as unknown as Draft;
    const other = {
      id: 'd2',
      title: 'OVH Weighs IPO',
      body: '<p>OVH prépare son entrée en Bourse pour la rentrée.</p>',
      sources: [{ url: 'https://www.bloomberg.com/ovh' }],
    } as unknown as Draft;

    const out = linkSuggestions(draft, [draft, other], asListed);

    expect(out.map(({ url, group }) => [url, group])).toEqual([
      ['https://www.lemonde.fr/bercy', 'draft'],
      ['https://insee.fr/t', 'draft'],
      ['https://www.bloomberg.com/ovh', 'issue'],
    ]);
  });

  it('names a source or a quote link without a name by its domain as a reader writes it', () => {
    const draft = {
      id: 'd1',
      sources: [{ url: 'https://www.xn--caf-dma.fr/menu' }, { url: 'https://xn--yxaey.com/a' }],
      quotes: [{ text: 'x', html: '<p><a href="https://xn--caf-dma.fr/carte"></a></p>' }],
    } as unknown as Draft;

    const out = linkSuggestions(draft, [], asListed);

    // The address kept in ASCII; « νοχ » (Greek drawn as Latin, vox) as the browser writes it.
    expect(out.map(({ url, label }) => [url, label])).toEqual([
      ['https://www.xn--caf-dma.fr/menu', 'café.fr'],
      ['https://xn--yxaey.com/a', 'xn--yxaey.com'],
      ['https://xn--caf-dma.fr/carte', 'café.fr'],
    ]);
  });

  it('names the other items as the issue list does: their label, else their first words', () => {
    const draft = { id: 'd1', sources: [], quotes: [] } as unknown as Draft;
    const other = (id: string, fields: Partial<Draft>) =>
      ({
        id,
        title: 'OVH Is Said to Pick Rothschild for IPO',
        body: '<p>OVH prépare son entrée en Bourse pour la rentrée.</p>',
        sources: [{ url: `https://www.bloomberg.com/${id}`, title: 'OVH' }],
        ...fields,
      }) as unknown as Draft;

    const out = linkSuggestions(
      draft,
      [
        other('d2', { label: 'OVH en Bourse' }),
        other('d3', {}),
        other('d4', { body: '' }),
        other('d5', { label: 'Selon "Le Monde", l\'affaire est close' }),
      ],
      asListed,
    );

    expect(out.map(({ label }) => label)).toEqual([
      'OVH en Bourse',
      'OVH prépare son entrée en Bourse…',
      'OVH Is Said to Pick Rothschild for IPO',
      // Typeset, as the issue list and the exports show it.
      'Selon «\u00a0Le Monde\u00a0», l’affaire est close',
    ]);
  });

  it('finds an item by its typeset label from what the editor types, straight quotes and all', () => {
    const typeset: LinkSuggestion = {
      url: 'https://www.lemonde.fr/affaire',
      label: 'Selon «\u00a0Le Monde\u00a0», l’affaire est close\u202f?',
      kind: 'Élément',
      group: 'issue',
    };
    const other: LinkSuggestion = { ...typeset, url: 'https://x.test/', label: 'Autre chose' };
    for (const typed of ['"Le Monde", l\'affaire', 'l’affaire', 'selon « le monde »', 'close ?']) {
      expect(
        matchSuggestions([typeset, other], typed).map((s) => s.url),
        typed,
      ).toEqual([typeset.url]);
    }
  });
});

describe('offeredLinks', () => {
  it('puts the site’s posts last, under their own heading, each address once', () => {
    const out = offeredLinks(
      [item, source],
      [post(1, 'Un'), { ...post(2, 'Doublon'), link: source.url }],
      [],
      '',
    );

    expect(out.map((s) => [s.group, s.label])).toEqual([
      ['draft', source.label],
      ['issue', item.label],
      ['site', 'Un'],
    ]);
  });

  it('filters the cached posts by the words typed and keeps what the site found for them', () => {
    const out = offeredLinks(
      [source, item],
      [post(1, 'Bercy, l’année des comptes'), post(2, 'Autre chose')],
      // WordPress matched this one by its text: the title does not hold the word.
      [post(3, 'Le budget'), post(1, 'Bercy, l’année des comptes')],
      'bercy',
    );

    expect(out.map((s) => s.label)).toEqual([
      source.label,
      'Bercy, l’année des comptes',
      'Le budget',
    ]);
  });

  it('names a post by its title and its day, and an untitled one as such', () => {
    expect(postSuggestion(post(4, '', '2019-03-01T23:30:00'))).toEqual({
      url: `${SITE}/?p=4`,
      label: '(article sans titre)',
      kind: '1 mars 2019',
      group: 'site',
    });
  });
});

describe('the link form with the site’s posts', () => {
  let unregister: () => void = () => {};
  const answer = vi.fn<Handlers['sitePosts']>();

  beforeEach(async () => {
    fakeBrowser.reset();
    answer.mockReset();
    // The background's side of the protocol, answering from this test.
    unregister = registerHandlers({ sitePosts: answer } as unknown as Handlers);
    await wordpressItem.setValue({
      siteUrl: SITE,
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
  });
  afterEach(() => {
    unregister();
    cleanup();
  });

  async function openLinkForm() {
    render(
      <RichText
        value="<p>Voir notre article</p>"
        onChange={() => {}}
        label="Texte"
        suggestions={[source]}
        sitePosts
      />,
    );
    fireEvent.keyDown(screen.getByTestId('item-text'), { key: 'k', ctrlKey: true });
    return screen.findByRole('combobox', { name: 'Adresse du lien' }, WAIT);
  }

  it('shows the last list at once, with its date, when the site cannot be reached', async () => {
    await sitePostsItem.setValue({
      siteUrl: SITE,
      fetchedAt: '2025-11-30T08:40:00.000Z',
      posts: [post(1, 'Bercy, l’année des comptes')],
    });
    answer.mockResolvedValue({ ok: false, code: 'offline' });

    await openLinkForm();

    const site = await screen.findByTestId('link-group-site', {}, WAIT);
    expect(within(site).getByText('Articles du site')).toBeTruthy();
    expect(within(site).getByRole('option').textContent).toContain('Bercy, l’année des comptes');
    expect(within(screen.getByTestId('link-group-draft')).getByText('Sources')).toBeTruthy();
    await waitFor(
      () =>
        expect(screen.getByTestId('site-posts-note').textContent).toMatch(
          /^Hors ligne\u00a0: derniers articles connus, liste du 30\u00a0novembre\u00a02025 à \d+\u00a0h\u00a040\.$/,
        ),
      WAIT,
    );
    expect(answer).toHaveBeenCalledWith({});
  });

  it('says in one line why there are no posts, and the form still links a typed address', async () => {
    answer.mockResolvedValue({ ok: false, code: 'wrong_credentials', status: 401 });

    const field = await openLinkForm();

    await waitFor(
      () =>
        expect(screen.getByTestId('site-posts-note').textContent).toBe(
          'WordPress refuse l’identifiant ou le mot de passe d’application\u00a0: articles du site indisponibles.',
        ),
      WAIT,
    );
    expect(screen.queryByTestId('link-group-site')).toBeNull();
    fireEvent.input(field, { target: { value: 'lemonde.fr/pixels' } });
    expect((field as HTMLInputElement).value).toBe('lemonde.fr/pixels');
  });

  it('says credentials answered as to an anonymous visitor, not only as refused', async () => {
    answer.mockResolvedValue({ ok: false, code: 'credentials_unseen', status: 401 });

    await openLinkForm();

    await waitFor(
      () =>
        expect(screen.getByTestId('site-posts-note').textContent).toBe(
          'WordPress ne reconnaît pas l’identifiant et le mot de passe d’application (ou le serveur du site les retire en chemin)\u00a0: articles du site indisponibles.',
        ),
      WAIT,
    );
  });

  it('says the site’s server drops the identification when the plugin saw none', async () => {
    answer.mockResolvedValue({ ok: false, code: 'auth_header_dropped', status: 401 });

    await openLinkForm();

    await waitFor(
      () =>
        expect(screen.getByTestId('site-posts-note').textContent).toBe(
          'Le serveur du site retire l’identification avant qu’elle n’arrive à WordPress\u00a0: articles du site indisponibles.',
        ),
      WAIT,
    );
  });

  it('searches the site for the words typed, after a pause', async () => {
    answer.mockImplementation(async ({ search }) =>
      search
        ? { ok: true, posts: [post(7, 'Le budget')], fetchedAt: '' }
        : { ok: true, posts: [], fetchedAt: '' },
    );

    const field = await openLinkForm();
    fireEvent.input(field, { target: { value: 'comptes publics' } });

    const site = await screen.findByTestId(
      'link-group-site',
      {},
      { timeout: SEARCH_DELAY_MS + WAIT.timeout },
    );
    expect(within(site).getByRole('option').textContent).toContain('Le budget');
    expect(answer).toHaveBeenCalledWith({ search: 'comptes publics' });
  });

  it('offers no site posts and asks nothing when WordPress is not set up', async () => {
    await wordpressItem.setValue({ siteUrl: '', username: '', category: '', status: 'draft' });

    const field = await openLinkForm();

    expect(field.getAttribute('placeholder')).toBe('Source, titre ou adresse https://…');
    expect(screen.queryByTestId('link-group-site')).toBeNull();
    expect(screen.queryByTestId('site-posts-note')).toBeNull();
    expect(answer).not.toHaveBeenCalled();
  });
});
