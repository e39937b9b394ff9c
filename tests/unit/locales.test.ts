import { describe, expect, it } from 'vitest';
import { coreEn } from '../../locales/core.en';
import { coreFr } from '../../locales/core.fr';
import { en } from '../../locales/en';
import { fr } from '../../locales/fr';
import {
  detectLocale,
  getLocale,
  setLocale,
  t,
  tParts,
  type Locale,
  type PluralMessage,
} from '../../locales';
import { deskRefusal } from '../../components/roles';
import { refusalSentence, rightsSentence } from '../../components/roleSentences';
import { confirmHelpText, confirmText } from '../../components/SharedDeskSettings';
import type { SharedDesk } from '../../components/sharedDesk';
import type { SyncRefusal } from '../../storage/sync-state';
import { deskCan, deskState } from './desk-fixtures';

const authorDesk: SharedDesk = {
  enabled: true,
  state: deskState('author'),
  pending: 0,
  conflicts: [],
  refusals: [],
};
import { manifestLocales } from '../../locales/manifest';
import { wordFailure } from '../../components/failureText';
import { publishFailureText } from '../../components/publishFailureText';
import { CodedError } from '../../messaging/errors';

/** Every text of a message: the sentence, or each plural form. */
const texts = (message: string | PluralMessage): string[] =>
  typeof message === 'string' ? [message] : [message.one, message.other];

type Catalogue = Record<string, string | PluralMessage>;
/** Each pair of catalogues, French then English: the popup's first paint's (core), the others. */
const pairs: Array<[name: string, french: Catalogue, english: Catalogue]> = [
  ['core', coreFr, coreEn],
  ['rest', fr, en],
];
/** Every French message, of both pairs. */
const allFrench: Catalogue = { ...coreFr, ...fr };

describe('locales', () => {
  it.each(pairs)(
    'has an English message for every French key, with the same placeholders (%s)',
    (_, french, english) => {
      const names = (text: string) =>
        [...text.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(french).length).toBeGreaterThan(50);
      for (const [key, message] of Object.entries(french)) {
        const translated = english[key]!;
        expect(translated, key).toBeTruthy();
        expect(typeof translated, key).toBe(typeof message);
        for (const text of [...texts(translated), ...texts(message)]) {
          expect(names(text), key).toEqual(names(texts(message)[0]!));
        }
      }
      expect(Object.keys(english).sort()).toEqual(Object.keys(french).sort());
    },
  );

  it('puts each key in one pair of catalogues only: the first paint’s or the others', () => {
    // A key in both would have the core's words in the popup and the others' everywhere else.
    const core = new Set(Object.keys(coreFr));
    expect(Object.keys(fr).filter((key) => core.has(key))).toEqual([]);
    expect(Object.keys(en).filter((key) => core.has(key))).toEqual([]);
  });

  it('translates a key of either pair with the one t, in both languages', () => {
    expect(t('clip.button', {}, 'fr')).toBe(coreFr['clip.button']);
    expect(t('clip.button', {}, 'en')).toBe(coreEn['clip.button']);
    expect(t('export.failed', {}, 'fr')).toBe(fr['export.failed']);
    expect(t('export.failed', {}, 'en')).toBe(en['export.failed']);
  });

  it('writes plurals as { one, other } forms, never as a "one|other" sentence', () => {
    // A sentence with "|" outside `{name|one|other}` would show both forms to the editor.
    for (const catalogue of [coreFr, coreEn, fr, en] as Catalogue[]) {
      for (const [key, message] of Object.entries(catalogue)) {
        for (const text of texts(message)) {
          expect(text.replace(/\{\w+\|[^}]*\}/g, ''), key).not.toContain('|');
        }
      }
    }
  });

  it('writes no-break spaces before French marks, inside guillemets and after « n° », so no mark starts a line', () => {
    // An ordinary space before : ; ? ! or inside guillemets lets the browser wrap there and leave
    // the mark alone at the start of a line. Same convention as export/typography.ts (Imprimerie
    // nationale): U+202F before ; ? !, U+00A0 before : (not in "://") and inside guillemets.
    const french = Object.entries(allFrench).flatMap(([key, message]) =>
      texts(message).map((text) => [key, text] as const),
    );

    // « n° 21 » too: an ordinary space after « n° » leaves the number alone on the next line.
    const misspaced = /[ \t\u00a0][;?!]|[ \t\u202f]:(?!\/)|« | »|n° | %/;

    expect(french.length).toBeGreaterThan(0);
    for (const [key, text] of french) {
      expect(text, key).not.toMatch(misspaced);
    }
  });

  it('writes French marks whole: « … » for an ellipsis, a space on both sides of each mark', () => {
    // The slips the spacing test above lets through: three dots where « … » is meant, a
    // guillemet with no space at all (« «Oui» »), a colon or question mark stuck to its word
    // (a scheme's colon, https:// or mailto:, is not one).
    const french = Object.entries(allFrench).flatMap(([key, message]) =>
      texts(message).map((text) => [key, text] as const),
    );
    for (const [key, text] of french) {
      expect(text, key).not.toMatch(
        /\.\.\.|«(?!\u00a0)|(?<!\u00a0)»|[^\s\u00a0\u202f{}](?<!mailto)[;?!:](?!\/)/,
      );
    }
  });

  it('writes English with English marks: “ ” quotes, no guillemets, no space before a colon', () => {
    // The French conventions above, left in an English message, show « » or a gap before « : »
    // to an English editor (the Chrome Web Store's description included: manifest.description).
    const english = Object.entries({ ...coreEn, ...en } as Catalogue).flatMap(([key, message]) =>
      texts(message).map((text) => [key, text] as const),
    );

    expect(english.length).toBeGreaterThan(0);
    for (const [key, text] of english) {
      expect(text, key).not.toMatch(/[«»\u00a0\u202f]|\s[:;?!]/);
    }
  });

  it('writes English, not French word for word: « jamais … ni » is “never … or”', () => {
    // « jamais exporté ni sauvegardé » came out as “never exported nor backed up”.
    const english = Object.entries({ ...coreEn, ...en } as Catalogue).flatMap(([key, message]) =>
      texts(message).map((text) => [key, text] as const),
    );
    for (const [key, text] of english) {
      expect(text, key).not.toMatch(/\b(never|not|no)\b[^.;:]*\bnor\b/i);
    }
  });

  it('writes the English of a date, a permission and a download as English says them', () => {
    // « liste du 1 décembre » and « Réception de la rédaction » had come out word for word:
    // “list of 1 December” (a list of dates?) and “Receiving the newsroom’s”.
    expect(t('link.site.stale', { reason: 'Offline', date: '1 December 2026' }, 'en')).toBe(
      'Offline: last known posts, listed on 1 December 2026.',
    );
    // « Accès au site à autoriser dans les réglages »: “Access to the site to allow in…”.
    expect(t('link.site.none', { reason: t('link.site.reason.permission', {}, 'en') }, 'en')).toBe(
      'Access to the site not allowed yet (“Test connection” in the settings): the site’s posts are unavailable.',
    );
    expect(t('shared.progress.download', { done: 40, total: 1200 }, 'en')).toBe(
      'Receiving from the newsroom: 40 of 1,200',
    );
  });

  it('asks before replacing everything in French that reads as it is meant', () => {
    // « Remplacer tout les supprime » first reads as « remplacer tous les… ».
    setLocale('fr');
    // (Spaces compared as spaces: the catalogue's no-break ones are checked above.)
    expect(t('backup.replaceConfirm', { clips: 4, issues: 1 }).replace(/\s/g, ' ')).toBe(
      'Ce navigateur a 4 brouillons et 1 numéro. Tout remplacer les supprime, puis écrit ceux ' +
        'de la sauvegarde à leur place : ce qui n’est que dans ce navigateur sera perdu.',
    );
  });

  it('speaks French unless the browser asks for English', () => {
    expect(detectLocale('fr-FR')).toBe('fr');
    expect(detectLocale('de-DE')).toBe('fr');
    expect(detectLocale('en-GB')).toBe('en');
  });

  it('fills placeholders', () => {
    expect(t('drafts.count', { count: 3 }, 'fr')).toBe('3 brouillons');
    expect(t('drafts.count', { count: 3 }, 'en')).toBe('3 drafts');
    expect(t('clip.created', { title: 'Un titre' }, 'fr')).toBe(
      'Nouveau brouillon\u00a0: «\u00a0Un titre\u00a0»',
    );
  });

  it('does not open a quoted value twice when it starts with the same quote', () => {
    // An item's label drawn from a text that opens with a quotation.
    expect(t('undo.trashed', { title: '«\u00a0“Man’s greed…' }, 'fr')).toBe(
      '«\u00a0“Man’s greed…\u00a0» est à la corbeille.',
    );
    expect(t('undo.trashed', { title: '“Why it matters…' }, 'en')).toBe(
      '“Why it matters…” is in the trash.',
    );
    // A value that closes the quotation it opens keeps its own closing quote, not a second one.
    expect(
      t('undo.trashed', { title: '«\u00a0United States to Lift Sudan Sanctions\u00a0»…' }, 'fr'),
    ).toBe('«\u00a0United States to Lift Sudan Sanctions\u00a0»… est à la corbeille.');
    expect(t('undo.trashed', { title: '“United States to Lift Sudan Sanctions”…' }, 'en')).toBe(
      '“United States to Lift Sudan Sanctions”… is in the trash.',
    );
    // A French quotation in an English message is written in the message's quotes, not nested.
    expect(t('undo.trashed', { title: '«\u00a0Whale whisperer Hori Parata…' }, 'en')).toBe(
      '“Whale whisperer Hori Parata…” is in the trash.',
    );
    expect(t('undo.trashed', { title: '«\u00a0Whale whisperer\u00a0» said…' }, 'en')).toBe(
      '“Whale whisperer” said… is in the trash.',
    );
    // Another quote inside is kept: it is the value's own.
    expect(t('undo.trashed', { title: '“Man’s greed…' }, 'fr')).toBe(
      '«\u00a0“Man’s greed…\u00a0» est à la corbeille.',
    );
  });

  it('writes a quotation inside a quoted value as a quotation in a quotation', () => {
    expect(t('undo.trashed', { title: 'Incendie chez OVH\u00a0: «\u00a0Feu\u00a0»' }, 'fr')).toBe(
      '«\u00a0Incendie chez OVH\u00a0: “Feu”\u00a0» est à la corbeille.',
    );
    expect(t('undo.trashed', { title: 'Fire at OVH: “Fire” and “smoke”' }, 'en')).toBe(
      '“Fire at OVH: ‘Fire’ and ‘smoke’” is in the trash.',
    );
    // A quotation opened and not closed in the value is left as written.
    expect(t('undo.trashed', { title: 'Selon «\u00a0Le Monde' }, 'fr')).toBe(
      '«\u00a0Selon «\u00a0Le Monde\u00a0» est à la corbeille.',
    );
    // Not quoted by the message: left as written.
    expect(t('conflict.theirsBy', { name: '«\u00a0Rédac\u00a0» chef' }, 'fr')).toBe(
      'Version de «\u00a0Rédac\u00a0» chef',
    );
  });

  it('elides « de » before a name that starts with a vowel, in French', () => {
    expect(t('conflict.theirsBy', { name: 'admin' }, 'fr')).toBe('Version d’admin');
    expect(t('conflict.theirsBy', { name: 'Émilie' }, 'fr')).toBe('Version d’Émilie');
    expect(t('conflict.theirsBy', { name: 'Rédac' }, 'fr')).toBe('Version de Rédac');
  });

  it('elides « que » before a name that starts with a vowel, in French', () => {
    const site = { site: 'Petit Web' };
    expect(t('wp.ok', { ...site, user: 'Auteur' }, 'fr')).toBe(
      'Connexion réussie à «\u00a0Petit Web\u00a0» en tant qu’Auteur.',
    );
    expect(t('wp.ok', { ...site, user: 'Rédac' }, 'fr')).toBe(
      'Connexion réussie à «\u00a0Petit Web\u00a0» en tant que Rédac.',
    );
  });

  it('puts an element (a link, a button) where each language’s message places it', () => {
    const settings = { element: 'settings' };
    expect(tParts('publish.notConfigured', { settings }, {}, 'fr')).toEqual([
      'Pour publier sur WordPress, renseignez le site dans les ',
      settings,
      '.',
    ]);
    expect(tParts('publish.notConfigured', { settings }, {}, 'en')).toEqual([
      'To publish to WordPress, set the site up in ',
      settings,
      '.',
    ]);
  });

  it('leaves a placeholder without its value visible rather than inventing one', () => {
    expect(t('clip.created', {}, 'fr')).toBe('Nouveau brouillon\u00a0: «\u00a0{title}\u00a0»');
  });
});

describe('plurals', () => {
  it('picks the singular for 0 and 1 in French, for 1 only in English (Intl.PluralRules)', () => {
    expect(t('drafts.count', { count: 0 }, 'fr')).toBe('0 brouillon');
    expect(t('drafts.count', { count: 1 }, 'fr')).toBe('1 brouillon');
    expect(t('drafts.count', { count: 2 }, 'fr')).toBe('2 brouillons');
    expect(t('drafts.count', { count: 0 }, 'en')).toBe('0 drafts');
    expect(t('drafts.count', { count: 1 }, 'en')).toBe('1 draft');
  });

  it('takes the other form for a category the message has no form for (French millions)', () => {
    // CLDR puts 1 000 000 in French `many`: the messages only know `one` and `other`.
    expect(t('drafts.count', { count: 1_000_000 }, 'fr')).toBe('1\u202f000\u202f000 brouillons');
    expect(t('counts.words', { words: 1_000_000 }, 'fr')).toBe('1\u202f000\u202f000 mots');
  });

  it('takes the other form when no count is given', () => {
    expect(t('drafts.count', {}, 'fr')).toBe('{count} brouillons');
  });

  it('pluralises each number of a message on its own', () => {
    expect(t('counts.item', { words: 1, chars: 4 }, 'fr')).toBe('1 mot, 4 signes');
    expect(t('counts.item', { words: 0, chars: 2 }, 'fr')).toBe('0 mot, 2 signes');
    expect(t('counts.item', { words: 2, chars: 1 }, 'en')).toBe('2 words, 1 character');
  });
});

describe('numbers', () => {
  it('groups the thousands of a quantity the way each language does', () => {
    // French: a narrow no-break space, so that « 1 897 » is never cut at the end of a line.
    expect(t('counts.item', { words: 312, chars: 1897 }, 'fr')).toBe('312 mots, 1\u202f897 signes');
    expect(t('counts.item', { words: 312, chars: 1897 }, 'en')).toBe('312 words, 1,897 characters');
    expect(t('shared.progress.upload', { done: 1200, total: 10_000 }, 'fr')).toBe(
      'Envoi à la rédaction\u00a0: 1\u202f200 sur 10\u202f000',
    );
  });

  it('puts an identifier given as a string as it is', () => {
    expect(t('publish.postLink', { id: '12345' }, 'fr')).toBe('Article n°\u00a012345');
  });
});

describe('values in messages', () => {
  it('names a record by at most 2,000 characters of a huge title, cut at a word', () => {
    // A title restored from a backup or brought by the shared desk can be this long.
    const title = 'Un titre sans fin '.repeat(120_000);

    const message = t('undo.trashed', { title }, 'fr');

    expect(message.length).toBeLessThan(2100);
    expect(message).toMatch(/^«\s?Un titre sans fin Un titre /u);
    expect(message).toMatch(/(titre|sans|fin|Un)…\s?» est à la corbeille\.$/u);
  });

  it('puts a value of 2,000 characters whole', () => {
    const title = 'x'.repeat(2000);

    expect(t('undo.trashed', { title }, 'fr')).toContain(title);
  });
});

describe('manifest locales', () => {
  it('writes the manifest’s name, description and command from the catalogues', () => {
    const files = manifestLocales();
    const french = JSON.parse(files.fr) as Record<string, { message: string }>;
    const english = JSON.parse(files.en) as Record<string, { message: string }>;
    expect(french.extName?.message).toBe(fr['manifest.name']);
    expect(french.extDescription?.message).toBe(fr['manifest.description']);
    expect(french.commandClip?.message).toBe('Couper cette page dans Indiscrets');
    expect(english.commandClip?.message).toBe(en['manifest.commandClip']);
    // The manifest names exactly these messages (wxt.config.ts).
    expect(Object.keys(french).sort()).toEqual(['commandClip', 'extDescription', 'extName']);
  });
});

describe('failures in words', () => {
  it('words a WordPress code with its status and category, and a publication stop', () => {
    expect(publishFailureText('server_error', { status: 502 }, 'fr')).toBe(
      'Le serveur WordPress a rencontré une erreur (code 502). Réessayez plus tard.',
    );
    expect(publishFailureText('cannot_create_category', { category: 'Éco' }, 'fr')).toContain(
      'La catégorie «\u00a0Éco\u00a0» n’existe pas',
    );
    expect(publishFailureText('issue_missing', {}, 'en')).toBe('This issue no longer exists.');
    // A missing value shows « ? », never the placeholder.
    expect(publishFailureText('http_error', {}, 'fr')).toBe(
      'Réponse inattendue du serveur (code ?).',
    );
  });

  it('keeps an unknown error’s English text out of the French sentence', () => {
    const worded = wordFailure(
      t('clip.failed'),
      new TypeError('Cannot read properties of undefined'),
    );
    expect(worded).toEqual({
      text: t('clip.failed'),
      detail: 'TypeError: Cannot read properties of undefined',
    });
    expect(worded.text).not.toContain('Cannot');
  });

  it('follows the sentence with the reason a coded failure gives', () => {
    const closed = new CodedError({ code: 'tab_gone', detail: 'Error: No tab with id: 4.' });
    expect(wordFailure(t('clip.failed'), closed)).toEqual({
      text: `${t('clip.failed')} ${t('error.tab_gone')}`,
    });
    const full = Object.assign(new Error('x'), {
      inner: new DOMException('full', 'QuotaExceededError'),
    });
    expect(wordFailure(t('export.failed'), full).text).toBe(
      `${t('export.failed')} ${t('error.quota')}`,
    );
  });
});

/**
 * The shared desk's sentences, as QA read them: a French participle that did not agree with its
 * feminine action, English roles without their article, and counts of zero named all the same.
 */
describe('shared desk wording', () => {
  const refusal = (action: SyncRefusal['action']): SyncRefusal => ({
    key: `draft:d1:${action}`,
    kind: 'draft',
    recordId: 'd1',
    title: 'Le Monde',
    action,
    needs: 'editor',
    at: '2026-12-02T10:00:00Z',
    discarded: {},
  });
  const inLocale = <T>(locale: Locale, run: () => T): T => {
    const before = getLocale();
    setLocale(locale);
    try {
      return run();
    } finally {
      setLocale(before);
    }
  };

  it.each([
    ['edit', 'la modification'],
    ['trash', 'la mise à la corbeille'],
    ['restore', 'la restauration'],
    ['publish', 'la publication'],
    ['create', 'l’envoi'],
    ['arrange', 'le classement dans le numéro'],
  ] as const)('says a refused « %s » in French that agrees with it', (action, words) => {
    expect(inLocale('fr', () => refusalSentence(refusal(action)))).toBe(
      `«\u00a0Le Monde\u00a0»\u00a0: WordPress a refusé ${words}, il faut le rôle Éditeur. Votre changement a été annulé.`,
    );
  });

  it.each([
    ['contributor', 'You are a Contributor: you can suggest'],
    ['author', 'You are an Author: you can suggest'],
    ['editor', 'You are an Editor: you can write every draft'],
    ['administrator', 'You are an Administrator: you can write every draft'],
    ['subscriber', 'You are a Subscriber: '],
  ] as const)('names an English %s with its article', (role, start) => {
    expect(inLocale('en', () => rightsSentence(role, deskCan(role)))).toMatch(
      new RegExp(`^${start}`),
    );
    if (role === 'author') {
      const said = inLocale('en', () => deskRefusal(authorDesk, 'publish'));
      expect(said).toBe('You are an Author: publishing is up to an Editor.');
    }
  });

  it('keeps French roles without an article (« Vous êtes Auteur »)', () => {
    expect(inLocale('fr', () => deskRefusal(authorDesk, 'publish'))).toBe(
      'Vous êtes Auteur\u00a0: la publication revient à un Éditeur.',
    );
  });

  it.each([
    [
      'fr',
      { localDrafts: 0, localIssues: 0, remoteDrafts: 0, remoteIssues: 0 },
      'Activer la rédaction partagée\u202f? Ce navigateur n’a rien de nouveau à lui envoyer.',
      'La rédaction n’a encore ni brouillon ni numéro.',
    ],
    [
      'fr',
      { localDrafts: 3, localIssues: 0, remoteDrafts: 0, remoteIssues: 2 },
      'Envoyer vos 3 brouillons à la rédaction\u202f?',
      'La rédaction a déjà 2 numéros\u00a0: ils arriveront dans ce navigateur.',
    ],
    [
      'fr',
      { localDrafts: 0, localIssues: 1, remoteDrafts: 1, remoteIssues: 0 },
      'Envoyer votre numéro à la rédaction\u202f?',
      'La rédaction a déjà un brouillon\u00a0: il arrivera dans ce navigateur.',
    ],
    [
      'fr',
      { localDrafts: 1, localIssues: 0, remoteDrafts: 40, remoteIssues: 3 },
      'Envoyer votre brouillon à la rédaction\u202f?',
      'La rédaction en a déjà 40 brouillons et 3 numéros\u00a0: ils arriveront dans ce navigateur.',
    ],
    [
      'fr',
      { localDrafts: 12, localIssues: 1, remoteDrafts: 0, remoteIssues: 1 },
      'Envoyer vos 12 brouillons et 1 numéro à la rédaction\u202f?',
      'La rédaction a déjà un numéro\u00a0: il arrivera dans ce navigateur.',
    ],
    [
      'en',
      { localDrafts: 0, localIssues: 0, remoteDrafts: 0, remoteIssues: 0 },
      'Turn on the shared desk? This browser has nothing new to send it.',
      'The newsroom has no drafts or issues yet.',
    ],
    [
      'en',
      { localDrafts: 3, localIssues: 0, remoteDrafts: 0, remoteIssues: 1 },
      'Send your 3 drafts to the newsroom?',
      'The newsroom already has an issue: it will arrive in this browser.',
    ],
    [
      'en',
      { localDrafts: 0, localIssues: 1, remoteDrafts: 5, remoteIssues: 0 },
      'Send your issue to the newsroom?',
      'The newsroom already has 5 drafts: they will arrive in this browser.',
    ],
  ] as const)(
    'asks in %s before a first sync of %o without naming what is not there',
    (locale, plan, ask, help) => {
      expect(inLocale(locale, () => confirmText(plan))).toBe(ask);
      expect(inLocale(locale, () => confirmHelpText(plan))).toBe(help);
    },
  );

  it('says what a Subscriber’s account lacks: the desk is not theirs to read', () => {
    const can = deskCan('subscriber');
    expect(inLocale('fr', () => rightsSentence('subscriber', can))).toBe(
      'Vous êtes Abonné\u00a0: la rédaction partagée demande au moins le rôle Contributeur, pour la lire comme pour y écrire. Demandez-le à un administrateur du site.',
    );
    expect(inLocale('en', () => rightsSentence('subscriber', can))).toBe(
      'You are a Subscriber: the shared desk takes at least the Contributor role, to read it as well as to write in it. Ask a site administrator for it.',
    );
  });

  it('calls the shared desk by its one name in French', () => {
    // Every message, not only the shared.* ones: a conflict, a merge or an editor's notice names
    // it too. « le bureau » alone is the desk page (« Ouvrir le bureau »), not the shared desk.
    const french = Object.entries(allFrench).map(([, value]) => JSON.stringify(value));
    expect(french.filter((text) => /bureau partagé|remis sur le bureau/.test(text))).toEqual([]);
  });
});
