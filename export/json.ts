/**
 * JSON export, schema version 2 (see issue.schema.json and README.md in this folder); files of
 * version 1 are read too.
 *
 * JSON carries data, for archives and a later import: the title is the formatted, typeset one,
 * `html` is the sanitized, typeset item body, its lists as lists, and `text` its visible text. The item opener and the
 * source credit are presentation and are not baked into `html`/`text`; sources are listed as data.
 * Sources whose URL is not http(s)/mailto are dropped, like everywhere else.
 */
import * as v from 'valibot';
import type { ExportIssue } from './model';
import type { HouseStyle } from './house-style';
import { prepareIssue, type PreparedIssue, type PreparedItem } from './prepare';
import { inlineToHtml, inlineToText, safeUrl, sanitizeHtml, type SafeParagraph } from './sanitize';
import { languageTag } from '../lib/lang';

export const ISSUE_SCHEMA_ID = 'https://indiscrets.app/schema/issue-v2.json';
export const ISSUE_SCHEMA_VERSION = 2 as const;
/**
 * Version 1, read still: the same fields, but `html` and `text` gave a list's entries as
 * paragraphs, and sources had no `lang`.
 */
export const ISSUE_SCHEMA_ID_V1 = 'https://indiscrets.app/schema/issue-v1.json';
const READ_VERSIONS = [1, ISSUE_SCHEMA_VERSION] as const;
const GENERATOR = 'Indiscrets';

export interface IssueJsonSource {
  url: string;
  title: string | null;
  siteName: string | null;
  /** Language of the page (BCP 47), when the clip recorded it (version 2). */
  lang?: string;
}

export interface IssueJsonItem {
  id: string;
  /** The item's short name in the issue list; absent from files written before it existed. */
  label?: string;
  /**
   * Sanitized HTML: `<p>`, `<ul>`/`<ol>` of `<li>`, `<br>`, `<strong>`, `<em>`, `<a href>`,
   * `<span lang>` only.
   */
  html: string;
  /**
   * Visible text; paragraphs and lists separated by a blank line, a list one line per entry
   * (« - » or « 1. » first), line breaks as "\n".
   */
  text: string;
  sources: IssueJsonSource[];
}

export interface IssueJsonDocument {
  /** The version's identifier: what this exporter writes, or version 1's in an older file. */
  $schema: typeof ISSUE_SCHEMA_ID | typeof ISSUE_SCHEMA_ID_V1;
  schemaVersion: (typeof READ_VERSIONS)[number];
  generator: string;
  /** ISO 8601 instant of the export. */
  exportedAt: string;
  issue: {
    title: string;
    /** YYYY-MM-DD. */
    date: string;
    /** Sanitized HTML (`<p>`…), or null when the issue has no intro. */
    intro: string | null;
    items: IssueJsonItem[];
  };
}

export interface JsonExportOptions {
  /** Clock for `exportedAt`; inject a fixed one in tests. */
  now?: () => Date;
}

const paragraphsToHtml = (paragraphs: readonly SafeParagraph[]): string =>
  paragraphs.map((p) => `<p>${inlineToHtml(p)}</p>`).join('');

/** An item's own paragraphs (no opener, no credit) as paragraphs and lists, in order. */
function itemBlocks(item: PreparedItem) {
  const blocks: Array<SafeParagraph | { ordered: boolean; entries: SafeParagraph[] }> = [];
  let index = 0;
  for (const list of item.lists) {
    blocks.push(...item.paragraphs.slice(index, list.start));
    blocks.push({ ordered: list.ordered, entries: item.paragraphs.slice(list.start, list.end) });
    index = list.end;
  }
  blocks.push(...item.paragraphs.slice(index));
  return blocks;
}

/** An item's HTML: its paragraphs, its lists as `<ul>`/`<ol>`. */
const itemHtml = (item: PreparedItem): string =>
  itemBlocks(item)
    .map((block) => {
      if (Array.isArray(block)) return `<p>${inlineToHtml(block)}</p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      const entries = block.entries.map((entry) => `<li>${inlineToHtml(entry)}</li>`).join('');
      return `<${tag}>${entries}</${tag}>`;
    })
    .join('');

/** An item's text: a list one line per entry, as the text export writes it. */
const itemText = (item: PreparedItem): string =>
  itemBlocks(item)
    .map((block) => {
      if (Array.isArray(block)) return inlineToText(block);
      return block.entries
        .map((entry, at) => {
          const marker = block.ordered ? `${at + 1}. ` : '- ';
          return marker + inlineToText(entry).replace(/\n/g, `\n${' '.repeat(marker.length)}`);
        })
        .join('\n');
    })
    .join('\n\n');

/** Builds the JSON document for an already prepared issue. */
export function buildIssueJson(
  prepared: PreparedIssue,
  options: JsonExportOptions = {},
): IssueJsonDocument {
  const now = options.now ?? (() => new Date());
  return {
    $schema: ISSUE_SCHEMA_ID,
    schemaVersion: ISSUE_SCHEMA_VERSION,
    generator: GENERATOR,
    exportedAt: now().toISOString(),
    issue: {
      title: prepared.title,
      date: prepared.date,
      intro:
        prepared.introParagraphs.length > 0 ? paragraphsToHtml(prepared.introParagraphs) : null,
      items: prepared.items.map((item) => ({
        id: item.id,
        ...(item.label ? { label: item.label } : {}),
        html: itemHtml(item),
        text: itemText(item),
        sources: item.sources.map(({ url, title, siteName, lang }) => {
          const tag = languageTag(lang);
          return { url, title, siteName, ...(tag ? { lang: tag } : {}) };
        }),
      })),
    },
  };
}

/**
 * Renders the issue as pretty-printed JSON (2 spaces, trailing newline).
 * @param issue the untrusted model; it is sanitized here.
 * @param style house style to apply (title, typography).
 * @param options inject `now` for a reproducible `exportedAt`.
 */
export function renderJson(
  issue: ExportIssue,
  style: HouseStyle,
  options: JsonExportOptions = {},
): string {
  return `${JSON.stringify(buildIssueJson(prepareIssue(issue, style), options), null, 2)}\n`;
}

export type ParseIssueJsonResult =
  { ok: true; value: IssueJsonDocument } | { ok: false; error: string };

type Json = unknown;

const isRecord = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object with these fields; the other fields it may have are left out of the result. The
 * first check refuses arrays, which valibot's `object` alone would take for objects. Pure (as
 * valibot's own functions are marked): a bundle that does not parse leaves the schemas out.
 */
/* @__NO_SIDE_EFFECTS__ */
function record<E extends v.ObjectEntries>(entries: E) {
  return v.pipe(v.custom<Record<string, Json>>(isRecord, 'an object'), v.object(entries));
}

/** A string, or null for "none". */
const stringOrNull = v.nullable(v.string('a string or null'));

/*
 * The document as the parser accepts it, each check with the words its error message uses
 * (`issue.date: expected a YYYY-MM-DD date, got …`). `issue.schema.json` says the same for other
 * programs: a test checks that both agree, field by field.
 */
const IssueJsonSourceSchema = record({
  url: v.pipe(
    v.string('a string'),
    v.check((url) => !!safeUrl(url), 'an http(s) or mailto URL'),
  ),
  title: stringOrNull,
  siteName: stringOrNull,
  // Added in version 2: optional, a valid language tag when present, in any case (the file's
  // pattern takes `EN-us`), but written as a tag is: no `_`, no space.
  lang: v.optional(
    v.pipe(
      v.string('a string'),
      v.check((lang) => !/[_\s]/.test(lang) && languageTag(lang) !== null, 'a language tag'),
    ),
  ),
});

const IssueJsonItemSchema = record({
  id: v.string('a string'),
  // Added after the first files were written: optional, a string when present.
  label: v.optional(v.string('a string')),
  html: v.string('a string'),
  text: v.string('a string'),
  sources: v.array(IssueJsonSourceSchema, 'an array'),
});

export const IssueJsonDocumentSchema = record({
  $schema: v.picklist(
    [ISSUE_SCHEMA_ID, ISSUE_SCHEMA_ID_V1],
    `"${ISSUE_SCHEMA_ID}" or "${ISSUE_SCHEMA_ID_V1}"`,
  ),
  schemaVersion: v.picklist(READ_VERSIONS, 'the number 1 or 2'),
  generator: v.string('a string'),
  exportedAt: v.pipe(
    v.string('a string'),
    v.check((at) => !Number.isNaN(Date.parse(at)), 'an ISO 8601 date-time'),
  ),
  issue: record({
    title: v.string('a string'),
    date: v.pipe(v.string('a string'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date')),
    intro: stringOrNull,
    items: v.array(IssueJsonItemSchema, 'an array'),
  }),
});

/** The first problem, as `path: expected …, got …`. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path =
    (issue.path ?? [])
      .map((item, i) =>
        typeof item.key === 'number' ? `[${item.key}]` : `${i > 0 ? '.' : ''}${String(item.key)}`,
      )
      .join('') || '(root)';
  const got = issue.input;
  const shown =
    got === undefined ? 'nothing' : Array.isArray(got) ? 'an array' : JSON.stringify(got);
  const short = shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
  return `${path}: expected ${issue.message}, got ${short}`;
}

/**
 * Parses and validates an exported issue (schema version 2, or 1). Never throws: returns the typed
 * document, or a message naming the first problem and where it is, e.g.
 * `issue.items[2].sources[0].url: expected an http(s) or mailto URL, got "javascript:…"`.
 * Every field the exporter writes is required but `label` (added later); unknown extra fields
 * are ignored (additive changes do not bump the version). The `html` fields are returned as
 * found: sanitize them again before display, as any untrusted HTML.
 * @param text the file content.
 */
export function parseIssueJson(text: string): ParseIssueJsonResult {
  let data: Json;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Not valid JSON: ${reason}` };
  }
  // A version this reader does not know is said as such, before any field is looked at.
  const version = isRecord(data) ? data.schemaVersion : undefined;
  if (typeof version === 'number' && !(READ_VERSIONS as readonly number[]).includes(version)) {
    return {
      ok: false,
      error: `schemaVersion ${version} is not supported (this version reads schemaVersion 1 and 2)`,
    };
  }
  try {
    const result = v.safeParse(IssueJsonDocumentSchema, data, { abortEarly: true });
    if (result.success) return { ok: true, value: result.output };
    return { ok: false, error: describeIssue(result.issues[0]) };
  } catch (error) {
    return { ok: false, error: `Unreadable issue: ${String(error)}` };
  }
}

/**
 * Turns a parsed document back into the export model (for re-export or import). Titles and
 * site names are kept as they are; the item HTML stays untrusted in the model.
 */
export function issueJsonToExportIssue(doc: IssueJsonDocument): ExportIssue {
  return {
    title: doc.issue.title,
    date: doc.issue.date,
    // Written as HTML paragraphs; the model's chapô is plain text: its paragraphs become lines.
    ...(doc.issue.intro
      ? { intro: sanitizeHtml(doc.issue.intro).map(inlineToText).join('\n') }
      : {}),
    items: doc.issue.items.map((item) => ({
      id: item.id,
      ...(item.label !== undefined ? { label: item.label } : {}),
      bodyHtml: item.html,
      sources: item.sources.map((s) => ({
        url: s.url,
        title: s.title ?? undefined,
        siteName: s.siteName ?? undefined,
        ...(s.lang ? { lang: s.lang } : {}),
      })),
    })),
  };
}
