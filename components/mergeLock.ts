import { sendMessage } from '../messaging/protocol';
import { lockRefusal } from './roles';

/**
 * Before merging draft `sourceId` into `targetId`: asks the background whether another editor
 * has either open right now (WordPress's current locks, not only those the last sync saw; see
 * `SyncEngine.mergeCheck`). Answers why the merge is refused, in the words the desk uses for a
 * draft being edited, or `undefined` to go on: nobody has them open, the shared desk is off,
 * offline, the desk slow to answer, or no answer from the background at all.
 */
export async function mergeLockRefusal(
  sourceId: string,
  targetId: string,
  targetTitle: string,
): Promise<string | undefined> {
  let check;
  try {
    check = await sendMessage('deskMergeCheck', { sourceId, targetId });
  } catch {
    return undefined;
  }
  if (check.ok) return undefined;
  return check.which === 'target'
    ? lockRefusal('mergeInto', check.lock.by, targetTitle)
    : lockRefusal('merge', check.lock.by);
}
