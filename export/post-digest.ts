/**
 * A short fingerprint of what an issue's WordPress post was made from, recorded with the post
 * at each publication (`WordPressPost.digest` of the issue, carried by the sync) and compared
 * with the fingerprint of the issue now to tell the editor that the post is out of date. Not a
 * security measure: it only has to change when the text does. Pure and synchronous, cheap
 * enough to run on every change of a 100-item issue (one pass over its characters).
 *
 * Two methods, told apart by their prefix (the companion plugin stores the string as it is):
 * - `issue-fnv1a32:` ({@link issueDigest}, since session 39): what the issue holds for its post,
 *   whatever house style renders it — each browser has its own (credit style, locale, title
 *   pattern), so two editors of the desk agree on whether the post is out of date;
 * - `fnv1a32:` ({@link postDigest}, recorded before): the title and content sent, rendered in
 *   the publishing browser's house style; still compared so, by rendering the issue again.
 */
import type { ExportIssue } from './model';
import type { WordPressPost } from './wordpress-blocks';

/** The 32-bit FNV-1a hash of a string's UTF-16 code units, as 8 hex digits. */
export function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The fingerprint of a post: `fnv1a32:` then the hash of its title and content (a line feed
 * between them: WordPress keeps them apart) and their total length, e.g.
 * `fnv1a32:4f1c0a9e:5321`. The prefix names the method, so that a later one is told apart
 * rather than compared; the length makes an accidental match of two different texts rarer still.
 */
export function postDigest(post: Pick<WordPressPost, 'title' | 'content'>): string {
  const text = `${post.title}\n${post.content}`;
  return `fnv1a32:${fnv1a32(text)}:${text.length}`;
}

/** The prefix of {@link issueDigest}'s fingerprints: its method. */
export const ISSUE_DIGEST_METHOD = 'issue-fnv1a32';

/**
 * The fingerprint of what an issue holds for its post, whatever house style renders it:
 * `issue-fnv1a32:` then the hash and length of its title (white space folded, as it goes out),
 * its date (an issue without a title goes out with its house pattern's for its date), its
 * intro, and its items in order, each its text and its sources (address, title, site, language),
 * e.g. `issue-fnv1a32:4f1c0a9e:5321`. An item's label (the issue list's name for it), its id,
 * note, tags or status are not in the post, and change nothing here.
 */
export function issueDigest(model: ExportIssue): string {
  const text = JSON.stringify([
    model.title.replace(/\s+/g, ' ').trim(),
    model.date,
    model.intro ?? '',
    model.items.map((item) => [
      item.bodyHtml,
      item.sources.map((source) => [
        source.url,
        source.title ?? '',
        source.siteName ?? '',
        source.lang ?? '',
      ]),
    ]),
  ]);
  return `${ISSUE_DIGEST_METHOD}:${fnv1a32(text)}:${text.length}`;
}

/**
 * Whether a post whose publication recorded `sent` no longer holds what `model` would give it:
 * by {@link issueDigest} for a digest of that method, by {@link postDigest} of the post `render`
 * builds (called only then) for one recorded before. False when nothing is known: no digest
 * (published by an earlier version, or synced through an older plugin), or one of a method
 * this version does not know (a later version's).
 */
export function postOutOfDate(
  sent: string | undefined,
  model: ExportIssue,
  render: () => Pick<WordPressPost, 'title' | 'content'>,
): boolean {
  if (sent?.startsWith(`${ISSUE_DIGEST_METHOD}:`)) return issueDigest(model) !== sent;
  if (sent?.startsWith('fnv1a32:')) return postDigest(render()) !== sent;
  return false;
}
