import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type {
  AddressAnswer,
  askAddress,
  publishPost,
  readPostState,
  WpPostState,
  WpPublished,
  WpSettings,
} from '../../../wordpress/client';
import { type WpResult } from '../../../wordpress/errors';
import { publishFailureText } from '../../../components/publishFailureText';
import { postOutOfDate } from '../../../components/PublishPanel';
import { toExportIssue } from '../../../export/from-issue';
import { createHouseStyle, type HouseStyle } from '../../../export/house-style';
import { issueDigest } from '../../../export/post-digest';
import { cancelPublish, publishIssue } from '../../../services/publisher';
import { saveDraft } from '../../../storage/draft-records';
import { db } from '../../../storage/db';
import { updateDraft } from '../../../storage/drafts';
import {
  addToIssue,
  createIssue,
  getIssue,
  issueItems,
  moveItem,
  updateIssue,
} from '../../../storage/issues';
import { getHouseStyle, wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import { noteSiteMove } from '../../../storage/settings';
import { DESK_PEOPLE, deskState } from '../desk-fixtures';
import { allowSite, PASSWORD, SITE, storeSite } from './stored-site';

type PublishFn = typeof publishPost;
type Call = Parameters<PublishFn>;

/** A stand-in for the WordPress client: records its calls and answers what the test says. */
function fakeClient(...answers: Array<WpResult<WpPublished> | (() => Promise<never>)>) {
  const calls: Call[] = [];
  const publish = vi.fn(async (...args: Call) => {
    calls.push(args);
    const answer = answers.shift();
    if (!answer) throw new Error('no answer left');
    return typeof answer === 'function' ? answer() : answer;
  });
  return { publish: publish as unknown as PublishFn, calls, mock: publish };
}

const published = (
  postId: number,
  modifiedGmt: string,
  created = true,
): WpPublished & { ok: true } => ({
  ok: true,
  postId,
  link: `${SITE}/?p=${postId}`,
  modifiedGmt,
  status: 'draft',
  editLink: `${SITE}/wp-admin/post.php?post=${postId}&action=edit`,
  created,
});

/**
 * The proof post-state asks of a post recorded at another address, faked: the post read at the
 * settings' site (`guid` its guid, or a failure), and what the old address answers.
 */
function movedProof(guid: string | WpResult<WpPostState>, old: AddressAnswer) {
  const read = vi.fn(
    async (_settings: WpSettings, postId: number): Promise<WpResult<WpPostState>> =>
      typeof guid === 'string'
        ? {
            ok: true,
            postId,
            modifiedGmt: '2021-03-15T08:00:00',
            status: 'draft',
            link: `https://x.fr/?p=${postId}`,
            editLink: `https://x.fr/wp-admin/post.php?post=${postId}&action=edit`,
            guid,
          }
        : guid,
  );
  const ask = vi.fn(async (_siteUrl: string) => old);
  return {
    read: read as typeof read & typeof readPostState,
    ask: ask as typeof ask & typeof askAddress,
  };
}

async function issueWithItems() {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
  for (const [url, body] of [
    ['https://www.lemonde.fr/ministre', '<p>Le ministre quitte Bercy.</p>'],
    ['https://www.bloomberg.com/ovh', '<p>OVH prépare son entrée en Bourse.</p>'],
  ] as const) {
    const { clip: draft } = await saveDraft({
      metadata: { url, title: url, siteName: 'Le Monde', provenance: {} },
    });
    await updateDraft(draft.id, { body });
    await addToIssue(draft.id, issue.id);
  }
  return issue;
}

/**
 * The issue and its items as stored, to compare before and after. A creation's intent
 * (`publishing`, written before the request, see publish-stops.test.ts) and the revision it
 * raises are left out: a failed creation keeps it on purpose.
 */
async function snapshot(issueId: string) {
  const issue = await getIssue(issueId);
  if (issue) {
    delete issue.publishing;
    delete issue.rev;
  }
  return { issue, items: await issueItems(issueId) };
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await db.clips.clear();
  await db.issues.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('publishIssue', () => {
  it('says WordPress is not set up when the password is missing, without calling the client', async () => {
    await storeSite();
    await wordpressPasswordItem.setValue('');
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient();

    const outcome = await publishIssue({ issueId: issue.id }, client);

    expect(outcome).toMatchObject({ ok: false, code: 'not_configured' });
    // The background answers with a code; the UI words it.
    if (!outcome.ok) {
      expect(publishFailureText(outcome.code, outcome.params, 'fr')).toMatch(
        /^WordPress n’est pas configuré/,
      );
    }
    expect(client.mock).not.toHaveBeenCalled();
  });

  it('asks for the site’s permission to be granted in the settings when it is missing', async () => {
    await storeSite();
    const contains = allowSite(false);
    const issue = await issueWithItems();
    const client = fakeClient();

    const outcome = await publishIssue({ issueId: issue.id }, client);

    expect(contains).toHaveBeenCalledWith({ origins: ['https://monsite.fr/*'] });
    expect(outcome).toMatchObject({ ok: false, code: 'no_permission' });
    if (!outcome.ok) {
      expect(publishFailureText(outcome.code, outcome.params, 'fr')).toContain(
        '«\u00a0Tester la connexion\u00a0»',
      );
    }
    expect(client.mock).not.toHaveBeenCalled();
  });

  it('creates the post from the issue’s blocks and remembers its id and link on the issue', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(published(41, '2021-03-15T08:00:00'));

    const outcome = await publishIssue({ issueId: issue.id }, client);

    expect(outcome).toEqual({
      ok: true,
      postId: 41,
      link: `${SITE}/?p=41`,
      editLink: `${SITE}/wp-admin/post.php?post=41&action=edit`,
      created: true,
    });
    const [settings, post, options] = client.calls[0]!;
    expect(settings).toMatchObject({ siteUrl: SITE, username: 'redac', appPassword: PASSWORD });
    expect(post.title).toBe('Les indiscrets du 15 mars');
    expect(post.content).toContain('<!-- wp:paragraph -->\n<p>--&gt; Le ministre quitte Bercy.');
    expect(post.content).toContain('OVH prépare son entrée en Bourse.');
    expect(post.postId).toBeUndefined();
    // The signal that « Annuler » aborts (publishCancel).
    expect(options).toEqual({ overwrite: false, signal: expect.any(AbortSignal) });
    const stored = await getIssue(issue.id);
    expect(stored?.status).toBe('published');
    expect(stored?.wordpress).toMatchObject({
      postId: 41,
      link: `${SITE}/?p=41`,
      modifiedGmt: '2021-03-15T08:00:00',
    });
  });

  it('updates the post published before, with its last known modification date', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(
      published(41, '2021-03-15T08:00:00'),
      published(41, '2021-03-15T09:30:00', false),
    );
    await publishIssue({ issueId: issue.id }, client);

    const outcome = await publishIssue({ issueId: issue.id }, client);

    expect(outcome).toMatchObject({ ok: true, postId: 41, created: false });
    expect(client.calls[1]![1]).toMatchObject({
      postId: 41,
      lastModifiedGmt: '2021-03-15T08:00:00',
    });
    expect((await getIssue(issue.id))?.wordpress?.modifiedGmt).toBe('2021-03-15T09:30:00');
  });

  it('records who published (the shared desk’s user), and that a later publication updated the post', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(
      published(41, '2021-03-15T08:00:00'),
      published(41, '2021-03-15T09:30:00', false),
    );
    // Sync off: nobody to name.
    await publishIssue({ issueId: issue.id }, client);
    const first = (await getIssue(issue.id))!.wordpress!;
    expect(first).not.toHaveProperty('publishedBy');
    expect(first).not.toHaveProperty('updated');

    await db.syncState.put(deskState('editor'));
    try {
      await publishIssue({ issueId: issue.id }, client);
    } finally {
      await Promise.all([db.syncState.clear(), db.outbox.clear()]);
    }
    expect((await getIssue(issue.id))!.wordpress).toMatchObject({
      publishedBy: { id: DESK_PEOPLE.editor.id, name: 'Rédac' },
      updated: true,
    });
  });

  it('records the digest of what the post was made from (the issue, whatever the house style), which the panel compares with the issue now', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(published(41, '2021-03-15T08:00:00'));
    await publishIssue({ issueId: issue.id }, client);
    const post = (await getIssue(issue.id))!.wordpress!;
    expect(post.digest).toBe(issueDigest(toExportIssue(issue, await issueItems(issue.id))));
    expect(post.digest).toMatch(/^issue-fnv1a32:[0-9a-f]{8}:\d+$/);

    /** Whether the panel, reading the issue and its items as stored, says the post is out of date. */
    const stale = async (style?: HouseStyle) => {
      const stored = (await getIssue(issue.id))!;
      const model = toExportIssue(stored, await issueItems(issue.id));
      return postOutOfDate(stored.wordpress?.digest, model, style ?? (await getHouseStyle()));
    };
    expect(await stale()).toBe(false);
    // A colleague whose browser has another house style is not told it is out of date either.
    const theirs = createHouseStyle({
      locale: 'en',
      creditStyle: 'via',
      titlePattern: 'Insider notes, {date}',
    });
    expect(await stale(theirs)).toBe(false);

    // What the post does not hold changes nothing: an item's private note, tags, status.
    const [first, second] = await issueItems(issue.id);
    await updateDraft(first!.id, { note: 'Rappeler le cabinet', tags: ['bercy'], status: 'ready' });
    await updateIssue(issue.id, { exportedAt: '2021-03-15T09:00:00.000Z' });
    expect(await stale()).toBe(false);

    // A typo fixed in an item, the items reordered, the intro written: each is out of date.
    await updateDraft(first!.id, { body: '<p>Le ministre quitte Bercy ce soir.</p>' });
    expect(await stale()).toBe(true);
    expect(await stale(theirs)).toBe(true);
    await updateDraft(first!.id, { body: '<p>Le ministre quitte Bercy.</p>' });
    expect(await stale()).toBe(false);
    await moveItem(issue.id, second!.id, 0);
    expect(await stale()).toBe(true);
    await moveItem(issue.id, second!.id, 1);
    expect(await stale()).toBe(false);
    await updateIssue(issue.id, { intro: 'Cette semaine, Bercy.' });
    expect(await stale()).toBe(true);

    // Once updated, it matches again; a post recorded without a digest (an earlier version) is
    // never said to be out of date.
    const update = fakeClient(published(41, '2021-03-15T09:30:00', false));
    await publishIssue({ issueId: issue.id }, update);
    expect(await stale()).toBe(false);
    const model = toExportIssue((await getIssue(issue.id))!, await issueItems(issue.id));
    expect(
      postOutOfDate(undefined, { ...model, intro: 'Autre chose' }, await getHouseStyle()),
    ).toBe(false);
  });

  it('creates a post on the new site rather than update a post id recorded for another site', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(
      published(41, '2021-03-15T08:00:00'),
      published(7, '2021-03-16T08:00:00'),
    );
    await publishIssue({ issueId: issue.id }, client);
    await wordpressItem.setValue({
      siteUrl: 'https://autre.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    // That site's own post 41, created at its own address: another post than ours.
    const proof = movedProof(`https://autre.fr/?p=41`, { kind: 'wordpress' });

    const outcome = await publishIssue({ issueId: issue.id }, { ...client, proof });

    expect(outcome).toMatchObject({ ok: true, postId: 7 });
    expect(client.calls[1]![1].postId).toBeUndefined();
    expect((await getIssue(issue.id))?.wordpress).toMatchObject({
      postId: 7,
      siteUrl: 'https://autre.fr',
    });
  });

  it('updates the post published before the site moved, at its new address, rather than create a second', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(
      published(41, '2021-03-15T08:00:00'),
      published(41, '2021-03-16T08:00:00', false),
    );
    await publishIssue({ issueId: issue.id }, client);
    // The site moved (monsite.fr to www.monsite.fr); the editor, desk off, names the new address.
    const moved = 'https://www.monsite.fr';
    await wordpressItem.setValue({
      siteUrl: moved,
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    const proof = movedProof(`${SITE}/?p=41`, { kind: 'moved', address: moved });

    const outcome = await publishIssue({ issueId: issue.id }, { ...client, proof });

    expect(outcome).toMatchObject({ ok: true, postId: 41, created: false });
    expect(client.calls[1]![0].siteUrl).toBe(moved);
    expect(client.calls[1]![1]).toMatchObject({
      postId: 41,
      lastModifiedGmt: '2021-03-15T08:00:00',
    });
    expect(client.calls[1]![1].marker).toBeUndefined();
    expect(proof.read.mock.calls[0]![0]).toMatchObject({ siteUrl: moved });
    expect(proof.ask.mock.calls[0]![0]).toBe(SITE);
    expect((await getIssue(issue.id))?.wordpress).toMatchObject({
      postId: 41,
      siteUrl: moved,
      modifiedGmt: '2021-03-16T08:00:00',
    });
  });

  it('updates the post at the new address when the options proved the move, its old address no longer readable', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(
      published(41, '2021-03-15T08:00:00'),
      published(41, '2021-03-16T08:00:00', false),
    );
    await publishIssue({ issueId: issue.id }, client);
    const moved = 'https://www.monsite.fr';
    await wordpressItem.setValue({
      siteUrl: moved,
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    // The options asked the old address as the editor changed it: it redirected here.
    await noteSiteMove({ from: SITE, to: moved, at: '2021-03-16T07:00:00.000Z' });
    // Its permission given back since: something answers there, the extension may not read what.
    const proof = movedProof(`${SITE}/?p=41`, { kind: 'answers' });

    const outcome = await publishIssue({ issueId: issue.id }, { ...client, proof });

    expect(outcome).toMatchObject({ ok: true, postId: 41, created: false });
    expect(client.calls[1]![1]).toMatchObject({ postId: 41 });
    expect((await getIssue(issue.id))?.wordpress).toMatchObject({ postId: 41, siteUrl: moved });
  });

  it('creates a post on another site whose post of that id is not the editor’s to edit', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(
      published(41, '2021-03-15T08:00:00'),
      published(7, '2021-03-16T08:00:00'),
    );
    await publishIssue({ issueId: issue.id }, client);
    // From a staging copy to the newsroom's site, where post 41 is a colleague's: a 403.
    await wordpressItem.setValue({
      siteUrl: 'https://autre.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    const proof = movedProof(
      { ok: false, code: 'cannot_edit_post', status: 403 },
      { kind: 'wordpress' },
    );

    const outcome = await publishIssue({ issueId: issue.id }, { ...client, proof });

    // Nothing proves it the same post: another site's, a post created there as before 0a4ce84.
    expect(outcome).toMatchObject({ ok: true, postId: 7 });
    expect(client.calls[1]![1].postId).toBeUndefined();
  });

  it('creates nothing when the post recorded at the old address cannot be read at the new one', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(published(41, '2021-03-15T08:00:00'));
    await publishIssue({ issueId: issue.id }, client);
    await wordpressItem.setValue({
      siteUrl: 'https://www.monsite.fr',
      username: 'redac',
      category: 'Indiscrets',
      status: 'draft',
    });
    const proof = movedProof({ ok: false, code: 'timeout' }, { kind: 'moved', address: SITE });

    const outcome = await publishIssue({ issueId: issue.id }, { ...client, proof });

    // A creation there might be the duplicate of the post published before the move.
    expect(outcome).toMatchObject({ ok: false, code: 'timeout' });
    expect(client.calls).toHaveLength(1);
    expect((await getIssue(issue.id))?.wordpress).toMatchObject({ postId: 41, siteUrl: SITE });
  });

  it('leaves the issue and its items untouched when WordPress refuses', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const before = await snapshot(issue.id);
    const client = fakeClient({
      ok: false,
      code: 'wrong_credentials',
      status: 401,
    });

    const outcome = await publishIssue({ issueId: issue.id }, client);

    expect(outcome).toEqual({ ok: false, code: 'wrong_credentials', params: { status: 401 } });
    expect(await snapshot(issue.id)).toEqual(before);
  });

  it('passes a conflict on with the date of the WordPress version, and overwrites when asked', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(
      published(41, '2021-03-15T08:00:00'),
      {
        ok: false,
        code: 'conflict',
        remoteModifiedGmt: '2021-03-15T10:00:00',
      },
      published(41, '2021-03-15T10:05:00', false),
    );
    await publishIssue({ issueId: issue.id }, client);
    const afterFirst = await snapshot(issue.id);

    const conflict = await publishIssue({ issueId: issue.id }, client);
    expect(conflict).toMatchObject({
      ok: false,
      code: 'conflict',
      remoteModifiedGmt: '2021-03-15T10:00:00',
    });
    expect(await snapshot(issue.id)).toEqual(afterFirst);

    const forced = await publishIssue({ issueId: issue.id, overwrite: true }, client);
    expect(forced).toMatchObject({ ok: true, postId: 41 });
    expect(client.calls[2]![1]).toMatchObject({
      postId: 41,
      lastModifiedGmt: '2021-03-15T08:00:00',
    });
    expect(client.calls[2]![2]).toMatchObject({ overwrite: true });
  });

  it('creates a new post instead of the deleted one when asked, and remembers the new one', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(
      published(41, '2021-03-15T08:00:00'),
      published(57, '2021-03-16T08:00:00'),
    );
    await publishIssue({ issueId: issue.id }, client);

    const outcome = await publishIssue({ issueId: issue.id, createNew: true }, client);

    expect(client.calls[1]![1].postId).toBeUndefined();
    expect(client.calls[1]![1].lastModifiedGmt).toBeUndefined();
    expect(outcome).toMatchObject({ ok: true, postId: 57, created: true });
    expect((await getIssue(issue.id))?.wordpress?.postId).toBe(57);
  });

  it('runs two publications of one issue one after the other, so the second updates the first post', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const client = fakeClient(
      published(41, '2021-03-15T08:00:00'),
      published(41, '2021-03-15T08:00:05', false),
    );

    const [first, second] = await Promise.all([
      publishIssue({ issueId: issue.id }, client),
      publishIssue({ issueId: issue.id }, client),
    ]);

    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: true, created: false });
    expect(client.calls[1]![1]).toMatchObject({
      postId: 41,
      lastModifiedGmt: '2021-03-15T08:00:00',
    });
  });

  it('stops a publication under way when the editor cancels it, and finds its post at the next try', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    // WordPress received the post but its answer never came: the request ends when aborted.
    let started!: () => void;
    const requested = new Promise<void>((resolve) => (started = resolve));
    const publish = vi.fn(
      (_settings: Call[0], _post: Call[1], options: Call[2] = {}) =>
        new Promise<WpResult<WpPublished>>((resolve) => {
          started();
          options.signal?.addEventListener('abort', () =>
            resolve({ ok: false, code: 'cancelled' } as WpResult<WpPublished>),
          );
        }),
    );

    const outcome = publishIssue(
      { issueId: issue.id },
      { publish: publish as unknown as PublishFn },
    );
    await requested;
    expect(cancelPublish(issue.id)).toBe(true);

    expect(await outcome).toMatchObject({ ok: false, code: 'cancelled' });
    expect(cancelPublish(issue.id)).toBe(false);
    // The next try looks the post up by the same slug (its intent was kept), not a new one.
    const marker = publish.mock.calls[0]![1].marker;
    expect(marker).toBeTruthy();
    const again = fakeClient(published(41, '2021-03-15T08:00:00', false));
    await publishIssue({ issueId: issue.id }, again);
    expect(again.calls[0]![1].marker).toBe(marker);
  });

  it('says the issue no longer exists when it was deleted', async () => {
    await storeSite();
    allowSite();
    const client = fakeClient();

    const outcome = await publishIssue({ issueId: 'gone' }, client);

    expect(outcome).toMatchObject({ ok: false, code: 'issue_missing' });
    expect(client.mock).not.toHaveBeenCalled();
  });

  it('turns an unexpected error into a fixed message that cannot hold the password', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    const before = await snapshot(issue.id);
    const client = fakeClient(() =>
      Promise.reject(new Error(`Basic auth redac:${PASSWORD} failed`)),
    );

    const outcome = await publishIssue({ issueId: issue.id }, client);

    expect(outcome).toEqual({ ok: false, code: 'unexpected', params: {} });
    expect(JSON.stringify(outcome)).not.toContain(PASSWORD);
    expect(await snapshot(issue.id)).toEqual(before);
  });

  it('keeps the background awake with an API call every 20 seconds while WordPress answers', async () => {
    await storeSite();
    allowSite();
    const issue = await issueWithItems();
    // fakeBrowser has no getPlatformInfo.
    const ping = vi.fn(async () => ({ os: 'linux', arch: 'x86-64' }));
    (fakeBrowser.runtime as unknown as { getPlatformInfo: typeof ping }).getPlatformInfo = ping;
    let answer!: (result: WpResult<WpPublished>) => void;
    const client = fakeClient(
      () => new Promise<never>((resolve) => (answer = resolve as unknown as typeof answer)),
    );
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });

    const outcome = publishIssue({ issueId: issue.id }, client);
    await vi.waitFor(() => expect(client.mock).toHaveBeenCalled());
    await vi.advanceTimersByTimeAsync(45_000);
    expect(ping).toHaveBeenCalledTimes(2);
    answer(published(41, '2021-03-15T08:00:00'));
    await expect(outcome).resolves.toMatchObject({ ok: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(2);
  });
});
