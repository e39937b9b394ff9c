import { sameValue } from '../../lib/merge';
import type { Draft, IndiscretsDB, Issue } from '../../storage/db';
import { trashedBy } from '../../storage/draft-records';
import { itemLabel } from '../../storage/label';
import {
  outboxKey,
  type DeskMark,
  type SyncKind,
  type SyncRecord,
  type SyncState,
  type SyncStatus,
  type SyncIssueBack,
  type SyncIssueDeleted,
  type SyncTakenOut,
  type SyncTextMerge,
  type SyncOverridden,
  OVERRIDDEN_KEPT,
  TAKEN_OUT_KEPT,
  TEXT_MERGES_KEPT,
} from '../../storage/sync-state';
import { sharedName, sharedOf, type Shared } from '../../storage/shared-fields';
import { type AnyRecord, type RestRecord, tableOf, titleOf } from './shared';
import type { SyncCore } from './core';

/** The state's patch keeping these notices of items taken out (the newest; none: absent). */
function takenOutPatch(notices: SyncTakenOut[]): Partial<SyncState> {
  const kept = notices.slice(-TAKEN_OUT_KEPT);
  return { takenOut: kept.length > 0 ? kept : undefined };
}

/** The state's patch keeping these notices of issues deleted (the newest; none: absent). */
function issuesDeletedPatch(notices: SyncIssueDeleted[]): Partial<SyncState> {
  const kept = notices.slice(-TAKEN_OUT_KEPT);
  return { issuesDeleted: kept.length > 0 ? kept : undefined };
}

/**
 * The notices of what colleagues did that the editor would otherwise not see, kept in the sync
 * state: items taken out of an issue, issues deleted or put back, versions replaced by a
 * colleague's choice, texts merged with another editor's; and their « Fermer ».
 */
export class Notices {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  /**
   * After a pulled draft was applied (see {@link Absorber.absorb}; `before` is the draft as this
   * desk had it, `sync` its merge base then, `theirs` the desk's version): when a colleague's
   * change took it out of the issue this desk showed it in — « Retirer », « Déplacer vers… », the
   * trash, a merge into another draft — a notice is kept for that issue's column
   * (`SyncState.takenOut`, one per draft, the newest {@link TAKEN_OUT_KEPT}); brought back into the
   * issue a notice names, that notice goes. Nothing for a first sync's new records (no `before`), a
   * change of this desk's own (applied here before it was sent: `before` is already out, and the
   * desk does not pull it back), a change made under this desk's own account elsewhere, a reorder,
   * or a merge that kept this desk's own placing. Call inside absorb's quiet transaction.
   */
  async noteTakenOut(
    before: Draft | undefined,
    sync: SyncRecord | undefined,
    theirs: Shared,
    me: number | undefined,
  ): Promise<void> {
    if (!before) return;
    const after = await this.db.clips.get(before.id);
    const inIssue = (draft: Draft | undefined, issueId: string) =>
      !!issueId && !!draft && !draft.deletedAt && draft.issueId === issueId;
    // A draft of the inbox (or the trash) that stays out of the issues, most of what a pull
    // brings: nothing to tell, no notice to take back.
    if (!inIssue(before, before.issueId) && !(after && inIssue(after, after.issueId))) return;
    const key = outboxKey('draft', before.id);
    const notices = (await this.core.state()).takenOut ?? [];
    const others = notices.filter((notice) => notice.key !== key);
    const told = notices.find((notice) => notice.key === key);
    const issueId = !before.deletedAt ? before.issueId : '';
    const base = sync?.base;
    const out =
      !!issueId &&
      base?.issueId === issueId &&
      !base.trashed &&
      !(theirs.issueId === issueId && !theirs.trashed) &&
      !inIssue(after, issueId);
    // Who: the last writer, who put it in the trash too (see deskMarkOf).
    const mark = after?.desk;
    const issue = out ? await this.db.issues.get(issueId) : undefined;
    if (!out || !issue || (me !== undefined && mark?.modifiedById === me)) {
      // Back in the issue its notice named: nothing to tell any more.
      if (told && inIssue(after, told.issueId)) await this.keepTakenOut(others);
      return;
    }
    const notice: SyncTakenOut = {
      key,
      recordId: before.id,
      issueId,
      title: itemLabel(before),
      to: 'inbox',
      at: this.core.now(),
    };
    // The trasher as the trash's own views name them (an empty one: the last editor).
    const by = trashedBy(mark).name;
    if (by) notice.by = by;
    if (!after) notice.to = 'deleted';
    else if (after.deletedAt && mark?.mergedInto) {
      notice.to = 'merged';
      notice.mergedInto = mark.mergedInto;
      const into = await this.db.clips.get(mark.mergedInto);
      if (into) notice.mergedIntoTitle = into.title;
    } else if (after.deletedAt) notice.to = 'trash';
    else if (after.issueId) {
      notice.to = 'issue';
      notice.toIssueId = after.issueId;
      const to = await this.db.issues.get(after.issueId);
      if (to) notice.toIssue = to.title;
    }
    await this.keepTakenOut([...others, notice]);
  }

  /**
   * Stores the notices of items taken out (the newest {@link TAKEN_OUT_KEPT}; none: absent).
   * Only in a transaction that read them (absorb's): see {@link SyncCore.updateState}.
   */
  private async keepTakenOut(notices: SyncTakenOut[]): Promise<void> {
    await this.core.patchState(takenOutPatch(notices));
  }

  /**
   * After each pull: the notices of items taken out whose item is back in its issue (put back
   * here by hand, restored from the trash, moved back by anyone) or whose issue this desk no
   * longer has go: they would tell something no longer true, or nowhere. A draft merged into
   * one the pull brought after it (see {@link Puller.fetchMergeTargets}) is named now. The notice
   * of an issue deleted goes once the issue is back here. Read and written in one transaction,
   * which a page's write that drops a notice meanwhile cannot fall between.
   */
  async pruneTakenOut(): Promise<void> {
    await this.core.updateState(
      async (state) => {
        const patch: Partial<SyncState> = {};
        // An issue deleted that is back (restored from the site's trash): its notice goes too.
        const deleted = state.issuesDeleted ?? [];
        if (deleted.length > 0) {
          const back = await this.db.issues.bulkGet(deleted.map((notice) => notice.issueId));
          if (back.some(Boolean)) {
            Object.assign(patch, issuesDeletedPatch(deleted.filter((_, i) => !back[i])));
          }
        }
        const notices = state.takenOut ?? [];
        if (notices.length === 0) return patch;
        const [drafts, issues, targets] = await Promise.all([
          this.db.clips.bulkGet(notices.map((notice) => notice.recordId)),
          this.db.issues.bulkGet(notices.map((notice) => notice.issueId)),
          this.db.clips.bulkGet(
            notices.map((notice) => (notice.mergedIntoTitle ? '' : (notice.mergedInto ?? ''))),
          ),
        ]);
        let changed = false;
        const kept = notices.flatMap((notice, i) => {
          const draft = drafts[i];
          const back = !!draft && !draft.deletedAt && draft.issueId === notice.issueId;
          if (back || !issues[i]) {
            changed = true;
            return [];
          }
          const into = targets[i];
          if (!into) return [notice];
          changed = true;
          return [{ ...notice, mergedIntoTitle: into.title }];
        });
        if (changed) Object.assign(patch, takenOutPatch(kept));
        return patch;
      },
      ['clips', 'issues'],
    );
  }

  /**
   * « Fermer »: the editor read the notice of these items taken out of an issue, or of these
   * issues a colleague deleted (their keys, `issue:<id>`). In one transaction: a notice the
   * page drops meanwhile (its item put back) stays dropped.
   */
  async dismissTakenOut(keys: readonly string[]): Promise<SyncStatus> {
    const closed = new Set(keys);
    await this.core.updateState((state) => {
      const patch = takenOutPatch(
        (state.takenOut ?? []).filter((notice) => !closed.has(notice.key)),
      );
      const deleted = state.issuesDeleted ?? [];
      if (deleted.some((notice) => closed.has(notice.key))) {
        Object.assign(
          patch,
          issuesDeletedPatch(deleted.filter((notice) => !closed.has(notice.key))),
        );
      }
      return patch;
    });
    return this.core.status();
  }

  /**
   * Before a pulled issue in the trash is applied (see {@link Absorber.absorb}; `local` is the
   * issue as this desk has it, with no unsent work of its own): the notice of a colleague's
   * deletion of it, with how many items it had here (all sent to the inbox, by the deletion there
   * and by {@link LocalRecords.releaseItems} here) — what the editor who had it open is told, since
   * the issue goes first and its items are then no longer in it to be said one by one
   * ({@link noteTakenOut}). Nothing for one this desk knew in the trash already, nor one deleted
   * under this desk's own account elsewhere. The notices kept with it: the others', less this
   * issue's.
   */
  async issueDeletion(
    local: Issue,
    sync: SyncRecord | undefined,
    theirs: Shared,
    mark: DeskMark,
    me: number | undefined,
  ): Promise<SyncIssueDeleted[] | undefined> {
    if (!theirs.trashed || !sync || sync.base.trashed) return undefined;
    const by = trashedBy(mark);
    if (me !== undefined && by.id === me) return undefined;
    const items = await this.db.clips.where('issueId').equals(local.id).toArray();
    const key = outboxKey('issue', local.id);
    const notice: SyncIssueDeleted = {
      key,
      issueId: local.id,
      title: local.title,
      date: local.date,
      items: items.filter((item) => !item.deletedAt).length,
      at: this.core.now(),
    };
    if (by.name) notice.by = by.name;
    const others = ((await this.core.state()).issuesDeleted ?? []).filter((n) => n.key !== key);
    return [...others, notice];
  }

  /**
   * Stores the notices of issues deleted (the newest {@link TAKEN_OUT_KEPT}; none: absent).
   * Only in a transaction that read them (absorb's): see {@link SyncCore.updateState}.
   */
  async keepIssuesDeleted(notices: SyncIssueDeleted[]): Promise<void> {
    await this.core.patchState(issuesDeletedPatch(notices));
  }

  /**
   * After a pulled record was applied (see {@link Absorber.absorb}; `before` is the record as this
   * desk had it, `sync` its merge base then): when a colleague kept their version of some fields
   * over this editor's (« Garder la mienne », noted by the plugin in the record's `overrides` since
   * this desk's version), the fields where this desk's words gave way to theirs are said, with
   * those words (kept nowhere else but WordPress's revisions). This desk's words: the field as its
   * own push wrote it (`SyncRecord.wrote`), the very version WordPress says went (`replaced`,
   * plugin 0.1.8). Nothing when the editor had written there again since (a conflict now asks them,
   * or the texts were merged), for a choice made under this desk's own account, or over someone
   * else's version. Call inside absorb's quiet transaction.
   */
  async noteOverridden(
    kind: SyncKind,
    before: AnyRecord,
    sync: SyncRecord,
    remote: RestRecord,
    theirs: Shared,
    me: number | undefined,
  ): Promise<void> {
    if (me === undefined || sync.remoteId !== remote.id || !sync.wrote) return;
    // Since this desk's version, by someone else (not this account in another browser).
    const news = (remote.overrides ?? []).filter(
      (o) => o.version > sync.version && o.version <= remote.version && o.by?.id !== me,
    );
    if (news.length === 0) return;
    const wrote = sync.wrote;
    const after = (await this.db.table(tableOf(kind)).get(before.id)) as AnyRecord | undefined;
    if (!after) return;
    const had = sharedOf(kind, before);
    const now = sharedOf(kind, after);
    const mine: Record<string, unknown> = {};
    /** Who replaced each field told, by the choice that replaced this desk's version of it. */
    const whose = new Map<string, string | undefined>();
    for (const o of news) {
      for (const field of o.fields) {
        const name = sharedName(kind, field);
        if (whose.has(field) || wrote[name] === undefined) continue;
        // Written by this desk's own push: its words are the ones that went when WordPress says
        // that version's value was replaced (an older plugin, or a history it could not read:
        // when nobody else wrote the field since, as far as this desk knows).
        const replaced = o.replaced?.[field];
        if (replaced && replaced.version !== wrote[name]) continue;
        // Their version is what this desk now has, in place of a different one of this editor's
        // (one written here again since is the conflict's to ask, or merged).
        const gave = Object.hasOwn(theirs, name) && sameValue(now[name], theirs[name]);
        if (!gave || sameValue(had[name], theirs[name])) continue;
        mine[name] = had[name];
        whose.set(field, o.by?.name);
      }
    }
    if (whose.size === 0) return;
    const key = outboxKey(kind, before.id);
    const notices = (await this.core.state()).overridden ?? [];
    // One notice a record: a second choice over it before the first notice was closed adds to
    // it, the words of the first kept (they are nowhere else); but a field of the first this
    // desk has written since is not said again (the desk has the editor's own).
    const earlier = notices.find((n) => n.key === key);
    const still = (earlier?.fields ?? []).filter((field) => {
      const at = wrote[sharedName(kind, field)];
      return earlier?.version === undefined || at === undefined || at <= earlier.version;
    });
    // Named when one colleague did it all; else « un autre membre de la rédaction ».
    const names = [...whose.values(), ...(still.length > 0 ? [earlier?.by] : [])];
    const by = names.every((name) => name && name === names[0]) ? names[0] : undefined;
    const notice: SyncOverridden = {
      key,
      kind,
      recordId: before.id,
      title: titleOf(now),
      fields: [...new Set([...still, ...whose.keys()])],
      ...(by ? { by } : {}),
      mine: { ...earlier?.mine, ...mine },
      version: remote.version,
      at: this.core.now(),
    };
    const kept = notices.filter((n) => n.key !== key);
    await this.core.patchState({ overridden: [...kept, notice].slice(-OVERRIDDEN_KEPT) });
  }

  /** Closes the notice of a version replaced by a colleague's (see {@link noteOverridden}). */
  dismissOverridden(key: string): Promise<SyncStatus> {
    return this.dismiss('overridden', key);
  }

  /**
   * Closes the notice `key` of one of the state's lists of news, read and written in one
   * transaction (see {@link SyncCore.updateState}): the list goes once empty.
   */
  private async dismiss(
    list: 'overridden' | 'textMerges' | 'issuesBack',
    key: string,
  ): Promise<SyncStatus> {
    await this.core.updateState((state) => {
      const kept = (state[list] ?? []).filter((notice) => notice.key !== key);
      return { [list]: kept.length > 0 ? kept : undefined };
    });
    return this.core.status();
  }

  /** Keeps a merge notice for the editor: one per record (the latest), the newest few. */
  async noteTextMerge(notice: SyncTextMerge): Promise<void> {
    const kept = ((await this.core.state()).textMerges ?? []).filter((m) => m.key !== notice.key);
    await this.core.patchState({ textMerges: [...kept, notice].slice(-TEXT_MERGES_KEPT) });
  }

  /** Keeps the notice of issue `issueId` put back by a colleague (none when it was this user). */
  async noteIssueBack(
    issueId: string,
    theirs: Shared,
    remote: RestRecord,
    me: number | undefined,
  ): Promise<void> {
    const by = remote.last_edited_by;
    if (me !== undefined && by?.id === me) return;
    const key = outboxKey('issue', issueId);
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const notice: SyncIssueBack = {
      key,
      issueId,
      title: text(theirs.title),
      date: text(theirs.date),
      at: this.core.now(),
    };
    if (by?.name) notice.by = by.name;
    const others = ((await this.core.state()).issuesBack ?? []).filter((n) => n.key !== key);
    await this.core.patchState({ issuesBack: [...others, notice].slice(-TAKEN_OUT_KEPT) });
  }

  /** The editor closed the notice of an issue a colleague put back. */
  dismissIssueBack(key: string): Promise<SyncStatus> {
    return this.dismiss('issuesBack', key);
  }

  /** The editor closed the notice of a text merged with another editor's. */
  dismissTextMerge(key: string): Promise<SyncStatus> {
    return this.dismiss('textMerges', key);
  }
}
