import { describe, expect, it } from 'vitest';
import { createHouseStyle } from '../../../export/house-style';
import {
  fnv1a32,
  ISSUE_DIGEST_METHOD,
  issueDigest,
  postDigest,
  postOutOfDate,
} from '../../../export/post-digest';
import { forgetPreparedItems } from '../../../export/prepare';
import { renderWordPressBlocks } from '../../../export/wordpress-blocks';
import type { ExportIssue } from '../../../export/model';
import { sampleIssue } from './fixtures';

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

describe('issueDigest and postOutOfDate: what the issue holds, whatever the house style', () => {
  const paris = createHouseStyle();
  // A colleague's browser: credits, English, their own title pattern, no French typography.
  const london = createHouseStyle({
    creditStyle: 'via',
    locale: 'en',
    titlePattern: 'Insider notes, {date}',
  });
  const withoutTitle = { ...sampleIssue, title: '' };
  const render =
    (model: ExportIssue, style = paris) =>
    () =>
      renderWordPressBlocks(model, style);

  it('names its method, then the hash and the length of what the issue holds', () => {
    expect(issueDigest(sampleIssue)).toMatch(
      new RegExp(`^${ISSUE_DIGEST_METHOD}:[0-9a-f]{8}:\\d+$`),
    );
    expect(issueDigest({ ...sampleIssue })).toBe(issueDigest(sampleIssue));
  });

  it('two house styles, the same issue: the post is not out of date in either browser', () => {
    forgetPreparedItems();
    // The two browsers would send different posts…
    expect(renderWordPressBlocks(withoutTitle, london)).not.toEqual(
      renderWordPressBlocks(withoutTitle, paris),
    );
    // …but the digest recorded by either is of the issue: neither says the post is stale.
    for (const issue of [sampleIssue, withoutTitle]) {
      const sent = issueDigest(issue);
      expect(postOutOfDate(sent, issue, render(issue, paris))).toBe(false);
      expect(postOutOfDate(sent, structuredClone(issue), render(issue, london))).toBe(false);
    }
  });

  it('an item edited, moved, a source changed, the intro, title or date changed: out of date', () => {
    const sent = issueDigest(sampleIssue);
    const [first, second, ...rest] = sampleIssue.items;
    const edits: ExportIssue[] = [
      {
        ...sampleIssue,
        items: [{ ...first!, bodyHtml: `${first!.bodyHtml}<p>Ajout.</p>` }, second!, ...rest],
      },
      { ...sampleIssue, items: [second!, first!, ...rest] },
      { ...sampleIssue, items: [first!, ...rest] },
      {
        ...sampleIssue,
        items: [
          { ...first!, sources: [{ ...first!.sources[0]!, title: 'Autre titre' }] },
          second!,
          ...rest,
        ],
      },
      { ...sampleIssue, intro: '<p>Cette semaine, Bercy.</p>' },
      { ...sampleIssue, title: 'Les indiscrets du 16 mars' },
      { ...withoutTitle, date: '2021-03-16' },
    ];
    for (const edited of edits) {
      expect(postOutOfDate(sent, edited, render(edited, london))).toBe(true);
    }
    expect(new Set(edits.map(issueDigest)).size).toBe(edits.length);
    expect(postOutOfDate(issueDigest(withoutTitle), edits.at(-1)!, render(edits.at(-1)!))).toBe(
      true,
    );
  });

  it('what the post does not hold changes nothing: an item’s label or id, the title’s spacing', () => {
    const sent = issueDigest(sampleIssue);
    const [first, ...rest] = sampleIssue.items;
    const relabelled: ExportIssue = {
      ...sampleIssue,
      title: ' Les indiscrets  du 15 mars ',
      items: [{ ...first!, id: 'autre', label: 'OVH brûle…' }, ...rest],
    };
    expect(postOutOfDate(sent, relabelled, render(relabelled))).toBe(false);
  });

  it('a digest recorded by an earlier version (`fnv1a32:`) is compared as before, rendering the issue', () => {
    forgetPreparedItems();
    const old = postDigest(renderWordPressBlocks(sampleIssue, paris));
    expect(postOutOfDate(old, sampleIssue, render(sampleIssue, paris))).toBe(false);
    const edited = { ...sampleIssue, intro: '<p>Cette semaine, Bercy.</p>' };
    expect(postOutOfDate(old, edited, render(edited, paris))).toBe(true);
    // Rendered in another house style, it differs, as it did before this method.
    expect(postOutOfDate(old, sampleIssue, render(sampleIssue, london))).toBe(true);
  });

  it('no digest, or one of a method this version does not know: nothing said, nothing rendered', () => {
    const never = () => {
      throw new Error('rendered');
    };
    expect(postOutOfDate(undefined, sampleIssue, never)).toBe(false);
    expect(postOutOfDate('sha256:abcdef:12', sampleIssue, never)).toBe(false);
    expect(postOutOfDate(issueDigest(sampleIssue), sampleIssue, never)).toBe(false);
  });
});
