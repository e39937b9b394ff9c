import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { capturePage } from '../capture';
import { describeLink } from '../capture/links';

/**
 * Injected on demand with `scripting.executeScript({ files: ['/capture.js'] })`: reads the
 * page and returns a CaptureResult. It writes nothing; the background stores the draft.
 */
export default defineUnlistedScript(() => {
  // Left for a follow-up `executeScript({ func })` of the "Clip link" menu item.
  (globalThis as { __indiscretsDescribeLink?: unknown }).__indiscretsDescribeLink = (
    href: string,
  ) => describeLink(document, href);
  return capturePage(window);
});
