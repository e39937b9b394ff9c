import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, packPlugin, PLUGIN_DIR, pluginVersion } from '../../scripts/pack-plugin.mjs';
import { php } from './helpers';

/**
 * The companion plugin's own PHP tests (wordpress/plugin/tests/test-plugin.php), run inside the
 * real test WordPress with the plugin active. A tiny harness (harness.php) runs each PHP test in
 * a database transaction rolled back afterwards and prints JSON: each PHP test becomes one test
 * here, so `npm test` names the PHP test that fails and why.
 */
const file = path.resolve('wordpress/plugin/tests/test-plugin.php');
const output = await php(`require ${JSON.stringify(file)};`);
const line = output.split('\n').find((l) => l.startsWith('INDISCRETS_PHP_TESTS:'));
type PhpResult = { name: string; error: string | null; ms: number };
const results: PhpResult[] = line ? JSON.parse(line.slice('INDISCRETS_PHP_TESTS:'.length)) : [];

describe('companion plugin (PHP, inside WordPress)', () => {
  it('runs its PHP tests to the end', () => {
    // A fatal error stops the harness before it prints its results: show what PHP printed.
    expect(line, output.slice(-2000)).toBeDefined();
    expect(results.length).toBeGreaterThan(10);
  });

  for (const result of results) {
    it(result.name, () => {
      expect(result.error).toBeNull();
    });
  }
});

describe('the plugin zip', () => {
  it('unpacks with WordPress’s own unzip_file into a plugin WordPress recognises', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indiscrets-zip-'));
    const zip = packPlugin({ out: path.join(dir, 'indiscrets-wordpress.zip') });
    const target = path.join(dir, 'plugins');
    const out = await php(`
      require_once ABSPATH . 'wp-admin/includes/file.php';
      require_once ABSPATH . 'wp-admin/includes/plugin.php';
      WP_Filesystem();
      $result = unzip_file(${JSON.stringify(zip)}, ${JSON.stringify(target)});
      if (is_wp_error($result)) { echo 'ERROR ' . $result->get_error_message(); return; }
      $data = get_plugin_data(${JSON.stringify(`${target}/indiscrets/indiscrets.php`)}, false, false);
      echo json_encode(array('name' => $data['Name'], 'version' => $data['Version'], 'requiresWP' => $data['RequiresWP'], 'requiresPHP' => $data['RequiresPHP']));
    `);
    expect(out).not.toMatch(/^ERROR/);
    expect(JSON.parse(out)).toEqual({
      name: 'Indiscrets – rédaction partagée',
      version: pluginVersion(),
      requiresWP: '6.1',
      requiresPHP: '7.4',
    });
    for (const rel of listFiles(PLUGIN_DIR)) {
      const unpacked = fs.readFileSync(path.join(target, 'indiscrets', rel));
      expect(unpacked.equals(fs.readFileSync(path.join(PLUGIN_DIR, rel))), rel).toBe(true);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
