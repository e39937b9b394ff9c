import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Time limits catch a hang, not slowness (speed goals are in `npm run bench`): CI runs the
    // suites on loaded 2-core machines, where a test can take many times what it takes on an
    // idle one. Vitest's defaults (5 s per test, 10 s per hook) are too tight there.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    benchmark: { include: ['bench/**/*.bench.{ts,tsx}'] },
  },
});
