import {
  DESK_ROLES,
  type DeskCan,
  type DeskProbe,
  type DeskProbeOwnCode,
  type DeskRole,
} from '../messaging/protocol';
import { discoverDesk } from '../wordpress/desk-client';
import { siteAccess } from './site-access';

export { DESK_ROLES, type DeskCan, type DeskProbe, type DeskProbeOwnCode, type DeskRole };

export interface DeskProbeDeps {
  discover?: typeof discoverDesk;
  /** Defaults to `navigator.onLine`. */
  isOnline?: () => boolean;
}

/** The strongest known role among a user's WordPress roles. */
export function deskRoleOf(roles: readonly string[]): DeskRole {
  return DESK_ROLES.find((role) => roles.includes(role)) ?? 'subscriber';
}

/**
 * Asks the configured WordPress site whether the companion plugin answers, who the user is and
 * what their role allows (the options' « Rédaction partagée » section shows it). Runs in the
 * background, with the settings and password it keeps. Never rejects; a failure carries a code,
 * never WordPress's own text.
 */
export async function probeDesk(deps: DeskProbeDeps = {}): Promise<DeskProbe> {
  try {
    const access = await siteAccess(
      deps.isOnline ?? (() => globalThis.navigator?.onLine !== false),
    );
    if (!access.ok) {
      // No site, or one whose address is not one: the options page asks for the settings.
      if (access.code === 'not_configured' || access.code === 'bad_url') {
        return { ok: false, code: 'no_settings' };
      }
      return { ok: false, code: access.code };
    }
    const { settings } = access;
    const result = await (deps.discover ?? discoverDesk)(
      {
        siteUrl: settings.siteUrl,
        username: settings.username,
        appPassword: settings.appPassword,
      },
      { timeoutMs: 15_000 },
    );
    if (!result.ok) {
      return {
        ok: false,
        code: result.code,
        ...(result.needs ? { needs: result.needs } : {}),
        ...(result.status ? { status: result.status } : {}),
        ...(result.address ? { address: result.address } : {}),
      };
    }
    const { desk } = result;
    const user = desk.user!;
    return {
      ok: true,
      siteUrl: settings.siteUrl,
      user: {
        id: user.id,
        name: user.name,
        roles: [...user.roles],
        ...(user.roleNames ? { roleNames: { ...user.roleNames } } : {}),
      },
      role: deskRoleOf(user.roles),
      can: { ...desk.can },
      plugin: { version: desk.plugin.version },
      lockWindow: desk.lockWindow,
    };
  } catch {
    // A storage failure or a bug: its text could be anything, so it is not passed on.
    return { ok: false, code: 'unexpected' };
  }
}
