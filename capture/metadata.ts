/**
 * Page metadata for a clip: each field is taken from the most explicit source the page offers
 * (Open Graph, Twitter cards, JSON-LD, Dublin Core, Parse.ly, then the markup itself), and its
 * provenance is recorded so that an editor can tell a declared fact from a guess.
 */

import { bylineFromCandidates, cleanByline, joinAuthors, looksLikePersonName } from './byline';
import { toIsoDate } from './dates';
import type { JsonLdArticle } from './jsonld';
import { MetaIndex, type MetaValue } from './meta-tags';
import { attempt, PUBLISHED_DATE_KEYS, readPage } from './page';
import { cleanTitle, isSiteAffix, titleSuffix, type TitleContext } from './title';
import type { MetadataField, PageData, PageMetadata, Provenance } from './types';
import { compactKey, forgetReferences, looksLikeUrl, textKey } from './text';
import { archivedHost, isArchiveAddress, resolveHttpUrl } from './url';
import { stripWww } from '../lib/html';
import { languageTag } from '../lib/lang';
import { readableHost } from '../lib/punycode';

/** A value and where it was found. */
interface Sourced {
  value: string;
  source: string;
}

/** Everything the page sent, read once and shared by the field extractors. */
interface PageContext {
  data: PageData;
  pageUrl: string;
  base: string;
  meta: MetaIndex;
  jsonLd: JsonLdArticle | undefined;
  headings: string[];
}

function sourced(value: string | undefined, source: string): Sourced | undefined {
  return value === undefined ? undefined : { value, source };
}

function fromMeta(found: MetaValue | undefined): Sourced | undefined {
  return found && { value: found.value, source: found.source };
}

function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname : undefined;
  } catch {
    return undefined;
  }
}

/** A URL that only points at a site's home page, while the page itself is deeper. */
function isHomepageOnly(candidate: string, pageUrl: string): boolean {
  const url = new URL(candidate);
  if (url.pathname !== '/' || url.search !== '') return false;
  try {
    return new URL(pageUrl).pathname !== '/';
  } catch {
    return true;
  }
}

/**
 * Second-level labels under which a country's domain names are registered: `bbc.co.uk`,
 * `abc.net.au`, `interieur.gouv.fr`, `monasso.asso.fr`, `dupont.me.uk`.
 */
const GENERIC_SECOND_LEVEL =
  /^(?:co|com|net|org|gov|govt|gouv|gv|ac|edu|ne|or|go|gob|mil|nic|ltd|plc|me|asso|nom|tm|nhs|police)$/;

/**
 * Hosts under which different owners get their own names, each one site: blogs, personal pages
 * and apps at `jean.blogspot.com`, `x.github.io`, `y.substack.com`. A few of the public suffix
 * list's private names (publicsuffix.org), the ones editors clip from, not the whole list (some
 * 250 KB, for the host of a canonical): a canonical from one of these sites to another is another
 * site's, as between two newspapers. Blogger's country hosts (`jean.blogspot.fr`,
 * `jean.blogspot.co.uk`) are the same blog as its `blogspot.com`, their canonical.
 */
const SHARED_HOSTS = new Set([
  'blogspot.com',
  'wordpress.com',
  'github.io',
  'gitlab.io',
  'substack.com',
  'tumblr.com',
  'over-blog.com',
  'canalblog.com',
  'hautetfort.com',
  'eklablog.com',
  'e-monsite.com',
  'skyrock.com',
  'livejournal.com',
  'typepad.com',
  'weebly.com',
  'wixsite.com',
  'webflow.io',
  'ghost.io',
  'netlify.app',
  'pages.dev',
  'vercel.app',
  'web.app',
  'firebaseapp.com',
  'herokuapp.com',
  'uk.com',
  'us.com',
  'eu.com',
]);

/**
 * Shared hosts whose every name is a user's, the platform's own site elsewhere (github.com,
 * netlify.com…): `m.github.io` is GitHub's user « m ». The others' `m.` is their mobile site.
 */
const USERS_ONLY_HOSTS = new Set([
  'github.io',
  'gitlab.io',
  'webflow.io',
  'ghost.io',
  'netlify.app',
  'pages.dev',
  'vercel.app',
  'web.app',
  'firebaseapp.com',
  'herokuapp.com',
  'wixsite.com',
  'uk.com',
  'us.com',
  'eu.com',
]);

/**
 * A shared host's own hosts, the platform's and no user's: its `www.`, its mobile `m.` (but on
 * {@link USERS_ONLY_HOSTS}), and Substack's share links' (`open.substack.com/pub/NAME/p/…`).
 */
function isPlatformHost(labels: readonly string[]): boolean {
  if (labels.length !== 3) return false;
  const shared = labels.slice(1).join('.');
  if (!SHARED_HOSTS.has(shared)) return false;
  const [name] = labels;
  return (
    name === 'www' ||
    (name === 'm' && !USERS_ONLY_HOSTS.has(shared)) ||
    (name === 'open' && shared === 'substack.com')
  );
}

/**
 * The site a host name belongs to, as far as it can be told without the public suffix list: its
 * last two labels (`www.lemonde.fr` and `m.lemonde.fr` are `lemonde.fr`), three under a country's
 * generic second level (`bbc.co.uk`, `interieur.gouv.fr`) or a host shared by its users
 * ({@link SHARED_HOSTS}: `jean.blogspot.com`), but the platform's own ({@link isPlatformHost});
 * an IP address is its own.
 */
function siteOf(hostname: string): string {
  const host = hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/\.blogspot\.(?:com?\.)?[a-z]{2}$/, '.blogspot.com');
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
  const labels = host.split('.');
  const last = (count: number) => labels.slice(-count).join('.');
  const generic =
    labels.length > 2 &&
    labels[labels.length - 1]!.length === 2 &&
    GENERIC_SECOND_LEVEL.test(labels[labels.length - 2]!);
  // The platform's own hosts are the platform (`www.skyrock.com` is `skyrock.com`, the radio's).
  if (isPlatformHost(labels)) return last(2);
  return last(generic || SHARED_HOSTS.has(last(2)) ? 3 : 2);
}

/**
 * Whether `site` is one of its users' on the shared host that `pageSite` is itself: the
 * platform's own pages show its users' (Substack's reader at `substack.com/home/post/p-…` and its
 * share links at `open.substack.com/pub/jean/p/…`, Tumblr's at `www.tumblr.com/jean/…`, a mobile
 * site's `m.livejournal.com/read/user/jean/…`) and name the user's address as their canonical.
 */
function isUsersSite(site: string, pageSite: string): boolean {
  return SHARED_HOSTS.has(pageSite) && site.endsWith(`.${pageSite}`);
}

/**
 * Hosts no reader of the column can reach: this machine (`localhost`, 127.0.0.1, `[::1]`) and
 * private networks' addresses (10.x, 172.16–31.x, 192.168.x).
 */
const LOCAL_HOST =
  /^(?:localhost|.+\.localhost|127(?:\.\d+){3}|\[::1\]|10(?:\.\d+){3}|192\.168(?:\.\d+){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2})$/i;

/**
 * Whether a declared address (canonical, og:url) is the page's own: on the site the page was
 * read on. A page republished elsewhere names its original (a regional paper's copy of an AFP
 * dispatch, canonical to afp.com; a post copied to Medium, canonical to its author's blog): the
 * editor clipped, and cites, the page they read, on the site that published it. A copy of the
 * page itself names it too, and there the original's address is the page's: a cache or a proxy
 * writes the original's host in its own address, with its dots
 * (`www.google.com/amp/s/www.lemonde.fr/…`) or as a label with dashes
 * (`www-lemonde-fr.cdn.ampproject.org`, `www-lemonde-fr.translate.goog`); a copy saved or
 * served on this machine or a private network (a file, 127.0.0.1: the tests' corpus pages) is
 * at an address no reader can follow.
 */
function isOwnAddress(candidate: string, pageUrl: string): boolean {
  const pageHost = hostnameOf(pageUrl);
  const host = hostnameOf(candidate);
  if (!pageHost || !host || LOCAL_HOST.test(pageHost)) return true;
  const site = siteOf(host);
  return (
    site === siteOf(pageHost) ||
    isUsersSite(site, siteOf(pageHost)) ||
    copiedHosts(pageUrl, pageHost).some((h) => siteOf(h) === site)
  );
}

/**
 * Whether a declared address is the post a Substack share link shows, at its publication's own
 * domain: Substack's share page (`open.substack.com/pub/NAME/p/SLUG`, its host Substack's own)
 * declares the post where the publication lives, its custom domain's (`www.example-news.com`)
 * when it has one, no Substack host to tell. Taken only for that very post (`/p/SLUG`, the same
 * slug) and when the page's images are served by Substack's CDN (`substackcdn.com`, every
 * Substack post's og:image), as a Substack page's are: no other host, nor a page at
 * open.substack.com declaring another path, names another site so.
 */
function isSubstackShared(ctx: PageContext, candidate: string): boolean {
  const page = new URL(ctx.pageUrl);
  const slug = /^\/pub\/[\w-]+\/p\/([\w-]+)\/?$/.exec(page.pathname)?.[1];
  if (page.hostname !== 'open.substack.com' || !slug) return false;
  if (new URL(candidate).pathname.replace(/\/$/, '') !== `/p/${slug}`) return false;
  const images = [
    ...ctx.meta.all('og:image'),
    ...ctx.meta.all('twitter:image'),
    ...(ctx.jsonLd?.image ? [{ value: ctx.jsonLd.image }] : []),
  ];
  return images.some(({ value }) => {
    const host = hostnameOf(resolveHttpUrl(value, ctx.base));
    return host === 'substackcdn.com' || !!host?.endsWith('.substackcdn.com');
  });
}

/**
 * The hosts a cache or a proxy writes in its own address, the page's original's: the first label
 * of its host with dashes for dots (`amp-theguardian-com.cdn.ampproject.org`, `--` a dash), and
 * the host names written between slashes (`www.google.com/amp/s/amp.theguardian.com/…`).
 * Compared by site with the declared address: the AMP copy is often on another host of the site
 * than its canonical (`amp.theguardian.com`, `m.lemonde.fr` for `www.`).
 */
function copiedHosts(pageUrl: string, pageHost: string): string[] {
  const label = pageHost.split('.')[0]!;
  const undashed = label.replace(/--/g, '\0').replace(/-/g, '.').replace(/\0/g, '-');
  // Between slashes, wherever in the address (a viewer's path, a translator's `?u=https://…/`).
  const written = pageUrl.toLowerCase().matchAll(/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=\/)/g);
  return [...(undashed.includes('.') ? [undashed] : []), ...Array.from(written, (m) => m[1]!)];
}

/**
 * The page's URL: its declared canonical URL, else og:url, else the address it was loaded from.
 * Tracking parameters are removed by the background (services/clipper.ts), which keeps the
 * injected script small.
 * A canonical pointing at the home page of a deeper page is a common CMS misconfiguration and is
 * ignored, as is one on another site ({@link isOwnAddress}). A web archive's copy keeps the
 * address it was read at ({@link originalHost} says why). The result is always cleaned of
 * tracking parameters.
 */
function extractUrl(ctx: PageContext): Sourced {
  // An archived copy's address is the draft's, whatever the copy declares ({@link originalHost}).
  if (isArchiveAddress(ctx.pageUrl)) return { value: ctx.pageUrl, source: 'location' };
  for (const candidate of declaredAddresses(ctx)) {
    if (
      !isHomepageOnly(candidate.value, ctx.pageUrl) &&
      (isOwnAddress(candidate.value, ctx.pageUrl) || isSubstackShared(ctx, candidate.value))
    ) {
      return { value: candidate.value, source: candidate.source };
    }
  }
  return { value: ctx.pageUrl, source: 'location' };
}

/** The page's declared addresses: its canonical, then og:url, absolute http(s) URLs. */
function declaredAddresses(ctx: PageContext): Sourced[] {
  const declared: Sourced[] = [];
  const href = resolveHttpUrl(ctx.data.canonical, ctx.base);
  if (href) declared.push({ value: href, source: 'link[rel=canonical]' });
  const ogUrl = ctx.meta.first('og:url');
  const ogHref = resolveHttpUrl(ogUrl?.value, ctx.base);
  if (ogHref) declared.push({ value: ogHref, source: 'og:url' });
  return declared;
}

/**
 * The host a clip is credited to. A web archive's copy (the Wayback Machine's, archive.today's)
 * is clipped because the original may be gone or changed: the draft keeps the archive's address,
 * the one the editor read and can cite, while the page is still the original's, its title,
 * byline and date as it declared them, and its site the original's (« Le Monde », or
 * `lemonde.fr` when it declares no name), never the archive's. The original's host is the one
 * written in the archive's address, else the one its canonical or og:url names (which the
 * archive keeps or rewrites to its own address), or writes in an archive's address: archive.today
 * names a copy read at its short address (`archive.ph/AbCdE`) by its long one
 * (`archive.ph/2024.03.15-083012/https://www.lemonde.fr/…`), in its head or, when the head names
 * only the short one, in its header's link to share (PageData.longLink); an archive's address
 * that writes no original (`archive.ph/AbCdE` declared by a copy read at archive.is) names none.
 * Any other page's is the draft's address's.
 */
function originalHost(ctx: PageContext, url: string): string | undefined {
  if (!isArchiveAddress(ctx.pageUrl)) return hostnameOf(url) ?? hostnameOf(ctx.pageUrl);
  const archive = hostnameOf(ctx.pageUrl)!;
  // An archive's address writing no original (a short one, on any of archive.today's mirrors)
  // names the copy, not the original.
  const declared = declaredAddresses(ctx)
    .map((found) =>
      isArchiveAddress(found.value) ? archivedHost(found.value) : hostnameOf(found.value),
    )
    .find((host) => host && siteOf(host) !== siteOf(archive));
  const longLink = ctx.data.longLink && archivedHost(ctx.data.longLink);
  return archivedHost(ctx.pageUrl) ?? declared ?? longLink ?? archive;
}

/** The first source with usable names (cleaned, and taken by its own or the common `accept`), joined. */
function firstAuthors(
  sources: readonly [string, readonly string[], ((name: string) => boolean)?][],
  accept: (name: string) => boolean,
): Sourced | undefined {
  for (const [source, raw, acceptHere = accept] of sources) {
    const names = raw.map((value) => cleanByline(value)).filter((v): v is string => !!v);
    const joined = joinAuthors(names.filter(acceptHere));
    if (joined) return { value: joined, source };
  }
  return undefined;
}

/**
 * The author(s): JSON-LD, then Dublin Core, `meta[name=author]`, `article:author` (when it is a
 * name rather than a profile URL), Parse.ly, then the page's byline markup.
 * The publication is not its own author: French sites fill `meta[name=author]` with their name
 * (« Le Parisien »), so a name that is a declared site name or publisher (letters and digits
 * compared) is left out, unless it is written as a person's (as the byline or as the site
 * declares it): a personal blog is named after its author (og:site_name « Jean Dupont »), who
 * signs its posts; the draft keeps them as its byline, and the name as its site too (« le blog de
 * Jean Dupont »). JSON-LD authors are not compared here: ./jsonld knows their type, and leaves out
 * all but a Person named like the publisher, or named like a publisher that is a Person (a blog's
 * author, under their own name); those it marks (`selfNamed`), every other one not declared a
 * Person, are taken as a meta author named like the site is (its publisher's name or its
 * og:site_name), when written as a person's.
 */
function extractByline(ctx: PageContext): Sourced | undefined {
  const siteNames = new Map<string, string[]>();
  for (const { value } of declaredSiteNames(ctx)) {
    const key = compactKey(value);
    siteNames.set(key, [...(siteNames.get(key) ?? []), value]);
  }
  const accept = (name: string) => {
    const named = siteNames.get(compactKey(name));
    return !named || [name, ...named].some(looksLikePersonName);
  };
  const values = (key: string): string[] => ctx.meta.all(key).map((found) => found.value);
  const selfNamed = ctx.jsonLd?.selfNamed ?? [];
  const selfKeys = new Set(selfNamed.map((name) => compactKey(cleanByline(name) ?? name)));
  const declared = firstAuthors(
    [
      [
        'json-ld',
        // In the page's order, the self-named in their place (a blog's author named first).
        ctx.jsonLd?.authors ?? [],
        (name) => !selfKeys.has(compactKey(name)) || accept(name),
      ],
      ['dc:creator', values('dc:creator')],
      ['meta[name=author]', values('author')],
      ['article:author', values('article:author').filter((value) => !looksLikeUrl(value))],
      ['parsely-author', values('parsely-author')],
    ],
    accept,
  );
  return declared ?? bylineFromCandidates(ctx.data.bylines, accept);
}

/** Declared site names, to recognise the site's part of a title. */
function declaredSiteNames(ctx: PageContext): Sourced[] {
  return [
    fromMeta(ctx.meta.first('og:site_name')),
    sourced(ctx.jsonLd?.publisher, 'json-ld'),
    fromMeta(ctx.meta.first('application-name')),
  ].filter((found): found is Sourced => found !== undefined);
}

/** Title candidates in priority order, as written on the page. */
function titleCandidates(ctx: PageContext): Sourced[] {
  const docTitle = ctx.data.title;
  return [
    fromMeta(ctx.meta.first('og:title')),
    fromMeta(ctx.meta.first('twitter:title')),
    sourced(ctx.jsonLd?.headline, 'json-ld'),
    sourced(ctx.jsonLd?.name, 'json-ld'),
    fromMeta(ctx.meta.first('dc:title')),
    fromMeta(ctx.meta.first('parsely-title')),
    fromMeta(ctx.meta.first('itemprop:headline')),
    sourced(docTitle, '<title>'),
    sourced(ctx.headings[0], '<h1>'),
  ].filter((found): found is Sourced => found !== undefined);
}

/**
 * Picks the title: each candidate is cleaned of its site affix, candidates that are only the site's
 * name are dropped, and a candidate that matches one of the page's `<h1>`s wins over higher-priority
 * ones (og:title is sometimes a social-media rewrite, or the site's generic title).
 */
function extractTitle(
  ctx: PageContext,
  titleCtx: TitleContext,
): { title?: Sourced; siteAffix?: string } {
  const siteKeys = new Set(titleCtx.siteNames.map(compactKey));
  const cleaned: Sourced[] = [];
  let siteAffix: string | undefined;
  for (const candidate of titleCandidates(ctx)) {
    const result = cleanTitle(candidate.value, titleCtx);
    siteAffix ??= result.siteAffix;
    if (siteKeys.has(compactKey(result.title))) continue;
    cleaned.push({ value: result.title, source: candidate.source });
  }
  const headingKeys = new Set(ctx.headings.map(textKey));
  const matchingHeading = cleaned.find(
    (candidate) => candidate.source !== '<h1>' && headingKeys.has(textKey(candidate.value)),
  );
  return { title: matchingHeading ?? cleaned[0], siteAffix };
}

/**
 * Sites whose declared name is their publisher's (« Wikimedia Foundation, Inc. » on every
 * Wikipedia page) while readers and editors cite them by another: host suffix → name.
 */
const KNOWN_SITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|\.)wikipedia\.org$/, 'Wikipédia'],
];

/** Separators inside a site name that introduce a tagline (`Aktuálně.cz - Víte, co se děje`). */
const SITE_TAGLINE = /\s+(?:[|\-\u2013\u2014\u00b7\u2022:]|::)\s+/;

/**
 * The site's name. A declared name may carry a tagline or a legal suffix; when the site calls
 * itself by a shorter form in its titles (or its JSON-LD), that form is used.
 */
function extractSiteName(
  ctx: PageContext,
  titleCtx: TitleContext,
  siteAffix: string | undefined,
  url: string,
): Sourced | undefined {
  const host = originalHost(ctx, url);
  const known = host && KNOWN_SITES.find(([pattern]) => pattern.test(host));
  if (known) return { value: known[1], source: 'hostname' };
  const declared = declaredSiteNames(ctx)[0];
  if (declared) {
    const shortForms = [siteAffix, ctx.jsonLd?.publisher].filter((v): v is string => !!v);
    const full = textKey(declared.value);
    for (const short of shortForms) {
      const key = textKey(short);
      // A proper prefix at a word boundary: "Spiceworks" for "Spiceworks Inc".
      const boundary = full.charAt(key.length);
      if (key.length >= 3 && full.startsWith(key) && /[^\p{L}\p{N}]/u.test(boundary)) {
        return { value: short, source: short === siteAffix ? '<title>' : 'json-ld' };
      }
    }
    const parts = declared.value.split(SITE_TAGLINE);
    if (parts.length > 1) {
      const named = parts.find((part) => isSiteAffix(part, titleCtx, 'suffix'));
      if (named) return { value: named.trim(), source: declared.source };
    }
    return declared;
  }
  const docTitle = ctx.data.title;
  const suffix = siteAffix ?? (docTitle ? titleSuffix(docTitle) : undefined);
  if (suffix) return { value: suffix, source: '<title>' };
  // Named as a reader writes it (`café.fr`, not `xn--caf-dma.fr`); its address keeps the ASCII.
  return host ? { value: stripWww(readableHost(host)), source: 'hostname' } : undefined;
}

/** The publication date, normalised to ISO 8601 (numeric dates in the page's language's order). */
function extractPublishedAt(ctx: PageContext): Sourced | undefined {
  const lang = extractLang(ctx)?.value;
  // The article's JSON-LD date ranks right after the Open Graph ones.
  const metaKeys = [...PUBLISHED_DATE_KEYS.slice(0, 3), 'json-ld', ...PUBLISHED_DATE_KEYS.slice(3)];
  for (const key of metaKeys) {
    const found =
      key === 'json-ld'
        ? sourced(ctx.jsonLd?.datePublished, 'json-ld')
        : fromMeta(ctx.meta.first(key));
    const date = toIsoDate(found?.value, lang);
    if (found && date) return { value: date, source: found.source };
  }
  // Then the page's markup, most structured first (capture/page.ts lists it in that order).
  for (const [source, raw] of ctx.data.dates) {
    const date = toIsoDate(raw, lang);
    if (date) return { value: date, source };
  }
  return undefined;
}

/** The page's language: `<html lang>`, then Content-Language, Dublin Core, og:locale. */
function extractLang(ctx: PageContext): Sourced | undefined {
  const htmlLang = languageTag(ctx.data.lang, { declared: true });
  if (htmlLang) return { value: htmlLang, source: 'html[lang]' };
  for (const key of ['content-language', 'dc:language', 'og:locale']) {
    const found = ctx.meta.first(key);
    const lang = languageTag(found?.value, { declared: true });
    if (found && lang) return { value: lang, source: found.source };
  }
  return undefined;
}

/** The page's own description. */
function extractExcerpt(ctx: PageContext): Sourced | undefined {
  return (
    fromMeta(
      ctx.meta.first(
        'og:description',
        'twitter:description',
        'description',
        'dc:description',
        'itemprop:description',
      ),
    ) ?? sourced(ctx.jsonLd?.description, 'json-ld')
  );
}

/** The lead image, as an absolute http(s) URL. */
function extractImageUrl(ctx: PageContext): Sourced | undefined {
  const candidates = [
    fromMeta(ctx.meta.first('og:image', 'og:image:url', 'og:image:secure_url')),
    fromMeta(ctx.meta.first('twitter:image', 'twitter:image:src')),
    sourced(ctx.jsonLd?.image, 'json-ld'),
  ];
  for (const candidate of candidates) {
    const url = resolveHttpUrl(candidate?.value, ctx.base);
    if (candidate && url) return { value: url, source: candidate.source };
  }
  return undefined;
}

/**
 * Reads a page's metadata: URL, title, site name, byline, publication date, language, excerpt and
 * lead image, each with its provenance. Pure: reads `doc` only, never modifies it. In a clip the
 * two halves run apart: {@link readPage} in the page, {@link interpretPage} in the background.
 *
 * @param doc The page's document.
 * @param pageUrl The address the page was loaded from; defaults to `doc.URL`. Relative URLs are
 *   resolved against `doc.baseURI`, which honours `<base href>`.
 */
export function extractMetadata(doc: Document, pageUrl: string = doc.URL): PageMetadata {
  return interpretPage(readPage(doc, pageUrl));
}

/**
 * The metadata of a page from what it declares (capture/page.ts): each field taken from the
 * most explicit source, cleaned, with its provenance. Pure string work: the background runs it.
 */
export function interpretPage(data: PageData): PageMetadata {
  forgetReferences();
  const pageUrl = data.url;
  const ctx: PageContext = {
    data,
    pageUrl,
    base: data.base || pageUrl,
    meta: MetaIndex.of(data.meta),
    jsonLd: data.jsonLd,
    headings: data.headings,
  };
  const provenance: Provenance = {};
  const metadata: PageMetadata = { url: pageUrl, title: '', provenance };
  const set = (field: MetadataField, found: Sourced | undefined) => {
    if (!found) return;
    metadata[field] = found.value;
    provenance[field] = found.source;
  };

  const url = attempt(() => extractUrl(ctx)) ?? { value: pageUrl, source: 'location' };
  set('url', url);
  const byline = attempt(() => extractByline(ctx));
  set('byline', byline);

  const titleCtx: TitleContext = {
    siteNames: declaredSiteNames(ctx).map((found) => found.value),
    // Each as written and as read (a title ending « | café.fr » at `xn--caf-dma.fr`).
    hostnames: [hostnameOf(pageUrl), hostnameOf(url.value), originalHost(ctx, url.value)]
      .filter((h): h is string => !!h)
      .flatMap((h) => [h, readableHost(h)]),
    byline: byline?.value,
    headings: ctx.headings,
  };
  const { title, siteAffix } = attempt(() => extractTitle(ctx, titleCtx)) ?? {};
  // A clip needs a title: the URL is a poor but honest one.
  set('title', title ?? { value: url.value, source: 'url' });

  // Independent fields: each one may fail alone.
  const others: [MetadataField, () => Sourced | undefined][] = [
    ['siteName', () => extractSiteName(ctx, titleCtx, siteAffix, url.value)],
    ['publishedAt', () => extractPublishedAt(ctx)],
    ['lang', () => extractLang(ctx)],
    ['excerpt', () => extractExcerpt(ctx)],
    ['imageUrl', () => extractImageUrl(ctx)],
  ];
  for (const [field, extract] of others) set(field, attempt(extract));
  return metadata;
}
