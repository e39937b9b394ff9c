import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  crc32,
  listFiles,
  packPlugin,
  PLUGIN_DIR,
  pluginVersion,
} from '../../../scripts/pack-plugin.mjs';

/** Reads a zip's central directory back (enough for the archives pack-plugin writes). */
function readZip(buffer: Buffer): Map<string, Buffer> {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    expect(buffer.readUInt32LE(at)).toBe(0x02014b50);
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(dataAt, dataAt + size);
    const data = method === 8 ? zlib.inflateRawSync(raw) : raw;
    // zlib's own CRC-32 checks ours.
    expect(zlib.crc32(data), name).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

describe('the WordPress plugin zip (scripts/pack-plugin.mjs)', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('holds every file of the plugin under indiscrets/, byte for byte', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'indiscrets-zip-')), 'p.zip');
    packPlugin({ out });
    const files = readZip(fs.readFileSync(out));
    const expected = listFiles(PLUGIN_DIR);
    expect([...files.keys()]).toEqual(expected.map((f) => `indiscrets/${f}`));
    expect(expected).toContain('indiscrets.php');
    expect(expected).toContain('readme.txt');
    expect(expected).toContain('uninstall.php');
    for (const rel of expected) {
      expect(
        files.get(`indiscrets/${rel}`)?.equals(fs.readFileSync(path.join(PLUGIN_DIR, rel))),
        rel,
      ).toBe(true);
    }
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('gives the same bytes for the same sources', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indiscrets-zip-'));
    const a = fs.readFileSync(packPlugin({ out: path.join(dir, 'a.zip') }));
    const b = fs.readFileSync(packPlugin({ out: path.join(dir, 'b.zip') }));
    expect(a.equals(b)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a plugin whose header, constant and readme disagree on the version', () => {
    expect(pluginVersion()).toMatch(/^\d+\.\d+\.\d+$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indiscrets-plugin-'));
    fs.cpSync(PLUGIN_DIR, dir, { recursive: true });
    const readme = path.join(dir, 'readme.txt');
    fs.writeFileSync(
      readme,
      fs.readFileSync(readme, 'utf8').replace(/Stable tag: .*/, 'Stable tag: 9.9.9'),
    );
    expect(() => pluginVersion(dir)).toThrow(/disagree/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
