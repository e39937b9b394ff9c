import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { until } from '../browser/harness';
import { php, site, sleep } from './helpers';

/**
 * The companion plugin's REST contract (wordpress/plugin/README.md) over real HTTP, as the
 * extension will use it: an Editor (`redac`) and a Contributor (`pigiste`), each with an
 * application password, on the test WordPress where the plugin is active.
 */
type Role = 'editor' | 'contributor';
type Answer = { status: number; json: any; bytes: number; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(
  role: Role,
  method: string,
  route: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer> {
  const wp = site();
  const who = wp.newsroom[role];
  const auth = Buffer.from(`${who.user}:${who.appPassword}`).toString('base64');
  const response = await fetch(`${wp.url}/wp-json${route}`, {
    method,
    headers: {
      Authorization: `Basic ${auth}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...extraHeaders,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: JSON.parse(text),
    bytes: Buffer.byteLength(text),
    headers: response.headers,
  };
}

const FIELDS = 'id,version,status,title.raw,content.raw,meta,modified_gmt';

async function clip(role: Role, meta: Record<string, unknown> = {}) {
  const answer = await call(role, 'POST', `/indiscrets/v1/drafts?context=edit&_fields=${FIELDS}`, {
    title: 'Le ministre et le yacht',
    content: '<p>Le ministre dément.</p>',
    meta: {
      clientId: randomUUID(),
      url: 'https://exemple.fr/yacht',
      siteName: 'Exemple',
      byline: 'Jeanne Martin',
      publishedAt: '2026-03-09T08:00:00Z',
      lang: 'fr',
      quotes: [
        {
          text: '« Je ne savais pas »',
          html: '<p>« Je ne savais pas »</p>',
          clippedAt: '2026-03-10T10:00:00.000Z',
        },
      ],
      sources: [
        { url: 'https://exemple.fr/yacht', title: 'Le ministre et le yacht', siteName: 'Exemple' },
      ],
      tags: ['politique'],
      status: 'draft',
      ...meta,
    },
  });
  expect(answer.status, JSON.stringify(answer.json)).toBe(201);
  return answer.json;
}

describe('shared desk over REST (Editor and Contributor)', () => {
  it('discovery tells each user their role and what it allows', async () => {
    const index = '/indiscrets/v1?_fields=plugin,user,can,lockWindow';
    const editor = await call('editor', 'GET', index);
    const writer = await call('contributor', 'GET', index);
    expect(editor.json.plugin.name).toBe('indiscrets');
    expect(editor.json.user.roles).toEqual(['editor']);
    expect(editor.json.can).toMatchObject({ arrange: true, publish: true, editOthers: true });
    expect(writer.json.user.roles).toEqual(['contributor']);
    expect(writer.json.can).toMatchObject({
      clip: true,
      arrange: false,
      publish: false,
      editOthers: false,
    });
    expect(writer.bytes).toBeLessThan(1024);
  });

  it('a draft clipped by one is read by the other with its quote and metadata intact', async () => {
    const draft = await clip('contributor');
    const read = await call(
      'editor',
      'GET',
      `/indiscrets/v1/drafts/${draft.id}?context=edit&_fields=${FIELDS},clipped_by`,
    );
    expect(read.status).toBe(200);
    expect(read.json.meta).toEqual(draft.meta);
    expect(read.json.meta.quotes[0].text).toBe('« Je ne savais pas »');
    expect(read.json.clipped_by.name).toBe(site().newsroom.contributor.name);
    expect(read.json.version).toBe(1);
  });

  it('updates with the right base version; 409 with the current record on a stale one', async () => {
    const draft = await clip('contributor');
    const route = `/indiscrets/v1/drafts/${draft.id}?context=edit&_fields=${FIELDS}`;
    const first = await call('editor', 'POST', route, {
      title: 'Titre de la rédaction',
      base_version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(2);
    const stale = await call('contributor', 'POST', route, {
      title: 'Titre du pigiste',
      base_version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.code).toBe('indiscrets_conflict');
    expect(stale.json.data.current.title.raw).toBe('Titre de la rédaction');
    expect(stale.json.data.current.version).toBe(2);
    const after = await call('editor', 'GET', route);
    expect(after.json.title.raw).toBe('Titre de la rédaction');
    const retry = await call('contributor', 'POST', route, {
      title: 'Titre du pigiste',
      base_version: 2,
    });
    expect(retry.status).toBe(200);
    expect(retry.json.version).toBe(3);
  });

  it('an edit that lands while a reorder of the same draft is still being written keeps both', async () => {
    const draft = await clip('editor');
    const route = `/indiscrets/v1/drafts/${draft.id}?context=edit&_fields=${FIELDS}`;
    // B's reorder holds the record's lock, then (test switch) takes 4 s to write the post: the
    // lock is polled, and a GET made, by PHP processes that each load WordPress, which on a busy
    // machine took more than 1.5 s and missed the write (a clean-clone CI run).
    const reorder = call(
      'editor',
      'POST',
      route,
      { meta: { sortKey: 'a5' }, base_version: 1 },
      {
        'X-Indiscrets-Test-Slow-Write': '4000',
      },
    );
    await until(
      () =>
        php(
          `echo $GLOBALS['wpdb']->get_var("SELECT IS_USED_LOCK('indiscrets_record_${draft.id}')");`,
        ),
      (holder) => holder.trim() !== '',
      'the reorder to be writing',
    );
    // A desk pulling meanwhile is told the version the record had, with the fields it had: told
    // version 2 with the old order, it would skip the record when it came again whole.
    const during = await call('editor', 'GET', route);
    expect([during.json.version, during.json.meta.sortKey]).toEqual([1, draft.meta.sortKey]);

    // A's edit, based on version 1, meets a conflict, merges what it is shown, and retries.
    const stale = await call('editor', 'POST', route, {
      title: 'Le ministre et le yacht — réécrit',
      base_version: 1,
    });
    expect(stale.status).toBe(409);
    // It is shown B's write as it ended, not the claimed version over the old content.
    expect(stale.json.data.current.meta.sortKey).toBe('a5');
    const retry = await call('editor', 'POST', route, {
      title: 'Le ministre et le yacht — réécrit',
      base_version: stale.json.data.current.version,
    });
    expect(retry.status).toBe(200);
    expect((await reorder).status).toBe(200);

    const after = await call('editor', 'GET', route);
    expect(after.json.title.raw).toBe('Le ministre et le yacht — réécrit');
    expect(after.json.meta.sortKey).toBe('a5');
    expect(after.json.version).toBe(3);
  });

  it('a trash and an edit of the same draft that overlap: only one of them wins', async () => {
    const draft = await clip('editor');
    const route = `/indiscrets/v1/drafts/${draft.id}?context=edit&_fields=${FIELDS}`;
    const trash = call('editor', 'DELETE', `${route}&base_version=1`, undefined, {
      'X-Indiscrets-Test-Slow-Write': '1500',
    });
    // Nothing of the trash can be seen before its write: the edit is simply sent just after it.
    await sleep(300);
    const edit = await call('editor', 'POST', route, {
      title: 'Réécrit pendant la mise à la corbeille',
      base_version: 1,
    });
    const trashed = await trash;
    // Both based on version 1: if both were accepted, the edit would vanish into the trash
    // while its author was told it was saved.
    expect([trashed.status, edit.status].sort()).toEqual([200, 409]);
    const after = await call('editor', 'GET', route);
    if (trashed.status === 200) {
      expect(after.json.status).toBe('trash');
      expect(edit.json.data.current.status).toBe('trash');
    } else {
      expect(after.json.status).toBe('draft');
      expect(after.json.title.raw).toBe('Réécrit pendant la mise à la corbeille');
    }
  });

  it('revisions keep the overwritten version', async () => {
    const draft = await clip('contributor');
    await call('editor', 'POST', `/indiscrets/v1/drafts/${draft.id}`, {
      meta: { tags: ['scoop'] },
      base_version: 1,
    });
    const versions = await call('contributor', 'GET', `/indiscrets/v1/drafts/${draft.id}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.json.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.json[1].meta.tags).toEqual(['politique']);
    expect(versions.json[0].meta.tags).toEqual(['scoop']);
  });

  it('a Contributor cannot reorder the issue or edit another’s draft: 403, nothing changes', async () => {
    const issueId = randomUUID();
    const issue = await call('editor', 'POST', '/indiscrets/v1/issues', {
      title: 'Les indiscrets du 15 mars',
      meta: { clientId: issueId, date: '2026-03-15' },
    });
    expect(issue.status).toBe(201);
    const item = await clip('editor', { issueId, sortKey: 'a0' });
    const own = await clip('contributor');

    const reorder = await call('contributor', 'POST', `/indiscrets/v1/drafts/${own.id}`, {
      meta: { issueId, sortKey: 'a1' },
      base_version: own.version,
    });
    expect(reorder.status).toBe(403);
    expect(reorder.json.code).toBe('indiscrets_cannot_arrange');
    expect(reorder.json.data.needs).toBe('editor');
    const edit = await call('contributor', 'POST', `/indiscrets/v1/drafts/${item.id}`, {
      title: 'Réécrit',
      base_version: item.version,
    });
    expect(edit.status).toBe(403);
    const publish = await call('contributor', 'POST', `/indiscrets/v1/issues/${issue.json.id}`, {
      meta: { status: 'published' },
      base_version: issue.json.version,
    });
    expect(publish.status).toBe(403);

    const ownNow = await call(
      'editor',
      'GET',
      `/indiscrets/v1/drafts/${own.id}?_fields=meta,version`,
    );
    expect(ownNow.json.meta).toMatchObject({ issueId: '', sortKey: '' });
    expect(ownNow.json.version).toBe(own.version);
    const itemNow = await call(
      'editor',
      'GET',
      `/indiscrets/v1/drafts/${item.id}?context=edit&_fields=title,version`,
    );
    expect(itemNow.json.title.raw).toBe('Le ministre et le yacht');
    expect(itemNow.json.version).toBe(item.version);
  });

  it('two editors moving different items never conflict (the order is a key on each item)', async () => {
    const issueId = randomUUID();
    const a = await clip('editor', { issueId, sortKey: 'a0' });
    const b = await clip('editor', { issueId, sortKey: 'a1' });
    const [moveA, moveB] = await Promise.all([
      call('editor', 'POST', `/indiscrets/v1/drafts/${a.id}`, {
        meta: { sortKey: 'a2' },
        base_version: 1,
      }),
      call('editor', 'POST', `/indiscrets/v1/drafts/${b.id}`, {
        meta: { sortKey: 'Zz' },
        base_version: 1,
      }),
    ]);
    expect([moveA.status, moveB.status]).toEqual([200, 200]);
  });

  it('a draft merged into another is trashed saying where it went, seen by the other user; a bad target trashes nothing', async () => {
    const source = await clip('contributor');
    const target = await clip('contributor');
    const route = `/indiscrets/v1/drafts/${source.id}?_fields=id,status,merged_into`;
    const itself = await call('contributor', 'DELETE', `${route}&merged_into=${source.id}`);
    expect(itself.status).toBe(400);
    expect(itself.json.code).toBe('indiscrets_invalid_merge_target');
    expect(itself.json.message).toMatch(/itself/);
    const missing = await call('contributor', 'DELETE', `${route}&merged_into=99999999`);
    expect([missing.status, missing.json.code]).toEqual([400, 'indiscrets_invalid_merge_target']);
    expect(missing.json.message).toMatch(/no draft of the desk/);
    const untouched = await call(
      'editor',
      'GET',
      `/indiscrets/v1/drafts/${source.id}?_fields=status,version,merged_into`,
    );
    expect(untouched.json).toEqual({ status: 'draft', version: 1, merged_into: null });

    const merged = await call('contributor', 'DELETE', `${route}&merged_into=${target.id}`);
    expect(merged.json).toEqual({
      id: source.id,
      status: 'trash',
      merged_into: { id: target.id, clientId: target.meta.clientId },
    });
    const seen = await call(
      'editor',
      'GET',
      `/indiscrets/v1/drafts?include=${source.id}&status=any,trash&context=edit&_fields=id,merged_into`,
    );
    expect(seen.json).toEqual([
      { id: source.id, merged_into: { id: target.id, clientId: target.meta.clientId } },
    ]);
    const restored = await call(
      'contributor',
      'POST',
      `/indiscrets/v1/drafts/${source.id}/restore?_fields=merged_into`,
    );
    expect(restored.json).toEqual({ merged_into: null });
  });

  it('trash and restore, seen by the other user', async () => {
    const draft = await clip('contributor');
    const trashed = await call(
      'contributor',
      'DELETE',
      `/indiscrets/v1/drafts/${draft.id}?_fields=id,status,version`,
    );
    expect(trashed.json).toEqual({ id: draft.id, status: 'trash', version: 2 });
    const seen = await call('editor', 'GET', `/indiscrets/v1/drafts/${draft.id}?_fields=status`);
    expect(seen.json.status).toBe('trash');
    const live = await call(
      'editor',
      'GET',
      `/indiscrets/v1/drafts?include=${draft.id}&_fields=id`,
    );
    expect(live.json).toEqual([]);
    const restored = await call(
      'editor',
      'POST',
      `/indiscrets/v1/drafts/${draft.id}/restore?_fields=id,status,version`,
    );
    expect(restored.json).toEqual({ id: draft.id, status: 'draft', version: 3 });
  });

  it('a create retried after a lost answer makes no duplicate', async () => {
    const draft = await clip('contributor');
    const again = await call('contributor', 'POST', '/indiscrets/v1/drafts', {
      title: draft.title.raw,
      meta: { clientId: draft.meta.clientId },
    });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('indiscrets_exists');
    expect(again.json.data.current.id).toBe(draft.id);
    const found = await call(
      'editor',
      'GET',
      `/indiscrets/v1/drafts?client_id=${draft.meta.clientId}&status=any,trash&_fields=id`,
    );
    expect(found.json).toEqual([{ id: draft.id }]);
  });

  it('modified_after pages through the changes, trash included, and one change costs one small request', async () => {
    // WordPress stores seconds and modified_after includes the second it names: wait until the
    // previous tests' writes are in an earlier second, so that only this test's records count.
    await sleep(1100);
    const since = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const made = [await clip('contributor'), await clip('contributor'), await clip('editor')];
    await call('contributor', 'DELETE', `/indiscrets/v1/drafts/${made[0].id}`);
    const seen: number[] = [];
    const query = `modified_after=${since}&status=any,trash&orderby=modified&order=asc&context=edit&per_page=2&_fields=id,version,status`;
    const first = await call('editor', 'GET', `/indiscrets/v1/drafts?${query}&page=1`);
    expect(first.headers.get('x-wp-total')).toBe('3');
    expect(first.headers.get('x-wp-totalpages')).toBe('2');
    const second = await call('editor', 'GET', `/indiscrets/v1/drafts?${query}&page=2`);
    for (const record of [...first.json, ...second.json]) seen.push(record.id);
    expect(seen.sort()).toEqual(made.map((d) => d.id).sort());
    expect([...first.json, ...second.json].find((r) => r.id === made[0].id).status).toBe('trash');

    // One remote change, seen by a desk in one request of a few hundred bytes.
    // As above: start the window in a second later than this test's earlier writes, so the pull
    // holds the one change only, however slowly the machine ran the writes before it.
    await sleep(1100);
    const mark = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    await call('editor', 'POST', `/indiscrets/v1/drafts/${made[2].id}`, {
      meta: { tags: ['vu'] },
      base_version: 1,
    });
    const pull = await call(
      'contributor',
      'GET',
      `/indiscrets/v1/drafts?modified_after=${mark}&status=any,trash&orderby=modified&order=asc&context=edit&per_page=100&_fields=${FIELDS},last_edited_by,lock`,
    );
    expect(pull.json.map((r: { id: number }) => r.id)).toEqual([made[2].id]);
    expect(pull.bytes).toBeLessThan(5 * 1024);
  });

  it('an edit lock taken by one is shown to the other', async () => {
    const draft = await clip('editor');
    const take = await call('editor', 'POST', `/indiscrets/v1/drafts/${draft.id}/lock`);
    expect(take.status).toBe(200);
    const seen = await call('contributor', 'GET', `/indiscrets/v1/drafts/${draft.id}?_fields=lock`);
    expect(seen.json.lock.user.name).toBe(site().newsroom.editor.name);
    await call('editor', 'DELETE', `/indiscrets/v1/drafts/${draft.id}/lock`);
    const after = await call(
      'contributor',
      'GET',
      `/indiscrets/v1/drafts/${draft.id}?_fields=lock`,
    );
    expect(after.json.lock).toBeNull();
  });
});
