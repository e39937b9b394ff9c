import { browser } from 'wxt/browser';
import { getWordPressSettings, originPattern } from '../storage/preferences';
import {
  DESK_ROLES,
  type DeskCan,
  type DeskProbe,
  type DeskProbeOwnCode,
  type DeskRole,
} from '../messaging/protocol';
import { discoverDesk } from '../wordpress/desk-client';

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
    const settings = await getWordPressSettings();
    if (!settings) return { ok: false, code: 'no_settings' };
    const online = deps.isOnline ?? (() => globalThis.navigator?.onLine !== false);
    if (!online()) return { ok: false, code: 'offline' };
    let pattern: string;
    try {
      pattern = originPattern(settings.siteUrl);
    } catch {
      return { ok: false, code: 'no_settings' };
    }
    const allowed = await Promise.resolve()
      .then(() => browser.permissions.contains({ origins: [pattern] }))
      .catch(() => false);
    if (!allowed) return { ok: false, code: 'no_permission' };
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
      };
    }
    const { desk } = result;
    const user = desk.user!;
    return {
      ok: true,
      siteUrl: settings.siteUrl,
      user: { id: user.id, name: user.name, roles: [...user.roles] },
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
