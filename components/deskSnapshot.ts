import type { Check, IssueStatus } from '../storage/db';
import { CHECK_CODES, ISSUE_STATUSES } from '../storage/record-values';

/** Versioned: a snapshot of another shape is ignored, never shown half-read. */
const KEY = 'indiscrets:desk-snapshot:1';

/** One item of the open issue as its row in the desk shows it. */
export interface DeskSnapshotRow {
  /** The draft's id. */
  id: string;
  /** The item's name in the list (its label, else its first words, else its page's title). */
  label: string;
  /** The start of its text (the row shows two lines of it). */
  text: string;
  words: number;
  chars: number;
  /** Its open checks, as the row lists them. */
  checks: Check[];
}

/**
 * The first screen of the desk's issue column as last shown, kept in localStorage (synchronous,
 * a few kB) so that the desk paints it at once, before the database layer is loaded: which
 * issue, its totals, and its first rows. The live data replaces it a moment later; it is never
 * written back to the database, and nothing drawn from it acts on the database (see
 * DeskFirstScreen.tsx).
 */
export interface DeskSnapshot {
  issueId: string;
  title: string;
  status: IssueStatus;
  /** The issue as the picker named it (its title, its status, « (2) » beside a namesake). */
  pickerName?: string;
  /** How many items the whole issue holds (`rows` are only its first ones). */
  items: number;
  words: number;
  chars: number;
  /** The issue's length budget when it has a valid one. */
  budget?: number;
  /** Open checks, all items together. */
  problems: number;
  /** Whether there are other issues (each row then has its « Déplacer vers… » menu). */
  otherIssues: boolean;
  rows: DeskSnapshotRow[];
}

/** A row's text is cut there: the row shows two lines of it. */
export const SNAPSHOT_TEXT_CHARS = 300;

/** The rows a first screen can show at most: the shortest row (title and actions) is ~60 px. */
export function firstScreenRows(): number {
  return Math.min(30, Math.ceil(innerHeight / 60));
}

/**
 * The start of `text`, at most {@link SNAPSHOT_TEXT_CHARS} long. Cut where the limit falls, not
 * by the desk's `shortened` (lib/ellipsis.ts) on purpose: the row shows two lines of it, clipped
 * as the live row clips the whole text, and the cut only keeps the snapshot small. `shortened`
 * may drop an aside left open, keeping as little as half (150 characters), which two lines of
 * the issue column hold in a window narrower than 1100 px (columns two by two): the first screen
 * would end the text sooner than the live row that replaces it. Cut here, the end is never seen.
 */
export function snapshotText(text: string): string {
  if (text.length <= SNAPSHOT_TEXT_CHARS) return text;
  let end = SNAPSHOT_TEXT_CHARS - 1;
  // Never inside a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** The desk's snapshot as last written, or `undefined` (none, unreadable, or of another shape). */
export function readDeskSnapshot(): DeskSnapshot | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return isSnapshot(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** What the desk shows now, for its next opening; `null`: no issue open, nothing to show then. */
export function writeDeskSnapshot(snapshot: DeskSnapshot | null): void {
  try {
    if (snapshot) localStorage.setItem(KEY, JSON.stringify(snapshot));
    else localStorage.removeItem(KEY);
  } catch {
    // A full or disabled localStorage only costs the next desk its head start.
  }
}

/**
 * A draft the editor opened from the first screen, before the desk's own code was loaded: the
 * desk opens it in its editor once it is (see takeEarlyOpen).
 */
let earlyOpen: string | undefined;

export function openEarly(id: string): void {
  earlyOpen = id;
}

/** The draft opened from the first screen, if any; taken once. */
export function takeEarlyOpen(): string | undefined {
  const id = earlyOpen;
  earlyOpen = undefined;
  return id;
}

/**
 * Items taken out of the issue with « Retirer » on the first screen (its issue, their ids in
 * order): the first screen drops their rows at once, and the desk takes them out of the issue
 * once it is there, as its own « Retirer » does (see takeEarlyRemovals).
 */
let earlyRemovals: { issueId: string; ids: string[] } | undefined;

export function removeEarly(issueId: string, id: string): void {
  if (earlyRemovals?.issueId !== issueId) earlyRemovals = { issueId, ids: [] };
  if (!earlyRemovals.ids.includes(id)) earlyRemovals.ids.push(id);
}

/** The items of `issueId` taken out on the first screen so far: their rows are not drawn. */
export function removedEarly(issueId: string): readonly string[] {
  return earlyRemovals?.issueId === issueId ? earlyRemovals.ids : [];
}

/** The items of `issueId` taken out on the first screen, for the desk to take out; taken once. */
export function takeEarlyRemovals(issueId: string): string[] {
  const ids = [...removedEarly(issueId)];
  earlyRemovals = undefined;
  return ids;
}

/**
 * The item whose « Retirer » held the keyboard's focus when a first screen gave way to the next
 * (`''`: the empty issue's message): the next one puts it there, not on the page's body.
 */
let earlyFocus: string | undefined;

export function keepEarlyFocus(id: string | undefined): void {
  earlyFocus = id;
}

/** Where the focus was on the first screen that just went, if on an item's « Retirer »; taken once. */
export function takeEarlyFocus(): string | undefined {
  const id = earlyFocus;
  earlyFocus = undefined;
  return id;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isCheck(value: unknown): value is Check {
  const check = value as Partial<Check> | null;
  return (
    typeof check === 'object' &&
    check !== null &&
    typeof check.code === 'string' &&
    (CHECK_CODES as readonly string[]).includes(check.code) &&
    ['url', 'otherTitle', 'otherIssueTitle', 'otherIssueDate'].every(
      (field) =>
        check[field as keyof Check] === undefined ||
        typeof check[field as keyof Check] === 'string',
    )
  );
}

function isRow(value: unknown): value is DeskSnapshotRow {
  const row = value as Partial<DeskSnapshotRow> | null;
  return (
    typeof row === 'object' &&
    row !== null &&
    typeof row.id === 'string' &&
    typeof row.label === 'string' &&
    typeof row.text === 'string' &&
    isCount(row.words) &&
    isCount(row.chars) &&
    Array.isArray(row.checks) &&
    row.checks.every(isCheck)
  );
}

function isSnapshot(value: unknown): value is DeskSnapshot {
  const snapshot = value as Partial<DeskSnapshot> | null;
  return (
    typeof snapshot === 'object' &&
    snapshot !== null &&
    typeof snapshot.issueId === 'string' &&
    typeof snapshot.title === 'string' &&
    typeof snapshot.status === 'string' &&
    (ISSUE_STATUSES as readonly string[]).includes(snapshot.status) &&
    (snapshot.pickerName === undefined || typeof snapshot.pickerName === 'string') &&
    isCount(snapshot.items) &&
    isCount(snapshot.words) &&
    isCount(snapshot.chars) &&
    (snapshot.budget === undefined || isCount(snapshot.budget)) &&
    isCount(snapshot.problems) &&
    typeof snapshot.otherIssues === 'boolean' &&
    Array.isArray(snapshot.rows) &&
    snapshot.rows.length <= snapshot.items &&
    snapshot.rows.every(isRow)
  );
}
