import { describe, expect, it } from 'vitest';
import { createHouseStyle } from '../../../export/house-style';
import { fnv1a32, postDigest } from '../../../export/post-digest';
import { forgetPreparedItems } from '../../../export/prepare';
import { renderWordPressBlocks } from '../../../export/wordpress-blocks';
import type { ExportIssue } from '../../../export/model';

describe('fnv1a32', () => {
  it('gives the published FNV-1a test vectors, as 8 hex digits', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(fnv1a32('foobar')).toBe('bf9cf968');
  });
});

describe('postDigest', () => {
  const post = { title: 'Les indiscrets du 15 mars', content: '<!-- wp:paragraph -->…' };

  it('names its method, then the hash and the length of the title and content', () => {
    const text = `${post.title}\n${post.content}`;
    expect(postDigest(post)).toBe(`fnv1a32:${fnv1a32(text)}:${text.length}`);
  });

  it('changes with one character of the title or content, and with text moved between them', () => {
    const digests = new Set([
      postDigest(post),
      postDigest({ ...post, title: 'Les indiscrets du 16 mars' }),
      postDigest({ ...post, content: '<!-- wp:paragraph -->...' }),
      postDigest({ title: `${post.title}<`, content: post.content.slice(1) }),
      // A typographic apostrophe for a straight one: the same length, another text.
      postDigest({ ...post, title: 'L’indiscret' }),
      postDigest({ ...post, title: "L'indiscret" }),
    ]);
    expect(digests.size).toBe(6);
  });

  it('is the same for the same text, whichever object holds it', () => {
    expect(postDigest({ ...post })).toBe(postDigest(post));
  });

  it('digests a 100-item post whole, all of its text counted', () => {
    const issue: ExportIssue = {
      title: 'Les indiscrets du 15 mars',
      date: '2021-03-15',
      items: Array.from({ length: 100 }, (_, i) => ({
        id: `item-${i}`,
        bodyHtml: `<p>${'Le ministre quitte Bercy, dit-on. '.repeat(25)}${i}</p>`,
        sources: [{ url: `https://www.lemonde.fr/${i}` }],
      })),
    };
    forgetPreparedItems();
    const sent = renderWordPressBlocks(issue, createHouseStyle());
    expect(sent.content.length).toBeGreaterThan(80_000);
    expect(postDigest(sent)).toBe(
      `fnv1a32:${fnv1a32(`${sent.title}\n${sent.content}`)}:${sent.title.length + 1 + sent.content.length}`,
    );
  });
});
