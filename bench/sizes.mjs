// Size figures, read from the built extension: what a page loads before it can paint, and the
// script injected at every clip. gzip -9, as a browser would receive them compressed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The JavaScript `page` loads before it can paint: its module scripts and their static imports. */
export function scriptsBeforePaint(extensionDir, page) {
  const html = readFileSync(path.join(extensionDir, page), 'utf8');
  const found = new Set();
  const queue = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map(
    (match) => match[1].replace(/^\.?\//, ''),
  );
  while (queue.length > 0) {
    const file = queue.shift();
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(path.join(extensionDir, file), 'utf8');
    // Static imports only: `import(...)` is loaded when first used, after the first paint.
    for (const match of code.matchAll(
      /(?:^|[;}\n])\s*import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g,
    )) {
      queue.push(path.posix.join(path.posix.dirname(file), match[1]).replace(/^\.\//, ''));
    }
  }
  return [...found];
}

/** Gzipped size of a built file, in bytes. */
export const gzipped = (extensionDir, file) =>
  gzipSync(readFileSync(path.join(extensionDir, file)), { level: 9 }).length;

/** Every size figure, in bytes (gzip -9). */
export async function sizes(extensionDir) {
  const beforePaint = (page) =>
    scriptsBeforePaint(extensionDir, page).reduce(
      (sum, file) => sum + gzipped(extensionDir, file),
      0,
    );
  return {
    popup: beforePaint('popup.html'),
    desk: beforePaint('desk.html'),
    options: beforePaint('options.html'),
    capture: gzipped(extensionDir, 'capture.js'),
    background: gzipped(extensionDir, 'background.js'),
  };
}
