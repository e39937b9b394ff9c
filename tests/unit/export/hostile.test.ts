/**
 * Hostile input must come out as text, never markup, in every format: HTML-escaped in html and
 * WordPress, escaped in Markdown, verbatim in plain text, a plain string in JSON.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '@wordpress/block-serialization-default-parser';
import { createHouseStyle } from '../../../export/house-style';
import { exportForClipboard, exportIssue } from '../../../export/index';
import { renderWordPressBlocks } from '../../../export/wordpress-blocks';
import type { ExportIssue } from '../../../export/model';
import type { IssueJsonDocument } from '../../../export/json';
import { FIXED_NOW } from './fixtures';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const SVG = '"><svg onload=alert(3)>';

/** Payloads in the title and the intro (plain text), the body (HTML, raw and escaped), sources. */
const hostile: ExportIssue = {
  title: `Titre ${IMG} ${SCRIPT} ${SVG}`,
  date: '2021-03-15',
  intro: `Intro ${IMG}${SCRIPT}${SVG} cité : &lt;img src=x onerror=alert(4)&gt;`,
  items: [
    {
      id: 'x" onclick="alert(5)',
      bodyHtml:
        `<a href="javascript:alert(6)">js</a> <a href=" JaVaScRiPt:alert(7)">js2</a> ` +
        `<a href="data:text/html,<script>alert(8)</script>">data</a> ` +
        `<a href='https://ok.example/" onmouseover="alert(9)'>inj</a> ` +
        `${IMG} ${SVG} ${SCRIPT} cité : &lt;script&gt;alert(10)&lt;/script&gt; ` +
        `<p onclick="alert(11)" style="x">para</p><iframe src="javascript:alert(12)"></iframe>`,
      sources: [
        { url: 'javascript:alert(13)', siteName: 'evil' },
        { url: 'https://ok.example/a', siteName: IMG },
        { url: 'https://ok.example/b', title: SVG },
        { url: 'https://ok.example/c', title: SCRIPT },
      ],
    },
  ],
};

// Credits on, so that hostile source titles reach every format.
const style = createHouseStyle({ creditStyle: 'parenthesis' });
const ALLOWED = new Set(['ARTICLE', 'H1', 'P', 'BR', 'STRONG', 'EM', 'A']);

/** Parses HTML with the test DOM and checks that only the allowed, inert markup is present. */
function expectInertHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of Array.from(doc.body.querySelectorAll('*'))) {
    expect(ALLOWED.has(element.tagName), element.outerHTML).toBe(true);
    for (const attribute of Array.from(element.attributes)) {
      expect(element.tagName === 'A' && attribute.name === 'href', element.outerHTML).toBe(true);
      expect(attribute.value).toMatch(/^(https?|mailto):/);
    }
  }
  return doc;
}

describe('hostile input', () => {
  it('is inert, escaped text in the HTML export', () => {
    const file = exportIssue(hostile, 'html', style);

    const doc = expectInertHtml(file.content);

    expect(doc.head.querySelectorAll('*').length).toBe(2); // <meta charset> and <title>
    expect(doc.querySelector('h1')?.textContent).toContain(`${IMG} ${SCRIPT} ${SVG}`);
    // The intro is plain text: its payloads are words, an escaped one too.
    expect(doc.body.textContent).toContain(`Intro ${IMG}${SCRIPT}${SVG}`);
    expect(doc.body.textContent).toContain('&lt;img src=x onerror=alert(4)&gt;');
    expect(doc.body.textContent).toContain('<script>alert(10)</script>');
    expect(file.content).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(file.content).not.toMatch(/<(img|script|svg|iframe)/i);
    expect(file.content).not.toMatch(/javascript:|data:text/i);
  });

  it('is inert in the clipboard HTML', () => {
    const { html, text } = exportForClipboard(hostile, style);

    expectInertHtml(html);
    expect(text.split('\n')[0]).toBe(`Titre ${IMG} ${SCRIPT} ${SVG}`);
  });

  it('is inert in WordPress blocks, title included', () => {
    const post = renderWordPressBlocks(hostile, style);

    expect(post.title).toBe(
      'Titre &lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt; "&gt;&lt;svg onload=alert(3)&gt;',
    );
    const blocks = parse(post.content).filter((b) => b.blockName !== null);
    // The intro, and the item's two paragraphs.
    expect(blocks.map((b) => b.blockName)).toEqual([
      'core/paragraph',
      'core/paragraph',
      'core/paragraph',
    ]);
    for (const block of blocks) expectInertHtml(block.innerHTML);
    expect(post.content).not.toMatch(/<(img|script|svg|iframe)/i);
    expect(post.content).not.toMatch(/javascript:/i);
  });

  it('is escaped in Markdown: no raw HTML, no link to a bad scheme', () => {
    const md = exportIssue(hostile, 'markdown', style).content;

    // Every "<" is backslash-escaped, so no renderer sees an HTML tag or autolink; a ">" alone
    // opens nothing inside a line, and one at a line start is escaped (block quote).
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).not.toMatch(/^>/m);
    expect(md).toContain('\\<img src=x onerror=alert(1)>');
    expect(md).not.toMatch(/\]\((?!https?:|mailto:)/);
    expect(md).not.toMatch(/javascript:/i);
  });

  it('is verbatim text in plain text', () => {
    const text = exportIssue(hostile, 'text', style).content;

    expect(text.split('\n')[0]).toBe(`Titre ${IMG} ${SCRIPT} ${SVG}`);
    expect(text).toContain(
      `Intro ${IMG}${SCRIPT}${SVG} cité\u00A0: &lt;img src=x onerror=alert(4)&gt;`,
    );
    expect(text).toContain('<script>alert(10)</script>');
    expect(text).toContain(`(${IMG}[`);
    expect(text).not.toMatch(/javascript:/i);
  });

  it('is plain strings in JSON, with sanitized html fields', () => {
    const doc = JSON.parse(
      exportIssue(hostile, 'json', style, { now: FIXED_NOW }).content,
    ) as IssueJsonDocument;

    expect(doc.issue.title).toBe(`Titre ${IMG} ${SCRIPT} ${SVG}`);
    const item = doc.issue.items[0];
    expect(item?.id).toBe('x" onclick="alert(5)');
    expectInertHtml(item?.html ?? '');
    expectInertHtml(doc.issue.intro ?? '');
    expect(item?.sources.map((s) => s.url)).toEqual([
      'https://ok.example/a',
      'https://ok.example/b',
      'https://ok.example/c',
    ]);
    expect(item?.sources[0]?.siteName).toBe(IMG);
  });
});
