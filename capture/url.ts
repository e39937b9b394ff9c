/**
 * URL clean-up: tracking parameters are noise in a clip and leak where the reader came from.
 */

/** Exact parameter names (lower-case) that only ever carry tracking data. */
const TRACKING_PARAMS = new Set([
  // Ad click identifiers.
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'ysclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'epik',
  'srsltid',
  'rb_clickid',
  'wickedid',
  'irclickid',
  'gad_source',
  'gad_campaignid',
  'mibextid',
  // Analytics and cross-domain linkers.
  '_ga',
  '_gl',
  '_ke',
  '_kx',
  '_openstat',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
  'ocid',
  'ncid',
  'soc_src',
  'soc_trk',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'spm',
  'scm',
  'vero_id',
  'vero_conv',
  'oly_anon_id',
  'oly_enc_id',
  'ml_subscriber',
  'ml_subscriber_hash',
  '_branch_match_id',
  '_branch_referrer',
  '__twitter_impression',
  'wt_mc',
  'wt.mc_id',
  'wt_zmc',
  // E-mail campaigns.
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'sc_cid',
  // Share buttons and newsroom campaign codes (Le Monde, the Guardian, the NYT, the BBC...).
  'xtor',
  'xtref',
  'cmp',
  'smid',
  'smtyp',
  'emc',
  'ito',
  'sr_share',
  // Echobox, which posts many newsrooms' articles to social networks (#Echobox=1710237600).
  'echobox',
  'fb_action_ids',
  'fb_action_types',
  'fb_ref',
  'fb_source',
  'action_object_map',
  'action_type_map',
  'action_ref_map',
]);

/** Parameter-name prefixes (lower-case) used by analytics suites for whole families of fields. */
const TRACKING_PREFIXES = [
  'utm_',
  'pk_',
  'mtm_',
  'piwik_',
  'matomo_',
  'hsa_',
  'ns_',
  'at_',
  'itm_',
  'stm_',
  'oly_',
  // Le Monde's app share links (lmd_medium, lmd_campaign, lmd_creation, lmd_source).
  'lmd_',
];

/** Whether a query (or hash) parameter name is a tracking parameter. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Decodes a `key=value` pair's key leniently: a malformed escape must not make us keep it. */
function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Removes tracking pairs from a raw `a=1&b=2` string, keeping the others byte for byte (going
 * through URLSearchParams would re-encode them, e.g. `%20` into `+`).
 */
function stripTrackingPairs(query: string): string {
  return query
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)))
    .join('&');
}

/**
 * The hash to keep, without its `#`: text fragments (`#:~:text=`) are a browser feature pointing at
 * what someone else highlighted, and `#xtor=RSS-1`-style hashes are tracking, so both go.
 */
function cleanHash(hash: string): string {
  let fragment = hash.replace(/^#/, '');
  const directive = fragment.indexOf(':~:');
  if (directive !== -1) fragment = fragment.slice(0, directive);
  if (fragment === '') return '';
  // A hash made only of key=value pairs is data, not an anchor: keep what is left after cleaning.
  if (/^[^=&]+=[^&]*(?:&[^=&]+=[^&]*)*$/.test(fragment)) {
    const pairs = fragment.split('&');
    if (pairs.some((pair) => isTrackingParam(paramName(pair)))) return stripTrackingPairs(fragment);
  }
  return fragment;
}

/**
 * Web archives' hosts. An address there is an archived copy's, which writes its original's in its
 * path (the Wayback Machine's `/web/20240315083012/https://www.lemonde.fr/…`, archive.today's
 * `/2024.03.15-083012/https://…`, Arquivo.pt's `/wayback/…`) or names it by a short id
 * (`archive.ph/AbCdE`).
 */
const ARCHIVE_HOST =
  /^(?:(?:web|wayback)\.archive\.org|wayback\.archive-it\.org|archive\.(?:today|ph|is|li|vn|fo|md)|arquivo\.pt|ghostarchive\.org|webarchive\.nationalarchives\.gov\.uk)$/;

/** Whether `url` is the address of a web archive's copy of a page (see {@link ARCHIVE_HOST}). */
export function isArchiveAddress(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return /^https?:$/.test(protocol) && ARCHIVE_HOST.test(hostname.replace(/^www\./, ''));
  } catch {
    return false;
  }
}

/**
 * The original's host written in an archive's address (`www.lemonde.fr` in
 * `web.archive.org/web/20240315083012/https://www.lemonde.fr/…`), a punycode one
 * (`xn--e1afmkfd.xn--p1ai`, as the archive writes `пример.рф`) or an IP address (`192.0.2.7`,
 * `[2001:db8::7]`) as any other; undefined for any other address, and for an archive's short
 * one (`archive.ph/AbCdE`).
 */
export function archivedHost(url: string): string | undefined {
  if (!isArchiveAddress(url)) return undefined;
  const written =
    /\/(?:https?:\/\/?)?((?:[a-z0-9-]+\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)|\d{1,3}(?:\.\d{1,3}){3}|\[[\da-f:.]+\])(?::\d+)?(?:\/|$)/i.exec(
      new URL(url).pathname,
    );
  return written?.[1]?.toLowerCase();
}

/**
 * Removes tracking parameters (utm_*, fbclid, gclid...) from an http(s) URL, drops an empty `?`,
 * and drops the hash when it is a text fragment, tracking data or, on an archive's address,
 * archive.today's highlight (`#selection-…`, someone else's, as a text fragment is). An
 * archive's address keeps its query: it is the archived page's
 * (`/web/…/https://…/x?id=3&utm_source=rss`), and the archive may hold the page at that address
 * only.
 *
 * Returns the input unchanged when it is not a valid absolute http(s) URL.
 */
export function cleanUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url;
  const archive = isArchiveAddress(url);
  if (!archive) {
    const query = stripTrackingPairs(parsed.search.replace(/^\?/, ''));
    parsed.search = query === '' ? '' : `?${query}`;
  }
  const hash = cleanHash(parsed.hash);
  // archive.today's `#selection-1234.5-1234.60` is a reader's highlight, as a text fragment is.
  parsed.hash =
    hash === '' || (archive && /^selection-\d+\.\d+-\d+\.\d+$/.test(hash)) ? '' : `#${hash}`;
  // Assigning an empty hash still leaves a trailing `#` when the input had one.
  return parsed.href.replace(/#$/, '');
}

/**
 * Resolves `href` against `base` and returns it only if it is an http(s) URL: the one place that
 * decides whether a URL read off the page is usable.
 */
export function resolveHttpUrl(href: string | null | undefined, base: string): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
  try {
    const resolved = new URL(value, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:'
      ? resolved.href
      : undefined;
  } catch {
    return undefined;
  }
}
