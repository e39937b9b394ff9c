import Dexie from 'dexie';
import type { Draft, IndiscretsDB } from './db';

/**
 * An issue's drafts in order, trashed ones included (they keep their key for a restore). Its own
 * module: `issues` and `remove-undo` both read it, and `remove-undo` may not import `issues`
 * (`issues` → `drafts` → `remove-undo`).
 */
export function allItems(issueId: string, database: IndiscretsDB): Promise<Draft[]> {
  return database.clips
    .where('[issueId+sortKey]')
    .between([issueId, Dexie.minKey], [issueId, Dexie.maxKey])
    .toArray();
}
