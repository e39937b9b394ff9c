import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { packPlugin } from './scripts/pack-plugin.mjs';
import { CLIP_KEYS, COMMAND_CLIP } from './lib/commands';
import { manifestLocales } from './locales/manifest';

/**
 * A test build (`npm run build:test`) may reach pages served on 127.0.0.1 without a user
 * gesture, because Playwright cannot press the toolbar button or a keyboard shortcut.
 * The shipped build never carries a host permission. For Firefox (MV2) WXT moves
 * `host_permissions` into `permissions`, where MV2 wants them: `.output/test/firefox-mv2`.
 */
const testBuild = process.env.INDISCRETS_TEST_BUILD === '1';

/** Where a WordPress site may be: https anywhere, plain http on this machine only. */
const WORDPRESS_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * The extension pages' content security policy: their own scripts and styles only (Vite emits
 * files, Preact sets styles through the CSSOM: no inline script or style is needed), images
 * from the pages clipped, connections to the WordPress site (any https origin, plain http on
 * this machine only, as `WORDPRESS_ORIGINS`), no plugin, no <base>, no form posted anywhere.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https: http://localhost:* http://127.0.0.1:*",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * How the pages' build splits its code into chunks (script builds — background, content scripts:
 * one IIFE file each — are left alone):
 * - The big libraries each in a chunk of its own: left to the automatic splitting, a library that
 *   the popup loads lazily can share a chunk with a small module it needs to paint (the entity
 *   decoder with the settings' template, say), and be loaded before the first paint with it. The
 *   popup's budget (tests/browser/budgets.test.ts) depends on it.
 * - Everything the popup imports statically (what it needs to paint) in one chunk. Left to the
 *   automatic splitting, that code is cut by which pages share each module (popup, desk,
 *   options…) into four files beside the popup's entry, and each file an extension page loads
 *   costs it a round trip through the browser's process before its scripts can run: measured in
 *   the same run, the popup drew its first draft about 10 ms sooner from two files than from
 *   five. The desk and the options page load that chunk too (the popup's code is mostly theirs:
 *   Preact, the words the popup paints with, the app's frame, the inbox); the popup's own entry
 *   module stays apart, so that loading the chunk starts no popup. Every other word (fr.ts, en.ts,
 *   through `locales/index`) is left to the automatic splitting: in a chunk the lazy code and the
 *   other pages load, never the popup before it paints. tests/browser/budgets.test.ts keeps it so.
 */
function chunksForFirstPaint(): Plugin {
  const libraries = ['dexie', 'dompurify', 'entities'].map((name) => ({
    name,
    test: new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`),
  }));
  const popupPage = /[\\/]entrypoints[\\/]popup[\\/]index\.html$/;
  /** The popup's own modules (`main.tsx`), which start it. */
  const popupEntry = /[\\/]entrypoints[\\/]popup[\\/]/;
  /** The modules the popup's page imports statically, its entry module excepted. */
  const popupFirstPaint = new Set<string>();
  return {
    name: 'indiscrets:chunks-for-first-paint',
    buildEnd() {
      popupFirstPaint.clear();
      const page = [...this.getModuleIds()].find((id) => popupPage.test(id));
      if (!page) return;
      const seen = new Set<string>();
      const queue = [...(this.getModuleInfo(page)?.importedIds ?? [])];
      while (queue.length > 0) {
        const id = queue.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        // Its entry module stays apart (in the chunk of its own that the page loads).
        if (!popupEntry.test(id)) popupFirstPaint.add(id);
        queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
    outputOptions(options) {
      if (options.format !== undefined && options.format !== 'es') return null;
      const firstPaint = {
        name: 'first-paint',
        test: (id: string) => popupFirstPaint.has(id),
      };
      return { ...options, codeSplitting: { groups: [...libraries, firstPaint] } };
    },
  };
}

/**
 * webextension-polyfill ships as a UMD file only, which the bundler wraps as CommonJS: importing
 * its default then copies every property of what it exports (where the browser has its own
 * `browser`, that object) into an interop namespace at each page's start. Reading each of those
 * properties instantiates every API's bindings (windows, action…) before the first paint: about
 * 2 ms in the popup. Seen as the ES module it is used as (its one default export), nothing is
 * copied; the polyfill's own code is unchanged.
 */
function polyfillAsModule(): Plugin {
  const file = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(?:\.min)?\.js$/;
  return {
    name: 'indiscrets:polyfill-as-module',
    enforce: 'pre',
    transform(code, id) {
      if (!file.test(id)) return null;
      // `exports` defined: the UMD header takes its CommonJS branch and fills `module`.
      return {
        code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`,
        map: null,
      };
    },
  };
}

/**
 * superlock (the lock of `@wxt-dev/storage`, which the popup's settings use) ships as two small
 * CommonJS files: wrapped as CommonJS, they need the bundler's interop helpers, which live in a
 * chunk of their own that every page would then load before it can paint (one more file, one
 * more round trip; see `chunksForFirstPaint`). Seen as the ES modules they are used as, they need
 * none. Their code is unchanged; a new version of another shape is left to the bundler as before.
 */
function superlockAsModule(): Plugin {
  const file = /[\\/]node_modules[\\/]superlock[\\/]src[\\/](index|create)\.js$/;
  // Each file's CommonJS line and its ES module counterpart.
  const edits: Record<'index' | 'create', [from: string, to: string][]> = {
    index: [
      ["const createLock = require('./create')", "import createLock from './create.js'"],
      ['module.exports = { withLock, createLock }', 'export { withLock, createLock }'],
    ],
    create: [['module.exports = (slots = 1) =>', 'export default (slots = 1) =>']],
  };
  const sources = (dir: string) => ({
    index: readFileSync(path.join(dir, 'index.js'), 'utf8'),
    create: readFileSync(path.join(dir, 'create.js'), 'utf8'),
  });
  return {
    name: 'indiscrets:superlock-as-module',
    enforce: 'pre',
    transform(code, id) {
      const kind = file.exec(id)?.[1] as keyof typeof edits | undefined;
      if (!kind) return null;
      // Both files or neither: one seen as a module by the other, still CommonJS, would break.
      const both = sources(path.dirname(id));
      const known = (Object.keys(edits) as (keyof typeof edits)[]).every((name) =>
        edits[name].every(([from]) => both[name].includes(from)),
      );
      if (!known) return null;
      return {
        code: edits[kind].reduce((text, [from, to]) => text.replace(from, to), code),
        map: null,
      };
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: auto-imports from components/ leak into tests and hide dependencies.
  imports: false,
  // The benchmark's data-seeding page exists in test builds only.
  ...(testBuild
    ? { outDir: '.output/test' }
    : {
        filterEntrypoints: ['background', 'capture', 'describe-link', 'popup', 'desk', 'options'],
      }),
  vite: () => ({
    plugins: [preact(), chunksForFirstPaint(), polyfillAsModule(), superlockAsModule()],
    // Chromium and Firefox (115+) preload modules themselves: Vite's polyfill for browsers that do
    // not would only run, for nothing, before each page's first paint.
    build: { modulePreload: { polyfill: false } },
    // Lets test-only code (the benchmark's floor, bench/floor.ts) be left out of shipped builds.
    define: { 'import.meta.env.INDISCRETS_TEST_BUILD': JSON.stringify(testBuild) },
  }),
  hooks: {
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('indiscrets-wordpress.zip');
    },
    // The companion WordPress plugin ships inside the extension, so that the options page can
    // offer it to a site that lacks it (Options › Rédaction partagée).
    // The manifest's words (name, description, command) come from locales/*.ts like all others:
    // `_locales` is written at build time, never kept by hand.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: packPlugin(), relativeDest: 'indiscrets-wordpress.zip' });
      for (const [language, contents] of Object.entries(manifestLocales())) {
        files.push({ contents, relativeDest: `_locales/${language}/messages.json` });
      }
      // The popup's floor in the benchmark (bench/chromium.mjs): a page that no build step
      // touches (one tiny module script, nothing else), in test builds only.
      if (testBuild) {
        for (const name of ['popup-floor.html', 'popup-floor.js']) {
          const absoluteSrc = path.join(wxt.config.root, 'bench/popup-floor', name);
          files.push({ absoluteSrc, relativeDest: name });
        }
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // MV3 wants it per kind of page; MV2 (Firefox) takes the string.
    content_security_policy:
      manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    permissions: [
      'activeTab',
      'scripting',
      'contextMenus',
      // Firefox: menus.getTargetElement, which tells « Couper ce lien » the link right-clicked
      // among the page's links to one address (no prompt; Chrome has no such permission).
      ...(browser === 'firefox' ? ['menus'] : []),
      'storage',
      'unlimitedStorage',
    ],
    ...(testBuild ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // The WordPress site's origin, asked for at run time (options page). MV2 (Firefox) has no
    // optional_host_permissions: origins go in optional_permissions there.
    ...(manifestVersion === 2
      ? { optional_permissions: WORDPRESS_ORIGINS }
      : { optional_host_permissions: WORDPRESS_ORIGINS }),
    commands: {
      [COMMAND_CLIP]: {
        suggested_key: { default: CLIP_KEYS },
        description: '__MSG_commandClip__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'indiscrets@petitweb.fr',
              // Nothing leaves the browser but what the editor publishes to their own site.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
