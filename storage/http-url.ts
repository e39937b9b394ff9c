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
