import { describe, expect, it } from 'vitest';
import { parse } from '@wordpress/block-serialization-default-parser';
import { createHouseStyle } from '../../../export/house-style';
import { paragraphBlock, renderWordPressBlocks } from '../../../export/wordpress-blocks';
import type { ExportIssue } from '../../../export/model';
import { sampleIssue } from './fixtures';

const style = createHouseStyle();

/** Parses block markup and returns the real blocks, checking what lies between them. */
function parseBlocks(content: string): ReturnType<typeof parse> {
  const all = parse(content);
  for (const block of all.filter((b) => b.blockName === null)) {
    // The default parser yields the blank lines between blocks as freeform blocks.
    expect(block.innerHTML.trim()).toBe('');
  }
  return all.filter((b) => b.blockName !== null);
}

describe('renderWordPressBlocks', () => {
  it('returns the title apart and one paragraph block per intro and item', () => {
    const issue: ExportIssue = {
      title: 'Les indiscrets du 15 mars',
      date: '2021-03-15',
      intro: 'Bonjour',
      items: [
        { id: '1', bodyHtml: 'Un <a href="https://x.fr/">lien</a>', sources: [] },
        { id: '2', bodyHtml: '<b>Deux</b>', sources: [] },
      ],
    };

    const post = renderWordPressBlocks(issue, style);

    expect(post.title).toBe('Les indiscrets du 15 mars');
    expect(post.content).toBe(
      [
        '<!-- wp:paragraph -->\n<p>Bonjour</p>\n<!-- /wp:paragraph -->',
        '<!-- wp:paragraph -->\n<p>--&gt; Un <a href="https://x.fr/">lien</a></p>\n<!-- /wp:paragraph -->',
        '<!-- wp:paragraph -->\n<p>--&gt; <strong>Deux</strong></p>\n<!-- /wp:paragraph -->',
      ].join('\n\n'),
    );
  });

  it('parses back with the WordPress default parser into exactly those paragraph blocks', () => {
    const post = renderWordPressBlocks(sampleIssue, style);
    const expected = post.content
      .split('\n\n')
      .map((block) =>
        block.replace('<!-- wp:paragraph -->\n', '').replace('\n<!-- /wp:paragraph -->', ''),
      );

    const blocks = parseBlocks(post.content);

    // The intro, then one block per paragraph: the first item has two.
    expect(blocks).toHaveLength(2 + sampleIssue.items.length);
    blocks.forEach((block, i) => {
      expect(block.blockName).toBe('core/paragraph');
      expect(block.attrs).toEqual({});
      expect(block.innerBlocks).toEqual([]);
      expect(block.innerHTML).toBe(`\n${expected[i]}\n`);
      expect(expected[i]).toMatch(/^<p>.*<\/p>$/s);
    });
  });

  it('cannot be broken by text that looks like block delimiters', () => {
    const issue: ExportIssue = {
      title: 'x',
      date: '2021-03-15',
      items: [
        {
          id: '1',
          bodyHtml:
            '&lt;!-- /wp:paragraph --&gt; --> <!-- wp:html --><script>x</script><!-- /wp:html -->',
          sources: [],
        },
      ],
    };

    const blocks = parseBlocks(renderWordPressBlocks(issue, style).content);

    expect(blocks.map((b) => b.blockName)).toEqual(['core/paragraph']);
    expect(blocks[0]?.innerHTML).toBe('\n<p>--&gt; &lt;!-- /wp:paragraph --&gt; --&gt;</p>\n');
  });

  it('wraps a paragraph exactly as the block editor serialises it', () => {
    expect(paragraphBlock('<p>a</p>')).toBe(
      '<!-- wp:paragraph -->\n<p>a</p>\n<!-- /wp:paragraph -->',
    );
  });
});
