import { t, type MessageKey } from '../locales';

/** The WordPress roles the shared desk knows, strongest first. */
const ROLES = ['administrator', 'editor', 'author', 'contributor', 'subscriber'] as const;
type Role = (typeof ROLES)[number];

const ROLE_KEYS: Record<Role, MessageKey> = {
  administrator: 'shared.role.administrator',
  editor: 'shared.role.editor',
  author: 'shared.role.author',
  contributor: 'shared.role.contributor',
  subscriber: 'shared.role.subscriber',
};

/** The strongest of a user's roles the desk knows (`subscriber` when none). */
export function strongestRole(roles: readonly string[]): Role {
  return ROLES.find((role) => roles.includes(role)) ?? 'subscriber';
}

/** A role's name as WordPress shows it (« Éditeur », « Contributeur »…); unknown → Éditeur. */
export function roleName(role: string | undefined): string {
  return t(ROLE_KEYS[role as Role] ?? ROLE_KEYS.editor);
}
