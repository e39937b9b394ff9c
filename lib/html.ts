/**
 * The project's HTML escaper: everything the extension writes as HTML from text goes through it.
 * Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both as element content and inside a
 * quoted attribute value.
 */

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => REFERENCES[char] ?? char);
}
