/**
 * JSON export, schema version 1 (see issue.schema.json and README.md in this folder).
 *
 * JSON carries data, for archives and a later import: the title is the formatted, typeset one,
 * `html` is the sanitized, typeset item body and `text` its visible text. The item opener and the
 * source credit are presentation and are not baked into `html`/`text`; sources are listed as data.
 * Sources whose URL is not http(s)/mailto are dropped, like everywhere else.
 */
import type { ExportIssue } from './model';
import type { HouseStyle } from './house-style';
import { prepareIssue, type PreparedIssue } from './prepare';
import { inlineToHtml, inlineToText, safeUrl, type SafeParagraph } from './sanitize';

export const ISSUE_SCHEMA_ID = 'https://indiscrets.app/schema/issue-v1.json';
export const ISSUE_SCHEMA_VERSION = 1;
const GENERATOR = 'Indiscrets';

export interface IssueJsonSource {
  url: string;
  title: string | null;
  siteName: string | null;
}

export interface IssueJsonItem {
  id: string;
  /** Sanitized HTML: `<p>`, `<br>`, `<strong>`, `<em>`, `<a href>` only. */
  html: string;
  /** Visible text; paragraphs separated by a blank line, line breaks as "\n". */
  text: string;
  sources: IssueJsonSource[];
}

export interface IssueJsonDocument {
  $schema: string;
  schemaVersion: 1;
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

const paragraphsToText = (paragraphs: readonly SafeParagraph[]): string =>
  paragraphs.map((p) => inlineToText(p)).join('\n\n');

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
        html: paragraphsToHtml(item.paragraphs),
        text: paragraphsToText(item.paragraphs),
        sources: item.sources.map(({ url, title, siteName }) => ({ url, title, siteName })),
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

const isRecord = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Thrown inside the validator only; parseIssueJson turns it into `{ ok: false }`. */
class InvalidIssue extends Error {}

function fail(path: string, expected: string, got: Json): never {
  const shown =
    got === undefined ? 'nothing' : Array.isArray(got) ? 'an array' : JSON.stringify(got);
  const short = shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
  throw new InvalidIssue(`${path}: expected ${expected}, got ${short}`);
}

function str(obj: Record<string, Json>, key: string, path: string): string {
  const v = obj[key];
  if (typeof v !== 'string') fail(path === '(root)' ? key : `${path}.${key}`, 'a string', v);
  return v;
}

function strOrNull(obj: Record<string, Json>, key: string, path: string): string | null {
  const v = obj[key];
  if (v === null) return null;
  if (typeof v !== 'string') fail(`${path}.${key}`, 'a string or null', v);
  return v;
}

function validate(data: Json): IssueJsonDocument {
  if (!isRecord(data)) fail('(root)', 'an object', data);
  const version = data.schemaVersion;
  if (version !== ISSUE_SCHEMA_VERSION) {
    if (typeof version === 'number') {
      throw new InvalidIssue(
        `schemaVersion ${version} is not supported (this version reads schemaVersion 1)`,
      );
    }
    fail('schemaVersion', 'the number 1', version);
  }
  if (data.$schema !== ISSUE_SCHEMA_ID) fail('$schema', `"${ISSUE_SCHEMA_ID}"`, data.$schema);
  const generator = str(data, 'generator', '(root)');
  const exportedAt = str(data, 'exportedAt', '(root)');
  if (Number.isNaN(Date.parse(exportedAt))) fail('exportedAt', 'an ISO 8601 date-time', exportedAt);
  const issue = data.issue;
  if (!isRecord(issue)) fail('issue', 'an object', issue);
  const title = str(issue, 'title', 'issue');
  const date = str(issue, 'date', 'issue');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('issue.date', 'a YYYY-MM-DD date', date);
  const intro = strOrNull(issue, 'intro', 'issue');
  const items = issue.items;
  if (!Array.isArray(items)) fail('issue.items', 'an array', items);
  return {
    $schema: ISSUE_SCHEMA_ID,
    schemaVersion: 1,
    generator,
    exportedAt,
    issue: {
      title,
      date,
      intro,
      items: items.map((item: Json, i): IssueJsonItem => {
        const path = `issue.items[${i}]`;
        if (!isRecord(item)) fail(path, 'an object', item);
        const sources = item.sources;
        if (!Array.isArray(sources)) fail(`${path}.sources`, 'an array', sources);
        return {
          id: str(item, 'id', path),
          html: str(item, 'html', path),
          text: str(item, 'text', path),
          sources: sources.map((source: Json, j): IssueJsonSource => {
            const sourcePath = `${path}.sources[${j}]`;
            if (!isRecord(source)) fail(sourcePath, 'an object', source);
            const url = str(source, 'url', sourcePath);
            if (!safeUrl(url)) fail(`${sourcePath}.url`, 'an http(s) or mailto URL', url);
            return {
              url,
              title: strOrNull(source, 'title', sourcePath),
              siteName: strOrNull(source, 'siteName', sourcePath),
            };
          }),
        };
      }),
    },
  };
}

/**
 * Parses and validates an exported issue (schema version 1). Never throws: returns the typed
 * document, or a message naming the first problem and where it is, e.g.
 * `issue.items[2].sources[0].url: expected an http(s) or mailto URL, got "javascript:…"`.
 * Every field the exporter writes is required; unknown extra fields are ignored (additive
 * changes do not bump the version). The `html` fields are
 * returned as found: sanitize them again before display, as any untrusted HTML.
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
  try {
    return { ok: true, value: validate(data) };
  } catch (error) {
    if (error instanceof InvalidIssue) return { ok: false, error: error.message };
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
    intro: doc.issue.intro ?? undefined,
    items: doc.issue.items.map((item) => ({
      id: item.id,
      bodyHtml: item.html,
      sources: item.sources.map((s) => ({
        url: s.url,
        title: s.title ?? undefined,
        siteName: s.siteName ?? undefined,
      })),
    })),
  };
}
