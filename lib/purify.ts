import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';

/**
 * The project's one HTML cleaner: DOMPurify, with the house's rules for links. Used where HTML
 * from outside enters the drafts, in extension pages (they have a DOM; the background has
 * none): HTML typed or pasted into an item (`cleanItemHtml` in components/richtext.ts), and the
 * rich-text fields of a backup being restored ({@link cleanStoredHtml}). Neither parses a `style`
 * attribute (see {@link disarmStyles}).
 */

/** A purifier per window: DOMPurify sets one up for a window, which is worth doing once. */
const purifiers = new WeakMap<Window, Purifier>();

function purifierFor(doc: Document): Purifier {
  const view = (doc.defaultView ?? window) as Window & typeof globalThis;
  let purifier = purifiers.get(view);
  if (!purifier) {
    purifier = DOMPurify(view);
    purifiers.set(view, purifier);
  }
  return purifier;
}

/**
 * `root` cleaned to the elements `tags`: only `href` is kept, and only an http(s) or mailto one;
 * every other element is reduced to its content, except what a reader never sees (`script`,
 * `style`…), which goes with its content. A link that lost its href (a `javascript:` one) is
 * its text.
 */
export function purifyHtml(root: Node, tags: readonly string[], doc: Document): DocumentFragment {
  const clean = purifierFor(doc).sanitize(root, {
    ALLOWED_TAGS: [...tags],
    ALLOWED_ATTR: ['href'],
    // DOMPurify keeps data-* and aria-* attributes unless told not to: pasted from a web page
    // (`data-pm-slice`, `aria-hidden`…), they would be stored.
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  }) as DocumentFragment;
  clean.querySelectorAll('a:not([href])').forEach((a) => a.replaceWith(...a.childNodes));
  return clean;
}

/**
 * Rich text from outside the editor (a backup's item text, quote or issue intro) made safe to
 * store: scripts, event handlers, images, `javascript:` links and every element not in `tags`
 * are cleaned away by {@link purifyHtml}. When there is nothing to clean away, the text
 * comes back as it was, byte for byte: a restored backup gives back exactly what was saved, so
 * the cleaner's own way of writing HTML (`&nbsp;`, quotes of attributes) never shows as a change.
 */
export function cleanStoredHtml(
  html: string,
  tags: readonly string[],
  doc: Document = document,
): string {
  // Text without a tag cannot run anything: shown as HTML, it is text.
  if (!html.includes('<')) return html;
  // What the editor writes (its few elements, links to http(s) or mailto) has nothing to clean
  // away: read by a pattern, not by parsing it twice and DOMPurify, at a fraction of the cost
  // (a restore cleans every field of thousands of drafts).
  if (onlyAllowedMarkup(html, tags)) return html;
  const template = doc.createElement('template');
  // Parsing a style attribute, even in a template's inert document, has Chromium refuse it
  // under the page's security policy and log it: they are renamed first, and go as any
  // attribute but href does (a text that had one is cleaned, as before).
  template.innerHTML = disarmStyles(html);
  // What the browser would show, in its own writing: the yardstick for « nothing was removed ».
  const parsed = template.innerHTML;
  const out = doc.createElement('div');
  out.appendChild(purifyHtml(template.content, tags, doc));
  return out.innerHTML === parsed ? html : out.innerHTML;
}

/**
 * A tag of markup that needs no cleaning: opening or closing, with no attribute but an `href`
 * to an http(s) or mailto address, in quotes that nothing inside can close.
 */
const PLAIN_TAG =
  /<\/?([a-z][a-z0-9]*)(?:\s+href=(?:"(?:https?:|mailto:)[^"<>]*"|'(?:https?:|mailto:)[^'<>]*'))?\s*\/?>/gi;

/**
 * Whether every tag of `html` is a {@link PLAIN_TAG} of an element of `tags`, and nothing else
 * in it starts markup (a comment, a `<!`, a `<` left over): then DOMPurify would remove nothing
 * that could run or load, and the text is stored as it is.
 */
function onlyAllowedMarkup(html: string, tags: readonly string[]): boolean {
  let allowed = true;
  const rest = html.replace(PLAIN_TAG, (_tag, name: string) => {
    if (!tags.includes(name.toLowerCase())) allowed = false;
    return '';
  });
  return allowed && !rest.includes('<');
}

/** What {@link disarmStyles} renames `style` attributes to: a name that styles nothing. */
export const STYLE = 'indiscrets-style';

/**
 * A start tag: its name, then anything up to the `>` that ends it, quoted values read whole (a
 * `>` in a quoted value does not end the tag).
 */
const START_TAG = /<[a-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** An attribute named `style` in a start tag's attributes, or a quoted value, kept as it is. */
const STYLE_ATTRIBUTE = /"[^"]*"|'[^']*'|([\s/])style(?=[\s/=>])/gi;

/**
 * `html` with its `style` attributes renamed {@link STYLE}, so that parsing it applies no
 * style (and has the page's content security policy refuse none). Read as markup, not parsed:
 * in text, a `<` is written `&lt;`; a tag-like run inside a comment, a script or a style
 * sheet, renamed by mistake, goes with them in the purifier.
 */
export function disarmStyles(html: string): string {
  if (!/style/i.test(html)) return html;
  return html.replace(START_TAG, (tag) =>
    tag.replace(STYLE_ATTRIBUTE, (match, before?: string) =>
      before === undefined ? match : `${before}${STYLE}`,
    ),
  );
}
