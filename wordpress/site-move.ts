import { noteSiteMove } from '../storage/settings';
import { askAddress } from './client';

/**
 * How long the old address's answer is waited for ({@link checkSiteMove}), both its asks
 * together: the settings are saved already, its permission given back only after.
 */
export const MOVE_CHECK_MS = 4_000;

/** What {@link checkSiteMove} asks; tests inject their own. */
export interface SiteMoveDeps {
  /** What an address answers, asked without credentials. */
  ask?: typeof askAddress;
  /** Now, ISO 8601. */
  clock?: () => string;
  /** The bound of the check, ms ({@link MOVE_CHECK_MS}). */
  timeoutMs?: number;
}

/**
 * Asks the site's old address `from`, as the editor changes it to `to` in the options (the
 * background does, services/site-leave.ts, the options page closed or not) and before
 * its origin's permission is given back (after which the browser lets the extension read nothing
 * of it): when it redirects to `to` (askAddress's `moved`, as the publish panel's proof reads it),
 * the site's own word that it moved, noted for the panel, the publisher and the shared desk
 * (storage/settings.ts `SiteMove`). Anything else (a site still answering there, a staging copy
 * named since, a redirect elsewhere, no answer within {@link MOVE_CHECK_MS}) notes nothing, and
 * everything goes on as without it. Asked without credentials. True when a move was noted; never
 * rejects.
 */
export async function checkSiteMove(
  from: string,
  to: string,
  deps: SiteMoveDeps = {},
): Promise<boolean> {
  const timeoutMs = deps.timeoutMs ?? MOVE_CHECK_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const answer = await (deps.ask ?? askAddress)(from, { timeoutMs, signal: controller.signal });
    if (answer.kind !== 'moved' || answer.address !== to) return false;
    await noteSiteMove({ from, to, at: (deps.clock ?? (() => new Date().toISOString()))() });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
