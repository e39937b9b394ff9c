/**
 * Internationalized host names as an editor reads them. The URL parser writes a host in ASCII,
 * each label with letters beyond it in punycode (RFC 3492: `café.fr` is `xn--caf-dma.fr`); the
 * links keep that form, and only the site's name shown (a clip's « site ») is decoded here, with
 * no dependency: the extension's pages have no `url.domainToUnicode`.
 *
 * A name that could pass for another is left in punycode, as browsers leave it in their address
 * bar: a label mixing scripts beyond what one language writes (UTS 39's « highly restrictive »
 * profile: one script, or Latin with Chinese, Japanese or Korean), a label in Cyrillic made only
 * of letters that look Latin (`аррӏе.com`, not Apple's), or in Greek or Armenian so (`νοχ.com`,
 * not Vox's), under a top-level domain not itself in that alphabet, a dot above hidden by an i's
 * own (`li̇beration.fr`), Latin letters drawn as ASCII ones (`ǀemonde.fr`, `ɑp.org`) or beside a
 * Chinese, Japanese or Korean sign drawn as a hyphen (`ouest一france.fr`), letters of a script
 * not listed below, symbols, invisible marks, or a label that does not decode. The whole host is
 * then kept as written, one label's doubt its own.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
/** The longest label of a host name (RFC 1035), punycode and all. */
const MAX_LABEL = 63;
/** The largest code point: a label decoding past it is no label. */
const MAX_CODE_POINT = 0x10ffff;

/** RFC 3492's bias adaptation after each code point decoded (section 6.1). */
function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** A punycode digit's value: `a`–`z` 0–25, `0`–`9` 26–35; anything else is none (BASE). */
function digitOf(char: string): number {
  const code = char.toLowerCase().charCodeAt(0);
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return BASE;
}

/**
 * The Unicode text a punycode string (without its `xn--`) encodes, per RFC 3492's decoding
 * (section 6.2); undefined when it encodes none (a stray digit, a delta too large).
 */
export function decodePunycode(input: string): string | undefined {
  const delimiter = input.lastIndexOf('-');
  const basic = delimiter > 0 ? input.slice(0, delimiter) : '';
  // Basic code points are ASCII only.
  if (/[^\x20-\x7e]/.test(basic)) return undefined;
  const output = Array.from(basic, (char) => char.codePointAt(0)!);
  let n = INITIAL_N;
  let i = 0;
  let bias = INITIAL_BIAS;
  let at = delimiter > 0 ? delimiter + 1 : 0;
  while (at < input.length) {
    const before = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (at >= input.length) return undefined;
      const digit = digitOf(input[at++]!);
      if (digit >= BASE) return undefined;
      i += digit * weight;
      if (i > MAX_CODE_POINT * (output.length + 1) + output.length) return undefined;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      weight *= BASE - t;
    }
    bias = adapt(i - before, output.length + 1, before === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > MAX_CODE_POINT) return undefined;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/** The scripts a host's letters may be in, shown decoded (each a `Script=` property's name). */
const SCRIPT_NAMES =
  'Latin Greek Cyrillic Armenian Georgian Hebrew Arabic Thaana Syriac Ethiopic Devanagari ' +
  'Bengali Gurmukhi Gujarati Oriya Tamil Telugu Kannada Malayalam Sinhala Thai Lao Tibetan ' +
  'Myanmar Khmer Mongolian Hangul Hiragana Katakana Bopomofo Han';

let scriptPatterns: (readonly [string, RegExp])[] | undefined;

/**
 * Each script's name and pattern, built when first asked: built as the module loads, they were
 * kept in every bundle importing a module that imports this one, the injected capture.js too.
 */
function patterns(): (readonly [string, RegExp])[] {
  return (scriptPatterns ??= SCRIPT_NAMES.split(' ').map(
    (name) => [name, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const,
  ));
}

/** The scripts one label may mix (each set with its subsets): Japanese, Chinese, Korean with Latin. */
const MIXES = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

/**
 * Letters of another alphabet drawn as Latin ones, by script: a label made of them alone (and
 * digits, hyphens) reads as a Latin name. Cyrillic (`а` a, `с` c, `ԁ` d, `е` e, `һ` h, `і` i…),
 * Greek (`α` a, `ν` v, `ο` o, `ρ` p, `χ` x…: `νοχ.com` reads vox.com, `αρ.org` ap.org), Armenian
 * (`հ` h, `ո` n, `ս` u, `օ` o, `ց` g…).
 */
const LOOKALIKES: Record<string, RegExp> = {
  Cyrillic: /^[аԁсеһіјӏорԛѕԝхуъьҽпгѵѡ\p{N}-]+$/u,
  Greek: /^[αγηικνορυχωϲϳάίόύ\p{N}-]+$/u,
  Armenian: /^[հոսօզցգք\p{N}-]+$/u,
};

/**
 * The scripts of a decoded label's letters and marks (a mark of no script of its own, an accent,
 * the one of its letter's); undefined for one of a script not listed.
 */
function scriptsOf(label: string): Set<string> | undefined {
  const scripts = new Set<string>();
  for (const char of label) {
    if (!/[\p{L}\p{M}]/u.test(char) || /\p{Script=Inherited}/u.test(char)) continue;
    const script = patterns().find(([, pattern]) => pattern.test(char))?.[0];
    if (!script) return undefined;
    scripts.add(script);
  }
  return scripts;
}

/** Whether a decoded label may be shown: letters, marks, digits and hyphens of one writing. */
function readableLabel(label: string, topLevel: string): boolean {
  if (!/^[\p{L}\p{M}\p{N}-]+$/u.test(label) || !/[^\x00-\x7f]/.test(label)) return false;
  if (label !== label.normalize('NFC') || label !== label.toLowerCase()) return false;
  // A combining dot above on a letter that has (or seems to have) one: `li̇beration` reads liberation.
  if (/[ijlıȷ]\u0307/u.test(label)) return false;
  // Latin letters beyond ASCII drawn as ASCII ones, whatever the rest: `ǀemonde.fr` (a click
  // letter for the l) reads lemonde.fr, `ɑp.org` ap.org, `ᴠᴏx.com` vox.com.
  if (/[ɑɡǀıȷɩĸƅᴄᴏᴜᴠᴡᴢꜱ]/u.test(label)) return false;
  const scripts = scriptsOf(label);
  if (!scripts) return false;
  const mixed =
    scripts.size > 1 && !MIXES.some((mix) => [...scripts].every((s) => mix.includes(s)));
  if (mixed) return false;
  // Among Latin letters, a Chinese, Japanese or Korean sign drawn as a hyphen, a stroke or an o:
  // `ouest一france.fr` (Han « one ») reads ouest-france.fr, `丨emonde.fr` lemonde.fr.
  if (scripts.has('Latin') && /[一丨丶丿乀乁〇ノᅳㅡー]/u.test(label)) return false;
  // `аррӏе.com` is not Apple's, nor `νοχ.com` Vox's: one alphabet, all Latin to the eye, under a
  // domain not in that alphabet.
  const [script = ''] = scripts;
  const lookalikes = scripts.size === 1 ? LOOKALIKES[script] : undefined;
  return !(lookalikes?.test(label) && !scriptsOf(topLevel)?.has(script));
}

/**
 * A host name as a reader writes it: its punycode labels decoded (`xn--caf-dma.fr` →
 * `café.fr`), or the host as given when any label could pass for another or does not decode
 * (see the module's comment). Hosts without punycode, IP addresses included, are returned as is.
 */
export function readableHost(host: string): string {
  if (!/(?:^|\.)xn--/i.test(host)) return host;
  const labels = host.split('.');
  // A label longer than DNS allows names no site, and decoding one of any length could fail.
  const decoded = labels.map((label) =>
    !/^xn--/i.test(label)
      ? label.toLowerCase()
      : label.length <= MAX_LABEL
        ? decodePunycode(label.slice(4))
        : undefined,
  );
  const topLevel = decoded[decoded.length - 1] || decoded[decoded.length - 2] || '';
  const readable = decoded.every(
    (label, index) =>
      label !== undefined && (!/^xn--/i.test(labels[index]!) || readableLabel(label, topLevel)),
  );
  return readable ? decoded.join('.') : host;
}
