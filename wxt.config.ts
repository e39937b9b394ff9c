import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { packPlugin } from './scripts/pack-plugin.mjs';
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
 * The big libraries each in a chunk of its own in the pages' build: left to the automatic
 * splitting, a library that the popup loads lazily can share a chunk with a small module it
 * needs to paint (the entity decoder with the settings' template, say), and be loaded before
 * the first paint with it. The popup's budget (tests/browser/budgets.test.ts) depends on it.
 * Script builds (background, content scripts: one IIFE file each) are left alone.
 */
function librariesApart(): Plugin {
  const groups = ['dexie', 'dompurify', 'entities'].map((name) => ({
    name,
    test: new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`),
  }));
  return {
    name: 'indiscrets:libraries-apart',
    outputOptions(options) {
      if (options.format !== undefined && options.format !== 'es') return null;
      return { ...options, codeSplitting: { groups } };
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
    plugins: [preact(), librariesApart(), polyfillAsModule()],
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
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: packPlugin(), relativeDest: 'indiscrets-wordpress.zip' });
      for (const [language, contents] of Object.entries(manifestLocales())) {
        files.push({ contents, relativeDest: `_locales/${language}/messages.json` });
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
    permissions: ['activeTab', 'scripting', 'contextMenus', 'storage', 'unlimitedStorage'],
    ...(testBuild ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // The WordPress site's origin, asked for at run time (options page). MV2 (Firefox) has no
    // optional_host_permissions: origins go in optional_permissions there.
    ...(manifestVersion === 2
      ? { optional_permissions: WORDPRESS_ORIGINS }
      : { optional_host_permissions: WORDPRESS_ORIGINS }),
    commands: {
      'clip-page': {
        suggested_key: { default: 'Alt+Shift+K' },
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
