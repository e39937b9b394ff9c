/**
 * An in-memory stand-in for the companion plugin's REST API (wordpress/plugin/README.md), as a
 * `fetch`: the sync engine's unit tests run every branch against it without a WordPress. It
 * follows the contract the real plugin is tested against in tests/wordpress/: clientId dedupe
 * (409 exists), base_version (428 / 409 with the current record), roles (a contributor edits
 * only their own drafts and never arranges), trash (with an optional base_version) and restore,
 * locks, `modified_after` (inclusive, whole seconds) with paging, `client_id` lookups, a merge's
 * `merged_into` (plugin 0.1.3; an older plugin, `olderPlugin`, ignores it and answers no such
 * field).
 */

import { deskCan } from '../desk-fixtures';

type Kind = 'drafts' | 'issues';
/** `none`: a user of the site (of its network) with no role on it, refused every record. */
type Role = 'editor' | 'contributor' | 'none';

interface User {
  id: number;
  name: string;
  role: Role;
}

interface Stored {
  id: number;
  kind: Kind;
  status: 'draft' | 'trash';
  version: number;
  modified: number;
  title: string;
  content: string;
  meta: Record<string, unknown>;
  author: number;
  lastEditor: number;
  lock?: { user: number; since: number };
  /** Trashed with `merged_into`: the id of the draft it went into. */
  mergedInto?: number;
  /** Updates that kept their writer's fields over a colleague's version (plugin 0.1.8). */
  overrides?: {
    version: number;
    by: number;
    over: number;
    fields: string[];
    at: string;
    replaced: Record<string, { version: number; by: number }>;
  }[];
  /**
   * Each field (as the extension names it) with the version that last changed it and who wrote
   * it, as the plugin reads it from its revisions.
   */
  written?: Record<string, { version: number; by: number; value: string }>;
}

/** A record's fields as the extension names them, each as a comparable string. */
function fieldValues(record: Stored): Record<string, string> {
  const values: Record<string, string> = {
    title: record.title,
    [record.kind === 'drafts' ? 'body' : 'intro']: record.content,
    trashed: String(record.status === 'trash'),
  };
  for (const [key, value] of Object.entries(record.meta)) values[key] = JSON.stringify(value);
  return values;
}

const DRAFT_META_DEFAULTS: Record<string, unknown> = {
  url: '',
  siteName: '',
  byline: '',
  publishedAt: '',
  lang: '',
  excerpt: '',
  imageUrl: '',
  quotes: [],
  provenance: [],
  captureNote: '',
  sources: [],
  note: '',
  tags: [],
  status: 'draft',
  issueId: '',
  sortKey: '',
  createdAt: '',
};
const ISSUE_META_DEFAULTS: Record<string, unknown> = {
  date: '',
  lengthBudget: 0,
  status: 'open',
  createdAt: '',
  exportedAt: '',
  wordpress: [],
};

const gmt = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export interface FakeDeskOptions {
  /**
   * A plugin before 0.1.3: `merged_into` is ignored, and no record has the field; nor does an
   * issue's post name who published it (0.1.4): a write that does is refused as invalid.
   */
  olderPlugin?: boolean;
  /**
   * A plugin of 0.1.4 or 0.1.5 (implied by `olderPlugin`): an issue's post keeps who published
   * it, but has no `digest` of what was sent (0.1.6) in its schema, which refuses a write with one.
   */
  noPostDigest?: boolean;
}

export class FakeDesk {
  readonly url = 'https://desk.test';
  constructor(readonly options: FakeDeskOptions = {}) {}
  private users = new Map<string, User>();
  private records: Stored[] = [];
  private nextId = 100;
  /**
   * Server clock (ms): moves one second per write, so `modified_after` is exercised, and only
   * then: reads do not move it. The sync's cursors stay five seconds behind the clock its
   * answers carry (see nextCursor), so on this desk a cursor moves past the last records only
   * once a test lets time pass (`server.now += 60_000`); until then they are sent again at each
   * poll and skipped by their version, as a real site does for five seconds.
   */
  now = Date.parse('2026-03-15T10:00:00Z');
  offline = false;
  /**
   * The site's address its discovery names (`home`, `url`: plugin 0.1.10), as the REST index
   * does; unset, an older plugin's discovery, which names none.
   */
  names?: { home: string; url: string };
  /** Requests answered (or failed), in order: `METHOD route`. */
  log: string[] = [];
  /** When set, the next matching request is carried out but its answer is lost. */
  loseAnswerOf?: RegExp;
  /** When set, matching requests never get an answer (a slow site): only their abort ends them. */
  hang?: RegExp;
  /**
   * Drafts (by clientId) whose last write is still committing when a listing by modification
   * time is read: it leaves them out (they come at a later poll); a lookup by `client_id`, asked
   * a moment later, finds them.
   */
  committing = new Set<string>();

  addUser(username: string, name: string, role: Role): { username: string; appPassword: string } {
    this.users.set(username, { id: this.users.size + 1, name, role });
    return { username, appPassword: `pw-${username}` };
  }

  /** Other names WordPress takes for a login (an account's e-mail), to the login. */
  aliases = new Map<string, string>();

  /** The site's administrator gives `username` another role (wp-admin's Users screen). */
  setRole(username: string, role: Role): void {
    this.users.get(username)!.role = role;
  }

  settings(username: string) {
    return { siteUrl: this.url, username, appPassword: `pw-${username}` };
  }

  all(kind: Kind): Stored[] {
    return this.records.filter((r) => r.kind === kind);
  }

  byClientId(kind: Kind, clientId: string): Stored | undefined {
    return this.records.find((r) => r.kind === kind && r.meta.clientId === clientId);
  }

  /** A write made on the server by `username` (as another desk or wp-admin would). */
  edit(kind: Kind, clientId: string, username: string, change: Partial<Stored>): void {
    const record = this.byClientId(kind, clientId)!;
    const user = this.users.get(username)!;
    Object.assign(record, change, {
      meta: { ...record.meta, ...(change.meta ?? {}) },
    });
    this.touch(record, user);
  }

  /** Deletes a record for good (an editor emptying WordPress's trash). */
  purge(kind: Kind, clientId: string): void {
    this.records = this.records.filter((r) => !(r.kind === kind && r.meta.clientId === clientId));
  }

  private touch(record: Stored, user: User): void {
    this.now += 1000;
    record.version += 1;
    record.modified = this.now;
    record.lastEditor = user.id;
    this.noteWritten(record, user.id);
  }

  /** Notes the fields whose value this version of the record changed (see `written`). */
  private noteWritten(record: Stored, by: number): void {
    const written = record.written ?? {};
    for (const [field, value] of Object.entries(fieldValues(record))) {
      if (written[field]?.value !== value) written[field] = { version: record.version, by, value };
    }
    record.written = written;
  }

  private userName(id: number) {
    for (const user of this.users.values()) if (user.id === id) return { id, name: user.name };
    return null;
  }

  private view(record: Stored, user: User) {
    const mine = record.author === user.id;
    const editor = user.role === 'editor';
    return {
      id: record.id,
      status: record.status,
      modified_gmt: gmt(record.modified),
      version: record.version,
      title: { raw: record.title },
      content: { raw: record.content },
      meta: record.meta,
      clipped_by: this.userName(record.author),
      last_edited_by: this.userName(record.lastEditor),
      lock:
        record.lock && record.lock.since + 150_000 > this.now
          ? {
              user: this.userName(record.lock.user),
              since: new Date(record.lock.since).toISOString(),
              expires: new Date(record.lock.since + 150_000).toISOString(),
            }
          : null,
      can: { edit: editor || (record.kind === 'drafts' && mine), trash: editor || mine },
      ...(this.options.olderPlugin ? {} : { merged_into: this.mergedInto(record) }),
      ...(this.options.olderPlugin
        ? {}
        : {
            overrides: (record.overrides ?? []).map((o) => ({
              ...o,
              by: this.userName(o.by),
              over: this.userName(o.over),
              replaced: Object.fromEntries(
                Object.entries(o.replaced).map(([field, r]) => [
                  field,
                  { version: r.version, by: this.userName(r.by) },
                ]),
              ),
            })),
          }),
    };
  }

  private mergedInto(record: Stored) {
    const target =
      record.status === 'trash' && record.mergedInto
        ? this.records.find((r) => r.kind === 'drafts' && r.id === record.mergedInto)
        : undefined;
    return target ? { id: target.id, clientId: String(target.meta.clientId) } : null;
  }

  /** Every fresh lock of the desk, both kinds, as the plugin's `X-Indiscrets-Locks` lists them. */
  private locks() {
    return this.records
      .filter((r) => r.status !== 'trash' && r.lock && r.lock.since + 150_000 > this.now)
      .map((r) => ({
        kind: r.kind,
        id: r.id,
        clientId: String(r.meta.clientId),
        ...this.view(r, this.users.values().next().value!).lock!,
      }));
  }

  /** The `fetch` the engine is given. */
  fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    const route = url.searchParams.get('rest_route') ?? '';
    const method = init.method ?? 'GET';
    this.log.push(`${method} ${route}`);
    if (this.offline) throw new TypeError('Failed to fetch');
    if (this.hang?.test(`${method} ${route}`)) {
      return new Promise((_resolve, reject) => {
        const stop = () => reject(new DOMException('Aborted', 'AbortError'));
        if (init.signal?.aborted) stop();
        init.signal?.addEventListener('abort', stop);
      });
    }
    const response = this.answer(method, route, url.searchParams, init);
    if (this.loseAnswerOf?.test(`${method} ${route}`)) {
      this.loseAnswerOf = undefined;
      throw new TypeError('Connection reset');
    }
    return response;
  };

  private json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(body), {
      status,
      headers: {
        'Content-Type': 'application/json',
        Date: new Date(this.now).toUTCString(),
        ...headers,
      },
    });
  }

  private error(status: number, code: string, data: Record<string, unknown> = {}): Response {
    return this.json(status, { code, message: code, data: { status, ...data } });
  }

  /** A page of one kind's records as `GET /drafts` lists them (`since`: the cursor's parameter). */
  private list(kind: Kind, user: User, params: URLSearchParams, since: string) {
    const after = params.get(since);
    const statuses = (params.get('status') ?? 'draft').split(',');
    const list = this.all(kind)
      .filter((r) => statuses.includes(r.status) || statuses.includes('any'))
      .filter((r) => (r.status === 'trash' ? statuses.includes('trash') : true))
      .filter((r) =>
        params.get('client_id')
          ? r.meta.clientId === params.get('client_id')
          : !this.committing.has(String(r.meta.clientId)),
      )
      .filter(
        (r) => !after || Math.floor(r.modified / 1000) >= Math.floor(Date.parse(after) / 1000),
      )
      .sort((a, b) => a.modified - b.modified || a.id - b.id);
    const perPage = Number(params.get('per_page') ?? '10');
    const page = Number(params.get('page') ?? '1');
    const pages = Math.max(1, Math.ceil(list.length / perPage));
    const slice = list.slice((page - 1) * perPage, page * perPage);
    return { records: slice.map((r) => this.view(r, user)), total: list.length, pages };
  }

  private answer(
    method: string,
    route: string,
    params: URLSearchParams,
    init: RequestInit,
  ): Response | Promise<Response> {
    const auth = String((init.headers as Record<string, string>)?.Authorization ?? '');
    const [given, password] = atob(auth.replace(/^Basic /, '')).split(':');
    const username = this.aliases.get(given ?? '') ?? given;
    const user = this.users.get(username ?? '');
    if (!user || password !== `pw-${username}`) {
      // WordPress answers its public index anonymously: so does the plugin's discovery, given
      // to a desk asking without the password (a move's question, services/sync/account.ts
      // askMove).
      if (route === '/indiscrets/v1' && this.names) {
        return this.json(200, {
          plugin: { name: 'indiscrets', version: '0.1.10', wordpress: '6.1', revisions: true },
          user: null,
          can: {},
          lockWindow: 150,
          authorization: true,
          ...this.names,
        });
      }
      return this.error(401, 'incorrect_password');
    }
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    if (route === '/indiscrets/v1') {
      return this.json(200, {
        plugin: { name: 'indiscrets', version: '0.1.0', wordpress: '6.1', revisions: true },
        user: { id: user.id, name: user.name, roles: user.role === 'none' ? [] : [user.role] },
        can:
          user.role === 'none'
            ? Object.fromEntries(Object.keys(deskCan('editor')).map((key) => [key, false]))
            : deskCan(user.role),
        lockWindow: 150,
        ...(this.names ?? {}),
      });
    }
    // The plugin's permission callbacks: no role, no record read or written.
    if (user.role === 'none') {
      return this.error(403, 'indiscrets_cannot_read', { needs: 'contributor' });
    }
    if (route === '/batch/v1' && method === 'POST') {
      // WordPress's batch API: each request answered in order, as if sent alone.
      const requests = (body.requests ?? []) as { method: string; path: string; body: unknown }[];
      const responses = requests.map(async (one): Promise<{ status: number; body: unknown }> => {
        const url = new URL(one.path, 'http://batch.invalid');
        this.log.push(`${one.method} ${url.pathname} (batch)`);
        const answer = await this.answer(one.method, url.pathname, url.searchParams, {
          ...init,
          body: JSON.stringify(one.body),
        });
        return { status: answer.status, body: await answer.json() };
      });
      return Promise.all(responses).then((all) => this.json(207, { responses: all }));
    }
    if (route === '/indiscrets/v1/changes' && method === 'GET') {
      // Both kinds' first page, as the plugin's /changes answers (trash included).
      const first = new URLSearchParams(params);
      first.set('status', 'any,trash');
      first.set('page', '1');
      return this.json(200, {
        issues: this.list('issues', user, first, 'issues_after'),
        drafts: this.list('drafts', user, first, 'drafts_after'),
        ...(params.get('locks') === '1' ? { locks: this.locks() } : {}),
      });
    }
    const match = /^\/indiscrets\/v1\/(drafts|issues)(?:\/(\d+))?(?:\/(restore|lock))?$/.exec(
      route,
    );
    if (!match) return this.error(404, 'rest_no_route');
    const kind = match[1] as Kind;
    const id = match[2] ? Number(match[2]) : undefined;
    const action = match[3];
    const editor = user.role === 'editor';
    // A plugin before 0.1.4: an issue's post has no publisher in its schema, which refuses it;
    // one before 0.1.6 has no digest of what was sent.
    const post = (body.meta as { wordpress?: unknown } | undefined)?.wordpress;
    const unknown =
      method === 'POST' && post && typeof post === 'object'
        ? [
            ...(this.options.olderPlugin || this.options.noPostDigest ? ['digest'] : []),
            ...(this.options.olderPlugin ? ['publishedBy', 'updated'] : []),
          ].find((field) => field in post)
        : undefined;
    if (unknown) {
      return this.error(400, 'rest_invalid_param', {
        params: { meta: `meta.wordpress.${unknown} is not a valid property of Object.` },
      });
    }

    if (id === undefined && method === 'GET') {
      const { records, total, pages } = this.list(kind, user, params, 'modified_after');
      return this.json(200, records, {
        'X-WP-Total': String(total),
        'X-WP-TotalPages': String(pages),
        ...(params.get('locks') === '1'
          ? { 'X-Indiscrets-Locks': JSON.stringify(this.locks()) }
          : {}),
      });
    }

    if (id === undefined && method === 'POST') {
      const meta = (body.meta ?? {}) as Record<string, unknown>;
      const existing = this.byClientId(kind, String(meta.clientId));
      if (existing) {
        return this.error(409, 'indiscrets_exists', { current: this.view(existing, user) });
      }
      if (kind === 'issues' && !editor) {
        return this.error(403, 'indiscrets_cannot_edit_issues', { needs: 'editor' });
      }
      if (kind === 'drafts' && !editor && (meta.issueId || meta.sortKey)) {
        return this.error(403, 'indiscrets_cannot_arrange', { needs: 'editor' });
      }
      this.now += 1000;
      const record: Stored = {
        id: this.nextId++,
        kind,
        status: 'draft',
        version: 1,
        modified: this.now,
        title: String(body.title ?? ''),
        content: String(body.content ?? ''),
        meta: { ...(kind === 'drafts' ? DRAFT_META_DEFAULTS : ISSUE_META_DEFAULTS), ...meta },
        author: user.id,
        lastEditor: user.id,
      };
      this.noteWritten(record, user.id);
      this.records.push(record);
      return this.json(201, this.view(record, user));
    }

    const record = this.records.find((r) => r.kind === kind && r.id === id);
    if (!record) return this.error(404, 'rest_post_invalid_id');
    const mayEdit = editor || (kind === 'drafts' && record.author === user.id);

    if (action === 'lock') {
      if (method === 'GET') return this.json(200, { lock: this.view(record, user).lock });
      if (method === 'DELETE') {
        if (record.lock?.user === user.id) delete record.lock;
        return this.json(200, { lock: null });
      }
      if (record.lock && record.lock.user !== user.id && record.lock.since + 150_000 > this.now) {
        return this.error(423, 'indiscrets_locked', { lock: this.view(record, user).lock });
      }
      record.lock = { user: user.id, since: this.now };
      return this.json(200, { lock: this.view(record, user).lock });
    }
    if (action === 'restore' || method === 'DELETE') {
      // Issues are an Editor's to delete, whoever wrote them (the plugin's capabilities).
      if (!(editor || (kind === 'drafts' && record.author === user.id))) {
        return this.error(403, 'indiscrets_cannot_trash', { needs: 'editor' });
      }
      // The plugin's check_take_out: a draft in an issue leaves it with the trash, an Editor's.
      if (method === 'DELETE' && !editor && record.status !== 'trash' && record.meta.issueId) {
        return this.error(403, 'indiscrets_cannot_arrange', { needs: 'editor' });
      }
      // A trash may say which version it was based on, checked as for an update.
      const base = params.get('base_version');
      if (method === 'DELETE' && base !== null && Number(base) !== record.version) {
        return this.error(409, 'indiscrets_conflict', {
          base_version: Number(base),
          version: record.version,
          current: this.view(record, user),
        });
      }
      const target = params.get('merged_into');
      if (method === 'DELETE' && target && !this.options.olderPlugin) {
        const into = this.records.find((r) => r.kind === 'drafts' && r.id === Number(target));
        if (kind !== 'drafts' || !into || into.status === 'trash' || into.id === record.id) {
          return this.error(400, 'indiscrets_invalid_merge_target');
        }
      }
      record.status = action === 'restore' ? 'draft' : 'trash';
      if (method === 'DELETE' && target && !this.options.olderPlugin) {
        record.mergedInto = Number(target);
      } else {
        delete record.mergedInto;
      }
      this.touch(record, user);
      return this.json(200, this.view(record, user));
    }
    // Update.
    if (body.base_version === undefined) return this.error(428, 'indiscrets_base_version_required');
    if (Number(body.base_version) !== record.version) {
      return this.error(409, 'indiscrets_conflict', {
        base_version: body.base_version,
        version: record.version,
        current: this.view(record, user),
      });
    }
    if (!mayEdit) return this.error(403, 'indiscrets_cannot_edit', { needs: 'editor' });
    const meta = (body.meta ?? {}) as Record<string, unknown>;
    if (!editor && ('issueId' in meta || 'sortKey' in meta)) {
      return this.error(403, 'indiscrets_cannot_arrange', { needs: 'editor' });
    }
    const before = { ...record.written };
    if (typeof body.title === 'string') record.title = body.title;
    if (typeof body.content === 'string') record.content = body.content;
    record.meta = { ...record.meta, ...meta };
    const over = record.lastEditor;
    this.touch(record, user);
    // Fields kept over the version it was based on (« Garder la mienne »): noted as the plugin
    // does, whoever wrote last (the desks tell whose words went).
    const overrides = Array.isArray(body.overrides) ? (body.overrides as string[]) : [];
    if (overrides.length > 0 && !this.options.olderPlugin) {
      const fields = [...new Set(overrides)];
      const replaced = Object.fromEntries(
        fields.flatMap((field) => {
          const was = before[field];
          return was ? [[field, { version: was.version, by: was.by }]] : [];
        }),
      );
      const entry = { version: record.version, by: user.id, over, fields, replaced };
      record.overrides = [...(record.overrides ?? []), { ...entry, at: gmt(this.now) }].slice(-10);
    }
    return this.json(200, this.view(record, user));
  }
}
