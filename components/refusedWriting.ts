import { escapeHtml } from '../lib/html';
import { t } from '../locales';
import { conflictName } from '../storage/shared-fields';
import {
  UNASKED_FIELDS,
  type SyncAction,
  type SyncOverridden,
  type SyncRefusal,
} from '../storage/sync-state';
import { conflictFieldLabel, fieldList } from './conflictFields';
import { itemLines } from './richtext';

/** What a refused change had written, to copy: its texts as the editor had them. */
export interface RefusedWriting {
  html: string;
  text: string;
}

/**
 * The fields an editor writes words in, by kind of record, as the sync names them (a draft's
 * shared note is `sharedNote`), in the order they are copied, each with its conflict-box name.
 */
const WRITTEN: Record<SyncRefusal['kind'], readonly { field: string; name: string }[]> = {
  draft: [
    { field: 'title', name: 'title' },
    { field: 'label', name: 'label' },
    { field: 'url', name: 'url' },
    { field: 'body', name: 'body' },
    { field: 'sharedNote', name: 'note' },
  ],
  issue: [
    { field: 'title', name: 'title' },
    { field: 'intro', name: 'intro' },
  ],
};

/** A quote or a source as the sync keeps it (services/sync-fields.ts). */
type Listed = { text?: unknown; url?: unknown; title?: unknown };

/**
 * The words a change WordPress refused had written (its `changed` fields among those an editor
 * writes in), which the refusal rolled back: the notice offers to copy them, since nothing else
 * keeps them once it is closed. The item's text goes as written (its links kept in the HTML);
 * the other fields as paragraphs, each named, their lines kept. A refused creation (a clip the
 * desk would not take, gone from this browser) brings its quotes and sources too, and so does a
 * change that wrote them (a passage clipped into a draft). Undefined when the change wrote no
 * words (a move, a trash): nothing to keep.
 */
export function refusedWriting(
  refusal: Pick<SyncRefusal, 'kind' | 'action' | 'discarded' | 'changed'>,
): RefusedWriting | undefined {
  const changed = new Set(refusal.changed ?? []);
  const html: string[] = [];
  const text: string[] = [];
  const named = (name: string, value: string) => {
    const label = t('shared.refusedField', { field: conflictFieldLabel(refusal.kind, name) });
    html.push(
      `<p><strong>${escapeHtml(label, 'text')}</strong> ${escapeHtml(value, 'text').replace(/\n/g, '<br>')}</p>`,
    );
    text.push(`${label} ${value}`);
  };
  for (const { field, name } of WRITTEN[refusal.kind]) {
    const value = refusal.discarded[field];
    if (!changed.has(field) || typeof value !== 'string' || value.trim() === '') continue;
    if (field === 'body') {
      html.push(value);
      text.push(itemLines(value).trim());
    } else named(name, value);
  }
  if (refusal.kind === 'draft') {
    // A refused creation's, or the ones the change wrote (a passage clipped into a draft).
    const list = (field: string) => {
      const value = refusal.discarded[field];
      const written = refusal.action === 'create' || changed.has(field);
      return written && Array.isArray(value) ? (value as Listed[]) : [];
    };
    for (const quote of list('quotes')) {
      if (typeof quote.text === 'string' && quote.text.trim()) named('quotes', quote.text);
    }
    for (const source of list('sources')) {
      if (typeof source.url !== 'string' || !source.url) continue;
      const title = typeof source.title === 'string' && source.title ? `${source.title} ` : '';
      named('sources', `${title}${source.url}`);
    }
  }
  return text.length > 0 ? { html: html.join('\n'), text: text.join('\n\n') } : undefined;
}

/** The fields a refused action names itself: a trash's, a move's. */
const ACTION_FIELDS: Partial<Record<SyncAction, readonly string[]>> = {
  trash: ['trashed'],
  restore: ['trashed'],
  arrange: ['issueId', 'sortKey'],
};

/**
 * What else a refused trash, restore or move had changed in the record, rolled back with it, as
 * the conflict box names the fields (« Vos autres changements ont été annulés aussi : titre du
 * brouillon et tags. »), so that the editor does not take a tag or a status gone back for a slip.
 * '' when it changed nothing else, or for another action (an edit is its fields).
 */
export function refusedAlso(refusal: SyncRefusal): string {
  const own = ACTION_FIELDS[refusal.action];
  if (!own) return '';
  const fields = (refusal.changed ?? [])
    .filter((field) => !own.includes(field) && !UNASKED_FIELDS.has(field))
    .map((field) => conflictName(refusal.kind, field));
  if (fields.length === 0) return '';
  return t('shared.refusedAlso', { fields: fieldList(refusal.kind, fields, true) });
}

/**
 * This editor's words that a colleague's version replaced (« Garder la mienne », see
 * services/sync/notices.ts `noteOverridden`), to copy as a refused change's are: the notice keeps
 * them.
 */
export function overriddenWriting(notice: SyncOverridden): RefusedWriting | undefined {
  const changed = Object.keys(notice.mine);
  return refusedWriting({ kind: notice.kind, action: 'edit', discarded: notice.mine, changed });
}
