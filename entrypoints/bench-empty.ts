import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

/**
 * Test builds only (see filterEntrypoints in wxt.config.ts): the benchmark's floor injects this
 * empty script where a clip injects capture.js, so that `npm run bench` can tell what a clip
 * costs beyond injecting a file and writing a record (bench/floor.ts).
 */
export default defineUnlistedScript(() => undefined);
