/**
 * Bylines: who wrote the page. Declared metadata is preferred; the DOM is read as a fallback, and
 * whatever is found is cleaned of the "By", dates and handles that surround names on the page.
 */

import { cleanText, collapseWhitespace, compactKey, decodeEntities, looksLikeUrl } from './text';

/** A byline longer than this is a bio or a paragraph that happened to match a selector. */
const MAX_BYLINE_LENGTH = 120;

/** "By", "Par", "Von"... with an optional verb before it ("Written by", "Publié par"). */
const LEADING_BY =
  /^(?:(?:written|posted|published|reported|words|text|story|article|photos?|publiée?|écrite?|rédigée?|geschrieben)\s+)?(?:by|par|von|por|door|af|av)\b\s*:?\s*/i;

const MONTHS =
  'jan(?:uary|vier)?|feb(?:ruary)?|f[ée]v(?:rier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|ao[uû]t|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember)?|d[ée]c(?:embre)?';

/** A day of the week, which may stand before a date: « le mardi 12 mars », "Tuesday, March 12". */
const WEEKDAY =
  '(?:lun|mar|mercre|jeu|vendre|same)di|dimanche|(?:mon|tues|wednes|thurs|fri|satur|sun)day';

/**
 * A date or time with the words that introduce it (« le 12 mars », « , le mardi 12/03 »,
 * "on March 12", « à 10h30 »): they are cut with it. Only before a date: the « Le » of
 * « Jean Le Goff » is part of the name.
 */
function dated(pattern: string): RegExp {
  return new RegExp(
    `(?:(?:^|\\s)(?:le|on|the|à|at)\\s+)?(?:\\b(?:${WEEKDAY}),?\\s+)?${pattern}`,
    'i',
  );
}

/** Where the names stop and the date, time, handle or "Updated…" notice begins. */
const TRAILING_NOISE = [
  dated(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}\\b`),
  dated(`\\b\\d{1,2}(?:er)?\\.?\\s+(?:${MONTHS})\\b`),
  dated('\\b\\d{4}-\\d{2}-\\d{2}\\b'),
  dated('\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b'),
  dated('\\b\\d{1,2}:\\d{2}\\b'),
  // French times: « 10h30 », « 10 h 30 ».
  dated('\\b\\d{1,2}\\s?h\\s?\\d{2}\\b'),
  /\b(?:last\s+)?(?:updated|published|posted|modified)\b/i,
  // A bare « Publié » too: « Par X Publié aujourd'hui à 10h30 » (not « Jeanne Publier »).
  /(?<![\p{L}\p{N}])(?:mis à jour|publi[ée]e?s?|modifié le)(?![\p{L}\p{N}])/iu,
  // French relative dates, their letters as Unicode reads them (« hier » is no date inside
  // « Bréhier »), « hier » small as a date writes it (not the surname of « Marie Hier »).
  /(?<![\p{L}\p{N}])(?:[Aa]ujourd['\u2019]hui|hier|[Ii]l y a \d)(?![\p{L}\p{N}])/u,
  /(?:^|\s)@\w/,
  /\s[|\u2022\u00b7]\s/,
];

/**
 * Cleans one byline: drops "By "/"Par ", dates and times, "Updated…" notices, @handles and
 * trailing punctuation. Returns undefined when nothing name-like is left, or for URLs.
 */
export function cleanByline(raw: string | null | undefined): string | undefined {
  if (raw == null) return undefined;
  let value = collapseWhitespace(decodeEntities(raw));
  if (value === '' || looksLikeUrl(value)) return undefined;
  value = value.replace(LEADING_BY, '');
  let end = value.length;
  for (const pattern of TRAILING_NOISE) {
    const match = pattern.exec(value);
    if (match && match.index < end) end = match.index;
  }
  value = value
    .slice(0, end)
    .replace(/^[\s,;:|\-\u2013\u2014\u00b7\u2022]+/, '')
    .replace(/[\s,;:|\-\u2013\u2014\u00b7\u2022]+$/, '')
    .replace(/\s+(?:and|et|und|y)$/i, '')
    .trim();
  // Also catches a second "By" left behind when a date preceded it.
  value = value.replace(LEADING_BY, '').trim();
  if (value === '' || value.length > MAX_BYLINE_LENGTH || looksLikeUrl(value)) return undefined;
  // At least one word of two letters: "J J" (avatar initials) is not a byline.
  if (!/\p{L}{2}/u.test(value)) return undefined;
  return value;
}

/**
 * Joins several authors. Names that contain a comma (`Jong, Michiel de`) are joined with `; ` so
 * that the list can still be read back.
 */
export function joinAuthors(names: readonly string[]): string | undefined {
  const unique: string[] = [];
  for (const name of names) {
    if (!unique.some((known) => known.toLowerCase() === name.toLowerCase())) unique.push(name);
  }
  if (unique.length === 0) return undefined;
  return unique.join(unique.some((name) => name.includes(',')) ? '; ' : ', ');
}

/** Selectors for bylines in the page itself, most structured first. */
export const BYLINE_SELECTORS: readonly [string, string][] = [
  ['[itemprop~="author"]', '[itemprop=author]'],
  ['[rel~="author"]', '[rel=author]'],
  ['.byline', '.byline'],
  ['.author-name', '.author-name'],
  ['.article-author', '.article-author'],
];

/** Comment threads reuse byline markup for commenters' names. */
const COMMENT_CONTAINER = /comment|reply|replies|discussion|disqus/i;

/** Whether the element sits in a comment thread. */
export function inComments(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const marker = `${node.id} ${node.getAttribute('class') ?? ''}`;
    if (COMMENT_CONTAINER.test(marker)) return true;
  }
  return false;
}

/** The name held by an author element: its `itemprop=name`, a meta's content, or its text. */
export function authorElementText(element: Element): string | undefined {
  const named = element.querySelector('[itemprop~="name"]');
  const source = named ?? element;
  // localName, not tagName: an XHTML page's tag names keep their case (`meta`, not `META`).
  if (source.localName === 'meta') return cleanText(source.getAttribute('content'));
  if (source.localName === 'link') return undefined;
  return cleanText(source.textContent);
}

/**
 * The byline found in the page's markup: the first candidate (the selector's label and the
 * text of one byline, as capture/page.ts reads them) that cleans to a name. A candidate holds one
 * name a line when the byline marks up several (`Par <span itemprop=author>…</span> et <span
 * itemprop=author>…</span>`): they are joined as declared authors are. Names `accept` refuses
 * (the publication's own) are left out.
 */
export function bylineFromCandidates(
  candidates: readonly (readonly [string, string])[],
  accept: (name: string) => boolean = () => true,
): { value: string; source: string } | undefined {
  for (const [label, text] of candidates) {
    const names = text.split('\n').map((line) => cleanByline(line));
    const value = joinAuthors(names.filter((name): name is string => !!name && accept(name)));
    if (value) return { value, source: label };
  }
  return undefined;
}

/**
 * Words a publication's name opens with, a person's not: an article (« Le Monde », « L’Express »,
 * "The Guardian", « Der Spiegel »).
 */
const OPENING_ARTICLE =
  /^(?:(?:le|la|les|the|an?|der|die|das|el|los|las|il|lo|gli|het|de|des|du|une?)$|[ld]['’])/i;

/**
 * Words that name a kind of publication, a time of day or a region, of which newspapers' names
 * without an article are made (« Nice Matin », « Midi Libre », « Sud Ouest », « Charlie Hebdo »,
 * « Courrier International », « France Inter », "Yahoo News", "Quanta Magazine"), compared
 * without accents; and the other words of outlets' names written as two capitalised words, none
 * a surname (« Jeune Afrique », « Valeurs Actuelles », « Public Sénat », « Alternatives
 * Économiques », « Nouvelle République », « Républicain Lorrain », « Femme Actuelle », « Lyon
 * Capitale », « Auto Plus », « Madame Figaro », « Notre Temps », « Point de Vue », « Pour la
 * Science », « Famille Chrétienne », « Elle Décoration », « Zone Bourse », « Maison Française »,
 * "Atlas Obscura", "Foreign Policy", "Ars Technica"): taken for a person's, their byline equal
 * to the site's name was kept as an author. Not « Elle », « Zone » or « Maison », which name
 * persons too (Elle Fanning, Marc Maison).
 */
const PUBLICATION_WORD =
  /^(?:journal|matin|soir|hebdo|quotidien|magazine|mag|revue|news|times|post|daily|weekly|tribune|gazette|courrier|presse?|radio|tv|tele|infos?|actus?|medias?|blog|express|herald|observer|libre|libere|international|inter|culture|match|ouest|sud|nord|est|midi|centre|france|paris|bleu|nouvelles|insider|zeitung|today|review|afrique|europe|asie|ameriques?|monde|actuel(?:le)?s?|publi(?:c|cs|que)|republi(?:c|cain|caine)|nouvelle|economiques?|alternatives?|jeune|valeurs|femmes?|capitale|bulletin|plus|auto|obscura|policy|affairs|technica|jazeera|generation|geographic|scientific|american|madame|version|femina|notre|temps|vue|sciences?|humaines|famille|chretienne|loisirs|sante|decoration|bourse|francaise)$/;

/**
 * Outlets whose whole name is written as a person's, each of its words a given name, a surname or
 * a common word elsewhere (« Marie Claire », « So Foot », "Vanity Fair", "Rolling Stone", "Good
 * Housekeeping": Oliver Stone, Michael Foot, Mother Jones's Jones, Mary Good), compared by
 * letters and digits. Whole names, not their words: words taken for outlets' took persons for
 * outlets too (bff40e8's « Nouvel » and "Hacker", surnames, undone by 2e67cf1); a whole name
 * takes only its namesake for an outlet, whose byline on their own blog is then left out, the
 * site still named after them. A possessive ("Tom's Guide", "Harper's Bazaar") needs no entry:
 * {@link POSSESSIVE}.
 */
const OUTLETS_NAMED_AS_PERSONS = new Set(
  [
    'Marie Claire',
    'So Foot',
    'So Film',
    'Onze Mondial',
    'Beaux Arts',
    'Cahiers du Cinéma',
    'Vanity Fair',
    'Rolling Stone',
    'Mother Jones',
    'Teen Vogue',
    'Fast Company',
    'Boing Boing',
    'Popular Mechanics',
    'Bon Appétit',
    'Good Housekeeping',
    'Evening Standard',
    'Chasseur d’Images',
    'Boulevard Voltaire',
  ].map(compactKey),
);

/**
 * Common nouns that open a body's or a place's name before a particle (« Conseil d’État »,
 * « Caisse d’Épargne », « Cour de cassation », « Musée du Louvre », « Côtes d’Armor », « Val
 * d’Oise », « Pays d’Auge », « Café de Flore », « Hôtel de l’Industrie », « Cercle de l’Union »),
 * compared without accents: a person's name opens on a given name there (« Jean d’Ormesson »,
 * « Charles de Gaulle », « Rouget de l’Isle »). Only first and before a particle: Val Kilmer and
 * François Côté are persons.
 */
const BODY_OR_PLACE =
  /^(?:conseil|caisse|chambre|cour|tribunal|musee|office|comite|agence|institut|ecole|universite|maison|chateau|palais|ville|mairie|pays|val|vallee|cotes?|terres?|iles?|mont|golfe|port|banque|credit|syndicat|federation|association|ministere|prefecture|departement|region|communaute|metropole|theatre|opera|cafe|hotel|cercle|auberge|librairie|restaurant)$/;

/** A particle between a body's or a place's head and its name: « de », « du », « d’État ». */
const PARTICLE = /^(?:de|du|des|[dl]['’]\p{L}+)$/u;

/** A word without its accents, in lower case, as word lists are written. */
function folded(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * A possessive word ("Tom's", « Reader’s »): no person's name holds one ("Tom's Guide", "Reader's
 * Digest", "Men's Health", "Harper's Bazaar" are outlets'), while an apostrophe inside a name is
 * its own (« O’Brien », « d’Ormesson », « D'Alembert »).
 */
const POSSESSIVE = /\p{L}['’]s$/u;

/**
 * An elided particle and the name it opens, which may end a name: « Jean d’Ormesson », « Rouget
 * de l’Isle », « Villiers de l’Isle-Adam ».
 */
const ELIDED_NAME = /^[dl]['’]\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u;

/** A name's word written as a person's: « Dupont », « Jean-Pierre », « O’Brien », « McNeil ». */
const NAME_WORD = /^(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;

/** An initial (« D. »), or a particle between names (« de », « van », « d’Alembert »). */
const NAME_LINK =
  /^(?:\p{Lu}\.(?:-\p{Lu}\.)?|de|du|des|da|di|del|della|van|von|der|den|ter|le|la|y|bin|ben|al|el|dos|das|[dl]['’]\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)$/u;

/**
 * Whether `name` is written as a person's name (« Jean Dupont », « Charles de Gaulle », "Nelson D.
 * Schwartz"), not a publication's (« Le Monde », « Le Monde.fr », « Nice Matin », « AFP »,
 * « Mediapart »): two to five words, opening on a capitalised word and ending on one (or on an
 * elided particle's, « Jean d’Ormesson », « Rouget de l’Isle »), with no digits, no article
 * first, no possessive ("Tom's Guide") and no word of a newspaper's name. A site named so is a
 * person's (a personal blog under its author's name), whose byline is no publication's
 * self-credit (./metadata). Nor is an outlet's whole name written as a person's ({@link OUTLETS_NAMED_AS_PERSONS}), nor a
 * body's or a place's opening on its common noun ({@link BODY_OR_PLACE}). A name it misses is a
 * name taken for the publication's, as every one was before.
 */
export function looksLikePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (OUTLETS_NAMED_AS_PERSONS.has(compactKey(name))) return false;
  if (words.length < 2 || words.length > 5 || OPENING_ARTICLE.test(words[0]!)) return false;
  if (words.some((word) => POSSESSIVE.test(word))) return false;
  if (BODY_OR_PLACE.test(folded(words[0]!)) && PARTICLE.test(words[1]!)) return false;
  const last = words[words.length - 1]!;
  if (!NAME_WORD.test(words[0]!) || !(NAME_WORD.test(last) || ELIDED_NAME.test(last))) return false;
  return words.every(
    (word) =>
      !folded(word)
        .split(/[-'’]/)
        .some((part) => PUBLICATION_WORD.test(part)) &&
      (NAME_WORD.test(word) || NAME_LINK.test(word)),
  );
}
