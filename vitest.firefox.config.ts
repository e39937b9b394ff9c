import { defineConfig } from 'vitest/config';

/**
 * Firefox tests: the Firefox test build (`.output/test/firefox-mv2`) in Debian's headless
 * Firefox ESR, driven by puppeteer-core over WebDriver BiDi; pages served on 127.0.0.1.
 * Limits catch a hang, not slowness: Firefox starts slowly on a loaded 2-core machine.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
