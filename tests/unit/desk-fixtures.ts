/**
 * The shared desk as the unit tests see it, in one place: what each WordPress role may do (the
 * companion plugin's capability map, wordpress/plugin/indiscrets/includes/capabilities.php), the
 * newsroom's people, what the discovery answers for them and the sync state of their desk.
 * The fake plugin (services/fake-desk.ts) and the component tests all start from these.
 */
import type { DeskProbe } from '../../messaging/protocol';
import { SYNC_OFF, type DeskCan, type DeskRole, type SyncState } from '../../storage/sync-state';

/**
 * What a role may do on the desk, as the plugin grants it: Contributor and Author clip, edit
 * and trash their own drafts; Editor and Administrator also edit and trash everyone's, create
 * and edit issues, arrange them and publish; Subscriber nothing.
 */
export function deskCan(role: DeskRole): DeskCan {
  const writer = role === 'contributor' || role === 'author';
  const editor = role === 'editor' || role === 'administrator';
  const own = writer || editor;
  return {
    read: own,
    clip: own,
    editOwn: own,
    editOthers: editor,
    trashOwn: own,
    trashOthers: editor,
    editIssues: editor,
    arrange: editor,
    publish: editor,
    deleteForever: editor,
  };
}

/** The people of the unit tests' newsroom. */
export const DESK_PEOPLE = {
  editor: { id: 3, name: 'Rédac', roles: ['editor'] as DeskRole[] },
  author: { id: 4, name: 'Autrice', roles: ['author'] as DeskRole[] },
  contributor: { id: 5, name: 'Pigiste', roles: ['contributor'] as DeskRole[] },
} as const;
export type DeskPerson = keyof typeof DESK_PEOPLE;

export const DESK_SITE = 'https://monsite.fr';

/** What `syncDiscover` answers for one of the newsroom when the plugin is there. */
export function deskProbe(who: DeskPerson): Extract<DeskProbe, { ok: true }> {
  const person = DESK_PEOPLE[who];
  return {
    ok: true,
    siteUrl: DESK_SITE,
    user: { id: person.id, name: person.name, roles: [...person.roles] },
    role: person.roles[0]!,
    can: deskCan(person.roles[0]!),
    plugin: { version: '0.1.0' },
    lockWindow: 150,
  };
}

/** The sync state of a desk turned on for one of the newsroom, synced a moment ago. */
export function deskState(who: DeskPerson, patch: Partial<SyncState> = {}): SyncState {
  const person = DESK_PEOPLE[who];
  return {
    ...SYNC_OFF,
    enabled: true,
    siteUrl: DESK_SITE,
    username: who === 'contributor' ? 'pigiste' : who,
    user: { id: person.id, name: person.name, roles: [...person.roles] },
    can: deskCan(person.roles[0]!),
    lockWindow: 150,
    firstSyncDone: true,
    lastSyncAt: new Date().toISOString(),
    ...patch,
  };
}
