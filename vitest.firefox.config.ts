import { defineConfig } from 'vitest/config';

/**
 * Firefox tests: the Firefox test build (`.output/test/firefox-mv2`) in Debian's headless
 * Firefox ESR, driven by puppeteer-core over WebDriver BiDi; pages served on 127.0.0.1.
 * Publishing goes to a real WordPress, started for the run by the WordPress suite's global
 * setup (MariaDB, PHP, on a free port of 127.0.0.1), so that `npm test` needs nothing running.
 * Limits catch a hang, not slowness: Firefox starts slowly on a loaded 2-core machine.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.test.ts'],
    globalSetup: ['tests/wordpress/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // The first run may apt-get install PHP and MariaDB.
    teardownTimeout: 30_000,
  },
});
