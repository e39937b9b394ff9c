import { defineConfig } from 'vitest/config';

/**
 * Tests of the WordPress client against a real WordPress (Debian's package, MariaDB and
 * `php -S` on 127.0.0.1, started by tests/wordpress/global-setup.ts). No mocks.
 *   npx vitest run -c vitest.wordpress.config.ts
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/wordpress/**/*.test.ts'],
    globalSetup: ['tests/wordpress/global-setup.ts'],
    fileParallelism: false,
    // Limits for a hang, not for speed: PHP on a loaded 2-core CI machine is slow.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The first run may apt-get install php/MariaDB and download WordPress.
    teardownTimeout: 30_000,
  },
});
