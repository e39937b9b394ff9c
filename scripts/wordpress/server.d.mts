// Types for server.mjs, so TypeScript tests and setups can import it.

export interface WordPressSite {
  url: string;
  restUrl: string;
  adminUser: string;
  adminPassword: string;
  /** Application password of the administrator, formatted with spaces. */
  appPassword: string;
  subscriberUser: string;
  subscriberPassword: string;
  subscriberAppPassword: string;
  wpVersion: string;
  /**
   * One user per newsroom role (editor `redac`, author `auteur`, contributor `pigiste`), each
   * with an application password. The companion plugin (wordpress/plugin/indiscrets) is active.
   */
  newsroom: Record<'editor' | 'author' | 'contributor', NewsroomUser>;
  pids: Record<string, number>;
  /** Temp dir of this run (removed by stop()). */
  dir: string;
  /** WordPress files of this run (for wpEval). */
  wpDir: string;
  socket: string;
}

export interface NewsroomUser {
  user: string;
  id: number;
  /** Display name. */
  name: string;
  /** Application password, formatted with spaces. */
  appPassword: string;
}

export interface RunningWordPress extends WordPressSite {
  /** Kills php and mariadbd and removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  log?: (message: string) => void;
  detached?: boolean;
  port?: number;
  cacheDir?: string;
}

/** A user of the network, with an application password (formatted with spaces). */
export type NetworkUser = NewsroomUser;

/**
 * A subdirectory multisite network (startNetwork): « La Une » at the root, « Sport » at /sport/,
 * the companion plugin network-activated.
 */
export interface RunningNetwork {
  /** The network's root, its main site's address. */
  url: string;
  /** The network's domain (host:port), as its sites' rows hold it. */
  domain: string;
  adminPassword: string;
  sites: Record<'main' | 'sport', { id: number; url: string }>;
  users: {
    /** The network's super admin: administrator of the main site, no member of « Sport ». */
    admin: NetworkUser;
    /** `redac`: Editor of both sites. */
    editor: NetworkUser;
    /** `chef`: Editor of « Sport » only. */
    sportsEditor: NetworkUser;
    /** `pigiste`: Contributor of the main site only. */
    contributor: NetworkUser;
  };
  wpVersion: string;
  /** WordPress files of the network (wpEval with the site's `url`). */
  wpDir: string;
  dir: string;
  pids: Record<string, number>;
  /** Kills its php and removes its files (its database stays on the site's MariaDB). */
  stop(): Promise<void>;
}

export function startNetwork(options: {
  /** The MariaDB socket of a running startWordPress(). */
  socket: string;
  log?: (message: string) => void;
  cacheDir?: string;
}): Promise<RunningNetwork>;

export const DEFAULT_CACHE_DIR: string;
export const DEFAULT_STATE_FILE: string;
export function startWordPress(options?: StartOptions): Promise<RunningWordPress>;
export function ensureSystemPackages(options?: { log?: (message: string) => void }): {
  php: string;
  mariadbd: string;
  installDb: string;
};
export function ensureWordPressTree(options?: {
  cacheDir?: string;
  log?: (message: string) => void;
}): string;
export function stopFromState(
  state: { pids?: Record<string, number>; dir?: string },
  options?: { log?: (message: string) => void; graceMs?: number },
): Promise<boolean>;
export function wpEval(
  wpDir: string,
  code: string,
  /** `url`: on a network, the address of the site to load (its main site: the root). */
  options?: { php?: string; url?: string },
): Promise<string>;
export function describe(site: RunningWordPress): WordPressSite;
