/**
 * The sentences that name a role outside the one rule (roles.ts): what a role allows (the
 * options), who the desk is shared as, a change WordPress refused (the shared desk bar). Apart
 * from the rule, which the popup paints with, so that it paints without their words.
 */
import { listOf, t, type MessageKey } from '../locales';
import type { DeskCan, DeskRole, SyncRefusal, SyncState } from '../storage/sync-state';
import { namedRole, quotedRoles, roleAs, type NamedRole, type Role } from './roles';
import { recordName } from './draftName';

const ROLE_KEYS: Record<Role, MessageKey> = {
  administrator: 'shared.role.administrator',
  editor: 'shared.role.editor',
  author: 'shared.role.author',
  contributor: 'shared.role.contributor',
  subscriber: 'shared.role.subscriber',
};

/** A role's name as WordPress shows it (« Éditeur », « Contributeur »…); unknown → Éditeur. */
export function roleName(role: string | undefined): string {
  return t(ROLE_KEYS[role as Role] ?? ROLE_KEYS.editor);
}

/**
 * What roles of the site's own (`names`, as WordPress names them: all of them, which gave what
 * unknown) allow, judged by what the plugin says it may do (« vous pouvez écrire tous les
 * brouillons, ordonner le numéro et le publier »): its capabilities, not its name, open each
 * route.
 */
function customRightsSentence(names: readonly string[], can: DeskCan): string {
  const [name, ...more] = names;
  // Several: « Vous avez les rôles « A » et « B » sur ce site ».
  const many = more.length > 0;
  const named: Record<string, string> = many ? { names: quotedRoles(names) } : { name: name! };
  if (!can.read) {
    return t(many ? 'shared.rights.customManyNone' : 'shared.rights.customNone', named);
  }
  const abilities = [
    can.editOthers ? t('shared.ability.editAll') : can.clip ? t('shared.ability.clip') : '',
    can.editIssues ? t('shared.ability.editIssues') : '',
    can.arrange ? t('shared.ability.arrange') : '',
    // « ordonner le numéro et le publier »: the issue just named.
    can.publish ? t(can.arrange ? 'shared.ability.publishIt' : 'shared.ability.publish') : '',
  ].filter(Boolean);
  if (abilities.length === 0) {
    return t(many ? 'shared.rights.customManyReadOnly' : 'shared.rights.customReadOnly', named);
  }
  const list = listOf(abilities);
  return t(many ? 'shared.rights.customMany' : 'shared.rights.custom', {
    ...named,
    abilities: list,
  });
}

/**
 * What a role allows on the shared desk, in one sentence (the options page). `roles`: the user's
 * roles on the site, as WordPress names them; none at all (no member of a network's site, or
 * « — No role for this site — ») is said so, not called a Subscriber; a role of the site's own
 * (`shop_manager`…) is named by `roleNames` (WordPress's name for it), and what it may do said
 * from `can`.
 */
export function rightsSentence(
  role: DeskRole | string,
  can: DeskCan,
  roles?: readonly string[],
  roleNames?: Readonly<Record<string, string>>,
): string {
  const named: NamedRole = roles ? namedRole({ roles, roleNames }, can) : { known: role as Role };
  if ('custom' in named) return customRightsSentence(named.custom, can);
  const name = roleAs('known' in named ? named.known : role);
  // The plugin refuses the desk itself to a role below Contributor (`can.read` false, a 403 on
  // every route): never « vous pouvez lire », nor a switch that cannot work.
  if (!can.read) {
    return roles?.length === 0
      ? t('shared.rights.noRole')
      : t('shared.rights.none', { role: name });
  }
  if (can.arrange && can.publish) return t('shared.rights.editor', { role: name });
  if (can.clip) return t('shared.rights.contributor', { role: name });
  return t('shared.rights.readOnly', { role: name });
}

/**
 * « Pigiste (Contributeur) »: who this desk is shared as, with the role the desk names (see
 * {@link namedRole}: « Chef (Gestionnaire de boutique) » for a role of the site's own); their
 * name alone with no role on the site (never « Abonné », a role they do not have).
 */
export function deskIdentity(user: NonNullable<SyncState['user']>, can?: DeskCan): string {
  const named = namedRole(user, can);
  if ('none' in named) return user.name;
  const role = 'custom' in named ? listOf(named.custom) : roleName(named.known);
  return t('shared.identity', { name: user.name, role });
}

/** A change WordPress refused (403): what it was, and the role it takes. */
export function refusalSentence(refusal: SyncRefusal): string {
  // A Contributor's or Author's own draft, trashed here (their right) while an Editor put it in
  // an issue: the plugin refuses to take it out that way. Their role is not what changed.
  if (refusal.action === 'trash' && refusal.wpCode === 'indiscrets_cannot_arrange') {
    return t('shared.refusedInIssue', {
      title: recordName(refusal.kind, refusal.title),
      role: roleName(refusal.needs ?? 'editor'),
    });
  }
  return t('shared.refused', {
    title: recordName(refusal.kind, refusal.title),
    action: t(`shared.action.${refusal.action}`),
    role: roleName(refusal.needs ?? 'editor'),
  });
}

/** The site refused the desk to this account (403 at discovery): the role it takes. */
export function forbiddenSentence(needs: string | undefined): string {
  return t('shared.probe.forbidden', { role: roleName(needs ?? 'contributor') });
}
