import { useSharedDesk } from './useSharedDesk';
import { t } from '../locales';
import { getDraft } from '../storage/draft-records';
import { removeItems } from '../storage/remove-undo';
import { deskRefusal } from './roles';
import { useUndo } from './Undo';
import { useItemLabel } from './useItemLabel';

/**
 * Takes dropped item `id` out of its issue; `note`, asked once it is out, what the undo bar says
 * after « retiré du numéro » in this view (the drafts shown, the search hiding it).
 */
export type TakeOutDropped = (
  id: string,
  note?: () => Promise<string | undefined>,
) => Promise<boolean>;

/**
 * What the desk's inbox does with an issue's item dropped on it: takes it out of its issue as
 * « Retirer » does (an inbox draft again, nothing of it lost), in one write, and offers to undo
 * it in the undo bar, which says it (« « Mauboussin » retiré du numéro. », Annuler, Ctrl+Z),
 * naming the item as the issue's list does. A role that may not take items out is told
 * « Retirer »'s reason instead. Resolves whether the item was taken out.
 */
export function useTakeOutDropped(): TakeOutDropped {
  const desk = useSharedDesk();
  const nameOf = useItemLabel();
  const { offer, tell } = useUndo();
  return async (id, note) => {
    const refused = deskRefusal(desk, 'place');
    if (refused) {
      tell(refused);
      return false;
    }
    try {
      const item = await getDraft(id);
      // Out of its issue already (a colleague's sync, another view): nothing to take out.
      if (!item?.issueId) return false;
      const token = await removeItems([id]);
      if (!token) return false;
      // What the drafts then show, said with it (once it is out: where it is now listed).
      const said = await note?.().catch((error: unknown) => {
        console.error('Indiscrets take out of issue', error);
        return undefined;
      });
      offer(token, t('undo.removed', { title: nameOf(item) }), said ? { note: said } : {});
      return true;
    } catch (error) {
      console.error('Indiscrets take out of issue', error);
      return false;
    }
  };
}
