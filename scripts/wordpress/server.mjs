// A real, throw-away WordPress on 127.0.0.1 for tests and manual checks.
//
// startWordPress() installs what the machine lacks (Debian packages php-cli, php-mysql,
// mariadb-server-core, mariadb-client-core), unpacks Debian's `wordpress` package without
// installing it (installing it would pull Apache) into a cache under <repo>/.tmp/wordpress-cache,
// then runs MariaDB and `php -S` as plain processes over a fresh copy in a temp dir, installs
// the site and creates application passwords. No dependencies beyond Node.

import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const PHP_DIR = path.join(HERE, 'php');
const PLUGIN_DIR = path.join(REPO, 'wordpress', 'plugin', 'indiscrets');

export const DEFAULT_CACHE_DIR =
  process.env.INDISCRETS_WP_CACHE || path.join(REPO, '.tmp', 'wordpress-cache');
export const DEFAULT_STATE_FILE = path.join(REPO, '.tmp', 'wordpress.json');
const TEMP_PREFIX = 'indiscrets-wp-';
const SYSTEM_PACKAGES = ['php-cli', 'php-mysql', 'mariadb-server-core', 'mariadb-client-core'];
// `wordpress` is the one we need; the others fill the symlinks Debian's package points at
// (getID3, underscore, cropper) and bring the default theme so the front end renders.
const WORDPRESS_DEBS = [
  'wordpress',
  'php-getid3',
  'libjs-underscore',
  'libjs-cropper',
  'wordpress-theme-twentytwentythree',
];
// Small InnoDB files: the install is quick and the data dir stays around 25 MB.
const MARIADB_SIZING = [
  '--innodb-log-file-size=8M',
  '--innodb-data-file-path=ibdata1:10M:autoextend',
];

const defaultLog = (message) => process.stderr.write(`[wordpress] ${message}\n`);

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function findBinary(name) {
  const dirs = [...(process.env.PATH || '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not there
    }
  }
  return null;
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { maxBuffer: 64 * 1024 * 1024, ...options },
      (error, stdout, stderr) => {
        if (error) {
          error.message = `${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`.trim();
          reject(error);
        } else {
          resolve({ stdout: String(stdout), stderr: String(stderr) });
        }
      },
    );
  });
}

function aptHasCandidate(pkg) {
  const result = spawnSync('apt-cache', ['policy', pkg], { encoding: 'utf8' });
  const match = /Candidate:\s*(\S+)/.exec(result.stdout || '');
  return Boolean(match && match[1] !== '(none)');
}

function aptUpdateIfNeeded(packages, log) {
  if (packages.every(aptHasCandidate)) return;
  log('apt-get update');
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function requireRoot(what) {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`${what} needs root (apt-get). Run as root, or install it yourself first.`);
  }
}

/** Installs php/mariadb from Debian when missing. Returns the binaries to use. */
export function ensureSystemPackages({ log = defaultLog } = {}) {
  const find = () => ({
    php: findBinary('php'),
    mariadbd: findBinary('mariadbd') || findBinary('mysqld'),
    installDb: findBinary('mariadb-install-db') || findBinary('mysql_install_db'),
  });
  let bins = find();
  const hasMysqli = (php) =>
    /^mysqli$/m.test(spawnSync(php, ['-m'], { encoding: 'utf8' }).stdout || '');
  const complete = (b) => b.php && b.mariadbd && b.installDb && hasMysqli(b.php);
  if (complete(bins)) return bins;

  requireRoot(`Installing ${SYSTEM_PACKAGES.join(' ')}`);
  const started = Date.now();
  log(`installing ${SYSTEM_PACKAGES.join(' ')}`);
  aptUpdateIfNeeded(SYSTEM_PACKAGES, log);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...SYSTEM_PACKAGES], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  bins = find();
  if (!complete(bins))
    throw new Error('php with mysqli, mariadbd or mariadb-install-db still missing');
  log(`packages installed (${seconds(started)})`);
  return bins;
}

function findCachedTree(cacheDir) {
  let names = [];
  try {
    names = fs.readdirSync(cacheDir);
  } catch {
    return null;
  }
  const trees = names
    .filter((n) => n.startsWith('wordpress-') && fs.existsSync(path.join(cacheDir, n, '.complete')))
    .sort();
  const newest = trees.at(-1);
  return newest ? path.join(cacheDir, newest) : null;
}

/** Follows a symlink found inside an unpacked .deb, reading absolute targets inside `root` first. */
function resolveLinkInRoot(link, root) {
  let current = link;
  for (let hops = 0; hops < 16; hops += 1) {
    const target = fs.readlinkSync(current);
    let next = path.isAbsolute(target)
      ? path.join(root, target)
      : path.resolve(path.dirname(current), target);
    if (!fs.existsSync(next) && path.isAbsolute(target) && fs.existsSync(target)) next = target;
    let stat;
    try {
      stat = fs.lstatSync(next);
    } catch {
      return null;
    }
    if (!stat.isSymbolicLink()) return next;
    current = next;
  }
  return null;
}

function replaceSymlinks(dir, root, log) {
  const dangling = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isSymbolicLink()) {
        const real = resolveLinkInRoot(full, root);
        fs.rmSync(full, { force: true });
        if (real) {
          fs.cpSync(real, full, { recursive: true, dereference: true });
        } else {
          dangling.push(path.relative(dir, full));
          // Keep the path: WordPress checks that its CA bundle exists before any HTTPS call.
          if (full.endsWith('.crt')) fs.writeFileSync(full, '');
        }
      } else if (entry.isDirectory()) {
        walk(full);
      }
    }
  };
  walk(dir);
  if (dangling.length) log(`left without target: ${dangling.join(', ')}`);
}

/**
 * Returns a cached WordPress tree (Debian's package, symlinks resolved, no wp-config.php),
 * downloading and unpacking the .deb files the first time.
 */
export function ensureWordPressTree({ cacheDir = DEFAULT_CACHE_DIR, log = defaultLog } = {}) {
  const cached = findCachedTree(cacheDir);
  if (cached) return cached;

  const started = Date.now();
  const debDir = path.join(cacheDir, 'debs');
  fs.mkdirSync(debDir, { recursive: true });
  const debFor = (name) =>
    fs
      .readdirSync(debDir)
      .filter((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'))
      .sort()
      .at(-1);
  const missing = WORDPRESS_DEBS.filter((name) => !debFor(name));
  if (missing.length) {
    requireRoot('Downloading WordPress with apt-get download');
    log(`apt-get download ${missing.join(' ')}`);
    aptUpdateIfNeeded(missing, log);
    execFileSync('apt-get', ['download', '-qq', '-o', 'APT::Sandbox::User=root', ...missing], {
      cwd: debDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const wordpressDeb = debFor('wordpress');
  if (!wordpressDeb) throw new Error(`apt-get download wordpress left no .deb in ${debDir}`);
  const version = wordpressDeb.split('_')[1];

  const staging = fs.mkdtempSync(path.join(cacheDir, '.staging-'));
  try {
    const root = path.join(staging, 'root');
    for (const name of WORDPRESS_DEBS) {
      const deb = debFor(name);
      if (deb) execFileSync('dpkg-deb', ['-x', path.join(debDir, deb), root]);
    }
    const tree = path.join(root, 'usr', 'share', 'wordpress');
    replaceSymlinks(tree, root, log);
    // Debian's wp-config.php reads /etc/wordpress/config-HOST.php: each run writes its own.
    fs.rmSync(path.join(tree, 'wp-config.php'), { force: true });
    fs.writeFileSync(path.join(tree, '.complete'), `${version}\n`);
    const target = path.join(cacheDir, `wordpress-${version.replace(/[^\w.+-]/g, '_')}`);
    try {
      fs.renameSync(tree, target);
    } catch (error) {
      // Another run finished first: use its tree.
      if (!fs.existsSync(path.join(target, '.complete'))) throw error;
    }
    log(`WordPress ${version} unpacked in ${path.relative(REPO, target)} (${seconds(started)})`);
    return target;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, check, { timeoutMs, alive }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (alive && !alive()) throw new Error(`${what}: the process exited`);
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

function canConnect(socketPath) {
  return new Promise((resolve) => {
    const socket = net.connect({ path: socketPath });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function httpGet(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

function salt() {
  return crypto.randomBytes(48).toString('base64');
}

/**
 * wp-config.php of one run. `network`: a subdirectory multisite's ({ domain, db }; `multisite`
 * false while it is installed as a single site first), whose
 * sites' addresses are their own options (no WP_HOME, WP_SITEURL).
 */
function wpConfig({ socket, url, wpDir, network, multisite = true }) {
  const php = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const keys = [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ];
  return `<?php
// Written by scripts/wordpress/server.mjs for one throw-away run.
define('DB_NAME', ${php(network ? network.db : 'wordpress')});
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${php(`localhost:${socket}`)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys.map((k) => `define('${k}', ${php(salt())});`).join('\n')}
$table_prefix = 'wp_';

${
  network
    ? multisite
      ? `define('MULTISITE', true);
define('SUBDOMAIN_INSTALL', false);
define('DOMAIN_CURRENT_SITE', ${php(network.domain)});
define('PATH_CURRENT_SITE', '/');
define('SITE_ID_CURRENT_SITE', 1);
define('BLOG_ID_CURRENT_SITE', 1);
`
      : ''
    : `define('WP_HOME', ${php(url)});
define('WP_SITEURL', ${php(url)});
`
}define('WP_ENVIRONMENT_TYPE', 'local'); // application passwords over plain http
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISALLOW_FILE_MODS', true);
define('FS_METHOD', 'direct');
define('WP_CONTENT_DIR', ${php(path.join(wpDir, 'wp-content'))});

if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
`;
}

function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A zombie is dead for our purpose (its parent has not reaped it yet).
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

function commandOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

function signalGroup(pid, signal) {
  // Each server runs in its own process group (php -S forks workers), so kill the group.
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

function safeToRemove(dir) {
  const resolved = path.resolve(dir);
  return (
    path.dirname(resolved) === path.resolve(os.tmpdir()) &&
    path.basename(resolved).startsWith(TEMP_PREFIX)
  );
}

/**
 * Stops processes from a state object ({ pids: {name: pid}, dir }) and removes the temp dir.
 * Only kills pids whose command line still names mariadbd/mysqld/php, so a stale state file
 * cannot kill an unrelated process that reused a pid.
 */
export async function stopFromState(state, { log = defaultLog, graceMs = 3000 } = {}) {
  const pids = Object.values(state.pids || {}).filter(
    (pid) => Number.isInteger(pid) && pid > 1 && /mariadbd|mysqld|php/.test(commandOf(pid)),
  );
  for (const pid of pids) signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await sleep(50);
  for (const pid of pids.filter(isAlive)) signalGroup(pid, 'SIGKILL');
  while (pids.some(isAlive) && Date.now() < deadline + 2000) await sleep(50);
  if (state.dir && safeToRemove(state.dir)) fs.rmSync(state.dir, { recursive: true, force: true });
  const left = pids.filter(isAlive);
  if (left.length) log(`still running: ${left.join(', ')}`);
  return left.length === 0;
}

/** Runs PHP code with the site loaded (like `wp eval`) and returns what it printed. */
export async function wpEval(wpDir, code, { php = findBinary('php') || 'php', url } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      php,
      ['-d', 'display_errors=stderr', path.join(PHP_DIR, 'eval.php'), wpDir],
      // On a network, the site whose address this is (its main site: the network's root).
      url ? { env: { ...process.env, INDISCRETS_EVAL_URL: url } } : {},
      (error, stdout, stderr) => {
        if (error) reject(new Error(`wpEval failed: ${error.message}\n${stderr}`));
        else resolve(String(stdout));
      },
    );
    child.stdin.end(code);
  });
}

/**
 * Starts a fresh WordPress site.
 *
 * @param {object} [options]
 * @param {(message: string) => void} [options.log] progress lines (default: stderr)
 * @param {boolean} [options.detached] leave the servers running after this process exits
 *   (start.mjs); otherwise they are killed when this process exits, even by SIGKILL (a small
 *   watchdog process notices)
 * @param {number} [options.port] port for php -S (default: a free one)
 * @param {string} [options.cacheDir] where the WordPress tree is cached
 */
export async function startWordPress(options = {}) {
  const log = options.log || defaultLog;
  const detached = Boolean(options.detached);
  const started = Date.now();

  const bins = ensureSystemPackages({ log });
  const tree = ensureWordPressTree({ cacheDir: options.cacheDir || DEFAULT_CACHE_DIR, log });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_PREFIX));
  const wpDir = path.join(dir, 'wordpress');
  const dataDir = path.join(dir, 'mysql');
  const socket = path.join(dir, 'mysql.sock');
  const children = {};
  const state = { dir, pids: {} };
  let watchdog = null;

  const killNow = () => {
    for (const child of Object.values(children)) if (child.pid) signalGroup(child.pid, 'SIGKILL');
    if (watchdog?.pid) signalGroup(watchdog.pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (!detached) process.on('exit', killNow);

  const spawnServer = (name, command, args, env = {}) => {
    const out = fs.openSync(path.join(dir, `${name}.log`), 'a');
    const child = spawn(command, args, {
      detached: true, // own process group
      stdio: ['ignore', out, out],
      env: { ...process.env, ...env },
    });
    fs.closeSync(out);
    child.exited = false;
    child.on('exit', () => (child.exited = true));
    child.on('error', () => (child.exited = true));
    // Never keep this process alive for the servers: stop(), the exit hook and the watchdog
    // take care of them.
    child.unref();
    children[name] = child;
    state.pids[name] = child.pid;
    fs.writeFileSync(path.join(dir, 'pids.json'), JSON.stringify(state.pids));
    startWatchdog();
    return child;
  };

  const startWatchdog = () => {
    if (detached || watchdog) return;
    watchdog = spawn(
      process.execPath,
      [path.join(HERE, 'watchdog.mjs'), String(process.pid), dir],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
    watchdog.unref();
  };

  try {
    let step = Date.now();
    await Promise.all([
      run('cp', ['-a', tree, wpDir]),
      run(bins.installDb, [
        '--no-defaults',
        `--datadir=${dataDir}`,
        '--auth-root-authentication-method=normal',
        '--user=root',
        '--skip-test-db',
        ...MARIADB_SIZING,
      ]),
    ]);
    fs.rmSync(path.join(wpDir, '.complete'), { force: true });
    fs.mkdirSync(path.join(wpDir, 'wp-content', 'uploads'), { recursive: true });
    fs.mkdirSync(path.join(wpDir, 'wp-content', 'mu-plugins'), { recursive: true });
    fs.copyFileSync(
      path.join(PHP_DIR, 'mu-plugin.php'),
      path.join(wpDir, 'wp-content', 'mu-plugins', 'indiscrets-local.php'),
    );
    // The companion plugin of the shared desk (wordpress/plugin/indiscrets), activated by install.php.
    fs.cpSync(PLUGIN_DIR, path.join(wpDir, 'wp-content', 'plugins', 'indiscrets'), {
      recursive: true,
    });

    const mariadb = spawnServer('mariadbd', bins.mariadbd, [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${socket}`,
      '--skip-networking',
      `--pid-file=${path.join(dir, 'mariadbd.pid')}`,
      '--user=root',
      '--skip-name-resolve',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=32M',
      `--log-error=${path.join(dir, 'mariadbd.err')}`,
      ...MARIADB_SIZING,
    ]);
    await waitFor('mariadbd', () => canConnect(socket), {
      timeoutMs: 30000,
      alive: () => !mariadb.exited,
    });
    log(`MariaDB ready (${seconds(step)})`);

    const adminPassword = crypto.randomBytes(12).toString('base64url');
    const subscriberPassword = crypto.randomBytes(12).toString('base64url');
    let port = options.port || (await freePort());
    let url = `http://127.0.0.1:${port}`;
    fs.writeFileSync(path.join(wpDir, 'wp-config.php'), wpConfig({ socket, url, wpDir }));

    step = Date.now();
    const { stdout } = await run(
      bins.php,
      ['-d', 'display_errors=stderr', path.join(PHP_DIR, 'install.php'), wpDir, socket],
      {
        env: {
          ...process.env,
          INDISCRETS_ADMIN_PASSWORD: adminPassword,
          INDISCRETS_SUBSCRIBER_PASSWORD: subscriberPassword,
          INDISCRETS_SITE_URL: url,
        },
      },
    );
    const line = stdout.split('\n').find((l) => l.startsWith('INDISCRETS_JSON:'));
    if (!line) throw new Error(`install.php printed no result:\n${stdout}`);
    const site = JSON.parse(line.slice('INDISCRETS_JSON:'.length));
    log(`WordPress ${site.wpVersion} installed (${seconds(step)})`);

    step = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      const php = spawnServer('php', bins.php, phpServerArgs(port, wpDir, dir, 'router.php'), {
        PHP_CLI_SERVER_WORKERS: '4',
      });
      try {
        await waitFor('php -S', async () => (await httpGet(`${url}/wp-json/`))?.status === 200, {
          timeoutMs: 15000,
          alive: () => !php.exited,
        });
        break;
      } catch (error) {
        // Most likely the port was taken between freePort() and php binding it.
        if (options.port || attempt >= 3 || !php.exited) throw error;
        port = await freePort();
        url = `http://127.0.0.1:${port}`;
        fs.writeFileSync(path.join(wpDir, 'wp-config.php'), wpConfig({ socket, url, wpDir }));
      }
    }
    log(`php -S ready at ${url} (${seconds(step)}); total ${seconds(started)}`);

    let stopped = null;
    const handle = {
      url,
      restUrl: `${url}/wp-json/`,
      adminUser: site.adminUser,
      adminPassword,
      appPassword: site.appPassword,
      subscriberUser: site.subscriberUser,
      subscriberPassword,
      subscriberAppPassword: site.subscriberAppPassword,
      wpVersion: site.wpVersion,
      newsroom: site.newsroom,
      pids: { ...state.pids },
      dir,
      wpDir,
      socket,
      stop() {
        stopped ??= (async () => {
          process.off('exit', killNow);
          const ok = await stopFromState(state, { log });
          if (watchdog?.pid) signalGroup(watchdog.pid, 'SIGKILL');
          if (ok) log('stopped');
        })();
        return stopped;
      },
    };
    return handle;
  } catch (error) {
    process.off('exit', killNow);
    await stopFromState({ pids: state.pids }, { log: () => {} });
    if (watchdog?.pid) signalGroup(watchdog.pid, 'SIGKILL');
    for (const name of ['mariadbd.err', 'php.log', 'php-errors.log']) {
      try {
        const text = fs.readFileSync(path.join(dir, name), 'utf8').trim();
        if (text) log(`${name}:\n${text.split('\n').slice(-15).join('\n')}`);
      } catch {
        // no such log
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The arguments of PHP's built-in server for the WordPress in `wpDir` at `port`, through `router`
 * (scripts/wordpress/php/): errors logged in `dir`, never shown in a page.
 */
function phpServerArgs(port, wpDir, dir, router) {
  return [
    // -S first, so that `ps aux | grep 'php -S'` finds it.
    '-S',
    `127.0.0.1:${port}`,
    '-t',
    wpDir,
    '-d',
    'display_errors=0',
    '-d',
    'log_errors=1',
    '-d',
    `error_log=${path.join(dir, 'php-errors.log')}`,
    '-d',
    'memory_limit=256M',
    path.join(PHP_DIR, router),
  ];
}

function canConnectTcp(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts a subdirectory multisite network (a newsroom's: « La Une » at the root, « Sport » at
 * /sport/) on the MariaDB of a running site (`socket`: startWordPress()'s), in a database of its
 * own, served by its own `php -S` through php/router-network.php (the network's rewrite rules).
 * Installed without WP-CLI by php/install-network.php; the companion plugin network-activated.
 * Its php dies with the calling process as startWordPress()'s do; the database goes with the
 * site's MariaDB.
 *
 * @param {object} options
 * @param {string} options.socket the MariaDB socket of a running startWordPress()
 * @param {(message: string) => void} [options.log]
 * @param {string} [options.cacheDir] where the WordPress tree is cached
 */
export async function startNetwork(options) {
  const log = options.log || defaultLog;
  const { socket } = options;
  const started = Date.now();
  const bins = ensureSystemPackages({ log });
  const tree = ensureWordPressTree({ cacheDir: options.cacheDir || DEFAULT_CACHE_DIR, log });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), TEMP_PREFIX));
  const wpDir = path.join(dir, 'wordpress');
  const state = { dir, pids: {} };
  let watchdog = null;
  let php = null;
  const killNow = () => {
    if (php?.pid) signalGroup(php.pid, 'SIGKILL');
    if (watchdog?.pid) signalGroup(watchdog.pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', killNow);

  try {
    await run('cp', ['-a', tree, wpDir]);
    fs.rmSync(path.join(wpDir, '.complete'), { force: true });
    fs.mkdirSync(path.join(wpDir, 'wp-content', 'uploads'), { recursive: true });
    fs.mkdirSync(path.join(wpDir, 'wp-content', 'mu-plugins'), { recursive: true });
    fs.copyFileSync(
      path.join(PHP_DIR, 'mu-plugin.php'),
      path.join(wpDir, 'wp-content', 'mu-plugins', 'indiscrets-local.php'),
    );
    fs.cpSync(PLUGIN_DIR, path.join(wpDir, 'wp-content', 'plugins', 'indiscrets'), {
      recursive: true,
    });

    // The network's domain is in its rows (host and port): php -S holds its port before the
    // install, where startWordPress() may change port after it.
    let url = '';
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      const out = fs.openSync(path.join(dir, 'php.log'), 'a');
      php = spawn(bins.php, phpServerArgs(port, wpDir, dir, 'router-network.php'), {
        detached: true,
        stdio: ['ignore', out, out],
        env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      });
      fs.closeSync(out);
      const child = php;
      child.exited = false;
      child.on('exit', () => (child.exited = true));
      child.on('error', () => (child.exited = true));
      child.unref();
      state.pids.php = child.pid;
      fs.writeFileSync(path.join(dir, 'pids.json'), JSON.stringify(state.pids));
      if (!watchdog) {
        watchdog = spawn(
          process.execPath,
          [path.join(HERE, 'watchdog.mjs'), String(process.pid), dir],
          { detached: true, stdio: 'ignore' },
        );
        watchdog.unref();
      }
      try {
        await waitFor('php -S (network)', () => canConnectTcp(port), {
          timeoutMs: 10000,
          alive: () => !child.exited,
        });
        break;
      } catch (error) {
        if (attempt >= 3 || !child.exited) throw error;
      }
    }

    const network = {
      domain: new URL(url).host,
      db: `wordpress_network_${crypto.randomBytes(4).toString('hex')}`,
    };
    const adminPassword = crypto.randomBytes(12).toString('base64url');
    const env = {
      ...process.env,
      INDISCRETS_SITE_URL: url,
      INDISCRETS_ADMIN_PASSWORD: adminPassword,
      INDISCRETS_DB_NAME: network.db,
    };
    const installer = path.join(PHP_DIR, 'install-network.php');
    const configFile = path.join(wpDir, 'wp-config.php');
    fs.writeFileSync(configFile, wpConfig({ socket, url, wpDir, network, multisite: false }));
    await run(bins.php, ['-d', 'display_errors=stderr', installer, 'network', wpDir, socket], {
      env,
    });
    fs.writeFileSync(configFile, wpConfig({ socket, url, wpDir, network }));
    const { stdout } = await run(
      bins.php,
      ['-d', 'display_errors=stderr', installer, 'sites', wpDir],
      { env },
    );
    const line = stdout.split('\n').find((l) => l.startsWith('INDISCRETS_JSON:'));
    if (!line) throw new Error(`install-network.php printed no result:\n${stdout}`);
    const installed = JSON.parse(line.slice('INDISCRETS_JSON:'.length));
    const sportUrl = String(installed.sportUrl).replace(/\/$/, '');
    for (const root of [url, sportUrl]) {
      await waitFor(
        `network ${root}`,
        async () => (await httpGet(`${root}/wp-json/`))?.status === 200,
        { timeoutMs: 15000, alive: () => !php.exited },
      );
    }
    log(`multisite network ready at ${url} (sub-site ${sportUrl}) (${seconds(started)})`);

    let stopped = null;
    return {
      url,
      domain: installed.domain,
      adminPassword,
      sites: {
        main: { id: installed.mainId, url },
        sport: { id: installed.sportId, url: sportUrl },
      },
      users: installed.users,
      wpVersion: installed.wpVersion,
      wpDir,
      dir,
      pids: { ...state.pids },
      stop() {
        stopped ??= (async () => {
          process.off('exit', killNow);
          await stopFromState(state, { log });
          if (watchdog?.pid) signalGroup(watchdog.pid, 'SIGKILL');
        })();
        return stopped;
      },
    };
  } catch (error) {
    process.off('exit', killNow);
    await stopFromState({ pids: state.pids }, { log: () => {} });
    if (watchdog?.pid) signalGroup(watchdog.pid, 'SIGKILL');
    for (const name of ['php.log', 'php-errors.log']) {
      try {
        const text = fs.readFileSync(path.join(dir, name), 'utf8').trim();
        if (text) log(`${name}:\n${text.split('\n').slice(-15).join('\n')}`);
      } catch {
        // no such log
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The JSON written by start.mjs: what a test or a person needs, plus what stop.mjs kills. */
export function describe(handle) {
  const info = { ...handle };
  delete info.stop;
  return info;
}
