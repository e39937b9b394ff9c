import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '../../../services/handlers';
import {
  cancelPostState,
  deskCatchUp,
  followedPost,
  POST_STATE_TIMEOUT_MS,
  readPublishedPost,
} from '../../../services/post-state';
import { db } from '../../../storage/db';
import { createIssue, markPublished } from '../../../storage/issues';
import type { AddressAnswer, readPostState, WpPostState } from '../../../wordpress/client';
import type { WpResult } from '../../../wordpress/errors';
import { wordpressPasswordItem } from '../../../storage/preferences';
import { noteSiteMove, siteMoves } from '../../../storage/settings';
import { deskState } from '../desk-fixtures';
import { allowSite, PASSWORD, SITE, storeSite } from './stored-site';

type Read = typeof readPostState;

/** A stand-in for the client's read: records what it was asked, answers `answer`. */
function fakeRead(answer: WpResult<WpPostState>) {
  const read = vi.fn(
    async (_settings: unknown, _postId: number, _options: { signal?: AbortSignal }) => answer,
  );
  return read as unknown as Read & typeof read;
}

const STATE: WpResult<WpPostState> = {
  ok: true,
  postId: 812,
  modifiedGmt: '2026-12-05T09:12:00',
  status: 'draft',
  link: `${SITE}/?p=812`,
  editLink: `${SITE}/wp-admin/post.php?post=812&action=edit`,
};

const online = () => true;

/** A published issue, its post 812 recorded on `siteUrl`. */
async function publishedIssue(siteUrl: string | undefined = SITE) {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
  await markPublished(issue.id, {
    postId: 812,
    link: `${SITE}/?p=812`,
    modifiedGmt: '2026-03-15T09:02:00',
    publishedAt: '2026-03-15T09:02:00.000Z',
    ...(siteUrl ? { siteUrl } : {}),
  });
  return issue.id;
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await db.issues.clear();
  await storeSite();
});

describe('readPublishedPost', () => {
  it('reads the issue’s post with the stored settings and password, and passes on its state', async () => {
    allowSite();
    const id = await publishedIssue();
    const read = fakeRead(STATE);

    const answer = await readPublishedPost(
      { issueId: id, token: 't1' },
      { read, isOnline: online },
    );

    expect(answer).toEqual({
      ok: true,
      postId: 812,
      modifiedGmt: '2026-12-05T09:12:00',
      status: 'draft',
      link: `${SITE}/?p=812`,
      editLink: `${SITE}/wp-admin/post.php?post=812&action=edit`,
    });
    expect(read).toHaveBeenCalledTimes(1);
    const [settings, postId, options] = read.mock.calls[0]!;
    expect(settings).toMatchObject({ siteUrl: SITE, username: 'redac', appPassword: PASSWORD });
    expect(postId).toBe(812);
    expect(options).toMatchObject({ timeoutMs: 10_000 });
    // Only read: the issue is as it was.
    expect((await db.issues.get(id))?.wordpress?.modifiedGmt).toBe('2026-03-15T09:02:00');
  });

  it('asks nothing offline, without the site’s permission, or without settings', async () => {
    const id = await publishedIssue();
    const read = fakeRead(STATE);
    allowSite();
    expect(await readPublishedPost({ issueId: id }, { read, isOnline: () => false })).toEqual({
      ok: false,
      code: 'offline',
    });
    allowSite(false);
    expect(await readPublishedPost({ issueId: id }, { read, isOnline: online })).toEqual({
      ok: false,
      code: 'no_permission',
    });
    await wordpressPasswordItem.setValue('');
    allowSite();
    expect(await readPublishedPost({ issueId: id }, { read, isOnline: online })).toEqual({
      ok: false,
      code: 'not_configured',
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('asks nothing for an issue never published', async () => {
    allowSite();
    const read = fakeRead(STATE);
    const draft = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2026-03-22' });
    expect(await readPublishedPost({ issueId: draft.id }, { read, isOnline: online })).toEqual({
      ok: false,
      code: 'not_published',
    });
    expect(read).not.toHaveBeenCalled();
  });

  it('passes on a failure as its code alone', async () => {
    allowSite();
    const id = await publishedIssue();
    const read = fakeRead({
      ok: false,
      code: 'deleted',
      status: 404,
      wpCode: 'rest_post_invalid_id',
      detail: 'Invalid post ID.',
    });
    expect(await readPublishedPost({ issueId: id }, { read, isOnline: online })).toEqual({
      ok: false,
      code: 'deleted',
    });
  });

  it('stops a read under way on its token: the request is aborted and its answer is `cancelled`', async () => {
    allowSite();
    const id = await publishedIssue();
    // The client's read, which answers `cancelled` once its signal aborts, as the client does.
    const read = fakeRead(STATE);
    read.mockImplementation(async (_settings, _postId, options) => {
      await new Promise((resolve) => options.signal?.addEventListener('abort', resolve));
      return { ok: false, code: 'cancelled' } as never;
    });
    const reading = readPublishedPost(
      { issueId: id, token: 'panel-1' },
      { read, isOnline: online },
    );
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));

    expect(cancelPostState('other')).toBe(false);
    expect(cancelPostState('panel-1')).toBe(true);
    expect(await reading).toEqual({ ok: false, code: 'cancelled' });
    // Done with: nothing left to stop.
    expect(cancelPostState('panel-1')).toBe(false);
  });

  it('waits for a run of the shared desk’s sync before saying a post changed since its publication', async () => {
    allowSite();
    const id = await publishedIssue();
    const read = fakeRead(STATE);
    const steps: string[] = [];
    let caughtUp!: () => void;
    // A run of the sync, which goes through and brings nothing: the change is not a colleague's.
    const catchUp = vi.fn(
      () =>
        new Promise<boolean>((resolve) => {
          caughtUp = () => {
            steps.push('synced');
            resolve(true);
          };
        }),
    );
    const reading = readPublishedPost({ issueId: id }, { read, isOnline: online, catchUp }).then(
      (answer) => {
        steps.push('answered');
        return answer;
      },
    );
    await vi.waitFor(() => expect(catchUp).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toEqual([]);

    caughtUp();
    const answer = await reading;
    expect(answer).toMatchObject({ ok: true, modifiedGmt: '2026-12-05T09:12:00' });
    expect(answer).not.toHaveProperty('unsure');
    expect(steps).toEqual(['synced', 'answered']);
  });

  it('says it is unsure whose change it is when that run did not go through', async () => {
    allowSite();
    const id = await publishedIssue();
    const read = fakeRead(STATE);
    // Offline meanwhile, or refused: a colleague's publication may not have reached this browser.
    const failed = vi.fn(async () => false);
    const broken = vi.fn(() => Promise.reject(new Error('sync stopped')));

    for (const catchUp of [failed, broken]) {
      expect(await readPublishedPost({ issueId: id }, { read, isOnline: online, catchUp })).toEqual(
        { ...STATE, ok: true, unsure: true },
      );
    }
  });

  it('waits for no run, and is sure, when one went through since an unsure answer', async () => {
    allowSite();
    const id = await publishedIssue();
    const read = fakeRead(STATE);
    const catchUp = vi.fn(() => new Promise<boolean>(() => undefined));

    const answer = await readPublishedPost(
      { issueId: id, caughtUp: true },
      { read, isOnline: online, catchUp },
    );

    expect(answer).toEqual({ ...STATE, ok: true });
    expect(catchUp).not.toHaveBeenCalled();
  });

  it('says nothing when that run brought a publication: the panel reads again for it', async () => {
    allowSite();
    const id = await publishedIssue();
    const read = fakeRead(STATE);
    // The run brings the colleague's publication: the issue's record of its post changes.
    const catchUp = vi.fn(async () => {
      const issue = await db.issues.get(id);
      await db.issues.update(id, {
        wordpress: { ...issue!.wordpress!, modifiedGmt: '2026-12-05T09:12:00' },
      });
      return true;
    });
    expect(await readPublishedPost({ issueId: id }, { read, isOnline: online, catchUp })).toEqual({
      ok: false,
      code: 'cancelled',
    });
  });

  it('says nothing to a panel whose record of the publication is older than the one stored', async () => {
    allowSite();
    const id = await publishedIssue();
    // The post as a colleague's publication left it, and its record already brought here by a
    // sync: the panel, still drawing the record before it, would call that publication an edit.
    const read = fakeRead(STATE);
    const issue = await db.issues.get(id);
    await db.issues.update(id, {
      wordpress: { ...issue!.wordpress!, modifiedGmt: '2026-12-05T09:12:00' },
    });
    const catchUp = vi.fn(async () => true);

    const behind = await readPublishedPost(
      { issueId: id, recordedGmt: '2026-03-15T09:02:00' },
      { read, isOnline: online, catchUp },
    );
    const current = await readPublishedPost(
      { issueId: id, recordedGmt: '2026-12-05T09:12:00' },
      { read, isOnline: online, catchUp },
    );

    expect(behind).toEqual({ ok: false, code: 'cancelled' });
    expect(current).toMatchObject({ ok: true, modifiedGmt: '2026-12-05T09:12:00' });
    // Asked of WordPress once: the panel that is behind reads again once it has the record.
    expect(read).toHaveBeenCalledTimes(1);
    expect(catchUp).not.toHaveBeenCalled();
  });

  it('does not wait for the sync when the post is as published here', async () => {
    allowSite();
    const id = await publishedIssue();
    const read = fakeRead({ ...STATE, modifiedGmt: '2026-03-15T09:02:00' } as typeof STATE);
    const catchUp = vi.fn(() => new Promise<boolean>(() => undefined));
    expect(
      await readPublishedPost({ issueId: id }, { read, isOnline: online, catchUp }),
    ).toMatchObject({ ok: true, modifiedGmt: '2026-03-15T09:02:00' });
    expect(catchUp).not.toHaveBeenCalled();
  });

  it('answers once the read’s time is up though the sync has not ended, and stops waiting on its token', async () => {
    allowSite();
    const id = await publishedIssue();
    const read = fakeRead(STATE);
    const never = () => new Promise<boolean>(() => undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const slow = readPublishedPost({ issueId: id }, { read, isOnline: online, catchUp: never });
      await vi.advanceTimersByTimeAsync(POST_STATE_TIMEOUT_MS);
      // Said, and said to be unsure: the sync may still bring a colleague's publication.
      expect(await slow).toMatchObject({
        ok: true,
        modifiedGmt: '2026-12-05T09:12:00',
        unsure: true,
      });
    } finally {
      vi.useRealTimers();
    }

    const catchUp = vi.fn(never);
    const waiting = readPublishedPost(
      { issueId: id, token: 'panel-2' },
      { read, isOnline: online, catchUp },
    );
    await vi.waitFor(() => expect(catchUp).toHaveBeenCalledTimes(1));
    expect(cancelPostState('panel-2')).toBe(true);
    expect(await waiting).toEqual({ ok: false, code: 'cancelled' });
  });

  it('waits for no sync when the shared desk is off, and counts a run that stopped as not through', async () => {
    const engine = (enabled: boolean, lastError?: object) => ({
      state: vi.fn(async () => ({ enabled })),
      run: vi.fn(async () => ({ enabled, ...(lastError ? { lastError } : {}) })),
    });
    const off = engine(false);
    expect(await deskCatchUp(off)).toBeUndefined();
    expect(off.run).not.toHaveBeenCalled();

    const through = await deskCatchUp(engine(true));
    expect(await through!()).toBe(true);
    const stopped = await deskCatchUp(
      engine(true, { code: 'offline', at: '2026-12-06T10:00:00Z' }),
    );
    expect(await stopped!()).toBe(false);
  });

  it('is what the background answers to `postState` and `postStateCancel`', async () => {
    const id = await publishedIssue();
    allowSite(false);
    expect(await handlers.postState({ issueId: id, token: 'x' })).toEqual({
      ok: false,
      code: 'no_permission',
    });
    expect(await handlers.postStateCancel({ token: 'x' })).toBe(false);
  });
});

describe('readPublishedPost, a post recorded at another address', () => {
  const OLD = 'https://ancien-site.fr';

  /** Issue published at `OLD` (post 812, its link there), before the settings named {@link SITE}. */
  async function publishedBefore() {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await markPublished(issue.id, {
      postId: 812,
      link: `${OLD}/?p=812`,
      modifiedGmt: '2026-03-15T09:02:00',
      publishedAt: '2026-03-15T09:02:00.000Z',
      siteUrl: OLD,
    });
    return (await db.issues.get(issue.id))!;
  }
  const withGuid = (guid: string): WpResult<WpPostState> => ({ ...STATE, guid }) as never;
  const answering = (answer: AddressAnswer) =>
    vi.fn(async (_url: string, _options: unknown) => answer);

  it('reads the post at the settings’ address once the site proves it moved there, and the record follows', async () => {
    allowSite();
    // A colleague who joined the shared desk at the new address, the issue theirs from before.
    await db.syncState.put(deskState('editor', { siteUrl: SITE }));
    const before = await publishedBefore();
    await db.outbox.clear();
    const read = fakeRead(withGuid(`http://ancien-site.fr/?p=812`));
    const ask = answering({ kind: 'moved', address: SITE });

    const answer = await readPublishedPost(
      { issueId: before.id },
      { read, ask: ask as never, isOnline: online },
    );

    expect(answer).toMatchObject({
      ok: true,
      postId: 812,
      modifiedGmt: STATE.ok && STATE.modifiedGmt,
    });
    expect(read.mock.calls[0]![0]).toMatchObject({ siteUrl: SITE });
    // The old address asked alone: no settings, so no password, go with it.
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask.mock.calls[0]![0]).toBe(OLD);
    expect(JSON.stringify(ask.mock.calls)).not.toContain(PASSWORD);
    const after = (await db.issues.get(before.id))!;
    expect(after.wordpress).toEqual({ ...before.wordpress, siteUrl: SITE, link: `${SITE}/?p=812` });
    // Quietly: the record as it was otherwise, nothing queued for the desk.
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(await db.outbox.count()).toBe(0);
    await db.syncState.clear();
  });

  it('takes an old address gone (no answer, or no WordPress) for the move, the post created there', async () => {
    allowSite();
    for (const gone of [{ kind: 'unreached', code: 'unreachable' }, { kind: 'other' }] as const) {
      const before = await publishedBefore();
      const answer = await readPublishedPost(
        { issueId: before.id },
        {
          read: fakeRead(withGuid(`${OLD}/?p=812`)),
          ask: answering(gone) as never,
          isOnline: online,
        },
      );
      expect(answer).toMatchObject({ ok: true, postId: 812 });
      expect((await db.issues.get(before.id))!.wordpress!.siteUrl).toBe(SITE);
    }
  });

  it('says another site when the post there was created elsewhere, or the old address is still a site of its own', async () => {
    allowSite();
    const cases: Array<[string | undefined, AddressAnswer]> = [
      // Another WordPress's post of that id: created at its own address.
      [`${SITE}/?p=812`, { kind: 'moved', address: SITE }],
      [undefined, { kind: 'moved', address: SITE }],
      // The old address still answers as a WordPress (the settings name a copy of that site).
      [`${OLD}/?p=812`, { kind: 'wordpress' }],
      // Or answers there, the extension not let to read what: a site of its own, or a redirect.
      [`${OLD}/?p=812`, { kind: 'answers' }],
      // It moved on to yet another address than the settings'.
      [`${OLD}/?p=812`, { kind: 'moved', address: 'https://www.ancien-site.fr' }],
    ];
    for (const [guid, old] of cases) {
      const before = await publishedBefore();
      const read = fakeRead(guid ? withGuid(guid) : STATE);
      const answer = await readPublishedPost(
        { issueId: before.id },
        { read, ask: answering(old) as never, isOnline: online },
      );
      expect(answer).toEqual({ ok: false, code: 'other_site' });
      expect(await db.issues.get(before.id)).toEqual(before);
    }
    // Not read there (the post gone, or the site not answering): another site as before.
    const before = await publishedBefore();
    const ask = answering({ kind: 'moved', address: SITE });
    const answer = await readPublishedPost(
      { issueId: before.id },
      {
        read: fakeRead({ ok: false, code: 'deleted', status: 404 }),
        ask: ask as never,
        isOnline: online,
      },
    );
    expect(answer).toEqual({ ok: false, code: 'other_site' });
    expect(ask).not.toHaveBeenCalled();
    expect(await db.issues.get(before.id)).toEqual(before);
  });

  it('says another site when the post of that id there was created at the old address as another post (moved by an import)', async () => {
    // The site moved by an export and an import into the new site, which held posts already:
    // WordPress's importer keeps each post's guid, and its id when free. Post 812 there is the
    // old site's post 17 (its guid says so); the issue's post 812 came in under another id.
    allowSite();
    for (const guid of [`${OLD}/?p=17`, `${OLD}/?page_id=17`, `${OLD}/?post_type=indiscret&p=17`]) {
      const before = await publishedBefore();
      const answer = await readPublishedPost(
        { issueId: before.id },
        {
          read: fakeRead(withGuid(guid)),
          ask: answering({ kind: 'moved', address: SITE }) as never,
          isOnline: online,
        },
      );
      expect(answer).toEqual({ ok: false, code: 'other_site' });
      expect(await db.issues.get(before.id)).toEqual(before);
    }
    // Its guid naming no id (a post published as it was created: its pretty permalink) or this
    // one: the post of that id, as before.
    for (const guid of [`${OLD}/2026/03/15/les-indiscrets/`, `${OLD}/?p=812`]) {
      const before = await publishedBefore();
      const answer = await readPublishedPost(
        { issueId: before.id },
        {
          read: fakeRead(withGuid(guid)),
          ask: answering({ kind: 'moved', address: SITE }) as never,
          isOnline: online,
        },
      );
      expect(answer).toMatchObject({ ok: true, postId: 812 });
    }
  });

  it('takes the move the options proved for an old address it may not read, and that move only', async () => {
    allowSite();
    const before = await publishedBefore();
    // The options asked the old address as the editor changed it: it redirected to the settings'.
    await noteSiteMove({ from: OLD, to: SITE, at: '2026-03-16T08:00:00.000Z' });
    const deps = {
      read: fakeRead(withGuid(`${OLD}/?p=812`)),
      ask: answering({ kind: 'answers' }) as never,
      isOnline: online,
    };
    expect(await readPublishedPost({ issueId: before.id }, deps)).toMatchObject({
      ok: true,
      postId: 812,
    });
    expect((await db.issues.get(before.id))!.wordpress).toMatchObject({
      siteUrl: SITE,
      link: `${SITE}/?p=812`,
    });

    // Still proven by the post's guid, and no proof against a site answering there as itself.
    for (const [guid, old] of [
      [`${SITE}/?p=812`, { kind: 'answers' }],
      [`${OLD}/?p=812`, { kind: 'wordpress' }],
    ] as Array<[string, AddressAnswer]>) {
      const other = await publishedBefore();
      const answer = await readPublishedPost(
        { issueId: other.id },
        { read: fakeRead(withGuid(guid)), ask: answering(old) as never, isOnline: online },
      );
      expect(answer).toEqual({ ok: false, code: 'other_site' });
      expect(await db.issues.get(other.id)).toEqual(other);
    }
    // A move noted from elsewhere proves nothing of this address.
    await siteMoves.setValue([
      { from: 'https://autre.fr', to: SITE, at: '2026-03-16T08:00:00.000Z' },
    ]);
    const other = await publishedBefore();
    expect(await readPublishedPost({ issueId: other.id }, deps)).toEqual({
      ok: false,
      code: 'other_site',
    });
  });

  it('says another site when the settings name a WordPress in a folder of the old address, its post created there', async () => {
    // The post recorded at the host's root; the settings now name another WordPress installed
    // in a folder of that host. Its post of that id has its guid under both addresses.
    const before = await publishedBefore();
    const settings = { siteUrl: `${OLD}/blog2`, username: 'redac', appPassword: PASSWORD };
    const read = fakeRead(withGuid(`${OLD}/blog2/?p=812`));
    const answer = await followedPost(
      settings as never,
      before.id,
      { siteUrl: OLD, postId: 812 },
      // The root no longer a WordPress: no proof against from there.
      { read, ask: answering({ kind: 'other' }) as never },
    );
    expect(answer).toEqual({ ok: false });
    expect(await db.issues.get(before.id)).toEqual(before);
    // A post created at the root, the site moved into the folder: the same post still.
    const moved = await followedPost(
      settings as never,
      before.id,
      { siteUrl: OLD, postId: 812 },
      { read: fakeRead(withGuid(`${OLD}/?p=812`)), ask: answering({ kind: 'other' }) as never },
    );
    expect(moved).toMatchObject({ ok: true });
  });

  it('follows a post recorded at a folder the settings’ WordPress answered under, its link and guid that WordPress’s', async () => {
    // The settings named ${SITE}/fr (or /blog, the site moved to the root with no redirect): the
    // root's WordPress answered there, made post 812 and gave its link at the root. Told the
    // address it answers at (f732c61), the editor names the root: the same post.
    const folder = `${SITE}/fr`;
    const settings = { siteUrl: SITE, username: 'redac', appPassword: PASSWORD };
    const recorded = { siteUrl: folder, postId: 812, link: `${SITE}/?p=812` };
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await markPublished(issue.id, {
      postId: 812,
      link: recorded.link,
      modifiedGmt: '2026-03-15T09:02:00',
      publishedAt: '2026-03-15T09:02:00.000Z',
      siteUrl: folder,
    });
    const ask = answering({ kind: 'moved', address: SITE });
    const followed = await followedPost(settings as never, issue.id, recorded, {
      read: fakeRead(withGuid(`${SITE}/?p=812`)),
      ask: ask as never,
    });
    expect(followed).toMatchObject({ ok: true });
    expect((await db.issues.get(issue.id))!.wordpress!.siteUrl).toBe(SITE);
    // A link at the folder (a WordPress of its own made it), none, another id's guid, a guid
    // elsewhere, or the folder still a WordPress of its own: another site's.
    const cases: Array<[typeof recorded, string, AddressAnswer]> = [
      [
        { ...recorded, link: `${folder}/?p=812` },
        `${SITE}/?p=812`,
        { kind: 'moved', address: SITE },
      ],
      [
        { siteUrl: folder, postId: 812 } as never,
        `${SITE}/?p=812`,
        { kind: 'moved', address: SITE },
      ],
      [recorded, `${SITE}/?p=17`, { kind: 'moved', address: SITE }],
      [recorded, 'https://ailleurs.fr/?p=812', { kind: 'moved', address: SITE }],
      [recorded, `${SITE}/?p=812`, { kind: 'wordpress' }],
    ];
    for (const [record, guid, old] of cases) {
      expect(
        await followedPost(settings as never, issue.id, record, {
          read: fakeRead(withGuid(guid)),
          ask: answering(old) as never,
        }),
        JSON.stringify([record, guid, old]),
      ).toEqual({ ok: false });
    }
  });

  it('says why when the post could not be read at the settings’ address, and keeps the record', async () => {
    allowSite();
    const before = await publishedBefore();
    const ask = answering({ kind: 'moved', address: SITE });
    const answer = await readPublishedPost(
      { issueId: before.id },
      { read: fakeRead({ ok: false, code: 'timeout' }), ask: ask as never, isOnline: online },
    );
    // Not « autre site »: publishing now would not create a post there (publisher.ts).
    expect(answer).toEqual({ ok: false, code: 'timeout' });
    expect(ask).not.toHaveBeenCalled();
    expect(await db.issues.get(before.id)).toEqual(before);
  });
});
