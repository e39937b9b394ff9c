import { describe, expect, it } from 'vitest';
import { domainToASCII, domainToUnicode } from 'node:url';
import { decodePunycode, readableHost } from '../../../lib/punycode';

describe('decodePunycode', () => {
  it.each([
    ['caf-dma', 'café'],
    ['mnchen-3ya', 'münchen'],
    ['e1afmkfd', 'пример'],
    ['p1ai', 'рф'],
    ['wgv71a119e', '日本語'],
    // RFC 3492's samples (B) and (L): Chinese, then Japanese with ASCII kept as written.
    ['ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'],
    ['3B-ww4c5e180e575a65lsy2b', '3年B組金八先生'],
  ])('decodes %s as %s', (encoded, text) => {
    expect(decodePunycode(encoded)).toBe(text);
  });

  it.each(['caf-dm!', 'abc-99999999999999', 'é-dma'])('decodes no text from %s', (bad) => {
    expect(decodePunycode(bad)).toBeUndefined();
  });

  it('decodes as Node’s URL module does, over labels in many scripts', () => {
    // A fixed pseudo-random walk (no clock, no Math.random): the same labels at every run.
    let seed = 62;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabets = [
      'abcdefz0129-',
      'àâçéèêëîïôöûüÿœæ',
      'абвгдежзийклмнопрстуфхцчшщыэюяё',
      'αβγδεζηθλμνξπρστφω',
      '日本語中文字漢かなカナ한국어',
      'אבגדהוזחטי',
      'ابتثجحخدذرزسش',
    ];
    let checked = 0;
    for (let round = 0; round < 400; round += 1) {
      const letters = [...alphabets[next(alphabets.length)]!, ...alphabets[0]!];
      const label = Array.from({ length: 1 + next(12) }, () => letters[next(letters.length)]!).join(
        '',
      );
      const ascii = domainToASCII(`${label}.example`);
      if (!ascii.startsWith('xn--')) continue;
      checked += 1;
      const encoded = ascii.slice(4, ascii.indexOf('.'));
      expect(decodePunycode(encoded)).toBe(domainToUnicode(ascii).split('.')[0]);
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe('readableHost', () => {
  it.each([
    ['xn--caf-dma.fr', 'café.fr'],
    ['www.xn--caf-dma.fr', 'www.café.fr'],
    ['xn--e1afmkfd.xn--p1ai', 'пример.рф'],
    ['xn--j1ail.xn--p1ai', 'кто.рф'],
    ['xn--wgv71a119e.jp', '日本語.jp'],
    ['xn--3e0b707e.kr', '한국.kr'],
    ['xn--hxajbheg2az3al.gr', 'παράδειγμα.gr'],
    // Latin with Japanese in one label, as Japanese writes it.
    ['xn--3b-ww4c5e180e575a65lsy2b.jp', '3年b組金八先生.jp'],
  ])('shows %s as %s', (host, readable) => {
    expect(readableHost(host)).toBe(readable);
  });

  it.each([
    'lemonde.fr',
    '192.0.2.7',
    '[2001:db8::1]',
    // Cyrillic with Latin in one label (« а » Cyrillic, « pple » Latin).
    'xn--pple-43d.com',
    // All Cyrillic letters drawn as Latin ones (« аррӏе »), under .com: not Apple's.
    'xn--80ak6aa92e.com',
    'www.xn--80ak6aa92e.com',
    // One doubtful label keeps the whole host as written.
    'xn--caf-dma.xn--pple-43d.com',
    // A symbol (the Arabic question mark) in a label.
    'xn--egbpdaj6bu4bxfgehfvwxn.example',
    // Labels that do not decode, or decode to ASCII only.
    'xn--caf-dm!.fr',
    'xn--abc-.fr',
  ])('keeps %s as written', (host) => {
    expect(readableHost(host)).toBe(host);
  });

  it.each([
    // All Greek letters drawn as Latin ones: « νοχ » (nu, omicron, chi) reads Vox's vox.com,
    // « αρ » (alpha, rho) the Associated Press's ap.org; under a Latin domain, neither is theirs.
    ['νοχ.com'],
    ['αρ.org'],
    ['www.ναγ.fr'],
    // All Armenian letters drawn as Latin ones (« հօս », hou).
    ['հօս.com'],
  ])('keeps %s as the browser writes it: another alphabet drawn as Latin', (unicode) => {
    const ascii = domainToASCII(unicode);
    expect(ascii).toMatch(/xn--/);
    expect(readableHost(ascii)).toBe(ascii);
  });

  it.each([
    // « li̇beration.fr »: an i carrying a combining dot above (U+0307), its own dot hiding it,
    // reads as Libération's liberation.fr; « wi̇kipedia.org » so; the dot on a j or an l too.
    ['li\u0307beration.fr'],
    ['wi\u0307kipedia.org'],
    ['j\u0307ournal.fr'],
    ['l\u0307emonde.fr'],
  ])('keeps %s as the browser writes it: a dot above hidden by a letter’s own', (unicode) => {
    const ascii = domainToASCII(unicode);
    expect(ascii).toMatch(/^xn--/);
    expect(readableHost(ascii)).toBe(ascii);
  });

  it.each([
    // Le Monde's name carrying a Khmer sign (coeng, U+17D2), drawn as nothing or a dotted circle
    // on a Latin letter: « lemo្nde.fr » reads lemonde.fr. Latin with a Khmer mark is two scripts.
    ['lemo\u17D2nde.fr'],
    // A Devanagari virama so.
    ['lemonde\u094D.fr'],
  ])('keeps %s as the browser writes it: a mark of another script on Latin letters', (unicode) => {
    const ascii = domainToASCII(unicode);
    expect(ascii).toMatch(/^xn--/);
    expect(readableHost(ascii)).toBe(ascii);
  });

  it('shows marks of the letters’ own script, or marks of any (Arabic vowels), as before', () => {
    for (const unicode of ['हिन्दी.com', 'ที่.com', 'عَرَب.com', 'がっこう.jp']) {
      expect(readableHost(domainToASCII(unicode))).toBe(unicode);
    }
  });

  it.each([
    // Latin letters beyond ASCII drawn as ASCII ones: « ǀemonde.fr » (a click letter, U+01C0,
    // for the l) reads Le Monde's lemonde.fr, « ɑp.org » (Latin alpha) ap.org, « ᴠᴏx.com » (small
    // capitals) vox.com, « lıberatıon.fr » (dotless i) liberation.fr.
    ['ǀemonde.fr'],
    ['ǀibération.fr'],
    ['ɑp.org'],
    ['ᴠᴏx.com'],
    ['lıberatıon.fr'],
  ])('keeps %s as the browser writes it: Latin letters drawn as ASCII ones', (unicode) => {
    const ascii = domainToASCII(unicode);
    expect(ascii).toMatch(/^xn--/);
    expect(readableHost(ascii)).toBe(ascii);
  });

  it.each([
    // Latin with a Chinese, Japanese or Korean sign drawn as a hyphen or a stroke: « ouest一france.fr »
    // (Han « one ») reads Ouest-France's ouest-france.fr, « ouestᅳfrance.fr » (a Hangul vowel) so,
    // « ouestノfrance.fr » (Katakana « no ») ouest/france, « la丶croix.com » la-croix.com.
    ['ouest一france.fr'],
    ['ouestᅳfrance.fr'],
    ['ouestノfrance.fr'],
    ['la丶croix.com'],
  ])(
    'keeps %s as the browser writes it: a sign drawn as a hyphen among Latin letters',
    (unicode) => {
      const ascii = domainToASCII(unicode);
      expect(ascii).toMatch(/^xn--/);
      expect(readableHost(ascii)).toBe(ascii);
    },
  );

  it('shows those signs among Chinese or Japanese letters', () => {
    for (const unicode of ['東京一番.jp', '中一.com']) {
      expect(readableHost(domainToASCII(unicode))).toBe(unicode);
    }
  });

  it('shows Greek words that are not drawn as Latin, and Greek under a Greek domain', () => {
    for (const unicode of ['ελλάδα.com', 'νοχ.ελ', 'παράδειγμα.fr']) {
      expect(readableHost(domainToASCII(unicode))).toBe(unicode);
    }
  });

  it('keeps a host whose label is longer than a name may be (63) as written, without failing', () => {
    // The URL parser takes such a host (no length check); decoding 150,000 letters threw.
    const host = new URL(`https://caf${'é'.repeat(150_000)}.fr/`).hostname;
    expect(readableHost(host)).toBe(host);
    const longest = domainToASCII(`caf${'é'.repeat(40)}.fr`);
    expect(longest.split('.')[0]!.length).toBeLessThanOrEqual(63);
    expect(readableHost(longest)).toBe(`caf${'é'.repeat(40)}.fr`);
  });

  it('shows Cyrillic letters drawn as Latin under a Cyrillic top-level domain', () => {
    // « рос » (Russian) under .рф: the domain says which alphabet is read.
    const ascii = domainToASCII('рос.рф');
    expect(readableHost(ascii)).toBe('рос.рф');
  });
});
