/**
 * WordPress block markup (Gutenberg serialisation). The title is returned apart, as WordPress
 * stores it in its own post field; the content is one `core/paragraph` block per paragraph
 * (intro, each item, outro) and one `core/list` block per list of an item, nothing else, so that
 * the block editor opens it without "unexpected content" warnings. This module only builds the
 * markup; publishing lives elsewhere.
 */
import type { ExportIssue } from './model';
import type { HouseStyle } from './house-style';
import { blocksHtml } from './html';
import { prepareIssue, type PreparedIssue } from './prepare';
import { escapeHtml } from '../lib/html';

export interface WordPressPost {
  /**
   * Title, HTML-escaped: WordPress themes print post_title as HTML (`the_title()`), so a
   * literal "<img onerror=…>" in a title would run there.
   */
  title: string;
  /** Block markup for post_content. */
  content: string;
}

/** Wraps one `<p>…</p>` in paragraph block delimiters. */
export function paragraphBlock(paragraphHtml: string): string {
  return `<!-- wp:paragraph -->\n${paragraphHtml}\n<!-- /wp:paragraph -->`;
}

/**
 * A list block. Its items are written in the list's own HTML (`<ul><li>…</li></ul>`), the
 * markup of the list block since WordPress 5.0: a later block editor, whose list holds list-item
 * blocks, reads it as an earlier version of the block (Gutenberg's list deprecations) and turns
 * it into those without an « unexpected content » warning.
 */
export function listBlock(ordered: boolean, items: readonly string[]): string {
  const tag = ordered ? 'ol' : 'ul';
  const list = `<${tag}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
  return `<!-- wp:list${ordered ? ' {"ordered":true}' : ''} -->\n${list}\n<!-- /wp:list -->`;
}

/** Builds the post from an already prepared issue. */
export function renderPreparedWordPress(prepared: PreparedIssue): WordPressPost {
  return {
    title: escapeHtml(prepared.title, 'text'),
    content: blocksHtml(prepared)
      .map((block) =>
        block.kind === 'paragraph'
          ? paragraphBlock(block.html)
          : listBlock(block.ordered, block.items),
      )
      .join('\n\n'),
  };
}

/**
 * Renders the issue as a WordPress post: an HTML-escaped title and block-markup content. Inside the
 * blocks all text is HTML-escaped, so "-->" in text (the item opener) is written "--&gt;" and can
 * never end a block delimiter comment.
 * @param issue the untrusted model; it is sanitized here.
 * @param style house style to apply.
 */
export function renderWordPressBlocks(issue: ExportIssue, style: HouseStyle): WordPressPost {
  return renderPreparedWordPress(prepareIssue(issue, style));
}
