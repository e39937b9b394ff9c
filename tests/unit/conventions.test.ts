import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The project guide's data flow, page → capture → messaging → services → storage → components
 * → export → CMS (wordpress/), read from the import graph of the tree. Each folder lists the
 * folders it may import from; `lib/` and `locales/` are for everyone (and import no layer);
 * `entrypoints/` wires anything and is not checked.
 */
const ALLOWED: Record<string, readonly string[]> = {
  // Runs in the page, alone: nothing but itself.
  capture: [],
  // The protocol carries what capture read, stored records, and WordPress's answers.
  messaging: ['capture', 'storage', 'wordpress'],
  // The background: answers messages, reads pages, writes storage, renders and publishes.
  services: ['capture', 'messaging', 'storage', 'export', 'wordpress'],
  // Records are made of what capture read; nothing downstream decides their shape.
  storage: ['capture'],
  // The UI talks to the background through messages only, reads storage, exports, and tests
  // the WordPress connection of the settings.
  components: ['capture', 'messaging', 'storage', 'export', 'wordpress'],
  // Pure functions over stored records.
  export: ['storage'],
  // The CMS end: renders exports, maps records, and knows what capture limits mean.
  wordpress: ['capture', 'storage', 'export'],
  lib: [],
  locales: [],
};
const SHARED = new Set(['lib', 'locales']);

/** The folders a module of `from` may import from, itself and shared helpers included. */
export function mayImport(from: string, to: string): boolean {
  if (from === to || SHARED.has(to)) return true;
  const allowed = ALLOWED[from];
  return allowed === undefined || allowed.includes(to);
}

/** The top folder of a repository-relative path (`storage/db.ts` → `storage`). */
const folderOf = (file: string): string => file.split('/')[0] ?? '';

/**
 * Every relative module a source imports: static, type-only, re-exports and dynamic imports
 * (TypeScript's own pre-parser, so strings and comments that look like imports do not count).
 */
export function importedSpecifiers(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((specifier) => specifier.startsWith('.'));
}

/** One import against the flow. */
export interface Violation {
  file: string;
  imports: string;
}

/**
 * The imports of a graph (repository-relative file → repository-relative imported files) that
 * go against the flow.
 */
export function flowViolations(graph: ReadonlyMap<string, readonly string[]>): Violation[] {
  const out: Violation[] = [];
  for (const [file, imports] of graph) {
    for (const target of imports) {
      if (!mayImport(folderOf(file), folderOf(target))) out.push({ file, imports: target });
    }
  }
  return out;
}

/** Vitest runs from the repository root (the test below checks that files were found). */
const ROOT = process.cwd();

function sourcesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')));
}

/** The import graph of the checked folders, read from the files on disk. */
function repositoryGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of Object.keys(ALLOWED)) {
    for (const file of sourcesUnder(folder)) {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      graph.set(
        file,
        importedSpecifiers(source).map((specifier) =>
          path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)),
        ),
      );
    }
  }
  return graph;
}

describe('flowViolations', () => {
  it('reports an import against the flow and accepts one along it', () => {
    const graph = new Map([
      ['storage/db.ts', ['capture/types', 'lib/html', 'storage/derive']],
      ['storage/clips.ts', ['services/limits']],
      ['components/ClipPanel.tsx', ['services/notify', 'messaging/protocol', 'locales']],
      ['capture/index.ts', ['capture/text', 'storage/db']],
      ['export/html.ts', ['wordpress/client']],
      ['entrypoints/background.ts', ['services/handlers', 'components/App']],
    ]);
    expect(flowViolations(graph)).toEqual([
      { file: 'storage/clips.ts', imports: 'services/limits' },
      { file: 'components/ClipPanel.tsx', imports: 'services/notify' },
      { file: 'capture/index.ts', imports: 'storage/db' },
      { file: 'export/html.ts', imports: 'wordpress/client' },
    ]);
  });

  it('keeps lib/ and locales/ free of any layer', () => {
    expect(flowViolations(new Map([['lib/merge.ts', ['storage/db']]]))).toHaveLength(1);
    expect(flowViolations(new Map([['locales/index.ts', ['components/App']]]))).toHaveLength(1);
  });
});

describe('importedSpecifiers', () => {
  it('finds static, type-only, side-effect, re-exported and dynamic imports', () => {
    const source = [
      "import { a } from '../storage/a';",
      "import type {\n  B,\n  C,\n} from '../services/b';",
      "import './c.css';",
      "export { d } from '../export/d';",
      "export * from './e';",
      "const f = await import('../wordpress/f');",
      "import { browser } from 'wxt/browser';",
      "const text = 'not an import from \"../x\"'; // import { y } from '../z';",
    ].join('\n');
    expect(importedSpecifiers(source).sort()).toEqual(
      ['../export/d', '../services/b', '../storage/a', '../wordpress/f', './c.css', './e'].sort(),
    );
  });
});

describe('the source tree', () => {
  it('imports only along the data flow', () => {
    const graph = repositoryGraph();
    // The graph really was read: a layer's files and their imports are in it.
    expect(graph.get('storage/db.ts')?.length).toBeGreaterThan(0);
    expect(flowViolations(graph)).toEqual([]);
  });
});
