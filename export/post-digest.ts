/**
 * A short fingerprint of a WordPress post as the extension sends it (its title and content,
 * see `wordpress-blocks.ts`): recorded with the post at each publication, and compared
 * with the fingerprint of what would be sent now to tell the editor that the post is out of
 * date. Not a security measure: it only has to change when the text does. Pure and synchronous,
 * cheap enough to run on every change of a 100-item issue (one pass over its characters).
 */
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
