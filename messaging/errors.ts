/**
 * Failures as codes: what crosses the protocol when a handler fails, and what the UI words with
 * `t('error.<code>')`. An error's own text (English, from the browser, Dexie or our code) is never
 * put into a sentence: it travels apart, as `detail`, for a secondary line.
 */

/** Why something failed, as far as the editor can act on it. */
export type FailureCode =
  /** The background did not answer (stopped, or the extension was updated meanwhile). */
  | 'no_answer'
  /** The tab to clip was closed (or is no longer there) when the background looked for it. */
  | 'tab_gone'
  /** The browser's storage is full. */
  | 'quota'
  /** Anything else: a bug or a storage failure; its technical text is in `detail`. */
  | 'unexpected';

/** A failure as it crosses the protocol: a code, what fills its message, a technical detail. */
export interface CodedFailure {
  code: FailureCode;
  params?: Record<string, string | number>;
  /** The error's own text (at most 300 characters), for a details line; never in a sentence. */
  detail?: string;
}

/** An Error that carries its code: thrown by a handler on purpose, or by `sendMessage`. */
export class CodedError extends Error {
  readonly failure: CodedFailure;

  constructor(failure: CodedFailure) {
    super(failure.detail ? `${failure.code}: ${failure.detail}` : failure.code);
    this.name = 'CodedError';
    this.failure = failure;
  }
}

/** A full browser storage, as Dexie or IndexedDB report it (wrapped or not). */
export function isQuotaError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    if ((e as { name?: unknown }).name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

/** The technical text of an error, short enough for a details line. */
export function technicalDetail(error: unknown): string | undefined {
  const text =
    error instanceof Error
      ? error.message
        ? `${error.name}: ${error.message}`
        : error.name
      : String(error ?? '');
  return text ? text.slice(0, 300) : undefined;
}

/** Any thrown value as a coded failure: its own code, a full storage, or `unexpected`. */
export function toFailure(error: unknown): CodedFailure {
  if (error instanceof CodedError) return error.failure;
  if (isQuotaError(error)) return { code: 'quota' };
  const detail = technicalDetail(error);
  return detail ? { code: 'unexpected', detail } : { code: 'unexpected' };
}
