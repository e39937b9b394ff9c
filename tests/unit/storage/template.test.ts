import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DRAFT_TEMPLATE,
  languageRuns,
  quotationBody,
  quoteLanguages,
  renderDraftTemplate,
  type TemplateDraft,
} from '../../../storage/template';

const quote = (text: string) => ({ text, html: '', clippedAt: '2021-03-15T08:00:00.000Z' });

const draft = (fields: Partial<TemplateDraft> = {}): TemplateDraft => ({
  url: 'https://www.bloomberg.com/news/ovh-ipo',
  title: 'OVH Weighs IPO',
  siteName: 'Bloomberg',
  quotes: [quote('OVH is weighing an IPO.')],
  ...fields,
});

describe('renderDraftTemplate', () => {
  it('puts the last quote in French quotes, followed by the linked source', () => {
    const body = renderDraftTemplate(
      DEFAULT_DRAFT_TEMPLATE,
      draft({ quotes: [quote('First.'), quote('OVH is weighing an IPO.')] }),
    );

    expect(body).toBe(
      '<p>«\u00a0OVH is weighing an IPO.\u00a0» ' +
        '(<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
    );
  });

  it('does not double the quotation marks a selection already has', () => {
    const body = renderDraftTemplate(DEFAULT_DRAFT_TEMPLATE, draft({ quotes: [quote('« Oui »')] }));

    expect(body).toContain('«\u00a0Oui\u00a0»');
    expect(body).not.toContain('««');
  });

  it('keeps a passage whose opening « closes inside it, its quotation in “ ”', () => {
    const body = renderDraftTemplate(
      DEFAULT_DRAFT_TEMPLATE,
      draft({
        quotes: [
          quote(
            "« Il n'y aura pas de remaniement avant l'été », a déclaré le ministre à ses conseillers.",
          ),
        ],
      }),
    );

    expect(body).toBe(
      '<p>«\u00a0“Il n&#39;y aura pas de remaniement avant l&#39;été”, ' +
        'a déclaré le ministre à ses conseillers.\u00a0» ' +
        '(<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
    );
  });

  it('keeps a passage whose closing » opens inside it, its quotation in “ ”', () => {
    const body = renderDraftTemplate(
      '{quote}',
      draft({
        quotes: [quote('Le ministre a lâché à ses conseillers\u00a0: «\u00a0Je pars\u00a0»')],
      }),
    );

    expect(body).toBe('«\u00a0Le ministre a lâché à ses conseillers\u00a0: “Je pars”\u00a0»');
  });

  it('unwraps a passage wrapped in « » once, whatever the spaces inside the marks', () => {
    for (const text of [
      "« Il n'y aura pas de remaniement avant l'été. »",
      "«\u00a0Il n'y aura pas de remaniement avant l'été.\u00a0»",
      "«\u202fIl n'y aura pas de remaniement avant l'été.\u202f» ",
      "« « Il n'y aura pas de remaniement avant l'été. » »",
    ]) {
      expect(renderDraftTemplate('{quote}', draft({ quotes: [quote(text)] }))).toBe(
        '«\u00a0Il n&#39;y aura pas de remaniement avant l&#39;été.\u00a0»',
      );
    }
  });

  it('writes as many « as » for a passage that starts or ends a quotation', () => {
    const count = (text: string, mark: string) => text.split(mark).length - 1;
    for (const text of [
      '« Oui », a-t-il dit, « et non ».',
      '« Oui. » « Non. »',
      'Il a répondu « oui » puis « non »',
      '« Le projet avance',
      'le projet avance »',
    ]) {
      const body = renderDraftTemplate('{quote}', draft({ quotes: [quote(text)] }));

      expect(count(body, '«')).toBe(1);
      expect(count(body, '»')).toBe(1);
      expect(count(body, '“')).toBe(count(body, '”'));
    }
  });

  it('keeps the paragraphs of a selection, each opening with «, the last alone closing', () => {
    const passage = 'Le premier paragraphe.\n\nLe deuxième,\nsur deux lignes.\n\nLe dernier.';

    const body = renderDraftTemplate(DEFAULT_DRAFT_TEMPLATE, draft({ quotes: [quote(passage)] }));

    expect(body).toBe(
      '<p>«\u00a0Le premier paragraphe.</p>' +
        '<p>«\u00a0Le deuxième, sur deux lignes.</p>' +
        '<p>«\u00a0Le dernier.\u00a0» ' +
        '(<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
    );
  });

  it('does not double the marks of a page that quotes several paragraphs the French way', () => {
    const quoted = (passage: string) =>
      renderDraftTemplate('{quote}', draft({ quotes: [quote(passage)] }));

    // Each paragraph opening with «, the last alone closing; or each one in « » of its own.
    expect(quoted('« Un.\n\n« Deux.\n\n« Trois. »')).toBe(
      '«\u00a0Un.<br>«\u00a0Deux.<br>«\u00a0Trois.\u00a0»',
    );
    expect(quoted('« Première déclaration. »\n\n« Seconde déclaration. »')).toBe(
      '«\u00a0Première déclaration.<br>«\u00a0Seconde déclaration.\u00a0»',
    );
    // A quotation inside one paragraph is still nested in “ ”.
    expect(quoted('Il a dit « oui ».\n\nPuis il est parti.')).toBe(
      '«\u00a0Il a dit “oui”.<br>«\u00a0Puis il est parti.\u00a0»',
    );
  });

  it('breaks lines between the paragraphs where {quote} is not in a <p>', () => {
    const passage = 'Un.\n\nDeux.';

    expect(
      renderDraftTemplate('<p><strong>{quote}</strong></p>', draft({ quotes: [quote(passage)] })),
    ).toBe('<p><strong>«\u00a0Un.<br>«\u00a0Deux.\u00a0»</strong></p>');
    expect(
      renderDraftTemplate(
        '<p>Selon <em>eux</em>, {quote}</p>',
        draft({ quotes: [quote(passage)] }),
      ),
    ).toBe('<p>Selon <em>eux</em>, «\u00a0Un.</p><p>«\u00a0Deux.\u00a0»</p>');
  });

  it('marks the quote with its page’s language when the items are written in another', () => {
    const english = draft({ lang: 'en-GB', quotes: [quote('Why it matters: the <deal>.')] });

    expect(renderDraftTemplate(DEFAULT_DRAFT_TEMPLATE, english, 'fr')).toBe(
      '<p>«\u00a0<span lang="en-GB">Why it matters: the &lt;deal&gt;.</span>\u00a0» ' +
        '(<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
    );
    // Each paragraph of the quote, inside its own « ».
    const passage = draft({ lang: 'en', quotes: [quote('One.\n\nTwo.')] });
    expect(renderDraftTemplate('{quote}', passage, 'fr')).toBe(
      '«\u00a0<span lang="en">One.</span><br>«\u00a0<span lang="en">Two.</span>\u00a0»',
    );
  });

  it('leaves the quote unmarked in the items’ own language, or when a language is unknown', () => {
    const marked = (lang: string | undefined, textLang?: string) =>
      renderDraftTemplate('{quote}', draft({ ...(lang ? { lang } : {}) }), textLang);

    expect(marked('fr-FR', 'fr')).toBe('«\u00a0OVH is weighing an IPO.\u00a0»');
    // In English items, in English marks.
    expect(marked('en-US', 'en')).toBe('“OVH is weighing an IPO.”');
    expect(marked(undefined, 'fr')).toBe('«\u00a0OVH is weighing an IPO.\u00a0»');
    expect(marked('english!', 'fr')).toBe('«\u00a0OVH is weighing an IPO.\u00a0»');
    // No language of the items given (a version-1 draft upgraded): not marked.
    expect(marked('en')).toBe('«\u00a0OVH is weighing an IPO.\u00a0»');
    // The template written in the items' language, a French page in English items is marked.
    expect(marked('fr', 'en')).toBe('“<span lang="fr">OVH is weighing an IPO.</span>”');
  });

  it('quotes in the marks of the items’ language: “ ” in English, each paragraph opening with “', () => {
    const passage = draft({ lang: 'en', quotes: [quote('One.\n\nTwo.')] });

    expect(renderDraftTemplate('{quote}', passage, 'en')).toBe('“One.<br>“Two.”');
    expect(renderDraftTemplate(DEFAULT_DRAFT_TEMPLATE, draft({ lang: 'en' }), 'en-GB')).toBe(
      '<p>“OVH is weighing an IPO.” (<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
    );
  });

  it('links the title when there is no quote', () => {
    const body = renderDraftTemplate(DEFAULT_DRAFT_TEMPLATE, draft({ quotes: [] }));

    expect(body).toBe(
      '<p><a href="https://www.bloomberg.com/news/ovh-ipo">OVH Weighs IPO</a> (Bloomberg)</p>',
    );
  });

  it('escapes every value, in text and in attributes', () => {
    const body = renderDraftTemplate(
      '{quote}|{source}|{title}|{site}|{byline}|{url}',
      draft({
        url: 'https://a.test/?q="x"&y=<1>',
        title: '<script>alert(1)</script>',
        siteName: 'A & B',
        byline: "O'Brien",
        quotes: [quote('<b>bold</b>')],
      }),
    );

    expect(body).toBe(
      '«\u00a0&lt;b&gt;bold&lt;/b&gt;\u00a0»|' +
        '<a href="https://a.test/?q=&quot;x&quot;&amp;y=&lt;1&gt;">A &amp; B</a>|' +
        '&lt;script&gt;alert(1)&lt;/script&gt;|A &amp; B|O&#39;Brien|' +
        'https://a.test/?q=&quot;x&quot;&amp;y=&lt;1&gt;',
    );
  });

  it('never links a URL that is not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'chrome://version/', 'data:text/html,x']) {
      const body = renderDraftTemplate('{source}|{link}|<a href="{url}">x</a>', draft({ url }));

      expect(body).not.toContain(url);
      expect(body).toMatch(/^[^<]*\|[^<]*\|<a href="">x<\/a>$/);
    }
  });

  it('names the host when the page has no site name', () => {
    const body = renderDraftTemplate('{site}', draft({ siteName: undefined }));

    expect(body).toBe('bloomberg.com');
  });

  it('names an accented host as a reader writes it, its link in ASCII', () => {
    const url = 'https://www.xn--caf-dma.fr/menu';
    const body = renderDraftTemplate('{site}|{source}', draft({ url, siteName: undefined }));

    expect(body).toBe(`café.fr|<a href="${url}">café.fr</a>`);
  });

  it('leaves unknown placeholders as typed', () => {
    expect(renderDraftTemplate('<p>{title} {nope}</p>', draft())).toBe(
      '<p>OVH Weighs IPO {nope}</p>',
    );
  });
});

describe('quotationBody', () => {
  it('removes the marks that wrap the whole passage, French, English or straight', () => {
    expect(quotationBody('« Oui »')).toBe('Oui');
    expect(quotationBody('“Yes”')).toBe('Yes');
    expect(quotationBody('"Yes"')).toBe('Yes');
    expect(quotationBody('‘Il n’y a rien’')).toBe('Il n’y a rien');
    expect(quotationBody('« “Oui” »')).toBe('Oui');
  });

  it('unwraps a quotation followed by the stop of the sentence it was in', () => {
    expect(quotationBody("« Il n'y aura pas de remaniement ».")).toBe(
      "Il n'y aura pas de remaniement",
    );
    expect(quotationBody('« Je pars ! » ?')).toBe('Je pars !');
    expect(quotationBody('le projet avance ».')).toBe('le projet avance');
    expect(quotationBody('« Oui », a-t-il dit.')).toBe('“Oui”, a-t-il dit.');
  });

  it('keeps the marks of a quotation that does not span the passage, in “ ”', () => {
    expect(quotationBody('« Oui. » « Non. »')).toBe('“Oui.” “Non.”');
    expect(quotationBody('«\u00a0Oui\u00a0», dit-il')).toBe('“Oui”, dit-il');
    expect(quotationBody('Il a dit "oui" hier')).toBe('Il a dit “oui” hier');
    expect(quotationBody('Il a dit “oui” hier')).toBe('Il a dit “oui” hier');
  });

  it('drops a mark at an end whose partner the selection left out', () => {
    expect(quotationBody('« Le projet avance')).toBe('Le projet avance');
    expect(quotationBody('le projet avance »')).toBe('le projet avance');
  });

  it('leaves apostrophes and a lone mark inside the passage alone', () => {
    expect(quotationBody('the students’')).toBe('the students’');
    expect(quotationBody("aujourd'hui l'été")).toBe("aujourd'hui l'été");
    expect(quotationBody('Il a dit « oui')).toBe('Il a dit « oui');
  });
});

describe('renderDraftTemplate: words the page marked with a language', () => {
  /** A new draft's text, in French, for a page in `lang` whose quote is `text` and `html`. */
  const bodyOf = (lang: string, text: string, html: string) =>
    renderDraftTemplate(
      DEFAULT_DRAFT_TEMPLATE,
      draft({ lang, quotes: [{ text, html, clippedAt: '2021-03-15T08:00:00.000Z' }] }),
      'fr',
    );

  it('keeps English words quoted in a French page marked, inside the quotation', () => {
    const body = bodyOf(
      'fr',
      'Selon Axios, « Why it matters: the deal », écrit le site.',
      '<p>Selon Axios, « <span lang="en">Why it matters: the deal</span> », écrit le site.</p>',
    );
    expect(body).toBe(
      '<p>«\u00a0Selon Axios, “<span lang="en">Why it matters: the deal</span>”, écrit le site.\u00a0» ' +
        '(<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
    );
  });

  it('marks French words of an English page inside the quote marked English', () => {
    const body = bodyOf(
      'en',
      'A certain je ne sais quoi.',
      'A certain <i lang="fr">je ne sais quoi</i>.',
    );
    expect(body).toContain(
      '«\u00a0<span lang="en">A certain <span lang="fr">je ne sais quoi</span>.</span>\u00a0»',
    );
  });

  it('keeps a command the page showed as code as written: marked in no language', () => {
    const body = bodyOf(
      'fr',
      "Lancez npm run a:b -- l'id ? puis attendez.",
      '<p>Lancez <code>npm run a:b -- l&#39;id ?</code> puis attendez.</p>',
    );
    expect(body).toContain(
      '«\u00a0Lancez <span lang="zxx">npm run a:b -- l&#39;id ?</span> puis attendez.\u00a0»',
    );
  });

  it('leaves a phrase in the language around it unmarked, and marks one whose quotation marks changed', () => {
    const body = bodyOf(
      'fr',
      'Il dit « oui » et « no ».',
      'Il dit <span lang="fr-CA">« oui »</span> et <span lang="en">« no »</span>.',
    );
    // « no » became “no” in the quotation: its word is still English; « oui » is French here.
    expect(body).toContain('«\u00a0Il dit “oui” et “<span lang="en">no</span>”.\u00a0»');
  });
});

describe('quoteLanguages', () => {
  it('reads each character’s language from the innermost element that gives one', () => {
    const { chars, langs } = quoteLanguages(
      '<p lang="en">a <i lang="de">b</i> c</p><p>d <span lang="">e</span> &amp;</p>',
    );
    expect(chars).toBe('abcde&');
    expect(langs).toEqual(['en', 'de', 'en', undefined, undefined, undefined]);
  });

  it('reads the words of code (code, kbd, samp, tt, pre) as in no language, zxx', () => {
    // The page's code is kept as written once quoted, as pasted code is (lib/purify.ts markCode).
    expect(quoteLanguages('<p>Tapez <code>a:b</code> ou <kbd lang="en">x</kbd>.</p>')).toEqual({
      chars: 'Tapeza:boux.',
      langs: [
        ...Array(5).fill(undefined),
        'zxx',
        'zxx',
        'zxx',
        undefined,
        undefined,
        'en',
        undefined,
      ],
    });
  });

  it('reads nothing of a quote that marks no language', () => {
    expect(quoteLanguages('<p>Un <em>passage</em>.</p>')).toEqual({ chars: '', langs: [] });
  });

  it('takes no language that is not a tag, and leaves out white space and quotation marks', () => {
    expect(
      quoteLanguages('<span lang="x y">a</span> « <span lang="EN-gb">&lt;b&gt;</span> »'),
    ).toEqual({
      chars: 'a<b>',
      langs: [undefined, 'en-GB', 'en-GB', 'en-GB'],
    });
  });
});

describe('languageRuns', () => {
  const runsOf = (text: string, html: string, around = 'fr') =>
    languageRuns([text], quoteLanguages(html), around)[0];

  it('marks a word where the page marked it, not where it first occurs', () => {
    // Review s51: « plan » is French first, English (marked) second.
    expect(
      runsOf(
        "Ce plan, il l'appelle son plan.",
        'Ce plan, il l&#39;appelle son <i lang="en">plan</i>.',
      ),
    ).toEqual([
      { text: "Ce plan, il l'appelle son " },
      { text: 'plan', lang: 'en' },
      { text: '.' },
    ]);
  });

  it('marks nested languages each with its own, and a phrase whose quotation marks changed', () => {
    expect(
      runsOf(
        'Il dit “Make America great again” et “so what, n’est-ce pas”.',
        'Il dit <span lang="en">« Make America great again »</span> et <span lang="en">“so what, <i lang="fr">n’est-ce pas</i>”</span>.',
      ),
    ).toEqual([
      { text: 'Il dit “' },
      { text: 'Make America great again', lang: 'en' },
      { text: '” et “' },
      { text: 'so what,', lang: 'en' },
      { text: ' n’est-ce pas”.' },
    ]);
  });

  it('leaves text that does not align with the HTML unmarked', () => {
    expect(runsOf('Autre texte', '<span lang="en">Other text</span>')).toEqual([
      { text: 'Autre texte' },
    ]);
  });

  it('aligns across paragraphs', () => {
    expect(
      languageRuns(
        ['yes and yes', 'no'],
        quoteLanguages('<p>yes and <span lang="en">yes</span></p><p lang="en">no</p>'),
        'fr',
      ),
    ).toEqual([[{ text: 'yes and ' }, { text: 'yes', lang: 'en' }], [{ text: 'no', lang: 'en' }]]);
  });
});
