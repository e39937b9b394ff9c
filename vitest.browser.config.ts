import { defineConfig } from 'vitest/config';

/** Browser tests: the built extension in real headless Chromium, pages served on 127.0.0.1. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
