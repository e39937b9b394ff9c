import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startNetwork, wpEval, type RunningNetwork } from '../../scripts/wordpress/server.mjs';
import type { DeskSettings } from '../../wordpress/desk-client';
import { site } from './helpers';

/**
 * A subdirectory multisite network for one test file (scripts/wordpress/server.mjs,
 * startNetwork): « La Une » at the root, « Sport » at /sport/, on the suite's MariaDB, the
 * companion plugin network-activated. Started in `beforeAll`, stopped in `afterAll`; a few
 * seconds, paid only by the files that use it.
 */
export function useNetwork(): () => RunningNetwork {
  let network: RunningNetwork | undefined;
  beforeAll(async () => {
    network = await startNetwork({
      socket: site().socket,
      log: (message) => process.stderr.write(`[wordpress] ${message}\n`),
    });
  });
  afterAll(async () => {
    await network?.stop();
  });
  return () => {
    if (!network) throw new Error('the network is not started');
    return network;
  };
}

export type SiteKey = 'main' | 'sport';
export type UserKey = keyof RunningNetwork['users'];

/** A user's settings for one site of the network (its address as the editor types it). */
export function at(network: RunningNetwork, where: SiteKey, who: UserKey): DeskSettings {
  const user = network.users[who];
  return { siteUrl: network.sites[where].url, username: user.user, appPassword: user.appPassword };
}

/** Runs PHP inside one site of the network (like `wp eval --url=`). */
export function phpOn(network: RunningNetwork, where: SiteKey, code: string): Promise<string> {
  return wpEval(network.wpDir, code, { url: `${network.sites[where].url}/` });
}

/** The ids and titles of one site's records of a kind (trash included), read in its database. */
export async function recordsOn(
  network: RunningNetwork,
  where: SiteKey,
  kind: 'drafts' | 'issues' | 'posts',
): Promise<{ id: number; title: string; clientId: string; status: string }[]> {
  const type = { drafts: 'indiscrets_draft', issues: 'indiscrets_issue', posts: 'post' }[kind];
  const out = await phpOn(
    network,
    where,
    `echo json_encode(array_map(function ($p) { return ['id' => $p->ID, 'title' => $p->post_title, 'clientId' => (string) get_post_meta($p->ID, 'clientId', true), 'status' => $p->post_status]; }, get_posts(['post_type' => '${type}', 'post_status' => 'any,trash', 'numberposts' => -1])));`,
  );
  return JSON.parse(out.slice(out.indexOf('[')));
}

/**
 * Rules of the network's server (scripts/wordpress/php/router-network.php, test only):
 * `blockRestRoute` answers any `?rest_route=` with a 404 page; `writesTo` sends a site's writes
 * (307) to another folder ({ '/sport': '' }: the sub-site's to the root). `{}` lifts them.
 */
export function serverRules(
  network: RunningNetwork,
  rules: { blockRestRoute?: boolean; writesTo?: Record<string, string> },
): void {
  fs.writeFileSync(path.join(network.dir, 'rules.json'), JSON.stringify(rules));
}
