/**
 * Code pasted into an item (a command, an address's path, a snippet from a GitHub page) comes out
 * of every export as it was written, the prose around it typeset in French.
 */
import { describe, expect, it } from 'vitest';
import { createHouseStyle } from '../../../export/house-style';
import { renderHtml } from '../../../export/html';
import { buildIssueJson } from '../../../export/json';
import { renderMarkdown } from '../../../export/markdown';
import type { ExportIssue } from '../../../export/model';
import { prepareIssue } from '../../../export/prepare';
import { renderText } from '../../../export/text';
import { NBSP, NNBSP } from '../../../export/typography';
import { renderWordPressBlocks } from '../../../export/wordpress-blocks';
import { cleanPastedHtml } from '../../../storage/item-html';

const style = createHouseStyle();

/** An issue of one item: `html` pasted into it, as the editor stores it. */
function pasted(html: string): ExportIssue {
  return {
    title: 'Les indiscrets du 15 mars',
    date: '2021-03-15',
    items: [{ id: '1', bodyHtml: cleanPastedHtml(html, 'fr'), sources: [] }],
  };
}

const CODE = `npm run a:b -- "x" ...`;
const issue = pasted(`<p>Lancez <code>${CODE}</code> puis l'<code>l'id</code> ; "voilà" ?</p>`);
/** The prose typeset, the code as written. */
const prose = (code: (words: string) => string) =>
  `Lancez ${code(CODE)} puis l’${code("l'id")}${NNBSP}; «${NBSP}voilà${NBSP}»${NNBSP}?`;
const marked = (words: string) => `<span lang="zxx">${words}</span>`;

describe('every export of code pasted into an item', () => {
  it('HTML and WordPress keep it as written, marked as words in no language', () => {
    // Before, « npm run a:b -- « x » … » and « l’id ».
    expect(renderHtml(issue, style)).toContain(prose(marked));
    expect(renderWordPressBlocks(issue, style).content).toContain(prose(marked));
  });

  it('Markdown, text and JSON keep it as written', () => {
    const plain = (words: string) => words;
    expect(renderMarkdown(issue, style)).toContain(prose(plain));
    expect(renderText(issue, style)).toContain(prose(plain));
    expect(buildIssueJson(prepareIssue(issue, style)).issue.items[0]!.text).toContain(prose(plain));
  });

  it('keeps the lines of a block of code, the colon, the quotes and the arrow as written', () => {
    const block = pasted(`<pre>a:b\n--&gt; l'id "x"</pre>`);

    expect(renderText(block, style)).toContain(`a:b\n--> l'id "x"`);
  });
});

describe('every export of a block of code pasted with its indent', () => {
  // A shell command over several lines and a snippet whose lines start as Markdown's markup, an
  // empty line between them.
  const block = pasted(
    `<p>Installez :</p><pre>npm install \\\n    --save-dev  x\n\n# note\n- y\n  1. z</pre>`,
  );
  const nb = (count: number) => NBSP.repeat(count);

  it('HTML and WordPress keep its lines, its empty line, its indent and its runs of spaces', () => {
    const html = `<span lang="zxx">npm install \\<br>${nb(4)}--save-dev ${nb(1)}x<br><br># note<br>- y<br>${nb(2)}1. z</span>`;
    // Before, « --save-dev x » at the start of its line, and no empty line.
    expect(renderHtml(block, style)).toContain(html);
    expect(renderWordPressBlocks(block, style).content).toContain(html);
  });

  it('Markdown keeps its lines indented, none read as a heading or a list', () => {
    expect(renderMarkdown(block, style)).toContain(
      `npm install \\\\\\\n${nb(4)}--save-dev ${nb(1)}x\\\n\\\n\\# note\\\n\\- y\\\n${nb(2)}1. z\n`,
    );
  });

  it('text and JSON keep its lines, indented with spaces that a shell reads as spaces', () => {
    const lines = 'npm install \\\n    --save-dev  x\n\n# note\n- y\n  1. z';
    expect(renderText(block, style)).toContain(lines);
    expect(buildIssueJson(prepareIssue(block, style)).issue.items[0]!.text).toContain(lines);
  });
});
