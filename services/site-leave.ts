import { browser } from 'wxt/browser';
import { originOf, wordpressItem } from '../storage/preferences';
import { dropSiteLeave, forgetMovesFrom, siteLeaves, type SiteLeave } from '../storage/settings';
import { checkSiteMove } from '../wordpress/site-move';

/** What {@link completeSiteLeaves} uses; tests inject their own. */
export interface SiteLeaveDeps {
  /** Asks the old address whether the site moved (wordpress/site-move.ts), notes it if so. */
  check?: (from: string, to: string) => Promise<unknown>;
  /** Gives an origin's permission back. */
  remove?: (origin: string) => Promise<unknown>;
}

/** The leaves being completed here (`from`, `to`, `at`): the options' request and the background's start may meet. */
const underWay = new Set<string>();

/**
 * Completes the WordPress addresses the editor left in the options (storage/settings.ts
 * `siteLeaves`), in the background, where closing the options page ends nothing: for each, the
 * moves noted from the address named since are forgotten (named again, the site answers there
 * itself); then the old address is asked whether the site moved to the new one (noted if so,
 * within wordpress/site-move.ts's bound: another origin, or another folder of the same, as
 * `monjournal.fr/blog` to `monjournal.fr`) and, for another origin, its origin's permission
 * given back, so that only the site's is held. The permission is kept when the address was named
 * again meanwhile: its leave dropped by a save under way (claimed at its click, see
 * components/WordPressSettings.tsx), or the settings naming that origin since (read again,
 * another options tab may have saved it). A leave already under way is not started again, and
 * the others do not wait for it (a second save's leave is done while the first still asks).
 * How many leaves this call completed; never rejects.
 */
export async function completeSiteLeaves(deps: SiteLeaveDeps = {}): Promise<number> {
  const leaves = await siteLeaves.getValue().catch(() => [] as SiteLeave[]);
  const mine = leaves.filter((leave) => !underWay.has(leaveKey(leave)));
  for (const leave of mine) underWay.add(leaveKey(leave));
  await Promise.all(
    mine.map((leave) =>
      completeLeave(leave, deps)
        .catch(() => undefined)
        .finally(() => underWay.delete(leaveKey(leave))),
    ),
  );
  return mine.length;
}

function leaveKey(leave: SiteLeave): string {
  return JSON.stringify([leave.from, leave.to, leave.at]);
}

async function completeLeave(leave: SiteLeave, deps: SiteLeaveDeps): Promise<void> {
  if (leave.from !== leave.to) await forgetMovesFrom(leave.to).catch(() => undefined);
  const old = originOf(leave.from);
  if (!old) {
    await dropSiteLeave(leave);
    return;
  }
  await (deps.check ?? checkSiteMove)(leave.from, leave.to);
  // Dropped meanwhile: a save under way names it again.
  if (!(await dropSiteLeave(leave))) return;
  // A folder left for the root of its origin (or the other way): the move asked, the origin's
  // permission the new address's too.
  if (old === originOf(leave.to)) return;
  // Read last, just before the removal: a write landing as the leave was dropped (a restore,
  // which claims nothing) is seen. A claim cannot land inside the drop: both hold the lock of
  // the list (storage/settings.ts SITE_LEAVES_LOCK).
  const now = await wordpressItem.getValue().catch(() => undefined);
  if (now && originOf(now.siteUrl) === old) return;
  // Refused for an origin the manifest requires (the test build's 127.0.0.1): nothing to do.
  await Promise.resolve()
    .then(() =>
      (deps.remove ?? ((origin) => browser.permissions.remove({ origins: [origin] })))(old),
    )
    .catch(() => undefined);
}
