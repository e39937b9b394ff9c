import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

/**
 * Test builds only (see filterEntrypoints in wxt.config.ts): the least any capture reads of a
 * page, its address and title, answered as JSON as capture.js answers. The benchmark injects it
 * in place of the floor's empty script (bench/floor.ts), to tell what reading a page at all costs
 * beyond injecting a file: the part of the clip's budget no capture can avoid.
 */
export default defineUnlistedScript(() =>
  JSON.stringify({ url: location.href, title: document.title }),
);
