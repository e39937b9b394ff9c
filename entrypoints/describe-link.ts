import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { describeLink } from '../capture/links';

/** What the background leaves for this script (services/clipper.ts, describeLinkInPage). */
interface LinkTarget {
  href?: unknown;
  /** Firefox's targetElementId of the menu's click, valid in this frame until the next menu. */
  elementId?: unknown;
}

/** Firefox's API for the element right-clicked (needs the `menus` permission); not in Chrome. */
interface Menus {
  getTargetElement?(targetElementId: number): Element | null;
}

/** The element Firefox says was right-clicked, or null (Chrome, or the element is gone). */
function rightClicked(elementId: unknown): Element | null {
  if (typeof elementId !== 'number') return null;
  try {
    const menus = (globalThis as { browser?: { menus?: Menus } }).browser?.menus;
    return menus?.getTargetElement?.(elementId) ?? null;
  } catch {
    // The link is then chosen among those to its address, as in Chrome.
    return null;
  }
}

/**
 * Injected for "Clip link" only, after the background has left the link's URL (and, from Firefox,
 * the right-clicked element's id) in `__indiscretsLinkTarget` (scripts injected from files take no
 * arguments): returns the link's LinkDescription, or undefined when the page has no such link.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as { __indiscretsLinkTarget?: LinkTarget };
  const target = scope.__indiscretsLinkTarget;
  delete scope.__indiscretsLinkTarget;
  if (typeof target?.href !== 'string') return undefined;
  return describeLink(document, target.href, {
    target: rightClicked(target.elementId),
    selection: document.getSelection(),
  });
});
