import { getLocale, t } from '../locales';
import type { Draft } from '../storage/db';
import type { UndoToken } from '../storage/drafts';

/** What tells a draft from another of the same title. */
type Told = Pick<Draft, 'title' | 'siteName' | 'createdAt' | 'desk'>;

/** A day as the editor reads it (« 14 mars », with the year when the two differ in it). */
function clipped(iso: string, withYear: boolean, withTime: boolean): string {
  return new Intl.DateTimeFormat(getLocale() === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(iso));
}

/**
 * What tells two drafts of the same title apart, for each: who clipped them (the shared desk
 * says), else their sites, else when they were clipped (the day, and the time on the same day);
 * `undefined` when none of these differs.
 */
function tellApart(source: Told, target: Told): [string, string] | undefined {
  const by = [source.desk?.createdBy, target.desk?.createdBy];
  if (by[0] && by[1] && by[0] !== by[1]) return [by[0], by[1]];
  const sites = [source.siteName?.trim(), target.siteName?.trim()];
  if (sites[0] && sites[1] && sites[0] !== sites[1]) return [sites[0], sites[1]];
  const dates = [new Date(source.createdAt), new Date(target.createdAt)];
  if (dates.some((date) => Number.isNaN(date.getTime()))) return undefined;
  const withYear = dates[0]!.getFullYear() !== dates[1]!.getFullYear();
  const day = (iso: string) => clipped(iso, withYear, false);
  if (day(source.createdAt) !== day(target.createdAt)) {
    return [day(source.createdAt), day(target.createdAt)];
  }
  const time = (iso: string) => clipped(iso, withYear, true);
  return time(source.createdAt) !== time(target.createdAt)
    ? [time(source.createdAt), time(target.createdAt)]
    : undefined;
}

/**
 * The undo bar's words for a merge (`token.before` is the merged draft, then the one it went
 * into): « Fusionné dans « X ». », and, when both have the same title, which went where
 * (« « X » (Rédac) fusionné dans « X » (Pigiste). »), which the title alone does not say.
 */
export function mergedLabel(token: UndoToken): string {
  const [source, target] = token.before;
  if (!target) return t('undo.merged', { title: source?.title ?? '' });
  const same = source && source.title.trim() === target.title.trim();
  const apart = same ? tellApart(source, target) : undefined;
  return apart
    ? t('undo.mergedSameTitle', { title: target.title, from: apart[0], into: apart[1] })
    : t('undo.merged', { title: target.title });
}
