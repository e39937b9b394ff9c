import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

/**
 * Size budgets of the built test extension (`npm test` builds it before this suite). Sizes are
 * deterministic, so they are checked here rather than in the benchmark: gzip -9, as a browser
 * would receive them compressed.
 */

const gzipped = (file: string) =>
  gzipSync(readFileSync(path.join(EXTENSION_DIR, file)), { level: 9 }).length;

/** The chunk of one language's messages (wxt.config.ts leaves them named after their file). */
function messagesChunk(locale: 'fr' | 'en'): string {
  const files = readdirSync(path.join(EXTENSION_DIR, 'chunks')).filter((file) =>
    new RegExp(`^${locale}-[\\w-]+\\.js$`).test(file),
  );
  expect(files).toHaveLength(1);
  return `chunks/${files[0]}`;
}

/**
 * The JavaScript a page loads before it can paint in `locale`: its module scripts and their
 * static imports, and that language's messages, which it loads before it draws anything
 * (locales/index.ts, `loadMessages`).
 */
function scriptsBeforePaint(page: string, locale: 'fr' | 'en' = 'fr'): string[] {
  const html = readFileSync(path.join(EXTENSION_DIR, page), 'utf8');
  const found = new Set<string>();
  const queue = [
    ...[...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((match) =>
      match[1]!.replace(/^\.?\//, ''),
    ),
    messagesChunk(locale),
  ];
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

describe('size budgets of the built extension', () => {
  it('keeps the injected capture script within 8 KB gzipped', () => {
    const size = gzipped('capture.js');
    console.log(`capture.js: ${(size / 1024).toFixed(2)} KB gz (budget 8 KB)`);
    expect(size).toBeLessThanOrEqual(8 * 1024);
  });

  it.each(['fr', 'en'] as const)(
    'keeps the popup JavaScript loaded before its first paint within 45 KB gzipped (%s)',
    (locale) => {
      const files = scriptsBeforePaint('popup.html', locale);
      const total = files.reduce((sum, file) => sum + gzipped(file), 0);
      console.log(
        `popup before first paint, ${locale}: ${(total / 1024).toFixed(1)} KB gz (budget 45 KB; ${files.join(', ')})`,
      );
      // The popup's own entry, the chunks it imports statically and its messages are all found.
      expect(files.length).toBeGreaterThan(2);
      expect(total).toBeLessThanOrEqual(45 * 1024);
    },
  );

  it('loads the popup’s first paint from two scripts and its language’s messages, and only those', () => {
    // Each file costs an extension page a round trip through the browser before its scripts
    // run (wxt.config.ts, chunksForFirstPaint): the popup's code is not cut by who shares it.
    const files = scriptsBeforePaint('popup.html');
    expect(files).toHaveLength(3);
    expect(files[0]).toMatch(/^chunks\/popup-/);
    expect(files[1]).toMatch(/^chunks\/first-paint-/);
    expect(files[2]).toMatch(/^chunks\/fr-/);
    // One language's messages: neither catalogue is in the code every page loads.
    const code = files
      .slice(0, 2)
      .map((file) => readFileSync(path.join(EXTENSION_DIR, file), 'utf8'));
    for (const text of code) {
      expect(text).not.toContain('Couper cette page');
      expect(text).not.toContain('Clip this page');
    }
    // And the messages need nothing else loaded (no import of their own).
    expect(readFileSync(path.join(EXTENSION_DIR, files[2]!), 'utf8')).not.toMatch(/\bimport\b/);
    // The entry starts the popup, not the chunk: loading the chunk (as the desk does) starts none.
    const [entry, chunk] = files
      .slice(0, 2)
      .map((file) => readFileSync(path.join(EXTENSION_DIR, file), 'utf8'));
    expect(entry).toMatch(/getElementById\(.app.\)/);
    expect(chunk).not.toMatch(/getElementById\(.app.\)/);
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
