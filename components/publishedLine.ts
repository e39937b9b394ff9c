import { getLocale, t, type Locale } from '../locales';
import { shortened } from '../lib/ellipsis';
import { MONTH_NAMES } from '../lib/french-date';
import type { WordPressPost } from '../storage/db';

const NBSP = '\u00a0';

/**
 * When an issue was published, as the sentence says it, in this browser's time zone: « 15 mars »
 * (« 1er mars » the first of the month; the year only when it is not this one) and
 * « 10 h 02 » in French, with no-break spaces so that neither is cut at the end of a line;
 * « 15 March » and « 10:02 » in English.
 */
export function publishedWhen(
  at: Date,
  locale: Locale,
  now: Date = new Date(),
): { date: string; time: string } {
  const minutes = String(at.getMinutes()).padStart(2, '0');
  const date = dayName(at, locale, at.getFullYear() !== now.getFullYear());
  if (locale === 'fr') return { date, time: `${at.getHours()}${NBSP}h${NBSP}${minutes}` };
  return { date, time: `${at.getHours()}:${minutes}` };
}

/**
 * A day as {@link publishedWhen} writes it (« 1er mars », « 15 mars 2025 », « 15 March »), the
 * year when `withYear` says.
 */
export function dayName(at: Date, locale: Locale, withYear: boolean): string {
  const day = at.getDate();
  const month = MONTH_NAMES[locale][at.getMonth()]!;
  const year = withYear ? `${NBSP}${at.getFullYear()}` : '';
  return `${locale === 'fr' && day === 1 ? '1er' : day}${NBSP}${month}${year}`;
}

/**
 * Who published the post, and when: « Publié par Claire Martin le 15 mars à 10 h 02 »,
 * « Publié par vous… » for the desk's own user (`me`, their WordPress id), « Mis à jour par… »
 * when that publication updated the post. Without a desk (`me` null: sync off), or a post
 * recorded without its publisher (published sync off, or by an earlier version), no name:
 * « Publié le 15 mars à 10 h 02 ».
 */
export function publishedLine(
  post: Pick<WordPressPost, 'publishedAt' | 'publishedBy' | 'updated'>,
  me: number | null,
  locale: Locale = getLocale(),
  now: Date = new Date(),
): string {
  const when = publishedWhen(new Date(post.publishedAt), locale, now);
  const by = publisher(post, me);
  const verb = post.updated ? 'updated' : 'published';
  if (!by) return t(verb === 'updated' ? 'publish.updatedOn' : 'publish.on', when, locale);
  if (by === 'you') {
    return t(verb === 'updated' ? 'publish.updatedByYou' : 'publish.byYou', when, locale);
  }
  return t(
    verb === 'updated' ? 'publish.updatedBy' : 'publish.by',
    { ...when, name: by.name },
    locale,
  );
}

/**
 * Who the sentences name as having published the post: `'you'` (the desk's own user, `me`),
 * a colleague, or no one (no desk, or a post recorded without its publisher).
 */
function publisher(
  post: Pick<WordPressPost, 'publishedBy'>,
  me: number | null,
): 'you' | { name: string } | undefined {
  const by = me === null ? undefined : post.publishedBy;
  if (!by) return undefined;
  return by.id === me ? 'you' : by;
}

/**
 * How long a colleague's name may be in {@link sentStatus}: an <option> cannot wrap, and a name
 * longer than most (« Marie-Christine de La Rochefoucauld ») would push the date out of sight.
 */
const NAME_IN_STATUS = 20;

/**
 * A published issue's status where it is picked (an <option>, plain text on one line): who
 * sent it and on which day, shorter than {@link publishedLine} — « envoyé par Claire Martin le
 * 15 mars », « envoyé par vous le 15 mars », « envoyé le 15 mars » without a desk (or a post
 * recorded without its publisher). The day of the last sending, whether it created the post or
 * updated it: the publish panel tells the two apart.
 */
export function sentStatus(
  post: Pick<WordPressPost, 'publishedAt' | 'publishedBy'>,
  me: number | null,
  locale: Locale = getLocale(),
  now: Date = new Date(),
): string {
  const at = new Date(post.publishedAt);
  // A record damaged or restored from elsewhere without its day: the status alone.
  if (Number.isNaN(at.getTime())) return t('issue.status.published', {}, locale);
  const { date } = publishedWhen(at, locale, now);
  const by = publisher(post, me);
  if (!by) return t('issue.sentOn', { date }, locale);
  if (by === 'you') return t('issue.sentByYou', { date }, locale);
  return t('issue.sentBy', { date, name: shortened(by.name, NAME_IN_STATUS) }, locale);
}

/**
 * Whether the post was edited in WordPress since the last publication: WordPress's
 * `modified_gmt` now (`remote`) is not the one that publication recorded. Nothing is known, so
 * nothing is said, without either (a post recorded by an earlier version, or not read).
 */
export function editedInWordPress(
  recorded: string | undefined,
  remote: string | undefined,
): boolean {
  return !!recorded && !!remote && recorded !== remote;
}

/**
 * What the publish panel says of a post edited in WordPress since its publication, with when
 * (`modifiedGmt`, WordPress's UTC time without a zone, in this browser's time zone): « Article
 * modifié dans WordPress le 5 décembre à 10 h 12, après sa dernière publication : le mettre à
 * jour écraserait ces changements. » — the same whoever published it (on the shared desk, a
 * colleague perhaps: the line above says who). WordPress does not say who edited it: no one is
 * named. When the shared desk could not be read to tell whether the change is a colleague's
 * publication not yet here (`unsure`), the line says it may be: « Article modifié le … après sa
 * dernière publication ici : dans WordPress, ou par un collègue (…) ». '' for a date that cannot be
 * read.
 */
export function editedInWordPressLine(
  { modifiedGmt, unsure }: { modifiedGmt: string; unsure?: boolean },
  locale: Locale = getLocale(),
  now: Date = new Date(),
): string {
  const at = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(modifiedGmt) ? modifiedGmt : `${modifiedGmt}Z`);
  // A date WordPress would never give: nothing said rather than « le NaN ».
  if (Number.isNaN(at.getTime())) return '';
  const key = unsure ? 'publish.editedUnsure' : 'publish.editedInWordPress';
  return t(key, publishedWhen(at, locale, now), locale);
}
