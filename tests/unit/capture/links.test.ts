import { describe, expect, it } from 'vitest';
import { describeLink as describeInPage } from '../../../capture/links';
import { toSelectedPassage } from '../../../services/passage';
import { makeDoc } from './dom';

const PAGE = `<!doctype html><html><head></head><body>
  <nav><a href="/">Home</a></nav>
  <p>The minister <a href="/2024/budget.html?utm_source=tw&amp;id=7" onclick="track()">announced the budget</a>
     on <em>Tuesday</em>. <script>evil()</script></p>
  <ul><li>See <a href="https://other.example/report.pdf">the report</a></li></ul>
  <a href="/photo"><img src="p.jpg" alt="A photo of the minister"></a>
  <a href="/icon" aria-label="Share on Mastodon"></a>
  <div><a href="/bare">Bare link</a></div>
</body></html>`;

/** The description as the background stores it: the context's tree written as HTML. */
function describeLink(page: Document, href: string) {
  const found = describeInPage(page, href);
  return found?.context ? { ...found, context: toSelectedPassage(found.context) } : found;
}

const doc = () => makeDoc(PAGE, 'https://news.example.com/politics/story.html');

describe('describeLink', () => {
  it('finds the link by its resolved URL and returns the cleaned URL, text and paragraph', () => {
    const found = describeLink(
      doc(),
      'https://news.example.com/2024/budget.html?utm_source=tw&id=7',
    );
    expect(found).toEqual({
      url: 'https://news.example.com/2024/budget.html?id=7',
      text: 'announced the budget',
      context: {
        text: 'The minister announced the budget on Tuesday.',
        html: '<p>The minister <a href="https://news.example.com/2024/budget.html?id=7">announced the budget</a> on <em>Tuesday</em>.</p>',
      },
    });
  });

  it('also finds the link when given its URL without tracking parameters', () => {
    expect(describeLink(doc(), 'https://news.example.com/2024/budget.html?id=7')?.text).toBe(
      'announced the budget',
    );
  });

  it('uses a list item as the context', () => {
    expect(describeLink(doc(), 'https://other.example/report.pdf')?.context).toEqual({
      text: 'See the report',
      html: 'See <a href="https://other.example/report.pdf">the report</a>',
    });
  });

  it('falls back to the image alt text, then the aria-label', () => {
    expect(describeLink(doc(), 'https://news.example.com/photo')?.text).toBe(
      'A photo of the minister',
    );
    expect(describeLink(doc(), 'https://news.example.com/icon')?.text).toBe('Share on Mastodon');
  });

  it('has no context when the link is not in a paragraph', () => {
    const found = describeLink(doc(), 'https://news.example.com/bare');
    expect(found?.text).toBe('Bare link');
    expect(found?.context).toBeUndefined();
  });

  it('returns undefined when no link matches', () => {
    expect(describeLink(doc(), 'https://news.example.com/missing')).toBeUndefined();
    expect(describeLink(doc(), 'not a url')).toBeUndefined();
  });
});
