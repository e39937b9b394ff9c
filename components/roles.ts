/**
 * What each role may do on the shared desk, in one place: the one rule every view asks before
 * enabling an action (and the sentence it shows when it may not); the other sentences that name a
 * role (the options', the shared desk bar's) are in roleSentences.ts, whose words the popup does
 * not paint with. The rule follows the companion plugin's capability map
 * (wordpress/plugin/indiscrets/includes/capabilities.php), as the site reports it at discovery
 * (`can`) and on each record (`desk.canEdit`, `desk.canTrash`):
 * - Contributor and Author: clip, edit and trash their own drafts; read everything else;
 * - Editor and Administrator: edit and trash every draft, create and edit issues, arrange an
 *   issue (put drafts in it, take them out, order them) and publish it;
 * - what a role may not do by one control it may not do by another: a Contributor's or Author's
 *   own draft that is in an issue is not theirs to trash or merge away either, which would take
 *   it out of the issue for the whole desk (« Retirer » is an Editor's).
 * - Subscriber: read only.
 * A role the desk does not know (WooCommerce's `shop_manager`, a site's own made with a role
 * plugin) is named by WordPress's name for it (`user.roleNames`, plugin 0.1.12; its slug with an
 * older plugin), never « Abonné »: what it may do is what `can` says, since the plugin checks the
 * capabilities, not the role, on every route.
 * Sync off (or not read yet): everything is allowed, the desk is as it was without sharing.
 */
import { listOf, t, type CoreKey } from '../locales/core';
import type { DeskCan, DeskMark } from '../storage/sync-state';
import { lockedBy } from './DeskMarks';
import { draftName } from './draftName';
import type { SharedDesk } from './sharedDesk';

/** The WordPress roles the shared desk knows, strongest first. */
const ROLES = ['administrator', 'editor', 'author', 'contributor', 'subscriber'] as const;
export type Role = (typeof ROLES)[number];

/** The role after « Vous êtes » / “You are”: English puts its article (“an Author”). */
const ROLE_AS_KEYS: Record<Role, CoreKey> = {
  administrator: 'shared.roleAs.administrator',
  editor: 'shared.roleAs.editor',
  author: 'shared.roleAs.author',
  contributor: 'shared.roleAs.contributor',
  subscriber: 'shared.roleAs.subscriber',
};

/** A role as « Vous êtes {role} » names it (« an Editor » in English); unknown → Éditeur. */
export function roleAs(role: string | undefined): string {
  return t(ROLE_AS_KEYS[role as Role] ?? ROLE_AS_KEYS.editor);
}

/** Who the desk names, as far as their role goes: the plugin's `user`. */
export interface RoleHolder {
  /** Their roles on the site, as WordPress names them (`shop_manager`…). */
  roles: readonly string[];
  /** WordPress's display name of each, translated as it gives it (plugin 0.1.12). */
  roleNames?: Readonly<Record<string, string>>;
}

/**
 * The role the desk names: one it knows, one of the site's own (by WordPress's name for it, or
 * its slug from an older plugin), or none at all (no member of a network's site).
 */
export type NamedRole = { known: Role } | { custom: string[] } | { none: true };

/** Rights as a known role gives them, or `other`: some of an Editor's, not all. */
type Rights = 'editor' | 'writer' | 'reader' | 'none' | 'other';

/** What a known role gives on the desk (the plugin's map): an Editor's rights, a writer's… */
const ROLE_RIGHTS: Record<Role, Rights> = {
  administrator: 'editor',
  editor: 'editor',
  author: 'writer',
  contributor: 'writer',
  subscriber: 'none',
};

/**
 * Whose rights `can` are: an Editor's (the issue ordered and published); some of an Editor's
 * (another's drafts, issues, their order or publishing, not all: no known role's); a writer's;
 * reading only; none.
 */
function rightsOf(can: DeskCan): Rights {
  if (can.arrange && can.publish) return 'editor';
  const beyond = [can.editOthers, can.trashOthers, can.editIssues, can.arrange, can.publish];
  if (beyond.some(Boolean)) return 'other';
  if (can.clip) return 'writer';
  return can.read ? 'reader' : 'none';
}

/**
 * The role to name for `user`, judged by what they may do (`can`, when known): the strongest
 * role the desk knows above Subscriber, when it accounts for `can` (neither more, a Contributor
 * whose other role lets them order the issue, nor less, one whose other role denies the desk's
 * capabilities: the known role's sentence would say false); else the site's own roles
 * (WooCommerce's « Gestionnaire de boutique », a « Rédacteur en chef » made with a role plugin),
 * whose capabilities gave the rest: all of them, since which did `can` does not tell; else
 * Subscriber. Never « Abonné » for a role that is not, nor for no role at all. `undefined` user
 * (not read yet): Subscriber, as before.
 */
export function namedRole(user: RoleHolder | undefined, can?: DeskCan): NamedRole {
  if (!user) return { known: 'subscriber' };
  if (user.roles.length === 0) return { none: true };
  const known = ROLES.find((role) => role !== 'subscriber' && user.roles.includes(role));
  const own = user.roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (known && (own.length === 0 || !can || ROLE_RIGHTS[known] === rightsOf(can))) {
    return { known };
  }
  if (own.length > 0) {
    const names = own.map((role) => {
      const name = user.roleNames?.[role];
      return typeof name === 'string' && name.trim() ? name.trim() : role;
    });
    return { custom: [...new Set(names)] };
  }
  return { known: known ?? 'subscriber' };
}

/** Roles of the site's own, each quoted: « Gestionnaire de boutique » et « Rédacteur en chef ». */
export function quotedRoles(names: readonly string[]): string {
  const quoted = names.map((name) => t('shared.roleQuoted', { name }));
  return listOf(quoted);
}

/** A named role as « Vous êtes {role} » says it (« titulaire du rôle « X » sur ce site »). */
export function namedRoleAs(named: NamedRole): string {
  if ('none' in named) return t('shared.roleAs.none');
  if ('custom' in named) {
    const [name, ...more] = named.custom;
    return more.length === 0
      ? t('shared.roleAs.custom', { name: name! })
      : t('shared.roleAs.customMany', { names: quotedRoles(named.custom) });
  }
  return roleAs(named.known);
}

/** What someone may try on the shared desk. */
export type DeskAction =
  /** Clip a page into a new draft of the shared desk. */
  | 'clip'
  /** Order the drafts of an issue. */
  | 'arrange'
  /** Put a draft in an issue, or take it out (« + Au numéro », « Retirer », « Déplacer vers… »). */
  | 'place'
  /** Publish an issue. */
  | 'publish'
  /** Create an issue (and, given the issue, edit its title, date, budget and intro). */
  | 'editIssues'
  /** Write this record: a draft's fields, an issue's fields. */
  | 'edit'
  /** Put this record in the trash (a draft), or delete it (an issue). */
  | 'trash'
  /** Merge this draft into another: it goes to the trash, its quotes and sources to the other. */
  | 'merge'
  /** Merge another draft into this one: this one takes its text, quotes and sources. */
  | 'mergeInto';

/** The record an action is about, as far as the rule needs it. */
export interface DeskTarget {
  kind: 'draft' | 'issue';
  desk?: DeskMark;
  /** Its title, for the sentences that name it. */
  title?: string;
  /** A draft already in the trash (its « Supprimer » is « Restaurer », which takes nothing). */
  trashed?: boolean;
  /**
   * A draft in an issue: trashed or merged into another, it leaves the issue, which only a role
   * that arranges issues may make it do.
   */
  inIssue?: boolean;
}

/**
 * The one rule: why the current user may not do `action` (on `target`, for the record-level
 * actions), in a sentence naming their role and the role it takes; `undefined` when they may,
 * or when the desk is not shared. Every view enables exactly what this allows, and shows this
 * sentence on what it disables, so nothing is discovered by a refusal from WordPress.
 */
export function deskRefusal(
  desk: SharedDesk,
  action: DeskAction,
  target?: DeskTarget,
): string | undefined {
  const can: DeskCan | undefined = desk.enabled ? desk.state?.can : undefined;
  if (!can) return undefined;
  // Every sentence here opens « Vous êtes {role} »: « sans rôle sur ce site » for an account
  // with none (taken off a network's sub-site), « titulaire du rôle « Gestionnaire de boutique »
  // sur ce site » for a role of the site's own, never « Abonné », a role it does not have.
  const role = namedRoleAs(namedRole(desk.state?.user, can));
  const issue = target?.kind === 'issue' || action === 'editIssues';
  if (issue && action !== 'arrange' && action !== 'publish') {
    // An issue is an Editor's: creating, writing and deleting one alike.
    if (!can.editIssues) return t('shared.cannot.editIssues', { role });
    if (target?.desk?.canEdit === false) return t('shared.cannot.editIssues', { role });
    return undefined;
  }
  switch (action) {
    case 'clip':
    case 'arrange':
    case 'publish':
      return can[action] ? undefined : t(`shared.cannot.${action}`, { role });
    case 'place':
      // The same right as ordering (the plugin's `arrange`), said as what the editor tried.
      return can.arrange ? undefined : t('shared.cannot.place', { role });
    case 'edit': {
      const mark = target?.desk;
      // Not shared yet (clipped here since the last sync): this user's own draft.
      if (!mark || mark.canEdit !== false) return undefined;
      return mark.createdBy
        ? t('shared.cannot.editOthers', { role, name: mark.createdBy })
        : t('shared.cannot.edit', { role });
    }
    case 'trash':
    case 'merge': {
      // A merged draft goes to the trash: the same right, said as what the editor tried.
      const mark = target?.desk;
      if (mark?.canTrash === false) {
        return mark.createdBy
          ? t(`shared.cannot.${action}Others`, { role, name: mark.createdBy })
          : t(`shared.cannot.${action}`, { role });
      }
      // Trashed or merged, a draft leaves its issue: what « Retirer » may not do, this may not
      // either. Out of the trash it goes back to its issue, which takes nothing.
      if (target?.inIssue && !target.trashed && !can.arrange) {
        return t(`shared.cannot.${action}InIssue`, { role });
      }
      // A draft trashed or merged goes to the trash under the hands of whoever has it open,
      // and what they typed since their last sync is not in the merge: not while another editor
      // holds its lock. Taking it out of the trash takes nothing from them.
      return target?.trashed ? undefined : lockRefusal(action, lockedBy(mark));
    }
    case 'mergeInto': {
      const mark = target?.desk;
      if (mark?.canEdit === false) {
        return t('shared.cannot.mergeInto', { role, title: draftName(target?.title ?? '') });
      }
      // Merged into, the draft is rewritten under the hands of whoever has it open: their next
      // save meets the merge as a conflict, field by field. Not while another editor holds it.
      return lockRefusal(action, lockedBy(mark), target?.title);
    }
    default:
      return undefined;
  }
}

/**
 * Why a draft another editor has open (`editing`, who holds its edit lock) may not be trashed,
 * merged into another, or merged into; `undefined` when nobody else holds it. {@link deskRefusal}
 * asks it of the lock the last sync saw; the draft's editor, of the lock it was just refused.
 */
export function lockRefusal(
  action: 'trash' | 'merge' | 'mergeInto',
  editing: string | undefined,
  title = '',
): string | undefined {
  if (!editing) return undefined;
  if (action === 'mergeInto') {
    return t('shared.cannot.mergeIntoLocked', { name: editing, title: draftName(title) });
  }
  return t(action === 'merge' ? 'shared.cannot.mergeLocked' : 'shared.cannot.trashLocked', {
    name: editing,
  });
}
