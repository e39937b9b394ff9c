import { getLocale, t, type Locale } from '../locales';
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
  const day = at.getDate();
  const month = MONTH_NAMES[locale][at.getMonth()]!;
  const year = at.getFullYear() === now.getFullYear() ? '' : `${NBSP}${at.getFullYear()}`;
  const minutes = String(at.getMinutes()).padStart(2, '0');
  if (locale === 'fr') {
    return {
      date: `${day === 1 ? '1er' : day}${NBSP}${month}${year}`,
      time: `${at.getHours()}${NBSP}h${NBSP}${minutes}`,
    };
  }
  return { date: `${day}${NBSP}${month}${year}`, time: `${at.getHours()}:${minutes}` };
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
  const by = me === null ? undefined : post.publishedBy;
  const verb = post.updated ? 'updated' : 'published';
  if (!by) return t(verb === 'updated' ? 'publish.updatedOn' : 'publish.on', when, locale);
  if (by.id === me) {
    return t(verb === 'updated' ? 'publish.updatedByYou' : 'publish.byYou', when, locale);
  }
  return t(
    verb === 'updated' ? 'publish.updatedBy' : 'publish.by',
    { ...when, name: by.name },
    locale,
  );
}
