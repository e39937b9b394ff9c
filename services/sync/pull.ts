import type { IndiscretsDB } from '../../storage/db';
import { quietly } from '../../storage/outbox';
import { outboxKey } from '../../storage/sync-state';
import {
  findRecord,
  pullChanges,
  pullFirstPages,
  pullPage,
  type DeskSettings,
} from '../../wordpress/desk-client';
import type { RestDraft } from '../../wordpress/desk-records';
import { fewAtATime, MERGE_CHECK_MS, restKind, type RestRecord, Stop, SYNC_TABLES } from './shared';
import type { SyncCore } from './core';

/** One second after a WordPress GMT time (`2026-03-15T10:00:00`). */
function plusSeconds(gmt: string, seconds: number): string {
  const t = Date.parse(`${gmt.replace(/Z$/, '')}Z`);
  return new Date(t + seconds * 1000).toISOString().slice(0, 19);
}

/**
 * The next pull's `modified_after`: past the last record seen (the bound is inclusive, so an
 * idle desk is not sent the same record at every poll), but never later than five seconds
 * before the server's clock. A write's modification time is taken a little before the write
 * is seen: one still committing when we asked may carry a time earlier than the newest record
 * we were sent, and a record dated in the future (a server clock set wrong) would otherwise
 * hide every change until then. Records of those last seconds come again, once, and are
 * skipped by their version.
 */
export function nextCursor(
  previous: string | undefined,
  maxSeen: string | undefined,
  serverTime: string | undefined,
): string | undefined {
  if (!maxSeen) return previous;
  let next = plusSeconds(maxSeen, 1);
  if (serverTime) {
    const guard = plusSeconds(serverTime.slice(0, 19), -5);
    if (guard < next) next = guard;
  } else {
    next = maxSeen;
  }
  return previous && previous > next ? previous : next;
}

/**
 * The pull: what changed since each kind's cursor, paged, each page taken in by the
 * {@link Absorber}; the locks that ride on the same answer; the drafts merges went into that the
 * pull did not bring; the drafts naming issues this desk does not have.
 */
export class Puller {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  /**
   * After a pull: drafts still naming an issue this desk does not have, that the server is
   * known to have trashed (a draft pulled from a desk that added it offline, or left so by an
   * earlier version), go to the inbox (see {@link LocalRecords.releaseItems}). An issue this desk
   * has never heard of (created since this pull read the issues, deleted for good before this desk
   * saw it, or never on the desk) is asked of the server (see {@link askIssues}): taken in when it
   * is there, its drafts to the inbox when it is trashed or gone.
   */
  private async repairOrphans(settings: DeskSettings): Promise<void> {
    const named = (await this.db.clips.orderBy('issueId').uniqueKeys()) as string[];
    const candidates = named.filter(Boolean);
    if (candidates.length === 0) return;
    const [issues, syncs] = await Promise.all([
      this.db.issues.bulkGet(candidates),
      this.db.syncRecords.bulkGet(candidates.map((id) => outboxKey('issue', id))),
    ]);
    const gone = candidates.filter((_, i) => !issues[i] && syncs[i]?.base.trashed === true);
    const unknown = candidates.filter((_, i) => !issues[i] && !syncs[i]);
    if (unknown.length > 0) gone.push(...(await this.askIssues(settings, unknown)));
    await this.core.local.releaseItems(gone);
  }

  /**
   * Asks the desk about issues drafts name and this desk has never heard of; returns those
   * whose drafts go to the inbox. The plugin finds a record by one clientId only: one listing
   * of the desk's issues (trash included, a page per hundred; issues are few, a weekly column's)
   * answers for all of them, where a request per id would not. An issue listed is taken in
   * (see {@link Absorber.absorb}: a trashed one becomes known trashed, not shown); one not listed
   * is gone for good, or never was. Not asked again: afterwards each is known, or its drafts name
   * no issue.
   */
  private async askIssues(settings: DeskSettings, ids: string[]): Promise<string[]> {
    await this.core.checkCancelled();
    const perPage = this.core.deps.perPage ? { perPage: this.core.deps.perPage } : {};
    const result = await pullChanges(settings, 'issues', undefined, {
      ...this.core.options(),
      ...perPage,
    });
    if (!result.ok) {
      this.core.fail(result);
      // Refused or unreadable: the drafts stay as they are, for the next pull to ask again.
      return [];
    }
    const listed = new Map(
      result.records.map((record) => [
        String((record.meta as { clientId?: string }).clientId ?? ''),
        record as RestRecord,
      ]),
    );
    const gone: string[] = [];
    for (const id of ids) {
      const remote = listed.get(id);
      if (remote) await this.core.absorber.absorb('issue', remote);
      if (!remote || remote.status === 'trash') gone.push(id);
    }
    return gone;
  }

  /**
   * Pulls what changed since each kind's cursor. The first page of both kinds comes in one
   * request (`/changes`): a poll that finds nothing is that one small request. Further pages
   * are asked per kind. Each page is taken in with one transaction.
   */
  async pull(settings: DeskSettings, first: boolean): Promise<void> {
    await this.core.checkCancelled();
    const cursors = { ...(await this.core.state()).cursors };
    const perPage = this.core.deps.perPage ? { perPage: this.core.deps.perPage } : {};
    // Who is editing what rides on the same answer: a lock changes no record.
    const firstPages = await pullFirstPages(settings, cursors, {
      ...this.core.options(),
      ...perPage,
      locks: true,
    });
    if (!firstPages.ok) throw new Stop(firstPages);
    const total = firstPages.issues.total + firstPages.drafts.total;
    let done = 0;
    for (const kind of ['issue', 'draft'] as const) {
      const rk = restKind(kind);
      const cursor = cursors[rk];
      let maxSeen: string | undefined;
      let page: { records: RestRecord[]; pages: number } = firstPages[rk];
      for (let n = 1; ; n += 1) {
        if (n > 1) {
          await this.core.checkCancelled();
          const result = await pullPage(settings, rk, cursor, n, {
            ...this.core.options(),
            ...perPage,
          });
          if (!result.ok) throw new Stop(result);
          page = result;
        }
        await this.core.absorber.absorbPage(kind, page.records);
        for (const record of page.records) {
          if (!maxSeen || record.modified_gmt > maxSeen) maxSeen = record.modified_gmt;
          const into = record.status === 'trash' && (record as RestDraft).merged_into?.clientId;
          if (kind === 'draft' && into) this.mergeTargetsWanted.add(into);
        }
        done += page.records.length;
        await this.core.progress('download', done, total, first);
        if (n >= page.pages || page.records.length === 0) break;
      }
      const next = nextCursor(cursor, maxSeen, firstPages.serverTime);
      if (next !== cursor) {
        const state = await this.core.state();
        await this.core.patchState({ cursors: { ...state.cursors, [rk]: next } });
      }
    }
    if (firstPages.locks) await this.core.locks.applyLocks(firstPages.locks);
    await this.fetchMergeTargets(settings);
    // Every poll: it reads the issueIds index's distinct keys (one per issue, a few hundred at
    // most) and their issues, not the drafts; an orphan left by an earlier version is found too.
    await this.repairOrphans(settings);
    await this.core.notices.pruneTakenOut();
  }

  /**
   * Drafts a merge went into (`merged_into` of a draft pulled in the trash) that the pull did not
   * bring and this browser never had: asked for again at the next pulls until the desk answers.
   * Kept in memory, and found again in what is stored when the background starts again
   * ({@link mergeTargetsStored}): no draft's notice stays « pas encore arrivé » for a restart.
   */
  private readonly mergeTargetsWanted = new Set<string>();

  /** Whether this background has looked in the trash for the targets still to ask for. */
  private mergeTargetsLookedUp = false;

  /**
   * Targets the desk answered once it has none of: asked once more at a later poll (a write
   * still committing may be missed by one lookup), then stored as gone ({@link mergeTargetGone}).
   */
  private readonly mergeTargetsUnfound = new Set<string>();

  /**
   * The drafts the trashed drafts' desk marks say they were merged into (`mergedInto`, a
   * clientId): once per background, the trash read through its `deletedAt` index. Those this
   * browser has or knows are left out by {@link fetchMergeTargets}, as after a pull, and those
   * the desk said it no longer has (`mergedIntoGone`) are not asked again.
   */
  private async mergeTargetsStored(): Promise<void> {
    if (this.mergeTargetsLookedUp) return;
    const trashed = await this.db.clips
      .orderBy('deletedAt')
      .filter((draft) => !!draft.desk?.mergedInto && !draft.desk.mergedIntoGone)
      .toArray();
    for (const draft of trashed) this.mergeTargetsWanted.add(draft.desk!.mergedInto!);
    this.mergeTargetsLookedUp = true;
  }

  /**
   * Takes in the drafts that drafts pulled into the trash were merged into, when this browser has
   * never had them (a pull cut between its pages, a later edit putting the draft past the page
   * that brought the trash): one request each, a few at a time, each bounded as a merge check is
   * ({@link MERGE_CHECK_MS}), so that the merged draft's editor and row name the draft and open
   * it now, not at some later sync. Nothing stops the run: a draft the desk answers twice, at two
   * polls, it no longer has is marked gone on the drafts merged into it and not asked again, even
   * by a background started again; one not answered is asked again at the next pull.
   */
  private async fetchMergeTargets(settings: DeskSettings): Promise<void> {
    await this.mergeTargetsStored();
    const wanted = [...this.mergeTargetsWanted];
    if (wanted.length === 0) return;
    const [locals, syncs] = await Promise.all([
      this.db.clips.bulkGet(wanted),
      this.db.syncRecords.bulkGet(wanted.map((id) => outboxKey('draft', id))),
    ]);
    // Here, or known to this browser (deleted here since): not asked.
    const missing = wanted.filter((id, i) => {
      if (!locals[i] && !syncs[i]) return true;
      this.mergeTargetsWanted.delete(id);
      this.mergeTargetsUnfound.delete(id);
      return false;
    });
    await fewAtATime(missing, async (id) => {
      const found = await findRecord(settings, 'drafts', id, {
        ...this.core.options(),
        timeoutMs: MERGE_CHECK_MS,
      });
      if (!found.ok) return { ok: true };
      if (!found.record && !this.mergeTargetsUnfound.has(id)) {
        this.mergeTargetsUnfound.add(id);
        return { ok: true };
      }
      this.mergeTargetsWanted.delete(id);
      this.mergeTargetsUnfound.delete(id);
      if (found.record) await this.core.absorber.absorb('draft', found.record);
      else await this.mergeTargetGone(id);
      return { ok: true };
    });
  }

  /**
   * The desk has no draft `id` any more (deleted for good): the trashed drafts merged into it
   * say so (`mergedIntoGone` on their desk marks, a quiet write), and are not asked for again.
   * Should that draft come back (sent again by a desk that had changes of it), a pull brings
   * it as any new draft, and their notices name it.
   */
  private async mergeTargetGone(id: string): Promise<void> {
    await quietly(this.db, SYNC_TABLES, async () => {
      const merged = await this.db.clips
        .orderBy('deletedAt')
        .filter((draft) => draft.desk?.mergedInto === id)
        .toArray();
      for (const draft of merged) {
        await this.db.clips.update(draft.id, { desk: { ...draft.desk!, mergedIntoGone: true } });
      }
    });
  }
}
