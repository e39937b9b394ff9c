import { escapeHtml } from '../lib/html';
import { t } from '../locales';
import type { SyncRefusal } from '../storage/sync-state';
import { conflictFieldLabel } from './conflictFields';
import { itemLines } from './richtext';

/** What a refused change had written, to copy: its texts as the editor had them. */
export interface RefusedWriting {
  html: string;
  text: string;
}

/** The fields an editor writes words in, by kind of record, in the order they are copied. */
const WRITTEN: Record<SyncRefusal['kind'], readonly string[]> = {
  draft: ['title', 'label', 'body', 'note'],
  issue: ['title', 'intro'],
};

/**
 * The words a change WordPress refused had written (its `changed` fields among those an editor
 * writes in), which the refusal rolled back: the notice offers to copy them, since nothing else
 * keeps them once it is closed. The item's text goes as written (its links kept in the HTML);
 * the other fields as lines, each named. Undefined when the change wrote no words (a move, a
 * trash): nothing to keep.
 */
export function refusedWriting(refusal: SyncRefusal): RefusedWriting | undefined {
  const changed = new Set(refusal.changed ?? []);
  const html: string[] = [];
  const text: string[] = [];
  for (const field of WRITTEN[refusal.kind]) {
    const value = refusal.discarded[field];
    if (!changed.has(field) || typeof value !== 'string' || value.trim() === '') continue;
    const name = t('shared.refusedField', { field: conflictFieldLabel(refusal.kind, field) });
    if (field === 'body') {
      html.push(value);
      text.push(itemLines(value).trim());
    } else {
      html.push(`<p><strong>${escapeHtml(name)}</strong> ${escapeHtml(value)}</p>`);
      text.push(`${name} ${value}`);
    }
  }
  return text.length > 0 ? { html: html.join('\n'), text: text.join('\n\n') } : undefined;
}
