import { shortened } from '../lib/ellipsis';
import { getLocale, listOf, t, type Locale } from '../locales';
import type { DeskPublishLock } from '../messaging/protocol';
import type { ExportIssue } from '../export/model';
import { labelShown, type LabelStyle } from './itemName';

/** An item's label quoted in the question, at most (cut at a word, with « … »). */
const TITLE_IN_QUESTION = 60;
/** An editor's name in the question, at most. */
const NAME_IN_QUESTION = 40;

/**
 * What the publish panel asks before publishing an issue that other editors of the shared desk
 * have open (see `SyncEngine.publishCheck`): who, and what, in one sentence — « Paul Martin
 * modifie « Bpifrance recrute… » en ce moment : ce qui s’y écrit encore ne sera pas dans
 * l’article. », « Paul Martin et Claire Dubois modifient 3 éléments du numéro en ce moment : … ».
 * An item is named as the issue list names it (`model`'s label in the house `style`, see
 * components/itemName.ts: « Selon « Le Monde » » for `Selon "Le Monde"` typed), cut to fit;
 * the issue itself, by what of it an editor writes (its title or intro). Locks held by `me`
 * (this user, in another window) never count: `undefined` when no other editor's is left, and
 * nothing is asked.
 */
export function publishLockQuestion(
  open: readonly DeskPublishLock[],
  model: Pick<ExportIssue, 'items'>,
  style: LabelStyle,
  me?: number,
  locale: Locale = getLocale(),
): string | undefined {
  const others = open.filter((lock) => me === undefined || lock.userId !== me);
  if (others.length === 0) return undefined;
  // Each editor once, in the order their first record comes (the issue first, then its items).
  const names = new Map<number, string>();
  for (const lock of others) {
    if (!names.has(lock.userId)) names.set(lock.userId, shortened(lock.by, NAME_IN_QUESTION));
  }
  const records = new Set(others.map((lock) => `${lock.kind}:${lock.id}`));
  const count = records.size;
  if (names.size > 1) {
    const list = listOf([...names.values()], locale);
    return t('publish.locked.others', { names: list, count }, locale);
  }
  const name = [...names.values()][0]!;
  const only = others[0]!;
  if (count === 1 && only.kind === 'issue') return t('publish.locked.issue', { name }, locale);
  const item = count === 1 ? model.items.find((each) => each.id === only.id) : undefined;
  const label = item?.label;
  return label
    ? t(
        'publish.locked.one',
        {
          name,
          title: shortened(
            labelShown(label, style, item.sources, item.bodyHtml),
            TITLE_IN_QUESTION,
          ),
        },
        locale,
      )
    : t('publish.locked.many', { name, count }, locale);
}
