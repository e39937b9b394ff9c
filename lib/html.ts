/**
 * HTML helpers shared by every layer (capture runs them in the page, so they stay tiny):
 * the one escaper, the one list of block elements, the one way to show a host name.
 */

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Made once: a literal inside the function would be a new object at every call, and exports
// escape every text of every item.
const TEXT_SPECIALS = /[&<>]/g;
const ATTRIBUTE_SPECIALS = /[&<>"']/g;

/**
 * The project's HTML escaper: everything the extension writes as HTML from text goes through it.
 * By default it escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both as element content
 * and inside a quoted attribute value. `'text'` is for element content only (exported HTML that
 * editors read): there quotes cannot close anything, so they stay as typed.
 */
export function escapeHtml(text: string, context: 'attribute' | 'text' = 'attribute'): string {
  return text.replace(
    context === 'text' ? TEXT_SPECIALS : ATTRIBUTE_SPECIALS,
    (char) => REFERENCES[char] ?? char,
  );
}

/**
 * Elements that stand on their own lines for a reader (HTML's block-level elements): opening or
 * closing one starts a new paragraph wherever the extension reads markup (page selections,
 * pasted or imported HTML, typography's quote pairing).
 */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'address article aside blockquote caption dd details dialog div dl dt figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main math nav ol p pre section summary ' +
    'table td th tr ul'
  ).split(' '),
);

/**
 * A host name as an editor names a site: without its `www.` (`www.lemonde.fr` → `lemonde.fr`),
 * numbered mirrors included (`www2.lefigaro.fr` → `lefigaro.fr`).
 */
export function stripWww(hostname: string): string {
  return hostname.replace(/^www\d*\./i, '');
}
