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
const DROPPED_KEYS = new Set(['words', 'wordPairs', 'sourceUrls', 'edits', 'undone', '__proto__']);

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

/**
 * The text is JSON, and its meaning is the one `JSON.parse` gives, which the scan below does not
 * take apart (a top-level value that is no object, a key twice or `__proto__`, whose meaning
 * differs from a plain assignment): the whole text goes to `JSON.parse`.
 */
class Unscannable extends Error {}

/** The text is no JSON: the scan met what no JSON has (a syntax error, or its end too soon). */
class NotJson extends Error {}

/** The scan needs more of the text than it has been given so far (internal to the scan). */
class NeedMore extends Error {}
const NEED_MORE = new NeedMore();

/** What the scan yields: how many characters of the text it has read, or a call for more. */
type ScanStep = number | 'more';

/** What is passed back for a call for more: the next piece of the text, `null` at its end. */
type Piece = string | null | undefined;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** What `JSON.parse` can read as the start of a value, besides an object. */
const VALUE_START = /^[[\-0-9"tfn]/;

/**
 * A backup's JSON taken apart without one `JSON.parse` of the whole text, which holds the thread
 * for as long as the file is big, and without the whole text at once: it is given in pieces
 * (`first`, then the answers to its calls for more, `'more'`, until `null`), and only the value
 * being read and what follows it are kept. The top-level object's values are parsed one by one,
 * and the `clips` and `issues` lists record by record, yielding how many characters have been
 * read after each record. Only the separators between the values are read here
 * (`{ "key": value, … }`, `[a, b]`); each value is parsed by `JSON.parse`, which checks it. In a
 * text that is JSON, each value's text found so is exactly that value's (strings skipped, brackets
 * counted), so when the scan succeeds the object is the one `JSON.parse` gives, and where it fails
 * the text is no JSON ({@link NotJson}); only what it cannot take apart throws
 * {@link Unscannable}. `null` when the text holds nothing but spaces.
 */
function* scanJson(first: string, complete: boolean): Generator<ScanStep, Json | null, Piece> {
  let text = first;
  /** Characters of the text dropped from `text`, read and done with. */
  let dropped = 0;
  let ended = complete;
  let i = 0;
  const fail = (): never => {
    throw new NotJson();
  };
  /** The text ran out: more of it is needed, or, at its end, it is no JSON. */
  const short = (): never => {
    if (!ended) throw NEED_MORE;
    return fail();
  };
  const peek = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length && !ended) throw NEED_MORE;
    // NaN at the text's end, which each caller takes for what it does not expect.
    return text.charCodeAt(i);
  };
  const skipString = () => {
    // `i` on the opening quote: to after the closing one, the first not escaped.
    let from = i + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) short();
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
        if (i >= text.length) short();
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
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
        i++;
      }
      // A number may go on in the next piece.
      if (i >= text.length && !ended) throw NEED_MORE;
    }
    if (i === from) fail();
    try {
      return JSON.parse(text.slice(from, i)) as unknown;
    } catch {
      return fail();
    }
  };
  /**
   * Runs `read` from where the scan is; when it needs more of the text, the scan goes back to
   * where `read` started, drops what was before it, asks for more and runs it again, once the
   * text it holds has doubled (or ended): a value over many pieces (a page clipped whole, MB of
   * text) is read again a few times, not once per piece, which took minutes for tens of MB.
   */
  function* attempt<T>(read: () => T): Generator<ScanStep, T, Piece> {
    let start = i;
    for (;;) {
      try {
        return read();
      } catch (error) {
        if (error !== NEED_MORE) throw error;
        text = text.slice(start);
        dropped += start;
        start = i = 0;
        const wanted = 2 * text.length;
        do {
          const piece = yield 'more';
          if (piece === null || piece === undefined) ended = true;
          else text += piece;
        } while (!ended && text.length < wanted);
      }
    }
  }
  // Only spaces (as `trim` reads them: a byte order mark, a no-break space too) to the end.
  const blank = yield* attempt(() => {
    const found = text.slice(i).search(/\S/);
    if (found >= 0) return false;
    i = text.length;
    if (!ended) throw NEED_MORE;
    return true;
  });
  if (blank) return null;
  i = 0;
  const opening = yield* attempt(peek);
  if (opening !== 0x7b) {
    if (VALUE_START.test(text.slice(i, i + 1))) throw new Unscannable();
    fail();
  }
  i++;
  const object: Json = {};
  const closedAtOnce = yield* attempt(() => peek() === 0x7d && !!++i);
  if (!closedAtOnce) {
    for (;;) {
      const key = yield* attempt(() => {
        if (peek() !== 0x22) fail();
        const read = value() as string;
        if (peek() !== 0x3a) fail();
        i++;
        return read;
      });
      if (key === '__proto__' || Object.hasOwn(object, key)) throw new Unscannable();
      const isList =
        (key === 'clips' || key === 'issues') && (yield* attempt(() => peek() === 0x5b && !!++i));
      if (isList) {
        const list: unknown[] = [];
        const emptyList = yield* attempt(() => peek() === 0x5d && !!++i);
        if (!emptyList) {
          for (;;) {
            const [record, last] = yield* attempt(() => {
              const read = value();
              const c = peek();
              if (c !== 0x5d && c !== 0x2c) fail();
              i++;
              return [read, c === 0x5d] as const;
            });
            list.push(record);
            yield dropped + i;
            if (last) break;
          }
        }
        object[key] = list;
      } else object[key] = yield* attempt(value);
      const closed = yield* attempt(() => {
        const c = peek();
        if (c !== 0x7d && c !== 0x2c) fail();
        i++;
        return c === 0x7d;
      });
      if (closed) break;
    }
  }
  // Nothing but spaces after the object.
  yield* attempt(() => {
    peek();
    if (i < text.length) fail();
  });
  return object;
}

/**
 * Reading a backup's text, step by step: each step yields how far it has got, so that
 * {@link readBackup} can let the page run in between; {@link parseBackup} runs it in one go.
 * The text is `first`, whole when `complete`; otherwise the rest is asked for piece by piece
 * (`'more'`, answered by the next piece, `null` at the end). A text the scan cannot take apart
 * (see {@link Unscannable}) is asked for whole (`'whole'`, answered by all of it).
 */
function* readSteps(
  first: string,
  complete: boolean,
): Generator<ReadProgress | 'more' | 'whole', ParseResult, Piece> {
  try {
    let json: unknown;
    const body = first.charCodeAt(0) === 0xfeff ? first.slice(1) : first;
    try {
      const scan = scanJson(body, complete);
      for (let next = scan.next(); ;) {
        if (next.done) {
          if (next.value === null) return { ok: false, error: { code: 'empty' } };
          json = next.value;
          break;
        }
        if (next.value === 'more') next = scan.next(yield 'more');
        else {
          yield { step: 'parse', done: next.value, total: body.length };
          next = scan.next();
        }
      }
    } catch (error) {
      if (error instanceof NotJson) return { ok: false, error: { code: 'not-json' } };
      if (!(error instanceof Unscannable)) throw error;
      const whole = complete ? first : yield 'whole';
      try {
        json = JSON.parse((whole ?? '').replace(/^\uFEFF/, ''));
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
  const steps = readSteps(text, true);
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
}

/** Where the rest of a text comes from, when it is not given whole. */
interface Pieces {
  /** The next piece of the text; `null` at its end. */
  more(): Promise<string | null>;
  /** The whole text, read again from its start. */
  whole(): Promise<string>;
  /** How far reading it has got (`parse`'s progress: bytes of the file). */
  progress(): Progress;
}

/**
 * Runs {@link readSteps} a slice at a time (see `slices.ts`), answering its calls for more text
 * from `pieces`, telling its progress and stopping at an abort of `signal` (an `AbortError`).
 */
async function runSteps(
  steps: Generator<ReadProgress | 'more' | 'whole', ParseResult, Piece>,
  { signal, onProgress }: ReadOptions,
  pieces?: Pieces,
): Promise<ParseResult> {
  const pause = slicer(signal);
  await pause();
  let answer: Piece;
  for (;;) {
    const next = steps.next(answer);
    answer = undefined;
    if (next.done) return next.value;
    const step = next.value;
    if (step === 'more') answer = pieces ? await pieces.more() : null;
    else if (step === 'whole') answer = pieces ? await pieces.whole() : null;
    else if (step.step === 'parse' && pieces) onProgress?.({ step: 'parse', ...pieces.progress() });
    else onProgress?.(step);
    await pause();
  }
}

/**
 * {@link parseBackup}, a slice at a time (see `slices.ts`): the page stays responsive while a
 * big file is read, `onProgress` hears how far it has got (the file's text scanned, then its
 * drafts checked), and an abort of `signal` stops it, rejecting with an `AbortError`. Otherwise
 * the same result as {@link parseBackup} for the same text.
 */
export function readBackup(text: string, options: ReadOptions = {}): Promise<ParseResult> {
  return runSteps(readSteps(text, true), options);
}

/**
 * {@link readBackup} of a chosen file, read a piece at a time and taken apart as it comes: the
 * whole text is never held, nor joined (`file.text()`, or joining its pieces, holds the page's
 * thread for most of a second on a backup of 100 MB, and holds the text, twice the file's size,
 * in memory while its records are read). Its progress is the `parse` step's, in bytes of the
 * file (`done` of `file.size`), then the drafts checked. A file the scan cannot take apart (see
 * {@link Unscannable}) is read again whole. Rejects with an `AbortError` at an abort of `signal`,
 * and with the browser's error when the file cannot be read (gone, changed since chosen).
 * Where the browser cannot stream a file, read whole.
 */
export async function readBackupFile(file: Blob, options: ReadOptions = {}): Promise<ParseResult> {
  const { signal } = options;
  if (typeof file.stream !== 'function') {
    const text = await file.text();
    checkSignal(signal);
    return readBackup(text, options);
  }
  const reader = file.stream().getReader();
  // As `file.text()`: UTF-8, a byte order mark the decoder's, a broken sequence replaced.
  const decoder = new TextDecoder();
  let read = 0;
  let ended = false;
  /** Whether a character of the text has been decoded. */
  let started = false;
  const pieces: Pieces = {
    async more() {
      if (ended) return null;
      const { done, value } = await reader.read();
      checkSignal(signal);
      if (done) {
        ended = true;
        return decoder.decode() || null;
      }
      read += value.byteLength;
      const piece = decoder.decode(value, { stream: true });
      if (started || !piece) return piece;
      started = true;
      // As `readBackup(await file.text())`: a second mark, after the one the decoder drops, is
      // dropped by the reading too (a file saved with a mark by a program that added its own).
      return piece.charCodeAt(0) === 0xfeff ? piece.slice(1) : piece;
    },
    async whole() {
      const text = await file.text();
      checkSignal(signal);
      return text;
    },
    progress: () => ({ done: read, total: file.size }),
  };
  try {
    return await runSteps(readSteps('', false), options, pieces);
  } finally {
    // Stopped before its end (a cancel, a file refused early): the rest is not read.
    if (!ended) void reader.cancel().catch(() => {});
  }
}
