import { withEllipsis } from '../lib/ellipsis';
import { getLocale, t } from '../locales';
import type { Draft } from '../storage/db';
import type { UndoToken } from '../storage/drafts';
import { dayName, publishedWhen } from './publishedLine';
import { draftName } from './draftName';
import { itemText } from './richtext';

/** What tells a draft from another of the same title. */
type Told = Pick<Draft, 'title' | 'siteName' | 'createdAt' | 'desk'>;

/**
 * A day as the editor reads it (« 14 mars », « 1er mars », with the year when the two differ in it), and the
 * time as the publish line writes it (« 14 mars à 10 h 05 », « 14 March at 10:05 »).
 */
function clipped(iso: string, withYear: boolean, withTime: boolean): string {
  const at = new Date(iso);
  const locale = getLocale();
  const day = dayName(at, locale, withYear);
  if (!withTime) return day;
  return t('time.dayAt', { day, time: publishedWhen(at, locale).time });
}

/**
 * Who clipped a draft, as the shared desk's mark says: « vous » for the desk's own user (`me`,
 * their WordPress id), told by the id, never by the name (two editors can share one); the name
 * otherwise, and for a mark kept before ids were.
 */
function clippedBy(draft: Told, me: number | null): string | undefined {
  const mark = draft.desk;
  if (mark?.createdBy && me !== null && mark.createdById === me) return t('merge.byYou');
  return mark?.createdBy;
}

/**
 * The ways of telling drafts of the same title apart, in the order they are tried: who clipped
 * them (the shared desk says; `me`, the desk's own user, is « vous »), their sites, the day they
 * were clipped, the time on that day. Each way gives every draft its words, or `undefined` where
 * the draft does not say.
 */
function waysApart(group: readonly Told[], me: number | null): Array<Array<string | undefined>> {
  const dates = group.map((draft) => new Date(draft.createdAt));
  const dated = dates.every((date) => !Number.isNaN(date.getTime()));
  const withYear = dated && new Set(dates.map((date) => date.getFullYear())).size > 1;
  return [
    group.map((draft) => clippedBy(draft, me)),
    group.map((draft) => draft.siteName?.trim() || undefined),
    group.map((draft) => (dated ? clipped(draft.createdAt, withYear, false) : undefined)),
    group.map((draft) => (dated ? clipped(draft.createdAt, withYear, true) : undefined)),
  ];
}

/** A way that tells every draft apart: each says, and no two say the same. */
const distinct = (values: Array<string | undefined>) =>
  values.every(Boolean) && new Set(values).size === values.length;

/**
 * What tells two drafts of the same title apart, for each: the first of `waysApart` that does;
 * `undefined` when none does.
 */
function tellApart(source: Told, target: Told, me: number | null): [string, string] | undefined {
  const way = waysApart([source, target], me).find(distinct);
  return way ? [way[0]!, way[1]!] : undefined;
}

/** How many words of a draft's text tell it apart, where all else is the same. */
const FIRST_WORDS = 6;

/**
 * The first words of a draft's text (« Le ministre a confirmé… »), where all else is the same,
 * cut as the desk cuts a text ({@link withEllipsis}: no comma before the « … », no aside left
 * open). `asCut`: cut where the sixth word ends, whatever is left open, for drafts that the
 * desk's cut would make alike (« Selon le ministre (Bruno… », « Selon le ministre (Éric… » would
 * both read « Selon le ministre… »).
 */
function firstWords(body: string | undefined, asCut = false): string | undefined {
  const words = itemText(body ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  if (words.length <= FIRST_WORDS) return words.join(' ');
  const kept = words.slice(0, FIRST_WORDS).join(' ');
  return asCut ? `${kept}…` : withEllipsis(kept);
}

/**
 * For a list of drafts (« Fusionner dans… »), what tells each apart from the others of the same
 * title: who clipped them (« vous » for the desk's own user, `me`, their WordPress id; null
 * without a desk), else their sites, else the day (and time) they were clipped, else the first
 * words of their text, the first of these that differs for every one of them (or, failing that,
 * for some); `undefined` for a draft whose title is its own.
 */
export function tellApartAll(
  drafts: ReadonlyArray<Told & Pick<Draft, 'body'>>,
  me: number | null = null,
): Array<string | undefined> {
  const out: Array<string | undefined> = drafts.map(() => undefined);
  const groups = new Map<string, number[]>();
  drafts.forEach((draft, index) => {
    const key = draft.title.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const group = members.map((index) => drafts[index]!);
    const ways = [
      ...waysApart(group, me),
      group.map((draft) => firstWords(draft.body)),
      group.map((draft) => firstWords(draft.body, true)),
    ];
    const some = (values: Array<string | undefined>) => new Set(values).size > 1;
    const way = ways.find(distinct) ?? ways.find(some);
    if (!way) continue;
    members.forEach((index, k) => {
      out[index] = way[k];
    });
  }
  return out;
}

/**
 * The undo bar's words for a merge (`token.before` is the merged draft, then the one it went
 * into): « Fusionné dans « X ». », and, when both have the same title, which went where
 * (« « X » (Rédac) fusionné dans « X » (Pigiste). », « (vous) » for a draft the desk's own user
 * clipped, `me` their WordPress id), which the title alone does not say.
 */
export function mergedLabel(token: UndoToken, me: number | null = null): string {
  const [source, target] = token.before;
  if (!target) return t('undo.merged', { title: draftName(source?.title ?? '') });
  const same = source && source.title.trim() === target.title.trim();
  const apart = same ? tellApart(source, target, me) : undefined;
  const title = draftName(target.title);
  return apart
    ? t('undo.mergedSameTitle', { title, from: apart[0], into: apart[1] })
    : t('undo.merged', { title });
}
