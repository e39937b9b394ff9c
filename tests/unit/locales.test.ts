import { describe, expect, it } from 'vitest';
import { en } from '../../locales/en';
import { fr, type PluralMessage } from '../../locales/fr';
import { detectLocale, t } from '../../locales';
import { manifestLocales } from '../../locales/manifest';
import { publishFailureText, wordFailure } from '../../components/failureText';
import { CodedError } from '../../messaging/errors';

/** Every text of a message: the sentence, or each plural form. */
const texts = (message: string | PluralMessage): string[] =>
  typeof message === 'string' ? [message] : [message.one, message.other];

describe('locales', () => {
  it('has an English message for every French key, with the same placeholders', () => {
    const names = (text: string) =>
      [...text.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]).sort();
    for (const [key, message] of Object.entries(fr)) {
      const english: string | PluralMessage = en[key as keyof typeof fr];
      expect(english, key).toBeTruthy();
      expect(typeof english, key).toBe(typeof message);
      for (const text of [...texts(english), ...texts(message)]) {
        expect(names(text), key).toEqual(names(texts(message)[0]!));
      }
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('writes plurals as { one, other } forms, never as a "one|other" sentence', () => {
    // A sentence with "|" outside `{name|one|other}` would show both forms to the editor.
    for (const catalogue of [fr, en]) {
      for (const [key, message] of Object.entries(catalogue)) {
        for (const text of texts(message)) {
          expect(text.replace(/\{\w+\|[^}]*\}/g, ''), key).not.toContain('|');
        }
      }
    }
  });

  it('writes no-break spaces before French marks and inside guillemets, so no mark starts a line', () => {
    // An ordinary space before : ; ? ! or inside guillemets lets the browser wrap there and leave
    // the mark alone at the start of a line. Same convention as export/typography.ts (Imprimerie
    // nationale): U+202F before ; ? !, U+00A0 before : (not in "://") and inside guillemets.
    const french = Object.entries(fr).flatMap(([key, message]) =>
      texts(message).map((text) => [key, text] as const),
    );

    const misspaced = /[ \t\u00a0][;?!]|[ \t\u202f]:(?!\/)|« | »/;

    expect(french.length).toBeGreaterThan(0);
    for (const [key, text] of french) {
      expect(text, key).not.toMatch(misspaced);
    }
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
    expect(t('publish.postLink', { id: '12345' }, 'fr')).toBe('Article n° 12345');
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
    const worded = wordFailure('clip.failed', new TypeError('Cannot read properties of undefined'));
    expect(worded).toEqual({
      text: t('clip.failed'),
      detail: 'TypeError: Cannot read properties of undefined',
    });
    expect(worded.text).not.toContain('Cannot');
  });

  it('follows the sentence with the reason a coded failure gives', () => {
    const closed = new CodedError({ code: 'tab_gone', detail: 'Error: No tab with id: 4.' });
    expect(wordFailure('clip.failed', closed)).toEqual({
      text: `${t('clip.failed')} ${t('error.tab_gone')}`,
    });
    const full = Object.assign(new Error('x'), {
      inner: new DOMException('full', 'QuotaExceededError'),
    });
    expect(wordFailure('export.failed', full).text).toBe(
      `${t('export.failed')} ${t('error.quota')}`,
    );
  });
});
