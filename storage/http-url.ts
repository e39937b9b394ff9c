// Apart from derive.ts, whose entity decoder the settings (through the draft template) and so the
// popup's first paint would otherwise load.

/** True for an absolute http: or https: URL, the only ones an item may link to. */
export function isHttpUrl(raw: string | undefined): raw is string {
  if (!raw) return false;
  try {
    const { protocol } = new URL(raw.trim());
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `href` without the user name and password typed in it (`https://redac:secret@…`, a page behind
 * a password): never kept in a link published or shared with the desk. As given when it holds
 * none, or is no URL.
 */
export function withoutCredentials(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  if (!url.username && !url.password) return href;
  url.username = '';
  url.password = '';
  return url.href;
}
