import * as v from 'valibot';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupDraft,
  type BackupWordPress,
  type ParsedBackup,
} from './backup-format';
import { fillV2Fields, type Draft, type Issue } from './db';
import { isIsoMoment } from './record-values';
import { checkSignal, slicer, type Progress } from './slices';
import { BackupDraftFileSchema, BackupIssueFileSchema, BackupSettingsFileSchema } from './schema';

/**
 * Reading a backup file (format in `backup-format.ts`): the records are checked with the schemas
 * of `schema.ts`; the first problem becomes a {@link BackupError} that says which record and
 * which field, as a path inside it (`quotes[2].text`).
 */

/** Why a file cannot be restored. */
export type BackupErrorCode =
  /** The file holds nothing (or only spaces): an empty file, a download that never started. */
  | 'empty'
  /** The text is not JSON. */
  | 'not-json'
  /** JSON, but not an Indiscrets backup (no `format: 'indiscrets-backup'`). */
  | 'not-backup'
  /** `version` is missing or not a positive integer. */
  | 'invalid-version'
  /** Made by a newer Indiscrets (`version` above {@link BACKUP_VERSION}). */
  | 'newer-version'
  /** The `clips` or `issues` list (`list`) is missing or not an array. */
  | 'missing-list'
  /** An element of a list is not an object (`list`, `index`). */
  | 'invalid-record'
  /** A record lacks a required field (`list`, `index`, `field`). */
  | 'missing-field'
  /** A field has the wrong type or an unknown value (`list`, `index`, `field`). */
  | 'invalid-field'
  /** Two records of a list have the same id (`list`, `index` of the second, `id`). */
  | 'duplicate-id';

/** What is wrong with a file, and where. */
export interface BackupError {
  code: BackupErrorCode;
  /** The list the problem is in; absent for the file's own fields. */
  list?: 'clips' | 'issues' | 'settings';
  /** Position of the bad record in its list, from 0. */
  index?: number;
  /** The bad record's id, when it has a readable one. */
  id?: string;
  /** The bad record's title, when it has a readable one (to name it to the editor). */
  title?: string;
  /** The field concerned, as a path inside the record (`sources[1].url`). */
  field?: string;
  /** The file's `version`, for `newer-version`. */
  version?: number;
}

export type ParseResult = { ok: true; backup: ParsedBackup } | { ok: false; error: BackupError };

/** Thrown inside the parser, turned into a result at its top: `parseBackup` never throws. */
class Invalid extends Error {
  constructor(readonly error: BackupError) {
    super(error.code);
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/**
 * Never taken from a file: recomputed, this browser's own (a file's `undone` would keep the
 * versions it names out of this browser's merges), or dangerous as an own key.
 */
const DROPPED_KEYS = new Set(['words', 'sourceUrls', 'edits', 'undone', '__proto__']);

/**
 * A copy of a record's own fields, without the derived and dangerous ones, and without the
 * fields set to `null`: an optional one is then absent (removed), a required one missing.
 */
function copyRecord(record: Json): Json {
  const copy: Json = {};
  for (const [key, value] of Object.entries(record)) {
    if (!DROPPED_KEYS.has(key) && value !== null) copy[key] = value;
  }
  // A revision only rises by one at each write (`nextRev`): one that is no whole count (2.5,
  // 1e300, past 2^53) would start again at 1, and the views, which ignore a record older than
  // the last they saw, would miss every later write. Such a one is not kept: the record starts
  // its count afresh, as one that had none.
  if (typeof copy.rev === 'number' && !isRevision(copy.rev)) delete copy.rev;
  return copy;
}

/** A revision count that can go on rising by one. */
const isRevision = (value: number): boolean =>
  Number.isSafeInteger(value) && value >= 0 && value < Number.MAX_SAFE_INTEGER;

/** A valibot issue's path as the error names it: `quotes[2].text`. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item, i) =>
      typeof item.key === 'number' ? `[${item.key}]` : `${i > 0 ? '.' : ''}${String(item.key)}`,
    )
    .join('');
}

/**
 * Checks record `index` of a list with its schema. The first problem becomes the error that
 * names the record (its id and title, when it has readable ones) and the field at fault: a
 * field of the record itself that is absent is missing, anything else (a nested one included)
 * is invalid.
 */
function readRecord<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
  list: 'clips' | 'issues',
  index: number,
): v.InferOutput<S> {
  if (!isObject(raw)) throw new Invalid({ code: 'invalid-record', list, index });
  const record = copyRecord(raw);
  const result = v.safeParse(schema, record, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path ?? [];
  throw new Invalid({
    code: path.length === 1 && issue.input === undefined ? 'missing-field' : 'invalid-field',
    list,
    index,
    field: pathOf(issue),
    ...(isNonEmpty(record.id) ? { id: record.id } : {}),
    ...(isNonEmpty(record.title) ? { title: record.title } : {}),
  });
}

function readDraft(raw: unknown, index: number): BackupDraft {
  const read = readRecord(BackupDraftFileSchema, raw, 'clips', index);
  // What schema 1 lacked, and what older files may leave out, filled as the upgrade fills it.
  const draft: Partial<Draft> & Pick<Draft, 'id' | 'url' | 'title' | 'createdAt'> = {
    ...read,
    updatedAt: read.updatedAt ?? read.createdAt,
    provenance: read.provenance ?? {},
    quotes: read.quotes ?? [],
  };
  fillV2Fields(draft);
  return draft as BackupDraft;
}

function readIssue(raw: unknown, index: number): Issue {
  const read = readRecord(BackupIssueFileSchema, raw, 'issues', index);
  return { ...read, updatedAt: read.updatedAt ?? read.createdAt };
}

/** Throws `duplicate-id` for the second record that has an id already seen. */
function assertDistinct(
  records: ReadonlyArray<{ id: string; title: string }>,
  list: 'clips' | 'issues',
) {
  const seen = new Set<string>();
  records.forEach((record, index) => {
    if (seen.has(record.id)) {
      throw new Invalid({ code: 'duplicate-id', list, index, id: record.id, title: record.title });
    }
    seen.add(record.id);
  });
}

function readSettings(raw: unknown): ParsedBackup['settings'] {
  if (raw === undefined || raw === null) return {};
  const fail = (field: string) => new Invalid({ code: 'invalid-field', list: 'settings', field });
  if (!isObject(raw)) throw fail('settings');
  // valibot takes an array for an object: the two groups of settings must be objects.
  for (const group of ['houseStyle', 'wordpress']) {
    if (Array.isArray(raw[group])) throw fail(group);
  }
  const result = v.safeParse(BackupSettingsFileSchema, raw, { abortEarly: true });
  if (!result.success) throw fail(pathOf(result.issues[0]));
  // Only the settings the file has: one it lacks is not restored.
  const settings: ParsedBackup['settings'] = {};
  const { houseStyle, draftTemplate, uiLocale, characterKeys, currentIssueId, wordpress } =
    result.output;
  if (houseStyle !== undefined) settings.houseStyle = withoutAbsent(houseStyle);
  if (draftTemplate !== undefined) settings.draftTemplate = draftTemplate;
  if (uiLocale !== undefined) settings.uiLocale = uiLocale;
  if (characterKeys !== undefined) settings.characterKeys = characterKeys;
  if (currentIssueId !== undefined) settings.currentIssueId = currentIssueId || null;
  if (wordpress !== undefined) {
    settings.wordpress = withoutAbsent(wordpress) as Partial<BackupWordPress>;
  }
  return settings;
}

/** The object without its `undefined` fields: a setting the file leaves out stays as it is here. */
function withoutAbsent<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** How far reading a backup has got: scanning the file's text, then checking its drafts. */
export interface ReadProgress extends Progress {
  /** `parse`: `done` of `total` characters of the file; `check`: of its drafts. */
  step: 'parse' | 'check';
}

/** The scan below met what it cannot take apart: the whole text goes to `JSON.parse`. */
class Unscannable extends Error {}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * A backup's JSON taken apart without one `JSON.parse` of the whole text, which holds the thread
 * for as long as the file is big: the top-level object's values are parsed one by one, and the
 * `clips` and `issues` lists record by record, yielding the position in the text after each
 * record. Only the separators between the values are read here (`{ "key": value, … }`, `[a, b]`);
 * each value is parsed by `JSON.parse`, which checks it. So when the scan succeeds, the text is
 * JSON and the object is the one `JSON.parse` gives; anything it cannot take apart (not an object,
 * a syntax error, a key twice or `__proto__`, whose meaning differs from a plain assignment)
 * throws {@link Unscannable}, and the caller parses the whole text as before.
 */
function* scanJson(text: string): Generator<number, Json, void> {
  let i = 0;
  const end = text.length;
  const fail = (): never => {
    throw new Unscannable();
  };
  const peek = () => {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    return text.charCodeAt(i);
  };
  const skipString = () => {
    // `i` on the opening quote: to after the closing one, the first not escaped.
    let from = i + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) fail();
      let slashes = 0;
      while (text.charCodeAt(quote - 1 - slashes) === 0x5c) slashes++;
      from = quote + 1;
      if (slashes % 2 === 0) break;
    }
    i = from;
  };
  /** One value's text, parsed. */
  const value = (): unknown => {
    const c = peek();
    const from = i;
    if (c === 0x22) skipString();
    else if (c === 0x7b || c === 0x5b) {
      // Brackets counted, not matched: a mismatch makes the value's own JSON.parse fail.
      let depth = 0;
      do {
        if (i >= end) fail();
        const d = text.charCodeAt(i);
        if (d === 0x22) {
          skipString();
          continue;
        }
        if (d === 0x7b || d === 0x5b) depth++;
        else if (d === 0x7d || d === 0x5d) depth--;
        i++;
      } while (depth > 0);
    } else {
      while (i < end) {
        const d = text.charCodeAt(i);
        if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
        i++;
      }
    }
    if (i === from) fail();
    try {
      return JSON.parse(text.slice(from, i)) as unknown;
    } catch {
      return fail();
    }
  };
  if (peek() !== 0x7b) fail();
  i++;
  const object: Json = {};
  if (peek() === 0x7d) i++;
  else {
    for (;;) {
      if (peek() !== 0x22) fail();
      const key = value() as string;
      if (key === '__proto__' || Object.hasOwn(object, key)) fail();
      if (peek() !== 0x3a) fail();
      i++;
      if ((key === 'clips' || key === 'issues') && peek() === 0x5b) {
        i++;
        const list: unknown[] = [];
        if (peek() === 0x5d) i++;
        else {
          for (;;) {
            list.push(value());
            yield i;
            const c = peek();
            i++;
            if (c === 0x5d) break;
            if (c !== 0x2c) fail();
          }
        }
        object[key] = list;
      } else object[key] = value();
      const c = peek();
      i++;
      if (c === 0x7d) break;
      if (c !== 0x2c) fail();
    }
  }
  // Nothing but spaces after the object.
  peek();
  if (i < end) fail();
  return object;
}

/**
 * Reading a backup's text, step by step: each step yields how far it has got, so that
 * {@link readBackup} can let the page run in between; {@link parseBackup} runs it in one go.
 */
function* readSteps(text: string): Generator<ReadProgress, ParseResult, void> {
  try {
    if (!text.replace(/^\uFEFF/, '').trim()) return { ok: false, error: { code: 'empty' } };
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    let json: unknown;
    try {
      const scan = scanJson(body);
      for (let next = scan.next(); ; next = scan.next()) {
        if (next.done) {
          json = next.value;
          break;
        }
        yield { step: 'parse', done: next.value, total: body.length };
      }
    } catch (error) {
      if (!(error instanceof Unscannable)) throw error;
      try {
        json = JSON.parse(body);
      } catch {
        return { ok: false, error: { code: 'not-json' } };
      }
    }
    if (!isObject(json) || json.format !== BACKUP_FORMAT) {
      return { ok: false, error: { code: 'not-backup' } };
    }
    const { version } = json;
    if (!(Number.isInteger(version) && (version as number) > 0)) {
      return { ok: false, error: { code: 'invalid-version' } };
    }
    if ((version as number) > BACKUP_VERSION) {
      return { ok: false, error: { code: 'newer-version', version: version as number } };
    }
    if (
      json.exportedAt !== undefined &&
      !(typeof json.exportedAt === 'string' && isIsoMoment(json.exportedAt))
    ) {
      return { ok: false, error: { code: 'invalid-field', field: 'exportedAt' } };
    }
    const { schemaVersion } = json;
    if (
      schemaVersion !== undefined &&
      !(Number.isInteger(schemaVersion) && (schemaVersion as number) > 0)
    ) {
      return { ok: false, error: { code: 'invalid-field', field: 'schemaVersion' } };
    }
    if (!Array.isArray(json.clips)) {
      return { ok: false, error: { code: 'missing-list', list: 'clips' } };
    }
    // Schema 1 had no issues: a backup made from it may have no list of them.
    const noIssues = json.issues === undefined && schemaVersion === 1;
    if (!noIssues && !Array.isArray(json.issues)) {
      return { ok: false, error: { code: 'missing-list', list: 'issues' } };
    }
    const clips = json.clips as unknown[];
    const drafts: BackupDraft[] = [];
    for (const [index, raw] of clips.entries()) {
      drafts.push(readDraft(raw, index));
      yield { step: 'check', done: index + 1, total: clips.length };
    }
    const issues: Issue[] = [];
    for (const [index, raw] of (noIssues ? [] : (json.issues as unknown[])).entries()) {
      issues.push(readIssue(raw, index));
      // Counted with the drafts, which are the many: an issue is checked in a moment.
      yield { step: 'check', done: clips.length, total: clips.length };
    }
    assertDistinct(drafts, 'clips');
    assertDistinct(issues, 'issues');
    const settings = readSettings(json.settings);
    return {
      ok: true,
      backup: {
        format: BACKUP_FORMAT,
        version: version as number,
        ...(json.exportedAt !== undefined ? { exportedAt: json.exportedAt as string } : {}),
        schemaVersion: (schemaVersion as number | undefined) ?? 1,
        clips: drafts,
        issues,
        settings,
      },
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.error };
    // A bug of ours, not the file's fault; still no exception for the caller.
    return { ok: false, error: { code: 'not-backup' } };
  }
}

/**
 * Reads a backup file's text. Never throws: a file that is not JSON, not a backup, from a newer
 * version, or with a record that is missing a required field or has one of the wrong type,
 * gives an error that says which problem and, for a record, which one (`list`, `index`, `id`,
 * `field`). Records of older backups get the fields they lack, as the database upgrade gives
 * them; derived fields in the file are ignored. In one go: for a file an editor chose, see
 * {@link readBackup}.
 */
export function parseBackup(text: string): ParseResult {
  const steps = readSteps(text);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/**
 * {@link parseBackup}, a slice at a time (see `slices.ts`): the page stays responsive while a
 * big file is read, `onProgress` hears how far it has got (the file's text scanned, then its
 * drafts checked), and an abort of `signal` stops it, rejecting with an `AbortError`. Otherwise
 * the same result as {@link parseBackup} for the same text.
 */
export async function readBackup(
  text: string,
  {
    signal,
    onProgress,
  }: { signal?: AbortSignal; onProgress?: (progress: ReadProgress) => void } = {},
): Promise<ParseResult> {
  const pause = slicer(signal);
  const steps = readSteps(text);
  await pause();
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    onProgress?.(next.value);
    await pause();
  }
}

/**
 * The text of a chosen file, decoded as UTF-8 a piece at a time as it is read: `file.text()`
 * decodes the whole file at once on the page's thread (most of a second for a backup of tens
 * of MB). An abort of `signal` stops it with an `AbortError`. Where the browser cannot stream a
 * file (no `TextDecoderStream`), read whole.
 */
export async function readFileText(file: Blob, signal?: AbortSignal): Promise<string> {
  if (typeof file.stream !== 'function' || typeof TextDecoderStream === 'undefined') {
    const text = await file.text();
    checkSignal(signal);
    return text;
  }
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  const parts: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      checkSignal(signal);
      if (done) break;
      parts.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  // As `file.text()`: a byte order mark is the decoder's, not the text's.
  return parts.join('');
}
