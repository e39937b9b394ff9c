import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { describeLink, type ShadowRootOf } from '../capture/links';

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

/** Chrome's reader of an element's shadow root, closed ones too (content scripts, no permission). */
interface Dom {
  openOrClosedShadowRoot?(element: HTMLElement): ShadowRoot | null;
}

/**
 * How this extension's world reads an element's shadow root, closed ones too (which the page's
 * own `element.shadowRoot` hides): a custom element drawing its link in a closed tree leaves
 * the draft the bare address otherwise. Firefox gives content scripts the element's
 * `openOrClosedShadowRoot` property, Chrome `chrome.dom.openOrClosedShadowRoot`; undefined
 * elsewhere, open trees only then (describeLink's default).
 */
function shadowRootOf(): ShadowRootOf | undefined {
  if ('openOrClosedShadowRoot' in document.documentElement)
    return (element) =>
      (element as Element & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
  const dom = (globalThis as { chrome?: { dom?: Dom } }).chrome?.dom;
  // Only HTML elements host shadow trees, and Chrome's argument check throws for others (SVG).
  if (dom?.openOrClosedShadowRoot)
    return (element) =>
      element instanceof HTMLElement ? dom.openOrClosedShadowRoot!(element) : null;
  return undefined;
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
  return describeLink(
    document,
    target.href,
    {
      target: rightClicked(target.elementId),
      selection: document.getSelection(),
    },
    shadowRootOf(),
  );
});
