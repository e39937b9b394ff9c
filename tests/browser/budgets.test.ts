import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { coreEn } from '../../locales/core.en';
import { coreFr } from '../../locales/core.fr';
import { en } from '../../locales/en';
import { fr } from '../../locales/fr';
import type { PluralMessage } from '../../locales';
import { EXTENSION_DIR } from './harness';

/**
 * Size budgets of the built test extension (`npm test` builds it before this suite). Sizes are
 * deterministic, so they are checked here rather than in the benchmark: gzip -9, as a browser
 * would receive them compressed.
 */

const gzipped = (file: string) =>
  gzipSync(readFileSync(path.join(EXTENSION_DIR, file)), { level: 9 }).length;

/** The JavaScript a page loads before it can paint: its module scripts and their static imports. */
function scriptsBeforePaint(page: string): string[] {
  const html = readFileSync(path.join(EXTENSION_DIR, page), 'utf8');
  const found = new Set<string>();
  const queue = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map(
    (match) => match[1]!.replace(/^\.?\//, ''),
  );
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
    // Static imports only: `import(...)` is loaded when first used, after the first paint.
    for (const match of code.matchAll(
      /(?:^|[;}\n])\s*import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g,
    )) {
      queue.push(path.posix.join(path.posix.dirname(file), match[1]!).replace(/^\.\//, ''));
    }
  }
  return [...found];
}

/** Every text of a catalogue: its sentences and plural forms. */
const texts = (catalogue: Record<string, string | PluralMessage>): string[] =>
  Object.values(catalogue).flatMap((message) =>
    typeof message === 'string' ? [message] : [message.one, message.other],
  );

/** Built code with its escaped characters (`\xA0`, `\u202F` in strings) written as themselves. */
const unescaped = (code: string) =>
  code.replace(/\\x([0-9a-f]{2})|\\u([0-9a-f]{4})/gi, (_, byte?: string, unit?: string) =>
    String.fromCharCode(parseInt(byte ?? unit!, 16)),
  );

describe('size budgets of the built extension', () => {
  it('keeps the injected capture script within 8 KB gzipped', () => {
    const size = gzipped('capture.js');
    console.log(`capture.js: ${(size / 1024).toFixed(2)} KB gz (budget 8 KB)`);
    expect(size).toBeLessThanOrEqual(8 * 1024);
  });

  it('keeps the script injected for « Couper ce lien » within 5 KB gzipped', () => {
    // Injected into the page as the capture script is, once per link clipped.
    const size = gzipped('describe-link.js');
    console.log(`describe-link.js: ${(size / 1024).toFixed(2)} KB gz (budget 5 KB)`);
    expect(size).toBeLessThanOrEqual(5 * 1024);
  });

  it('leaves the naming of sites by their domain (lib/punycode.ts) out of the injected scripts', () => {
    // The background names a site (capture/metadata.ts); the page's script only reads the page.
    // The module's tables, built at load, were bundled into capture.js though nothing used them.
    for (const file of ['capture.js', 'describe-link.js']) {
      const code = readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
      expect(code, file).not.toMatch(/Cyrillic|Script=/);
    }
  });

  it('keeps the popup JavaScript loaded before its first paint within 45 KB gzipped', () => {
    const files = scriptsBeforePaint('popup.html');
    const total = files.reduce((sum, file) => sum + gzipped(file), 0);
    console.log(
      `popup before first paint: ${(total / 1024).toFixed(1)} KB gz (budget 45 KB; ${files.join(', ')})`,
    );
    // The popup's own entry and the chunks it imports statically are all found.
    expect(files.length).toBeGreaterThan(1);
    expect(total).toBeLessThanOrEqual(45 * 1024);
  });

  it('loads the popup’s first paint from two scripts: its entry and one chunk', () => {
    // Each file costs an extension page a round trip through the browser before its scripts
    // run (wxt.config.ts, chunksForFirstPaint): the popup's code is not cut by who shares it.
    const files = scriptsBeforePaint('popup.html');
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^chunks\/popup-/);
    expect(files[1]).toMatch(/^chunks\/first-paint-/);
    // The entry starts the popup, not the chunk: loading the chunk (as the desk does) starts none.
    const [entry, chunk] = files.map((file) =>
      readFileSync(path.join(EXTENSION_DIR, file), 'utf8'),
    );
    expect(entry).toMatch(/getElementById\(.app.\)/);
    expect(chunk).not.toMatch(/getElementById\(.app.\)/);
  });

  it('keeps the benchmark’s popup floor trivial: one tiny module script, nothing else', () => {
    // `npm run bench` divides the popup's first render by this page's (bench/chromium.mjs): it
    // must stay what any extension page costs, not load the popup's chunk or style sheet.
    const html = readFileSync(path.join(EXTENSION_DIR, 'popup-floor.html'), 'utf8');
    expect(html).not.toMatch(/<link|<style/);
    expect(scriptsBeforePaint('popup-floor.html')).toEqual(['popup-floor.js']);
    expect(readFileSync(path.join(EXTENSION_DIR, 'popup-floor.js')).length).toBeLessThan(1024);
  });

  it('paints the popup with the core catalogue’s words only, none of the others’', () => {
    // The popup's first-paint modules import `locales/core`; one importing `locales/index` would
    // bring every other message (fr.ts, en.ts) into the chunk, both languages, before the paint.
    const code = unescaped(
      scriptsBeforePaint('popup.html')
        .map((file) => readFileSync(path.join(EXTENSION_DIR, file), 'utf8'))
        .join('\n'),
    );
    /** Whether the code holds `text` as a whole string (a key, a message). */
    const holds = (text: string) =>
      ['"', "'", '`'].some((quote) => code.includes(`${quote}${text}${quote}`));
    // The check reads the built code as it is: the core's keys and texts are found in it.
    for (const key of Object.keys(coreFr)) expect(holds(key), key).toBe(true);
    const coreTexts = new Set([...texts(coreFr), ...texts(coreEn)]);
    expect([...coreTexts].filter(holds).length).toBeGreaterThan(coreTexts.size * 0.9);
    // None of the others' keys, nor of their texts (but short words any code may hold).
    expect(Object.keys(fr).filter(holds)).toEqual([]);
    const others = [...texts(fr), ...texts(en)].filter(
      (text) => text.length >= 12 && !coreTexts.has(text),
    );
    expect(others.length).toBeGreaterThan(500);
    expect(others.filter(holds)).toEqual([]);
  });

  it('loads the database, the editor and the issue after the first paint, each in its own chunk', () => {
    const before = scriptsBeforePaint('popup.html');
    const code = before.map((file) => readFileSync(path.join(EXTENSION_DIR, file), 'utf8'));
    // The inbox paints from its snapshot; Dexie (a third of the code) comes with the data layer.
    expect(before.some((file) => /\/(dexie|dompurify|entities)-/.test(file))).toBe(false);
    // The lazy chunks are named by the code before paint (its dynamic imports), not loaded by it.
    for (const chunk of ['inboxData', 'DraftEditor', 'IssueView']) {
      expect(code.some((text) => text.includes(`/${chunk}-`))).toBe(true);
      expect(before.some((file) => file.includes(`/${chunk}-`))).toBe(false);
    }
  });
});
