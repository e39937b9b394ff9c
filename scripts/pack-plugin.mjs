// Packs the companion WordPress plugin (wordpress/plugin/indiscrets) into
// .output/indiscrets-wordpress.zip, installable with Plugins › Add New › Upload Plugin.
//
//   node scripts/pack-plugin.mjs [OUT_FILE]        (run by `npm run build`)
//
// Writes the zip itself with Node's zlib (deflate) and a CRC-32 table: no zip binary, no
// dependency. Entries are sorted and dated 2026-01-01, so the same sources give the same bytes.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
export const PLUGIN_DIR = path.join(REPO, 'wordpress', 'plugin', 'indiscrets');
export const DEFAULT_OUT = path.join(REPO, '.output', 'indiscrets-wordpress.zip');

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as zip wants it. */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Files under `dir`, relative, with `/`, sorted; dot files left out. */
export function listFiles(dir) {
  const out = [];
  const walk = (d, prefix) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(d, entry.name), rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk(dir, '');
  return out.sort();
}

// 2026-01-01 00:00:00 in MS-DOS format.
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/**
 * Builds a zip archive of `entries` ([name, bytes]) in memory: deflated when that is smaller,
 * stored otherwise; UTF-8 names (flag bit 11).
 */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** The plugin's version, from its header; the readme's stable tag must say the same. */
export function pluginVersion(dir = PLUGIN_DIR) {
  const header = fs.readFileSync(path.join(dir, 'indiscrets.php'), 'utf8');
  const version = /^\s*\*\s*Version:\s*(\S+)/m.exec(header)?.[1];
  const constant = /define\(\s*'INDISCRETS_VERSION',\s*'([^']+)'/.exec(header)?.[1];
  const readme = fs.readFileSync(path.join(dir, 'readme.txt'), 'utf8');
  const stable = /^Stable tag:\s*(\S+)/m.exec(readme)?.[1];
  if (!version || version !== constant || version !== stable) {
    throw new Error(
      `Plugin versions disagree: header ${version}, INDISCRETS_VERSION ${constant}, readme ${stable}`,
    );
  }
  return version;
}

/** Writes the plugin zip (entries under `indiscrets/`, as WordPress expects) and returns its path. */
export function packPlugin({ dir = PLUGIN_DIR, out = DEFAULT_OUT } = {}) {
  pluginVersion(dir);
  const entries = listFiles(dir).map((rel) => [
    `indiscrets/${rel}`,
    fs.readFileSync(path.join(dir, rel)),
  ]);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, zip(entries));
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = packPlugin({ out: process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_OUT });
  const size = fs.statSync(out).size;
  console.log(
    `WordPress plugin ${pluginVersion()} → ${path.relative(process.cwd(), out)} (${(size / 1024).toFixed(1)} KB)`,
  );
}
