import { readFileSync } from 'node:fs';
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createHouseStyle } from '../../../export/house-style';
import {
  IssueJsonDocumentSchema,
  ISSUE_SCHEMA_ID,
  issueJsonToExportIssue,
  parseIssueJson,
  renderJson,
  type IssueJsonDocument,
} from '../../../export/json';
import { FIXED_NOW, here, sampleIssue } from './fixtures';
import type { ExportIssue } from '../../../export/model';
import { NBSP, NNBSP } from '../../../export/typography';

const style = createHouseStyle();

function exported(): IssueJsonDocument {
  return JSON.parse(renderJson(sampleIssue, style, { now: FIXED_NOW })) as IssueJsonDocument;
}

describe('renderJson', () => {
  it('writes the versioned envelope with an injected clock', () => {
    const doc = exported();

    expect(doc.$schema).toBe('https://indiscrets.app/schema/issue-v2.json');
    expect(doc.schemaVersion).toBe(2);
    expect(doc.generator).toBe('Indiscrets');
    expect(doc.exportedAt).toBe('2021-03-15T07:30:00.000Z');
  });

  it('writes sanitized html and text per item, and sources as data', () => {
    const item = exported().issue.items[1];

    expect(item?.id).toBe('ovh-bourse');
    expect(item?.html).toMatch(
      /^<p>En septembre, <a href="https:\/\/www\.bloomberg\.com\/.*<\/p>$/,
    );
    expect(item?.text).toMatch(/^En septembre, Bloomberg avait dévoilé/);
    expect(item?.sources).toEqual([
      {
        url: 'https://www.bloomberg.com/news/articles/2020-09-17/ovh-ipo',
        title: null,
        siteName: 'Bloomberg',
      },
      {
        url: 'https://www.lesechos.fr/tech-medias/ovh-bourse-2021',
        title: 'OVH prépare son entrée en Bourse',
        siteName: 'Les Échos',
      },
    ]);
  });

  it('writes an item without the opener its editor typed, as it writes every other', () => {
    const typed = {
      ...sampleIssue,
      items: [{ id: 'feu', bodyHtml: '<p>--&gt; Le feu.</p><p>Suite.</p>', sources: [] }],
    };

    const doc = JSON.parse(renderJson(typed, style, { now: FIXED_NOW })) as IssueJsonDocument;

    expect(doc.issue.items[0]?.html).toBe('<p>Le feu.</p><p>Suite.</p>');
  });

  it('names an item without the opener its editor typed, as its text is written', () => {
    // The label an item is given until its editor names it: the first words of its text.
    const typed = {
      ...sampleIssue,
      items: [
        {
          id: 'feu',
          label: '--> Le 10 mars dernier, OVH a…',
          bodyHtml: '<p>--&gt; Le 10 mars dernier, OVH a pris feu.</p>',
          sources: [],
        },
        { id: 'sans', label: '-->Le feu.', bodyHtml: '<p>--&gt;Le feu.</p>', sources: [] },
      ],
    };
    const labels = (itemOpener: string) =>
      (
        JSON.parse(
          renderJson(typed, { ...style, itemOpener }, { now: FIXED_NOW }),
        ) as IssueJsonDocument
      ).issue.items.map((item) => item.label);

    expect(labels('--> ')).toEqual(['Le 10 mars dernier, OVH a…', 'Le feu.']);
    // Another opener, or none: the typed one is the editor's words, kept in text and label.
    expect(labels('» ')).toEqual(['--> Le 10 mars dernier, OVH a…', '-->Le feu.']);
    expect(labels('')).toEqual(['--> Le 10 mars dernier, OVH a…', '-->Le feu.']);
  });

  it('names an item by an English page’s title as its text writes it: left as written', () => {
    const url = 'https://www.theguardian.com/whales';
    const title = "'What is the sea telling us?': Māori tribes fearful over whale strandings";
    const issue = (lang: string, label: string) => ({
      ...sampleIssue,
      items: [
        {
          id: 'baleines',
          label,
          bodyHtml: `<p><a href="${url}">${title}</a> (the Guardian)</p>`,
          sources: [{ url, title, siteName: 'the Guardian', lang }],
        },
      ],
    });
    const label = (lang: string, given: string) =>
      (JSON.parse(renderJson(issue(lang, given), style, { now: FIXED_NOW })) as IssueJsonDocument)
        .issue.items[0]?.label;

    expect(label('en', "'What is the sea telling us?…")).toBe("'What is the sea telling us?…");
    expect(label('en', title)).toBe(title);
    expect(label('fr', "'What is the sea telling us?…")).toBe(
      `'What is the sea telling us${NNBSP}?…`,
    );
  });

  it('names an item opening on an English quote as its text writes it: the quote as written', () => {
    const doc = JSON.parse(
      renderJson(
        {
          ...sampleIssue,
          items: [
            {
              id: 'deal',
              label: '« Why it matters: the deal is…',
              bodyHtml:
                '<p>«&nbsp;<span lang="en">Why it matters: the deal is off.</span>&nbsp;»</p>',
              sources: [],
            },
          ],
        },
        style,
        { now: FIXED_NOW },
      ),
    ) as IssueJsonDocument;

    expect(doc.issue.items[0]?.label).toBe(`«${NBSP}Why it matters: the deal is…`);
    expect(doc.issue.items[0]?.text).toBe(`«${NBSP}Why it matters: the deal is off.${NBSP}»`);
  });

  it('writes the label of an item that has one, and reads it back', () => {
    const labelled = {
      ...sampleIssue,
      items: sampleIssue.items.map((item, i) =>
        i === 1 ? { ...item, label: 'OVH en Bourse' } : item,
      ),
    };
    const text = renderJson(labelled, style, { now: FIXED_NOW });
    const doc = JSON.parse(text) as IssueJsonDocument;

    expect(doc.issue.items[1]?.label).toBe('OVH en Bourse');
    // An item without one has no label field (older files have none either).
    expect(doc.issue.items[0]).not.toHaveProperty('label');
    const parsed = parseIssueJson(text);
    expect(parsed.ok && issueJsonToExportIssue(parsed.value).items[1]?.label).toBe('OVH en Bourse');
  });

  it('reads the intro back as the plain text the model holds, its paragraphs as lines', () => {
    const plain = createHouseStyle({ frenchTypography: false });
    const text = renderJson(sampleIssue, plain, { now: FIXED_NOW });
    const parsed = parseIssueJson(text);

    expect(parsed.ok && issueJsonToExportIssue(parsed.value).intro).toBe(sampleIssue.intro);
    // A file whose intro is several paragraphs (any HTML reader may write one).
    const doc = JSON.parse(text) as IssueJsonDocument;
    doc.issue.intro = '<p>Un &amp; <em>deux</em></p><p>trois</p>';
    const again = parseIssueJson(JSON.stringify(doc));
    expect(again.ok && issueJsonToExportIssue(again.value).intro).toBe('Un & deux\ntrois');
  });

  it('typesets the label as the item’s text is, and leaves it as typed without French typography', () => {
    const labelled = {
      ...sampleIssue,
      items: sampleIssue.items.map((item, i) =>
        i === 0 ? { ...item, label: 'OVH : "en Bourse" ?' } : item,
      ),
    };

    const typeset = JSON.parse(
      renderJson(labelled, style, { now: FIXED_NOW }),
    ) as IssueJsonDocument;
    const plain = JSON.parse(
      renderJson(labelled, createHouseStyle({ frenchTypography: false }), { now: FIXED_NOW }),
    ) as IssueJsonDocument;

    expect(typeset.issue.items[0]?.label).toBe(`OVH${NBSP}: «${NBSP}en Bourse${NBSP}»${NNBSP}?`);
    expect(plain.issue.items[0]?.label).toBe('OVH : "en Bourse" ?');
  });

  it('refuses a label that is not a string, naming where it is', () => {
    const doc = exported() as unknown as { issue: { items: Array<Record<string, unknown>> } };
    doc.issue.items[0]!.label = 12;

    expect(parseIssueJson(JSON.stringify(doc))).toEqual({
      ok: false,
      error: 'issue.items[0].label: expected a string, got 12',
    });
  });

  it('writes a null intro when there is none', () => {
    const doc = JSON.parse(
      renderJson({ ...sampleIssue, intro: undefined }, style),
    ) as IssueJsonDocument;

    expect(doc.issue.intro).toBeNull();
  });
});

describe('parseIssueJson', () => {
  it('reads back what renderJson writes', () => {
    const text = renderJson(sampleIssue, style, { now: FIXED_NOW });

    const result = parseIssueJson(text);

    expect(result).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('round-trips through the export model', () => {
    const result = parseIssueJson(renderJson(sampleIssue, style, { now: FIXED_NOW }));
    if (!result.ok) throw new Error(result.error);

    const again = renderJson(issueJsonToExportIssue(result.value), style, { now: FIXED_NOW });

    // Sanitizing and typesetting are idempotent, so a re-export is identical.
    expect(JSON.parse(again).issue.items.map((i: { html: string }) => i.html)).toEqual(
      result.value.issue.items.map((i) => i.html),
    );
  });

  it('returns a clear error instead of throwing on bad input', () => {
    const valid = exported();
    const cases: Array<[string, string]> = [
      ['{', 'Not valid JSON'],
      ['null', '(root): expected an object'],
      ['[]', '(root): expected an object, got an array'],
      [JSON.stringify({ ...valid, schemaVersion: 3 }), 'schemaVersion 3 is not supported'],
      [
        JSON.stringify({ ...valid, schemaVersion: '2' }),
        'schemaVersion: expected the number 1 or 2',
      ],
      [JSON.stringify({ ...valid, $schema: 'x' }), '$schema: expected'],
      [
        JSON.stringify({ ...valid, exportedAt: 'hier' }),
        'exportedAt: expected an ISO 8601 date-time',
      ],
      [
        JSON.stringify({ ...valid, issue: { ...valid.issue, date: '15/03/2021' } }),
        'issue.date: expected a YYYY-MM-DD date',
      ],
      [
        JSON.stringify({ ...valid, issue: { ...valid.issue, items: {} } }),
        'issue.items: expected an array',
      ],
      [
        JSON.stringify({
          ...valid,
          issue: {
            ...valid.issue,
            items: [
              {
                ...valid.issue.items[0],
                sources: [{ url: 'javascript:alert(1)', title: null, siteName: null }],
              },
            ],
          },
        }),
        'issue.items[0].sources[0].url: expected an http(s) or mailto URL, got "javascript:alert(1)"',
      ],
      [
        JSON.stringify({
          ...valid,
          issue: { ...valid.issue, items: [{ ...valid.issue.items[0], id: 3 }] },
        }),
        'issue.items[0].id: expected a string, got 3',
      ],
    ];
    for (const [input, message] of cases) {
      const result = parseIssueJson(input);
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(result.error).toContain(message);
    }
  });

  it('ignores unknown extra fields', () => {
    const result = parseIssueJson(JSON.stringify({ ...exported(), future: true }));

    expect(result.ok).toBe(true);
  });
});

describe('renderJson of lists and languages (schema version 2)', () => {
  const issue: ExportIssue = {
    title: 'Les indiscrets du 15 mars',
    date: '2021-03-15',
    items: [
      {
        id: 'liste',
        bodyHtml:
          '<p>Trois choses :</p><ul><li>un</li><li>deux<br>bis</li></ul><ol><li>trois</li></ol><p>Fin.</p>',
        sources: [
          { url: 'https://www.axios.com/a', title: 'Why it matters', lang: 'en_US' },
          { url: 'https://www.lemonde.fr/b', title: 'Le Monde' },
          { url: 'https://example.com/c', lang: 'not a tag' },
        ],
      },
    ],
  };
  const item = () =>
    (JSON.parse(renderJson(issue, style, { now: FIXED_NOW })) as IssueJsonDocument).issue.items[0]!;

  it('gives an item’s lists as lists in html, one line per entry in text', () => {
    expect(item().html).toBe(
      `<p>Trois choses${NBSP}:</p><ul><li>un</li><li>deux<br>bis</li></ul><ol><li>trois</li></ol><p>Fin.</p>`,
    );
    expect(item().text).toBe(`Trois choses${NBSP}:\n\n- un\n- deux\n  bis\n\n1. trois\n\nFin.`);
  });

  it('carries the language of a source whose page the clip recorded, as a valid tag', () => {
    expect(item().sources).toEqual([
      { url: 'https://www.axios.com/a', title: 'Why it matters', siteName: null, lang: 'en-US' },
      { url: 'https://www.lemonde.fr/b', title: 'Le Monde', siteName: null },
      { url: 'https://example.com/c', title: null, siteName: null },
    ]);
  });

  it('reads the file back to the same lists and languages', () => {
    const result = parseIssueJson(renderJson(issue, style, { now: FIXED_NOW }));
    if (!result.ok) throw new Error(result.error);

    const model = issueJsonToExportIssue(result.value);

    expect(model.items[0]!.sources[0]!.lang).toBe('en-US');
    const again = JSON.parse(renderJson(model, style, { now: FIXED_NOW })) as IssueJsonDocument;
    expect(again.issue.items[0]).toEqual(item());
  });

  it('still reads a file of version 1, and refuses a source language that is not a tag', () => {
    const doc = JSON.parse(renderJson(issue, style, { now: FIXED_NOW }));
    const v1 = { ...doc, $schema: 'https://indiscrets.app/schema/issue-v1.json', schemaVersion: 1 };
    for (const source of v1.issue.items[0].sources) delete source.lang;

    expect(parseIssueJson(JSON.stringify(v1)).ok).toBe(true);
    // The file's pattern takes a tag in any case: so does the parser.
    doc.issue.items[0].sources[0].lang = 'EN-us';
    expect(parseIssueJson(JSON.stringify(doc)).ok).toBe(true);
    doc.issue.items[0].sources[0].lang = 'en_US';
    expect(parseIssueJson(JSON.stringify(doc))).toEqual({
      ok: false,
      error: 'issue.items[0].sources[0].lang: expected a language tag, got "en_US"',
    });
  });
});

describe('issue.schema.json', () => {
  const schema = JSON.parse(readFileSync(here('../../../export/issue.schema.json'), 'utf8'));

  it('is identified by the URI the documents point to', () => {
    expect(schema.$id).toBe(ISSUE_SCHEMA_ID);
    expect(schema.properties.schemaVersion.enum).toEqual([1, 2]);
  });

  it('requires the same fields the exporter writes and the parser checks', () => {
    const doc = exported();

    expect(schema.required.sort()).toEqual(Object.keys(doc).sort());
    expect(schema.$defs.issue.required.sort()).toEqual(Object.keys(doc.issue).sort());
    expect(schema.$defs.item.required.sort()).toEqual(Object.keys(doc.issue.items[0] ?? {}).sort());
    // The optional fields, written when the item has a label, the page a known language.
    expect(schema.$defs.item.properties.label.type).toBe('string');
    expect(schema.$defs.item.required).not.toContain('label');
    expect(schema.$defs.source.properties.lang.type).toBe('string');
    expect(schema.$defs.source.required).not.toContain('lang');
    expect(schema.$defs.source.required.sort()).toEqual(
      Object.keys(doc.issue.items[0]?.sources[0] ?? {}).sort(),
    );
  });

  it('says, field by field, what the parser accepts: types, constants, patterns, required', () => {
    const fromParser = shape(toJsonSchema(IssueJsonDocumentSchema, { errorMode: 'ignore' }));
    const fromFile = shape(schema, schema);
    // Checked in code by functions a JSON Schema can only approximate (see `safeUrl` and
    // `Date.parse`): the file's pattern and format for them are tested on examples below.
    delete fromFile.properties.exportedAt.format;
    const source = fromFile.properties.issue.properties.items.items.properties.sources.items;
    delete source.properties.url.pattern;
    // Checked in code by languageTag (lib/lang.ts), which the file's pattern writes out.
    delete source.properties.lang.pattern;

    expect(fromFile).toEqual(fromParser);
  });

  it('has a URL pattern that takes the URLs the parser takes, and refuses the others', () => {
    const pattern = new RegExp(schema.$defs.source.properties.url.pattern);
    const urls = [
      'https://a.fr/x',
      'HTTP://a.fr',
      'mailto:a@b.fr',
      'javascript:alert(1)',
      'ftp://a',
      'a.fr',
    ];
    for (const url of urls) {
      const doc = exported();
      doc.issue.items[0]!.sources = [{ url, title: null, siteName: null }];
      expect(pattern.test(url), url).toBe(parseIssueJson(JSON.stringify(doc)).ok);
    }
  });

  it('is the type the parser returns', () => {
    expectTypeOf<
      v.InferOutput<typeof IssueJsonDocumentSchema>
    >().toEqualTypeOf<IssueJsonDocument>();
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The parts of a JSON Schema that say what a document may hold (type, const, enum, pattern,
 * properties, required, items), with references resolved and `anyOf` of plain types written as
 * a list of types, so that two ways of writing one schema compare equal.
 */
function shape(node: any, root: any = node): any {
  if (node.$ref) {
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((at: any, key: string) => at[key], root);
    return shape(target, root);
  }
  const out: any = {};
  const types = node.anyOf
    ? node.anyOf.map((option: any) => option.type)
    : node.type === undefined
      ? undefined
      : [node.type].flat();
  if (types) out.type = [...types].sort();
  for (const key of ['const', 'enum', 'pattern', 'format']) {
    if (node[key] !== undefined) out[key] = node[key];
  }
  if (node.properties) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([key, value]) => [key, shape(value, root)]),
    );
    out.required = [...(node.required ?? [])].sort();
  }
  if (node.items) out.items = shape(node.items, root);
  return out;
}
