import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanByline, looksLikePersonName } from '../../../capture/byline';
import { toIsoDate } from '../../../capture/dates';
import { extractMetadata } from '../../../capture/metadata';
import { cleanTitle, titleSuffix, type TitleContext } from '../../../capture/title';
import { JSDOM, VirtualConsole } from 'jsdom';
import { makeDoc, PAGE_URL, pageWith } from './dom';
import { waybackPage, WAYBACK_TIMESTAMP } from '../../fixtures/wayback';
import { archiveTodayPage } from '../../fixtures/archive-today';

const meta = (key: string, content: string, attribute = 'property') =>
  `<meta ${attribute}="${key}" content="${content}">`;

describe('cleanTitle', () => {
  const ctx = (overrides: Partial<TitleContext> = {}): TitleContext => ({
    siteNames: ['The Daily'],
    hostnames: ['www.thedaily.example'],
    headings: [],
    ...overrides,
  });

  it.each([
    ['Big news today | The Daily'],
    ['Big news today - The Daily'],
    ['Big news today — The Daily'],
    ['Big news today – The Daily'],
    ['Big news today :: The Daily'],
    ['Big news today · The Daily'],
    ['The Daily: Big news today'],
    ['The Daily | Big news today'],
  ])('strips the site name from "%s"', (title) => {
    expect(cleanTitle(title, ctx())).toEqual({ title: 'Big news today', siteAffix: 'The Daily' });
  });

  it('recognises the site by its host name when no site name is declared', () => {
    expect(
      cleanTitle('Mozilla - Wikipedia', ctx({ siteNames: [], hostnames: ['en.wikipedia.org'] }))
        .title,
    ).toBe('Mozilla');
    expect(
      cleanTitle(
        'Some story - BuzzFeed News',
        ctx({ siteNames: [], hostnames: ['www.buzzfeed.com'] }),
      ).title,
    ).toBe('Some story');
  });

  it('recognises a short form of a declared site name', () => {
    const declared = ctx({ siteNames: ['Aktuálně.cz - Víte, co se právě děje'], hostnames: [] });
    expect(cleanTitle('West Ham hrozí gigantům | Aktuálně.cz', declared)).toEqual({
      title: 'West Ham hrozí gigantům',
      siteAffix: 'Aktuálně.cz',
    });
  });

  it('strips the site and then the author from the end', () => {
    expect(
      cleanTitle('Get your code covered | Nicolas Perriault', ctx({ byline: 'Nicolas Perriault' }))
        .title,
    ).toBe('Get your code covered');
  });

  it('keeps separators that are part of the headline', () => {
    expect(cleanTitle('Outside the web: standalone WebAssembly binaries', ctx()).title).toBe(
      'Outside the web: standalone WebAssembly binaries',
    );
    expect(cleanTitle('Rock - Paper - Scissors, the final', ctx()).title).toBe(
      'Rock - Paper - Scissors, the final',
    );
    expect(
      cleanTitle('Brexit: what happens next', ctx({ siteNames: ['Brexit Weekly'] })).title,
    ).toBe('Brexit: what happens next');
  });

  it('reduces a title to the <h1> it decorates', () => {
    const headings = ['Outside the web: standalone WebAssembly binaries using Emscripten'];
    expect(
      cleanTitle(
        'Outside the web: standalone WebAssembly binaries using Emscripten · V8',
        ctx({ headings }),
      ).title,
    ).toBe('Outside the web: standalone WebAssembly binaries using Emscripten');
  });

  it('does not reduce a title to a blog-name <h1>', () => {
    expect(
      cleanTitle(
        'Silicon Exposed | Open Verilog flow for Silego GreenPak4 devices',
        ctx({ headings: ['Silicon Exposed'] }),
      ).title,
    ).toBe('Silicon Exposed | Open Verilog flow for Silego GreenPak4 devices');
  });

  it('never strips a title down to nothing', () => {
    expect(cleanTitle('The Daily', ctx()).title).toBe('The Daily');
    expect(cleanTitle('| The Daily', ctx()).title).toBe('| The Daily');
  });

  it.each([
    ['ordinary spaces', ' '],
    ['no-break spaces', '\u00a0'],
    ['narrow no-break spaces', '\u202f'],
  ])('cuts the site after a quotation in « » with %s inside the marks', (_name, space) => {
    const quoted = `Retraites : le gouvernement veut «${space}aller vite${space}»`;
    const quotidien = ctx({ siteNames: ['Le Quotidien'], hostnames: ['www.lequotidien.example'] });
    for (const separator of [' - ', ' | ', ' — ']) {
      expect(cleanTitle(`${quoted}${separator}Le Quotidien`, quotidien)).toEqual({
        title: quoted,
        siteAffix: 'Le Quotidien',
      });
    }
  });

  it('keeps a title that ends with a quotation whole', () => {
    const title = 'Le Premier ministre promet un « choc de simplification »';
    expect(cleanTitle(title, ctx({ siteNames: ['choc de simplification'] }))).toEqual({ title });
    expect(cleanTitle('Le palais que tout le monde appelle « Élysée »', ctx()).title).toBe(
      'Le palais que tout le monde appelle « Élysée »',
    );
  });

  it('still reads a lone » as a breadcrumb separator', () => {
    expect(cleanTitle('The Daily » Blog Archive » Big news today', ctx())).toEqual({
      title: 'Blog Archive » Big news today',
      siteAffix: 'The Daily',
    });
    expect(cleanTitle('Big news today » The Daily', ctx())).toEqual({
      title: 'Big news today',
      siteAffix: 'The Daily',
    });
  });

  it('keeps English “curly quotes” and their content in the title', () => {
    expect(cleanTitle('He said “yes - or no” - The Daily', ctx())).toEqual({
      title: 'He said “yes - or no”',
      siteAffix: 'The Daily',
    });
  });

  it('keeps a German „quotation“ and its content in the title', () => {
    // „ opens and “ closes in German: read as the one pair they are, as the draft template does.
    const zeitung = ctx({ siteNames: ['Die Zeitung'] });
    expect(cleanTitle('Merkel: „Wir schaffen das - gemeinsam“ - Die Zeitung', zeitung)).toEqual({
      title: 'Merkel: „Wir schaffen das - gemeinsam“',
      siteAffix: 'Die Zeitung',
    });
    // The separator inside the quotation does not end a site's name.
    expect(titleSuffix('Merkel: „Wir schaffen das - gemeinsam“')).toBeUndefined();
  });
});

describe('titleSuffix', () => {
  it('takes the last segment of a decorated title as a fallback site name', () => {
    expect(titleSuffix('Sudan sanctions lifted - The New York Times')).toBe('The New York Times');
    expect(titleSuffix('Big news today » The Daily')).toBe('The Daily');
  });

  it('finds none in a title that ends with a quotation in « »', () => {
    expect(titleSuffix('Le Premier ministre promet un « choc de simplification »')).toBeUndefined();
    expect(titleSuffix('Le palais que tout le monde appelle « Élysée »')).toBeUndefined();
    expect(titleSuffix('Le palais que tout le monde appelle «\u00a0Élysée\u00a0»')).toBeUndefined();
    expect(titleSuffix('Le ministre a dit « oui - ou non »')).toBeUndefined();
  });

  it('finds the separator right after a quotation in « »', () => {
    expect(titleSuffix('Retraites : le gouvernement veut « aller vite » - Le Quotidien')).toBe(
      'Le Quotidien',
    );
    expect(
      titleSuffix('Retraites : le gouvernement veut «\u202faller vite\u202f» | Le Quotidien'),
    ).toBe('Le Quotidien');
  });

  it('finds none inside English “curly quotes” or "straight quotes"', () => {
    expect(titleSuffix('The minister said “yes - or no”')).toBeUndefined();
    expect(titleSuffix('The minister said "yes - or no"')).toBeUndefined();
    expect(titleSuffix('On Behalf of “Literally” — Medium')).toBe('Medium');
  });

  it('does not take a quotation cut short, after its lone «, for a site name', () => {
    expect(titleSuffix('Le Premier ministre promet aux patrons « un choc')).toBeUndefined();
  });
});

describe('extractMetadata: title', () => {
  it('prefers og:title and strips the site suffix that matches og:site_name', () => {
    const doc = pageWith(
      meta('og:title', 'How to Build a Terrarium | eHow') +
        meta('og:site_name', 'eHow') +
        '<title>Other</title>',
    );
    const { title, provenance, siteName } = extractMetadata(doc);
    expect(title).toBe('How to Build a Terrarium');
    expect(provenance.title).toBe('og:title');
    expect(siteName).toBe('eHow');
  });

  it('falls back through twitter:title, JSON-LD, dc:title, <title> and <h1>', () => {
    expect(
      extractMetadata(pageWith(meta('twitter:title', 'From Twitter', 'name'))).provenance.title,
    ).toBe('twitter:title');
    expect(
      extractMetadata(
        pageWith('<script type="application/ld+json">{"@type":"Article","headline":"LD"}</script>'),
      ).title,
    ).toBe('LD');
    expect(extractMetadata(pageWith(meta('DC.Title', 'Dublin Core', 'name'))).title).toBe(
      'Dublin Core',
    );
    expect(extractMetadata(pageWith('<title> Tab   title </title>')).title).toBe('Tab title');
    expect(extractMetadata(pageWith('', '<h1>Only a heading</h1>'))).toMatchObject({
      title: 'Only a heading',
      provenance: { title: '<h1>' },
    });
  });

  it('prefers a declared title that matches the <h1> over a social-media og:title', () => {
    const doc = pageWith(
      meta('og:title', "If You Can Picture A Tarot Card, It's Because of These 3 People") +
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"The Deck of Cards That Made Tarot"}</script>',
      '<h1>The Deck of Cards That Made Tarot</h1>',
    );
    expect(extractMetadata(doc)).toMatchObject({
      title: 'The Deck of Cards That Made Tarot',
      provenance: { title: 'json-ld' },
    });
  });

  it('drops an og:title that is only the site name', () => {
    const doc = pageWith(
      meta('og:title', 'Yahoo News - Latest News &amp; Headlines') +
        meta('application-name', 'Yahoo News - Latest News &amp; Headlines', 'name') +
        '<title>Russia: Space ship breaks up over Siberia</title>',
      '<h1>Russia: Space ship breaks up over Siberia</h1>',
    );
    expect(extractMetadata(doc).title).toBe('Russia: Space ship breaks up over Siberia');
  });

  it('uses the URL when the page has no title at all', () => {
    expect(extractMetadata(pageWith('')).title).toBe(
      'https://news.example.com/2024/05/story.html?utm_source=feed',
    );
  });
});

describe('extractMetadata: meta tag lookups', () => {
  it('handles space-separated property lists', () => {
    const doc = pageWith(
      meta('x:title dc:title', 'Preferred title') +
        meta('og:description x:description twitter:description', 'A description'),
    );
    expect(extractMetadata(doc)).toMatchObject({
      title: 'Preferred title',
      excerpt: 'A description',
    });
  });

  it('ignores the case of keys and reads name, property and itemprop', () => {
    const doc = pageWith(
      meta('OG:Title', 'Upper case') +
        meta('Description', 'By name', 'name') +
        meta('datePublished', '2020-01-02', 'itemprop'),
    );
    expect(extractMetadata(doc)).toMatchObject({
      title: 'Upper case',
      excerpt: 'By name',
      publishedAt: '2020-01-02T00:00:00.000Z',
    });
  });

  it('decodes entities left by double escaping, and collapses whitespace', () => {
    const doc = pageWith(
      meta('og:title', 'Fish &amp;amp; Chips &amp;#8211; the   editor&amp;#39;s\n pick'),
    );
    expect(extractMetadata(doc).title).toBe("Fish & Chips – the editor's pick");
  });

  it('skips empty values and leaves the field absent', () => {
    const doc = pageWith(
      meta('og:description', '   ') + meta('description', '', 'name') + meta('author', ' ', 'name'),
    );
    const metadata = extractMetadata(doc);
    expect('excerpt' in metadata).toBe(false);
    expect('byline' in metadata).toBe(false);
    expect(metadata.provenance.excerpt).toBeUndefined();
  });
});

describe('extractMetadata: url', () => {
  // Tracking parameters are removed by the background (tests/unit/services/clipper.test.ts).
  it('uses the canonical URL, made absolute', () => {
    const doc = pageWith('<link rel="canonical" href="/2024/05/story.html?utm_source=x&id=3">');
    expect(extractMetadata(doc)).toMatchObject({
      url: 'https://news.example.com/2024/05/story.html?utm_source=x&id=3',
      provenance: { url: 'link[rel=canonical]' },
    });
  });

  it('ignores a canonical that only points at a home page', () => {
    const doc = pageWith(
      '<link rel="canonical" href="https://news.example.com/">' +
        meta('og:url', 'https://news.example.com/2024/05/story.html'),
    );
    expect(extractMetadata(doc)).toMatchObject({
      url: 'https://news.example.com/2024/05/story.html',
      provenance: { url: 'og:url' },
    });
  });

  it('ignores non-http canonical URLs and falls back to the page address', () => {
    const doc = pageWith('<link rel="canonical" href="android-app://com.example/story">');
    expect(extractMetadata(doc)).toMatchObject({
      url: 'https://news.example.com/2024/05/story.html?utm_source=feed',
      provenance: { url: 'location' },
    });
  });

  // Credited to the site read, not the dispatch's (its name here from the address alone).
  it('keeps the address read when the canonical names another site (a syndicated dispatch)', () => {
    const read = 'https://www.ladepeche.fr/2024/05/12/un-depart-precipite-1234.php';
    const head =
      '<link rel="canonical" href="https://www.afp.com/fr/infos/un-depart-precipite">' +
      meta('og:url', 'https://www.afp.com/fr/infos/un-depart-precipite') +
      '<title>Un départ précipité</title>';
    expect(extractMetadata(pageWith(head, '', read))).toMatchObject({
      url: read,
      siteName: 'ladepeche.fr',
      provenance: { url: 'location', siteName: 'hostname' },
    });
  });

  it('keeps Medium’s address for a post whose canonical is its author’s blog', () => {
    const read = 'https://medium.com/@jdupont/mon-billet-3f2a1c';
    const doc = pageWith(
      '<link rel="canonical" href="https://jeandupont.fr/mon-billet/">' +
        meta('og:site_name', 'Medium'),
      '',
      read,
    );
    expect(extractMetadata(doc)).toMatchObject({ url: read, siteName: 'Medium' });
  });

  it('takes og:url when the canonical names another site and og:url the page’s own', () => {
    const doc = pageWith(
      '<link rel="canonical" href="https://news.example.com/story.html">' +
        meta('og:url', 'https://www.afp.com/fr/infos/story'),
      '',
      'https://www.afp.com/fr/infos/story',
    );
    expect(extractMetadata(doc)).toMatchObject({
      url: 'https://www.afp.com/fr/infos/story',
      provenance: { url: 'og:url' },
    });
  });

  it.each([
    ['https://m.lemonde.fr/pixels/article/x.html', 'https://www.lemonde.fr/pixels/article/x.html'],
    ['https://sport.aktualne.cz/clanek/r~1/', 'https://zpravy.aktualne.cz/clanek/r~1/'],
    ['https://www.bbc.co.uk/news/uk-1?at_medium=x', 'https://bbc.co.uk/news/uk-1'],
    // Google's AMP viewer and cache, Google Translate: the page itself, under their address.
    ['https://www.google.com/amp/s/www.lemonde.fr/x.amp', 'https://www.lemonde.fr/x.html'],
    ['https://www-lemonde-fr.cdn.ampproject.org/c/s/x.amp', 'https://www.lemonde.fr/x.html'],
    ['https://www-ouest--france-fr.translate.goog/x?_x_tr_sl=fr', 'https://www.ouest-france.fr/x'],
    // The AMP copy on another host of the site than its canonical (`amp.`, `m.`), as viewed or
    // cached by Google.
    [
      'https://www.google.com/amp/s/amp.theguardian.com/world/2020/jan/01/x',
      'https://www.theguardian.com/world/2020/jan/01/x',
    ],
    [
      'https://amp-theguardian-com.cdn.ampproject.org/c/s/amp.theguardian.com/world/x',
      'https://www.theguardian.com/world/x',
    ],
    ['https://www.google.fr/amp/s/m.lemonde.fr/x.amp', 'https://www.lemonde.fr/x.html'],
    [
      'https://translate.googleusercontent.com/translate_c?depth=1&u=https://www.lemonde.fr/x.html',
      'https://www.lemonde.fr/x.html',
    ],
  ])('takes the canonical of the same site or page: %s → %s', (read, canonical) => {
    const doc = pageWith(`<link rel="canonical" href="${canonical}">`, '', read);
    expect(extractMetadata(doc)).toMatchObject({
      url: canonical,
      provenance: { url: 'link[rel=canonical]' },
    });
  });

  it.each([
    'http://127.0.0.1:8123/fixtures/guardian-1/',
    'http://localhost:3000/guardian.html',
    'http://192.168.1.20/copies/guardian.html',
    'file:///home/redaction/guardian.html',
  ])('takes the canonical of a copy no reader can reach: %s', (read) => {
    const canonical = 'https://www.theguardian.com/environment/2019/jan/03/whales';
    const doc = pageWith(`<link rel="canonical" href="${canonical}">`, '', read);
    expect(extractMetadata(doc).url).toBe(canonical);
  });

  it('does not take two sites under a country’s .co.uk for one', () => {
    const read = 'https://www.eveningstandard.co.uk/news/story.html';
    const doc = pageWith(
      '<link rel="canonical" href="https://www.bbc.co.uk/news/story">',
      '',
      read,
    );
    expect(extractMetadata(doc).url).toBe(read);
  });

  it.each([
    [
      'https://jeandupont.blogspot.com/2024/05/billet.html',
      'https://mariemartin.blogspot.com/x.html',
    ],
    ['https://jdupont.github.io/notes/', 'https://mmartin.github.io/notes/'],
    ['https://jeandupont.substack.com/p/billet', 'https://mariemartin.substack.com/p/billet'],
    ['https://jeandupont.over-blog.com/2024/05/billet.html', 'https://autre.over-blog.com/x.html'],
    ['https://jeandupont.canalblog.com/archives/x.html', 'https://autre.canalblog.com/x.html'],
    ['https://jeandupont.wordpress.com/2024/05/12/billet/', 'https://autre.wordpress.com/x/'],
    ['https://mon-site.netlify.app/billet/', 'https://autre-site.netlify.app/billet/'],
    ['https://dupont.me.uk/billet/', 'https://martin.me.uk/billet/'],
    // On a host whose every name is a user's, « m » is one (m.github.io, GitHub's user m).
    ['https://m.github.io/notes/', 'https://mmartin.github.io/notes/'],
    ['https://open.github.io/notes/', 'https://mmartin.github.io/notes/'],
    ['https://www.monasso.asso.fr/actu/x', 'https://www.autre.asso.fr/actu/x'],
  ])('does not take two users’ sites on one shared host for one: %s → %s', (read, canonical) => {
    const doc = pageWith(`<link rel="canonical" href="${canonical}">`, '', read);
    expect(extractMetadata(doc)).toMatchObject({ url: read, provenance: { url: 'location' } });
  });

  it.each([
    [
      'https://jeandupont.blogspot.com/2024/05/billet.html?m=1',
      'https://jeandupont.blogspot.com/2024/05/billet.html',
    ],
    // Blogger's country hosts: the same blog, its canonical on blogspot.com.
    [
      'https://jeandupont.blogspot.fr/2024/05/billet.html',
      'https://jeandupont.blogspot.com/2024/05/billet.html',
    ],
    [
      'https://jeandupont.blogspot.co.uk/2024/05/billet.html',
      'https://jeandupont.blogspot.com/2024/05/billet.html',
    ],
  ])('takes the canonical of the same user’s site on a shared host: %s → %s', (read, canonical) => {
    const doc = pageWith(`<link rel="canonical" href="${canonical}">`, '', read);
    expect(extractMetadata(doc)).toMatchObject({
      url: canonical,
      provenance: { url: 'link[rel=canonical]' },
    });
  });

  it.each([
    // The platform's reader shows a user's post, its canonical the user's site.
    ['https://substack.com/home/post/p-123456', 'https://jeandupont.substack.com/p/billet'],
    [
      'https://www.tumblr.com/jeandupont/123/billet',
      'https://jeandupont.tumblr.com/post/123/billet',
    ],
    // The platform's own site, with or without www (Skyrock, the radio, where its blogs were).
    ['https://skyrock.com/news/x', 'https://www.skyrock.com/news/x'],
    // Substack's share links, a user's post at open.substack.com/pub/NAME/p/SLUG.
    [
      'https://open.substack.com/pub/jeandupont/p/billet?r=2abc&utm_medium=ios',
      'https://jeandupont.substack.com/p/billet',
    ],
    // A platform's mobile host is the platform, no user named « m ».
    [
      'https://m.livejournal.com/read/user/jeandupont/123/',
      'https://jeandupont.livejournal.com/123.html',
    ],
    ['https://m.tumblr.com/jeandupont/123/billet', 'https://jeandupont.tumblr.com/post/123/billet'],
    ['https://m.skyrock.com/news/x', 'https://skyrock.com/news/x'],
  ])('takes the canonical a shared host’s own pages give: %s → %s', (read, canonical) => {
    const doc = pageWith(`<link rel="canonical" href="${canonical}">`, '', read);
    expect(extractMetadata(doc)).toMatchObject({
      url: canonical,
      provenance: { url: 'link[rel=canonical]' },
    });
  });

  it('credits a Substack share link’s post to the user’s site its canonical names', () => {
    const doc = pageWith(
      '<link rel="canonical" href="https://jeandupont.substack.com/p/billet">',
      '',
      'https://open.substack.com/pub/jeandupont/p/billet',
    );
    expect(extractMetadata(doc)).toMatchObject({
      url: 'https://jeandupont.substack.com/p/billet',
      siteName: 'jeandupont.substack.com',
    });
  });

  describe('a Substack share link at a publication with its own domain', () => {
    const share = 'https://open.substack.com/pub/examplenews/p/la-suite?r=2abc&utm_medium=ios';
    const post = 'https://www.example-news.com/p/la-suite';
    const cdnImage =
      'https://substackcdn.com/image/fetch/w_1200,h_600,c_fill/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2Fabc.png';
    const head = (canonical: string, image?: string) =>
      `<link rel="canonical" href="${canonical}">` +
      meta('og:site_name', 'Example News') +
      (image ? meta('og:image', image) : '');

    it('credits the post to the publication’s domain its canonical names', () => {
      const doc = pageWith(head(post, cdnImage), '', share);
      expect(extractMetadata(doc)).toMatchObject({
        url: post,
        siteName: 'Example News',
        provenance: { url: 'link[rel=canonical]' },
      });
    });

    it('reads Substack’s images in twitter:image or the JSON-LD as well', () => {
      const twitter = pageWith(head(post) + meta('twitter:image', cdnImage, 'name'), '', share);
      const jsonLd = pageWith(
        head(post) +
          `<script type="application/ld+json">{"@type":"NewsArticle","headline":"La suite","image":"${cdnImage}"}</script>`,
        '',
        share,
      );
      expect(extractMetadata(twitter).url).toBe(post);
      expect(extractMetadata(jsonLd).url).toBe(post);
    });

    it.each([
      // No image of Substack's: nothing says the page is Substack's post.
      ['no Substack image', share, post, 'https://www.example-news.com/cover.png'],
      ['an image on a look-alike host', share, post, 'https://substackcdn.com.evil.example/x.png'],
      // Another post, or another page, of that domain.
      ['another slug', share, 'https://www.example-news.com/p/autre-billet', cdnImage],
      ['another path', share, 'https://www.example-news.com/la-suite', cdnImage],
      // Not Substack's share page: its host or its path.
      ['another host', 'https://open.substack.example/pub/examplenews/p/la-suite', post, cdnImage],
      ['Substack’s reader', 'https://substack.com/home/post/p-123456', post, cdnImage],
      [
        'a share page of no post',
        'https://open.substack.com/pub/examplenews/about',
        post,
        cdnImage,
      ],
    ])('keeps the address read for %s', (_, read, canonical, image) => {
      const doc = pageWith(head(canonical, image), '', read);
      expect(extractMetadata(doc)).toMatchObject({ url: read, provenance: { url: 'location' } });
    });
  });

  it('accepts an explicit page URL', () => {
    expect(extractMetadata(pageWith(''), 'https://other.example/a?fbclid=1').url).toBe(
      'https://other.example/a?fbclid=1',
    );
  });
});

describe('extractMetadata: site name', () => {
  it('prefers the short name a site uses in its titles over a declared name with a suffix', () => {
    const doc = pageWith(
      meta('og:site_name', 'Spiceworks Inc') + '<title>Video in 2020 - Spiceworks</title>',
    );
    expect(extractMetadata(doc).siteName).toBe('Spiceworks');
  });

  it('falls back to JSON-LD publisher, application-name, the title suffix, then the host name', () => {
    expect(
      extractMetadata(
        pageWith(
          '<script type="application/ld+json">{"@type":"Article","publisher":{"name":"Pub"}}</script>',
        ),
      ).siteName,
    ).toBe('Pub');
    expect(
      extractMetadata(pageWith(meta('application-name', 'The Guardian', 'name'))).siteName,
    ).toBe('The Guardian');
    expect(
      extractMetadata(pageWith('<title>Sudan sanctions lifted - The New York Times</title>')),
    ).toMatchObject({
      title: 'Sudan sanctions lifted - The New York Times',
      siteName: 'The New York Times',
      provenance: { siteName: '<title>' },
    });
    expect(extractMetadata(pageWith('<title>Plain</title>'))).toMatchObject({
      siteName: 'news.example.com',
      provenance: { siteName: 'hostname' },
    });
  });

  it('names a site at an accented domain as a reader writes it, its address in ASCII', () => {
    const read = 'https://www.xn--caf-dma.fr/menu';
    expect(extractMetadata(pageWith('<title>Le menu</title>', '', read))).toMatchObject({
      url: read,
      siteName: 'café.fr',
      provenance: { siteName: 'hostname' },
    });
    // The title's affix written as a reader writes the domain is the site's.
    expect(extractMetadata(pageWith('<title>Le menu | café.fr</title>', '', read))).toMatchObject({
      title: 'Le menu',
      siteName: 'café.fr',
    });
  });

  it('keeps in punycode a domain whose name could pass for another’s', () => {
    // « аррӏе.com »: Cyrillic letters drawn as Latin ones, not Apple's.
    const read = 'https://xn--80ak6aa92e.com/offre';
    expect(extractMetadata(pageWith('<title>Offre</title>', '', read)).siteName).toBe(
      'xn--80ak6aa92e.com',
    );
  });

  it('does not take the end of a quotation in « » for the site name', () => {
    expect(
      extractMetadata(
        pageWith('<title>Le Premier ministre promet un « choc de simplification »</title>'),
      ),
    ).toMatchObject({
      title: 'Le Premier ministre promet un « choc de simplification »',
      siteName: 'news.example.com',
      provenance: { siteName: 'hostname' },
    });
    expect(
      extractMetadata(
        pageWith('<title>Le palais que tout le monde appelle «&nbsp;Élysée&nbsp;»</title>'),
      ).siteName,
    ).toBe('news.example.com');
  });

  it('cuts the site name that follows a quotation in « » off the title', () => {
    const title = '<title>Retraites : le gouvernement veut « aller vite » - Le Quotidien</title>';
    // Without a declared name, the suffix names the site but stays in the title (as for NYT above).
    expect(extractMetadata(pageWith(title))).toMatchObject({
      siteName: 'Le Quotidien',
      provenance: { siteName: '<title>' },
    });
    // With one, or on the site's own host, it is cut off the title too.
    for (const doc of [
      pageWith(meta('og:site_name', 'Le Quotidien') + title),
      pageWith(title, '', 'https://www.lequotidien.example/politique/retraites.html'),
    ]) {
      expect(extractMetadata(doc)).toMatchObject({
        title: 'Retraites : le gouvernement veut « aller vite »',
        siteName: 'Le Quotidien',
      });
    }
  });
});

describe('extractMetadata: byline', () => {
  it('reads JSON-LD authors first and joins several', () => {
    const doc = pageWith(
      '<script type="application/ld+json">{"@type":"Article","author":[{"name":"A One"},{"name":"B Two"}]}</script>' +
        meta('author', 'Someone Else', 'name'),
    );
    expect(extractMetadata(doc)).toMatchObject({
      byline: 'A One, B Two',
      provenance: { byline: 'json-ld' },
    });
  });

  it('ignores article:author when it is a profile URL', () => {
    const doc = pageWith(
      meta('article:author', 'https://www.facebook.com/someone') +
        meta('parsely-author', 'Jane Doe', 'name'),
    );
    expect(extractMetadata(doc)).toMatchObject({
      byline: 'Jane Doe',
      provenance: { byline: 'parsely-author' },
    });
  });

  it('reads the byline markup, without "By", dates or comment authors', () => {
    const doc = pageWith(
      '',
      '<div class="comments"><div class="byline">J J</div></div>' +
        '<p class="byline">By  Jane   Doe | May 4, 2021 10:00 am</p>',
    );
    expect(extractMetadata(doc)).toMatchObject({
      byline: 'Jane Doe',
      provenance: { byline: '.byline' },
    });
  });

  it('reads an itemprop=author element through its itemprop=name', () => {
    const doc = pageWith(
      '',
      '<span itemprop="author creator" itemscope><a href="/by/x"><span itemprop="name">Nelson D. Schwartz</span></a> and more</span>',
    );
    expect(extractMetadata(doc).byline).toBe('Nelson D. Schwartz');
  });

  it('joins the co-authors of one byline marked up with itemprop=author', () => {
    const doc = pageWith(
      '',
      '<article><h1>Titre</h1><p>Par <span itemprop="author">Jean Dupont</span> et ' +
        '<span itemprop="author">Marie Martin</span></p></article>',
    );
    expect(extractMetadata(doc)).toMatchObject({
      byline: 'Jean Dupont, Marie Martin',
      provenance: { byline: '[itemprop=author]' },
    });
  });

  it('joins the co-authors of one byline linked with rel=author, one <li> each', () => {
    const doc = pageWith(
      '',
      '<ul class="authors"><li><a rel="author" href="/a">Jean Dupont</a></li>' +
        '<li><a rel="author" href="/b">Marie Martin</a></li></ul>',
    );
    expect(extractMetadata(doc).byline).toBe('Jean Dupont, Marie Martin');
  });

  it('reads the co-authors inside an itemprop=author element, not the element itself', () => {
    const doc = pageWith(
      '',
      '<p itemprop="author">Par <span itemprop="author">Jean Dupont</span> et ' +
        '<span itemprop="author">Marie Martin</span></p>',
    );
    expect(extractMetadata(doc).byline).toBe('Jean Dupont, Marie Martin');
  });

  it('does not join a related article’s author to the byline', () => {
    const doc = pageWith(
      '',
      '<article><header><p class="byline">Par <a rel="author" href="/a">Jean Dupont</a></p></header>' +
        '<p>Le texte de l’article, assez long pour ne pas être une signature. '.repeat(8) +
        '</p><aside><h3>À lire aussi : un autre titre</h3>' +
        '<p class="byline">Par <a rel="author" href="/b">Marie Martin</a></p></aside></article>',
    );
    expect(extractMetadata(doc).byline).toBe('Jean Dupont');
  });

  it('does not join the link to an author’s profile to their name', () => {
    const doc = pageWith(
      '',
      '<div class="profile"><dl><dt><a rel="author" href="/a">Jean Dupont</a></dt></dl>' +
        '<a rel="author" href="/a">Voir le profil complet</a></div>',
    );
    expect(extractMetadata(doc).byline).toBe('Jean Dupont');
  });

  it('reads an itemprop=author meta in an XHTML page, whose tag names are lower case', () => {
    const xhtml =
      '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">' +
      '<head><title>T</title></head><body><div itemprop="author" itemscope="">' +
      '<meta itemprop="name" content="Jean Dupont"/></div></body></html>';
    const { document } = new JSDOM(xhtml, {
      url: PAGE_URL,
      contentType: 'application/xhtml+xml',
      virtualConsole: new VirtualConsole(),
    }).window;
    expect(extractMetadata(document)).toMatchObject({
      byline: 'Jean Dupont',
      provenance: { byline: '[itemprop=author]' },
    });
  });
});

describe('looksLikePersonName', () => {
  it.each([
    'Jean Dupont',
    'Jean-Pierre Le Goff',
    'Charles de Gaulle',
    'Nelson D. Schwartz',
    'Conan O’Brien',
    "Conan O'Brien",
    // A particle's elision ends the name (« d’Ormesson », « d'Estaing »).
    'Jean d’Ormesson',
    "Valéry Giscard d'Estaing",
    'Haki Benita',
    'Françoise Héritier',
    // Surnames that are words of outlets' names elsewhere (« L’Obs », « Nouvel Obs »).
    'Jean Nouvel',
    'Jacob Hacker',
    // Namesakes of words of the outlets listed whole (« Rolling Stone », « So Foot »).
    'Oliver Stone',
    'Michael Foot',
    'Claire Dupont',
    'Marie Dupont',
    'Thomas Piketty',
    'Marie-Claire Dupont',
    // Persons whose names an elided particle or an apostrophe writes.
    "Jeanne d'Arc",
    "Nicolas d'Estienne d'Orves",
    "Jean D'Arcy",
    "Conor O'Neill",
    "N'Golo Kanté",
    "Ahmed M'Barek",
    "Jake D'Souza",
    "Marcello Dell'Utri",
    'Jean de La Fontaine',
    // A name whose first word opens a body's or a place's name elsewhere, without a particle.
    'Val Kilmer',
    // A name ending on « l'X », as one ends on « d'X ».
    "Rouget de l'Isle",
    'Claude Joseph Rouget de l’Isle',
    "Villiers de l'Isle-Adam",
    "Philippe Villiers de l'Isle-Adam",
    // Names sharing a word with an outlet's name, not the words that make it one.
    'Elle Fanning',
    'Marc Maison',
    'Nicolas Zone',
  ])('takes « %s » for a person', (name) => {
    expect(looksLikePersonName(name)).toBe(true);
  });

  it.each([
    'Le Monde',
    'Le Monde.fr',
    'LE MONDE.FR',
    'L’Express',
    'The Guardian',
    'Nice Matin',
    'Midi Libre',
    'Courrier International',
    'Ouest-France',
    'France 24',
    'Yahoo News',
    'AFP',
    'Mediapart',
    'jean dupont',
    // Outlets of two capitalised words, none a newspaper's usual word.
    'Jeune Afrique',
    'Atlas Obscura',
    'Valeurs Actuelles',
    'Public Sénat',
    'Alternatives Économiques',
    'Nouvelle République',
    'Républicain Lorrain',
    'Foreign Policy',
    'Madame Figaro',
    'Notre Temps',
    'Point de Vue',
    'Pour la Science',
    'Famille Chrétienne',
    // Outlets whose every word is a name elsewhere (Claire, Stone, Foot), listed whole.
    'Marie Claire',
    'Vanity Fair',
    'Rolling Stone',
    'So Foot',
    'Mother Jones',
    'Harper’s Bazaar',
    // A possessive is no person's name (« X’s Y »), whatever the apostrophe.
    "Harper's Bazaar",
    "Tom's Guide",
    'Tom’s Guide',
    "Reader's Digest",
    "Men's Health",
    // Outlets whose words are names or common words, listed whole.
    'Bon Appétit',
    'Good Housekeeping',
    'Evening Standard',
    'Paris Match',
    'Le Point',
    // A body's or a place's name, its head a common noun before a particle (« d'État », « du »).
    "Conseil d'État",
    'Caisse d’Épargne',
    "Côtes d'Armor",
    "Val d'Oise",
    "Pays d'Auge",
    "Chambre d'Agriculture",
    'Cour de Cassation',
    'Musée du Louvre',
    'Office de Tourisme',
    // Outlets listed whole.
    "Chasseur d'Images",
    'Boulevard Voltaire',
    // Outlets of two capitalised words, one a word of outlets' names, no surname.
    'Elle Décoration',
    'Zone Bourse',
    'Maison Française',
    // A name ending on « l'X » is no person's when a word or its head says it is an outlet's.
    "Courrier de l'Ouest",
    "Journal de l'Île",
    "Conseil de l'Europe",
    'Théâtre de l’Odéon',
    // A café's, a hotel's, a club's, an inn's, a bookshop's, a restaurant's name before a
    // particle, « l'X » ending it as « de la X » or « de X »: no given name opens it.
    "Café de l'Industrie",
    "Hôtel de l'Industrie",
    "Cercle de l'Union",
    "Auberge de l'Ill",
    "Librairie de l'Escalier",
    'Restaurant du Marché',
    'Café de Flore',
    'Hôtel de Ville',
  ])('takes « %s » for no person', (name) => {
    expect(looksLikePersonName(name)).toBe(false);
  });
});

describe('cleanByline', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['par Martin Untersinger', 'Martin Untersinger'],
    ['Written by: Jane Doe', 'Jane Doe'],
    ['by Steven Musil January 18, 2017 11:00 PM PST @stevenmusil', 'Steven Musil'],
    ['Jane Doe — 2019-04-28', 'Jane Doe'],
    ['Jane Doe Updated April 29, 2019', 'Jane Doe'],
    ['Nicolas Perriault —', 'Nicolas Perriault'],
    ['Laura June Topolsky', 'Laura June Topolsky'],
    [
      'Martin Untersinger (avec Damien Leloup et Morgane Tual)',
      'Martin Untersinger (avec Damien Leloup et Morgane Tual)',
    ],
  ])('cleans "%s" to "%s"', (raw, cleaned) => {
    expect(cleanByline(raw)).toBe(cleaned);
  });

  it.each([
    ['Par Jean Dupont le 12 mars 2024 à 10h30', 'Jean Dupont'],
    ['Par Jean Dupont Le 12 mars 2024', 'Jean Dupont'],
    ['Publié par Jean Dupont le mardi 12 mars 2024', 'Jean Dupont'],
    ['Jean Dupont, le 12/03/2024', 'Jean Dupont'],
    ['By Jane Doe on March 12, 2024', 'Jane Doe'],
  ])('cuts « le », "on" with the date that follows: "%s"', (raw, cleaned) => {
    expect(cleanByline(raw)).toBe(cleaned);
  });

  it.each([
    ["Par Jean Dupont Publié aujourd'hui à 10h30", 'Jean Dupont'],
    ['Par Jean Dupont, hier à 18 h 05', 'Jean Dupont'],
    ['Jean Dupont 10h30', 'Jean Dupont'],
  ])('knows French times, relative dates and a bare « Publié »: "%s"', (raw, cleaned) => {
    expect(cleanByline(raw)).toBe(cleaned);
  });

  it.each([
    ['Par Jean Le Goff', 'Jean Le Goff'],
    ['Par Jean Le Goff le 12 mars 2024', 'Jean Le Goff'],
  ])('keeps a « Le » that is part of the name: "%s"', (raw, cleaned) => {
    expect(cleanByline(raw)).toBe(cleaned);
  });

  it.each([
    ['Par Louis Bréhier', 'Louis Bréhier'],
    ['Par Louis Bréhier, le 12 mars 2024', 'Louis Bréhier'],
    ['Par Marie Hier', 'Marie Hier'],
    ['Par Jeanne Publier', 'Jeanne Publier'],
    ['Par Jeanne Publier, publiée hier', 'Jeanne Publier'],
  ])('keeps a name that holds a date’s word: "%s"', (raw, cleaned) => {
    expect(cleanByline(raw)).toBe(cleaned);
  });

  it.each([
    'https://example.com/author/jane',
    'April 28, 2019 at 6:01 am',
    'Last Updated: January 7, 2025',
    'J J',
    '  ',
  ])('rejects "%s"', (raw) => {
    expect(cleanByline(raw)).toBeUndefined();
  });
});

describe('extractMetadata: publication date', () => {
  it('reads article:published_time first and keeps its offset', () => {
    const doc = pageWith(
      meta('article:published_time', '2015-07-10 09:53:00 -0400') +
        '<script type="application/ld+json">{"@type":"Article","datePublished":"2001-01-01"}</script>',
    );
    expect(extractMetadata(doc)).toMatchObject({
      publishedAt: '2015-07-10T09:53:00-04:00',
      provenance: { publishedAt: 'article:published_time' },
    });
  });

  it('falls back to a <time datetime> inside the article', () => {
    const doc = pageWith(
      '',
      '<time datetime="2000-01-01">nav</time><article><time datetime="2019-11-21">21 Nov</time></article>',
    );
    expect(extractMetadata(doc).publishedAt).toBe('2019-11-21T00:00:00.000Z');
  });

  it('reads a date written 12/03/2024 as the 12th of March', () => {
    const doc = pageWith('', '<article><span itemprop="datePublished">12/03/2024</span></article>');
    expect(extractMetadata(doc).publishedAt).toBe('2024-03-12T00:00:00.000Z');
  });

  it('reads a date written 03/12/2024 month first on a page in US English', () => {
    const doc = makeDoc(
      '<html lang="en-US"><body><span itemprop="datePublished">03/12/2024</span></body></html>',
    );
    expect(extractMetadata(doc).publishedAt).toBe('2024-03-12T00:00:00.000Z');
  });
});

describe('toIsoDate', () => {
  it.each([
    ['2021-11-01T10:52:50+0100', '2021-11-01T10:52:50+01:00'],
    ['2015-07-10 09:53:00 -0400', '2015-07-10T09:53:00-04:00'],
    ['2019-01-03T07:00:02.000Z', '2019-01-03T07:00:02.000Z'],
    ['2017-11-03 03:01:00.000000', '2017-11-03T03:01:00.000Z'],
    ['2020-09-21', '2020-09-21T00:00:00.000Z'],
    ['2024-06-25T08:00:00.5+05:30', '2024-06-25T08:00:00.500+05:30'],
    ['Tue, 14 May 2019 10:00:00 GMT', '2019-05-14T10:00:00.000Z'],
    ['January 7, 2025', '2025-01-07T00:00:00.000Z'],
  ])('normalises %s to %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it.each([
    ['12/03/2024', '2024-03-12T00:00:00.000Z'],
    ['12.03.2024', '2024-03-12T00:00:00.000Z'],
    ['06-05-2024 10:30', '2024-05-06T10:30:00.000Z'],
    ['Publié le 12/03/2024 à 10h30', '2024-03-12T10:30:00.000Z'],
    ['12/03/2024 10:30 +0100', '2024-03-12T10:30:00+01:00'],
    // A second number above 12 can only be the day.
    ['03/25/2024', '2024-03-25T00:00:00.000Z'],
  ])('reads numeric dates day first unless the numbers say otherwise: %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it.each([
    ['03/12/2024', '2024-03-12T00:00:00.000Z'],
    ['25/03/2024', '2024-03-25T00:00:00.000Z'],
  ])(
    'reads numeric dates month first in US English, unless the numbers say otherwise: %s',
    (input, expected) => {
      expect(toIsoDate(input, 'en-US')).toBe(expected);
    },
  );

  it.each([
    ['Tue, 12 Mar 2024 10:30:00 +0100', '2024-03-12T10:30:00+01:00'],
    ['Mon, 11 Mar 2024 22:15:00 -0500', '2024-03-11T22:15:00-05:00'],
  ])('keeps the offset written in an RFC 2822 date: %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it.each([
    ['3/12/2024 2:30 PM EST', 'en-US', '2024-03-12T19:30:00.000Z'],
    ['3/12/2024 2:30 PM', 'en-US', '2024-03-12T14:30:00.000Z'],
    ['12/03/2024 2:30 p.m.', 'fr', '2024-03-12T14:30:00.000Z'],
    ['12/03/2024 14h30 heure de Paris', 'fr', '2024-03-12T14:30:00.000Z'],
  ])(
    'reads a numeric date’s time of 12 hours and its zone’s name: %s (%s)',
    (input, lang, expected) => {
      expect(toIsoDate(input, lang)).toBe(expected);
    },
  );

  it.each(['', 'yesterday', '2019-02-31', '0001-01-01', '2019-13-01', '12345', '31/02/2024'])(
    'rejects "%s"',
    (input) => {
      expect(toIsoDate(input)).toBeUndefined();
    },
  );
});

describe('extractMetadata: language, excerpt and image', () => {
  it('reads html[lang], then Content-Language, then og:locale', () => {
    expect(extractMetadata(makeDoc('<html lang="en-us"><head></head></html>')).lang).toBe('en-US');
    expect(
      extractMetadata(pageWith('<meta http-equiv="Content-Language" content="de_AT">')).lang,
    ).toBe('de-AT');
    expect(extractMetadata(pageWith(meta('og:locale', 'fr_FR')))).toMatchObject({
      lang: 'fr-FR',
      provenance: { lang: 'og:locale' },
    });
  });

  it('writes the page’s language as a tag is written, and rejects junk', () => {
    const lang = (html: string) => extractMetadata(makeDoc(html)).lang;
    expect(lang('<html lang="zh_hant_tw"><head></head></html>')).toBe('zh-Hant-TW');
    expect(lang('<html lang="EN-us"><head></head></html>')).toBe('en-US');
    expect(lang('<html lang="english!"><head></head></html>')).toBeUndefined();
    // A list (Content-Language may hold one): its first language.
    const list = pageWith('<meta http-equiv="Content-Language" content="en-GB, fr">');
    expect(extractMetadata(list).lang).toBe('en-GB');
  });

  it('reads the excerpt in priority order', () => {
    const doc = pageWith(
      meta('description', 'Meta description', 'name') +
        meta('twitter:description', 'Twitter description', 'name'),
    );
    expect(extractMetadata(doc)).toMatchObject({
      excerpt: 'Twitter description',
      provenance: { excerpt: 'twitter:description' },
    });
  });

  it('makes the image absolute against <base href>', () => {
    const doc = pageWith(
      '<base href="https://cdn.example.com/assets/">' + meta('og:image', 'img/lead.jpg'),
    );
    expect(extractMetadata(doc).imageUrl).toBe('https://cdn.example.com/assets/img/lead.jpg');
  });

  it('skips images that are not http(s)', () => {
    const doc = pageWith(
      meta('og:image', 'data:image/png;base64,AAAA') + meta('twitter:image', '/t.jpg', 'name'),
    );
    expect(extractMetadata(doc)).toMatchObject({
      imageUrl: 'https://news.example.com/t.jpg',
      provenance: { imageUrl: 'twitter:image' },
    });
  });
});

describe('extractMetadata: microdata', () => {
  it('reads itemprop=headline and itemprop=description from meta tags', () => {
    const doc = pageWith(
      meta('headline', 'Microdata headline', 'itemprop') +
        meta('description', 'Microdata description', 'itemprop'),
    );
    expect(extractMetadata(doc)).toMatchObject({
      title: 'Microdata headline',
      excerpt: 'Microdata description',
      provenance: { title: 'itemprop=headline', excerpt: 'itemprop=description' },
    });
  });
});

describe('extractMetadata: Wikipedia', () => {
  // The real page, as saved in the corpus, loaded from its address on Wikipedia.
  const html = readFileSync(
    path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../fixtures/pages/wikipedia-4/source.html',
    ),
    'utf8',
  );
  const metadata = extractMetadata(
    makeDoc(html, 'https://en.wikipedia.org/wiki/List_of_films_featuring_time_loops'),
  );

  it('names the site « Wikipédia », not its publisher « Wikimedia Foundation, Inc. »', () => {
    expect(metadata.siteName).toBe('Wikipédia');
  });

  it('gives no byline: "Contributors to Wikimedia projects" is a collective, not an author', () => {
    expect(metadata.byline).toBeUndefined();
  });

  it('knows French and mobile Wikipedia too', () => {
    for (const url of [
      'https://fr.wikipedia.org/wiki/Lina_Khan',
      'https://fr.m.wikipedia.org/wiki/X',
    ]) {
      expect(extractMetadata(makeDoc(html, url)).siteName).toBe('Wikipédia');
    }
  });
});

describe('extractMetadata: authors that are not bylines', () => {
  const ld = (author: unknown) =>
    pageWith(
      `<script type="application/ld+json">${JSON.stringify({
        '@type': 'NewsArticle',
        headline: 'Titre',
        author,
        publisher: { '@type': 'Organization', name: 'Le Journal' },
      })}</script>`,
    );

  it('leaves out an author named like the publisher, and keeps the people', () => {
    const metadata = extractMetadata(
      ld([
        { '@type': 'Organization', name: 'Le Journal' },
        { '@type': 'Person', name: 'Ana Lopez' },
      ]),
    );
    expect(metadata.byline).toBe('Ana Lopez');
  });

  it('keeps a Person named like the publisher: a blog under its author’s name', () => {
    const metadata = extractMetadata(ld({ '@type': 'Person', name: 'Le Journal' }));
    expect(metadata).toMatchObject({ byline: 'Le Journal', provenance: { byline: 'json-ld' } });
  });

  it('does not credit the publication named in meta[name=author] (« Le Parisien »)', () => {
    const doc = pageWith(
      meta('og:site_name', 'Le Parisien') +
        meta('author', 'Le Parisien', 'name') +
        `<script type="application/ld+json">${JSON.stringify({
          '@type': 'NewsArticle',
          author: { '@type': 'Organization', name: 'Le Parisien' },
          publisher: { '@type': 'Organization', name: 'Le Parisien' },
        })}</script>`,
    );
    expect(extractMetadata(doc).byline).toBeUndefined();
  });

  it('does not credit the publication named in the byline markup, however written', () => {
    const doc = pageWith(
      meta('og:site_name', 'Le Monde.fr'),
      '<p class="byline">Par LE MONDE.FR</p>',
    );
    expect(extractMetadata(doc).byline).toBeUndefined();
  });

  it('keeps the author of a personal blog named after them, and their name as the site', () => {
    const doc = pageWith(
      meta('og:site_name', 'Jean Dupont') + '<title>Mon billet du jour – Jean Dupont</title>',
      '<article><h1>Mon billet du jour</h1>' +
        '<p class="byline">Par <a rel="author" href="/a-propos">Jean Dupont</a></p></article>',
    );
    expect(extractMetadata(doc)).toMatchObject({
      title: 'Mon billet du jour',
      byline: 'Jean Dupont',
      siteName: 'Jean Dupont',
      provenance: { byline: '[rel=author]', siteName: 'og:site_name' },
    });
  });

  it.each(["Rouget de l'Isle", "Villiers de l'Isle-Adam"])(
    'keeps the author of a site named after them, their name ending on « l’X »: %s',
    (name) => {
      const doc = pageWith(
        meta('og:site_name', name) + meta('author', name, 'name'),
        `<article><h1>Titre</h1><p class="byline">Par <span itemprop="author">${name}</span></p></article>`,
      );
      expect(extractMetadata(doc)).toMatchObject({ byline: name, siteName: name });
    },
  );

  it('keeps a blogger named in meta[name=author] whose JSON-LD names them as publisher only', () => {
    const doc = pageWith(
      meta('author', 'Charles de Gaulle', 'name') +
        `<script type="application/ld+json">${JSON.stringify({
          '@type': 'BlogPosting',
          headline: 'Mémoires',
          publisher: { '@type': 'Organization', name: 'Charles de Gaulle' },
        })}</script>`,
    );
    expect(extractMetadata(doc)).toMatchObject({
      byline: 'Charles de Gaulle',
      provenance: { byline: 'meta[name=author]' },
    });
  });

  const blogLd = (author: unknown, publisher: unknown) =>
    pageWith(
      `<script type="application/ld+json">${JSON.stringify({
        '@type': 'BlogPosting',
        headline: 'Mon billet',
        author,
        publisher,
      })}</script>`,
    );

  it('keeps a JSON-LD author given as a string named like the publisher, written as a person’s', () => {
    const doc = blogLd('Jean Dupont', { '@type': 'Organization', name: 'Jean Dupont' });
    expect(extractMetadata(doc)).toMatchObject({
      byline: 'Jean Dupont',
      provenance: { byline: 'json-ld' },
    });
  });

  it('keeps a blog’s self-named JSON-LD author in its place, first of its co-authors', () => {
    const doc = blogLd(['Jean Dupont', 'Marie Martin'], {
      '@type': 'Organization',
      name: 'Jean Dupont',
    });
    // Before, « Marie Martin, Jean Dupont ».
    expect(extractMetadata(doc).byline).toBe('Jean Dupont, Marie Martin');
  });

  it('keeps a JSON-LD author given as a string named like a publisher declared a Person', () => {
    const doc = blogLd('Eolas', { '@type': 'Person', name: 'Eolas' });
    expect(extractMetadata(doc)).toMatchObject({
      byline: 'Eolas',
      provenance: { byline: 'json-ld' },
    });
  });

  it.each(['Le Parisien', 'Marie Claire', 'AFP'])(
    'does not credit a publication named as its JSON-LD author by a string: %s',
    (name) => {
      const doc = blogLd(name, { '@type': 'Organization', name });
      expect(extractMetadata(doc).byline).toBeUndefined();
    },
  );

  // No publisher declared: the author given as a string is judged against og:site_name.
  const siteLd = (siteName: string, author: unknown) =>
    pageWith(
      meta('og:site_name', siteName) +
        `<script type="application/ld+json">${JSON.stringify({
          '@type': 'NewsArticle',
          headline: 'Titre',
          author,
        })}</script>`,
    );

  it.each(['Le Parisien', 'Marie Claire', 'AFP', 'Tom’s Guide'])(
    'does not credit a publication named as its JSON-LD author by a string like its og:site_name: %s',
    (name) => {
      expect(extractMetadata(siteLd(name, name)).byline).toBeUndefined();
    },
  );

  it.each(['Organization', 'NewsMediaOrganization'])(
    'does not credit a publication declared its JSON-LD author (%s) named like its og:site_name, no publisher declared',
    (type) => {
      expect(
        extractMetadata(siteLd('Le Parisien', { '@type': type, name: 'Le Parisien' })).byline,
      ).toBeUndefined();
    },
  );

  it('keeps the people among JSON-LD authors, an organization named like the site among them, no publisher declared', () => {
    const doc = siteLd('Le Parisien', [
      { '@type': 'Organization', name: 'Le Parisien' },
      { '@type': 'Person', name: 'Ana Lopez' },
    ]);
    expect(extractMetadata(doc)).toMatchObject({
      byline: 'Ana Lopez',
      provenance: { byline: 'json-ld' },
    });
  });

  it('keeps an agency declared the JSON-LD author of a page naming no publisher', () => {
    const doc = siteLd('Le Parisien', { '@type': 'Organization', name: 'AFP' });
    expect(extractMetadata(doc).byline).toBe('AFP');
  });

  // The publisher named is the group, the site its brand: the author is judged against both.
  const groupLd = (author: unknown) =>
    pageWith(
      meta('og:site_name', 'Femme Actuelle') +
        `<script type="application/ld+json">${JSON.stringify({
          '@type': 'NewsArticle',
          headline: 'Titre',
          author,
          publisher: { '@type': 'Organization', name: 'Prisma Media' },
        })}</script>`,
    );

  it.each([
    ['a string', 'Femme Actuelle'],
    ['an Organization', { '@type': 'Organization', name: 'Femme Actuelle' }],
  ])(
    'does not credit a publication named as its JSON-LD author (%s) like its og:site_name, the publisher its group',
    (_, author) => {
      expect(extractMetadata(groupLd(author)).byline).toBeUndefined();
    },
  );

  it('keeps the people among JSON-LD authors that name the site, the publisher its group', () => {
    expect(extractMetadata(groupLd(['Femme Actuelle', 'Ana Lopez'])).byline).toBe('Ana Lopez');
  });

  it('keeps a blogger’s JSON-LD author named like og:site_name, the publisher another name', () => {
    const doc = pageWith(
      meta('og:site_name', 'Jean Dupont') +
        `<script type="application/ld+json">${JSON.stringify({
          '@type': 'BlogPosting',
          headline: 'Titre',
          author: 'Jean Dupont',
          publisher: { '@type': 'Organization', name: 'Jean Dupont Conseil' },
        })}</script>`,
    );
    expect(extractMetadata(doc).byline).toBe('Jean Dupont');
  });

  it('keeps the people among JSON-LD authors that name the site too, no publisher declared', () => {
    const doc = siteLd('Le Parisien', ['Le Parisien', 'Ana Lopez']);
    expect(extractMetadata(doc)).toMatchObject({
      byline: 'Ana Lopez',
      provenance: { byline: 'json-ld' },
    });
  });

  it.each([
    ['Jean Dupont', 'Jean Dupont'],
    ['Eolas', { '@type': 'Person', name: 'Eolas' }],
  ])(
    'keeps a blogger’s JSON-LD author named like og:site_name, no publisher declared: %s',
    (name, author) => {
      expect(extractMetadata(siteLd(name, author))).toMatchObject({
        byline: name,
        provenance: { byline: 'json-ld' },
      });
    },
  );

  it('keeps the people among a JSON-LD author list that names the publication too', () => {
    const doc = blogLd(['Le Parisien', 'Ana Lopez'], {
      '@type': 'Organization',
      name: 'Le Parisien',
    });
    expect(extractMetadata(doc).byline).toBe('Ana Lopez');
  });

  // The corpus's personal blog (hakibenita.com), its JSON-LD author taken out: its
  // meta[name=author] « Haki Benita » is the JSON-LD publisher's name.
  it('keeps the author of the corpus’s personal blog without its JSON-LD author', () => {
    const html = readFileSync(
      path.join(
        path.dirname(fileURLToPath(import.meta.url)),
        '../../fixtures/pages/toc-missing/source.html',
      ),
      'utf8',
    ).replace(/"author": \{\s*"@type": "Person",\s*"name": "Haki Benita"\s*\},/, '');
    expect(html).not.toContain('"@type": "Person"');
    const metadata = extractMetadata(makeDoc(html, 'https://hakibenita.com/sql-anomaly-detection'));
    expect(metadata).toMatchObject({
      byline: 'Haki Benita',
      siteName: 'Haki Benita',
      provenance: { byline: 'meta[name=author]' },
    });
  });

  it.each([
    'Le Monde',
    'Le Monde.fr',
    'L’Express',
    'Nice Matin',
    'Sud Ouest',
    'AFP',
    'Mediapart',
    'Jeune Afrique',
    'Atlas Obscura',
    'Marie Claire',
    'Vanity Fair',
    'Rolling Stone',
    'So Foot',
    'Tom’s Guide',
    "Reader's Digest",
    'Bon Appétit',
    'Good Housekeeping',
    'Evening Standard',
    "Conseil d'État",
    "Chasseur d'Images",
    'Musée du Louvre',
    'Boulevard Voltaire',
    'Elle Décoration',
    'Zone Bourse',
    'Maison Française',
  ])('does not credit a newspaper whose byline markup holds only its name: %s', (name) => {
    const doc = pageWith(
      meta('og:site_name', name) + meta('author', name, 'name'),
      `<article><h1>Titre</h1><p class="byline">Par <span itemprop="author">${name}</span></p></article>`,
    );
    expect(extractMetadata(doc).byline).toBeUndefined();
  });

  it('leaves out « Contributeurs aux projets Wikimedia »', () => {
    const metadata = extractMetadata(
      ld({ '@type': 'Organization', name: 'Contributeurs aux projets Wikimedia' }),
    );
    expect(metadata.byline).toBeUndefined();
  });
});

describe('extractMetadata: web archives', () => {
  const original =
    'https://www.lemonde.fr/economie/article/2024/03/15/la-fin-des-tickets_1234_3234.html';
  const articleHead =
    '<title>La fin des tickets de caisse - Le Monde</title>' +
    meta('og:title', 'La fin des tickets de caisse') +
    meta('og:url', original) +
    meta('og:site_name', 'Le Monde') +
    meta('author', 'Marie Martin', 'name') +
    meta('article:published_time', '2024-03-15T06:00:00+01:00');
  const articleBody =
    '<article><h1>La fin des tickets de caisse</h1><p>Le texte de l’article.</p></article>';

  // The original may be gone or changed since: the copy read is the one the draft cites, and
  // credits to the original's site, title and author.
  it.each([
    ['its canonical the original’s', original],
    [
      'its canonical rewritten to the archive’s',
      `https://web.archive.org/web/${WAYBACK_TIMESTAMP}/${original}`,
    ],
  ])('keeps a Wayback Machine copy’s address, credited as the original (%s)', (_, canonical) => {
    const { html, url } = waybackPage({
      original,
      canonical,
      head: articleHead,
      body: articleBody,
    });
    expect(extractMetadata(makeDoc(html, url))).toMatchObject({
      url,
      title: 'La fin des tickets de caisse',
      siteName: 'Le Monde',
      byline: 'Marie Martin',
      publishedAt: '2024-03-15T06:00:00+01:00',
      lang: 'fr',
      provenance: { url: 'location', title: 'og:title', siteName: 'og:site_name' },
    });
  });

  it('names a Wayback Machine copy’s site after the original’s host when it declares no name', () => {
    const { html, url } = waybackPage({
      original,
      head: '<title>La fin des tickets de caisse</title>',
      body: articleBody,
    });
    expect(extractMetadata(makeDoc(html, url))).toMatchObject({
      url,
      title: 'La fin des tickets de caisse',
      siteName: 'lemonde.fr',
      provenance: { url: 'location', siteName: 'hostname' },
    });
  });

  // An original at an IP address or on a punycode top-level domain is credited as read directly.
  it.each([
    ['http://192.0.2.7/page', '192.0.2.7'],
    ['http://[2001:db8::7]/page', '[2001:db8::7]'],
    // Named as a reader writes it, « пример.рф » (lib/punycode.ts); its address stays ASCII.
    ['https://xn--e1afmkfd.xn--p1ai/page', 'пример.рф'],
  ])(
    'names a Wayback Machine copy of %s after the original’s host, as the original itself',
    (page, host) => {
      const { html, url } = waybackPage({
        original: page,
        // As the Wayback Machine rewrites it: the original written only in archive addresses.
        canonical: `https://web.archive.org/web/${WAYBACK_TIMESTAMP}/${page}`,
        head: '<title>Titre</title>',
        body: '<h1>Titre</h1>',
      });
      const direct = extractMetadata(pageWith('<title>Titre</title>', '<h1>Titre</h1>', page));
      expect(direct.siteName).toBe(host);
      expect(extractMetadata(makeDoc(html, url))).toMatchObject({
        url,
        siteName: host,
        provenance: { url: 'location', siteName: 'hostname' },
      });
    },
  );

  it('names an archive.today copy’s site after its canonical’s host, its address its own', () => {
    const read = 'https://archive.ph/AbCdE';
    const doc = pageWith(
      `<link rel="canonical" href="${original}"><title>La fin des tickets de caisse</title>`,
      articleBody,
      read,
    );
    expect(extractMetadata(doc)).toMatchObject({
      url: read,
      siteName: 'lemonde.fr',
      provenance: { url: 'location', siteName: 'hostname' },
    });
  });

  // archive.today names its copy by its long address, the original's written in it.
  it.each(['archive.ph', 'archive.is', 'archive.today'])(
    'names an archive.today copy read at its short address after the original’s host (%s)',
    (host) => {
      const { html, url } = archiveTodayPage({
        original,
        host,
        head: '<title>La fin des tickets de caisse</title>',
        body: articleBody,
      });
      expect(extractMetadata(makeDoc(html, url))).toMatchObject({
        url,
        title: 'La fin des tickets de caisse',
        siteName: 'lemonde.fr',
        provenance: { url: 'location', siteName: 'hostname' },
      });
    },
  );

  // Its head naming only itself, the header's long link to share writes the original's.
  it('names an archive.today copy whose canonical is its short address after the original’s host', () => {
    const { html, url } = archiveTodayPage({
      original,
      canonical: 'https://archive.ph/AbCdE',
      head: '<title>La fin des tickets de caisse</title>',
      body: articleBody,
    });
    expect(extractMetadata(makeDoc(html, url))).toMatchObject({
      url,
      siteName: 'lemonde.fr',
      provenance: { url: 'location', siteName: 'hostname' },
    });
  });

  // archive.today's mirrors serve one copy: a short address on another of them names no original.
  it.each(['archive.is', 'archive.today', 'archive.li', 'archive.vn', 'archive.md'])(
    'names an archive.today copy read at %s, its canonical the short address on archive.ph, after the original’s host',
    (host) => {
      const { html, url } = archiveTodayPage({
        original,
        host,
        canonical: 'https://archive.ph/AbCdE',
        head: '<title>La fin des tickets de caisse</title>',
        body: articleBody,
      });
      expect(extractMetadata(makeDoc(html, url))).toMatchObject({
        url,
        siteName: 'lemonde.fr',
        provenance: { url: 'location', siteName: 'hostname' },
      });
    },
  );

  it('credits an archive.today copy to the site the original declared', () => {
    const { html, url } = archiveTodayPage({ original, head: articleHead, body: articleBody });
    expect(extractMetadata(makeDoc(html, url))).toMatchObject({
      url,
      siteName: 'Le Monde',
      byline: 'Marie Martin',
      provenance: { url: 'location', siteName: 'og:site_name' },
    });
  });

  it('names Wikipédia for an archived copy of one of its pages', () => {
    const { html, url } = waybackPage({
      original: 'https://fr.wikipedia.org/wiki/Ticket_de_caisse',
      head:
        '<title>Ticket de caisse — Wikipédia</title>' +
        meta('og:site_name', 'Wikimedia Foundation, Inc.'),
      body: '<h1>Ticket de caisse</h1>',
    });
    expect(extractMetadata(makeDoc(html, url))).toMatchObject({ url, siteName: 'Wikipédia' });
  });
});
