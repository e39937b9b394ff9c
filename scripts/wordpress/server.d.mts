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
export function wpEval(wpDir: string, code: string, options?: { php?: string }): Promise<string>;
export function describe(site: RunningWordPress): WordPressSite;
