import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { describeLink } from '../capture/links';

/**
 * Injected for "Clip link" only, after the background has left the link's URL in
 * `__indiscretsLinkTarget` (scripts injected from files take no arguments): returns the link's
 * LinkDescription, or undefined when the page has no such link.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as { __indiscretsLinkTarget?: unknown };
  const href = scope.__indiscretsLinkTarget;
  delete scope.__indiscretsLinkTarget;
  return typeof href === 'string' ? describeLink(document, href) : undefined;
});
