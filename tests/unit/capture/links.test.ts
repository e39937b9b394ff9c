import { describe, expect, it } from 'vitest';
import {
  chooseLink,
  describeLink as describeInPage,
  type LinkHint,
  type ShadowRootOf,
} from '../../../capture/links';
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
function describeLink(page: Document, href: string, hint?: LinkHint, rootOf?: ShadowRootOf) {
  const found = describeInPage(page, href, hint, rootOf);
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

/** A news page linking the same story from its menu, its headline's picture and its text. */
const SAME_LINK_PAGE = `<!doctype html><html><head></head><body>
  <header><a id="logo" href="/enquete">L'enquête</a></header>
  <nav><a id="menu" href="/enquete">Enquête</a></nav>
  <main>
    <p id="lede">Ce que savait le ministre.</p>
    <a id="picture" href="/enquete"><img src="une.jpg" alt="La une"></a>
    <a id="hidden" href="/enquete" hidden>Lire l'enquête</a>
    <p>Selon <a id="text" href="/enquete">notre enquête</a>, le ministre savait.</p>
    <p>Comme <a id="again" href="/enquete">le montrait l'enquête</a>, rien n'a changé.</p>
  </main>
  <aside><a id="aside" href="/enquete">À lire aussi</a></aside>
</body></html>`;

const ENQUETE = 'https://news.example.com/enquete';

describe('chooseLink', () => {
  const page = () => makeDoc(SAME_LINK_PAGE, 'https://news.example.com/');

  it('prefers a link with words in the article to the menu’s, the header’s or a picture’s', () => {
    expect(chooseLink(page(), ENQUETE)?.id).toBe('text');
    // What the draft gets: that link's words and its paragraph.
    expect(describeLink(page(), ENQUETE)).toMatchObject({
      text: 'notre enquête',
      context: { text: 'Selon notre enquête, le ministre savait.' },
    });
  });

  it('takes the link in the editor’s selection', () => {
    const doc = page();
    const selection = doc.getSelection()!;
    selection.selectAllChildren(doc.querySelectorAll('main p')[2]!);

    expect(chooseLink(doc, ENQUETE, { selection })?.id).toBe('again');
    // A selection with no such link (or none at all) leaves the choice to the page.
    selection.selectAllChildren(doc.getElementById('lede')!);
    expect(chooseLink(doc, ENQUETE, { selection })?.id).toBe('text');
    selection.removeAllRanges();
    expect(chooseLink(doc, ENQUETE, { selection })?.id).toBe('text');
  });

  it('takes the likeliest of the links in a selection that holds several', () => {
    const doc = page();
    const selection = doc.getSelection()!;
    // The whole page (Ctrl+A): the header's link first, the article's after it.
    selection.selectAllChildren(doc.body);
    expect(chooseLink(doc, ENQUETE, { selection })?.id).toBe('text');
    // The hidden link and both paragraphs: the first the reader sees.
    const range = doc.createRange();
    range.setStartBefore(doc.getElementById('hidden')!);
    range.setEndAfter(doc.querySelectorAll('main p')[2]!);
    selection.removeAllRanges();
    selection.addRange(range);
    expect(chooseLink(doc, ENQUETE, { selection })?.id).toBe('text');
  });

  it('takes the very link right-clicked when the browser names it, even in the menu', () => {
    const doc = page();
    const selection = doc.getSelection()!;
    selection.selectAllChildren(doc.querySelectorAll('main p')[2]!);

    expect(chooseLink(doc, ENQUETE, { target: doc.getElementById('menu') })?.id).toBe('menu');
    // Firefox names the element under the pointer: the picture inside the link.
    const picture = doc.querySelector('#picture img');
    expect(chooseLink(doc, ENQUETE, { target: picture, selection })?.id).toBe('picture');
    expect(describeLink(doc, ENQUETE, { target: picture })?.text).toBe('La une');
    // An element that is no link (or none found) leaves the choice to the selection and page.
    expect(chooseLink(doc, ENQUETE, { target: doc.body, selection })?.id).toBe('again');
    expect(chooseLink(doc, ENQUETE, { target: null })?.id).toBe('text');
  });

  it('takes the link named by the browser when it leads to the menu’s address once cleaned', () => {
    const doc = page();
    doc.getElementById('menu')!.setAttribute('href', '/enquete?utm_source=menu');
    expect(chooseLink(doc, ENQUETE, { target: doc.getElementById('menu') })?.id).toBe('menu');
    expect(
      chooseLink(doc, `${ENQUETE}?utm_source=menu`, { target: doc.getElementById('menu') })?.id,
    ).toBe('menu');
  });

  it('chooses by the address when the element named leads elsewhere (a stale id)', () => {
    const doc = page();
    const elsewhere = doc.createElement('a');
    elsewhere.href = '/autre-sujet';
    elsewhere.textContent = 'Un autre sujet';
    doc.getElementById('lede')!.append(elsewhere);
    expect(chooseLink(doc, ENQUETE, { target: elsewhere })?.id).toBe('text');
    expect(describeLink(doc, ENQUETE, { target: elsewhere })?.text).toBe('notre enquête');
    // The same with the editor's selection: the link to the address in it.
    const selection = doc.getSelection()!;
    selection.selectAllChildren(doc.querySelectorAll('main p')[2]!);
    expect(chooseLink(doc, ENQUETE, { target: elsewhere, selection })?.id).toBe('again');
  });

  it('keeps the element named when the page rewrote its address since the menu read it', () => {
    // A search engine's result: its href swapped for the engine's redirect on mousedown.
    const doc = makeDoc(
      '<body><div id="results"><p><a id="result" href="https://www.search.example/url?q=https://news.example.com/enquete">' +
        'L’enquête</a> — ce que savait le ministre.</p></div></body>',
      'https://www.search.example/search?q=enquete',
    );
    const target = doc.getElementById('result');
    expect(chooseLink(doc, ENQUETE, { target })?.id).toBe('result');
    expect(describeLink(doc, ENQUETE, { target })).toMatchObject({
      url: ENQUETE,
      text: 'L’enquête',
      context: { text: 'L’enquête — ce que savait le ministre.' },
    });
  });

  it('falls back on furniture, a picture, then a hidden link, in the page’s order', () => {
    const doc = page();
    const drop = (...ids: string[]) => ids.forEach((id) => doc.getElementById(id)!.remove());

    drop('text', 'again');
    // Out of the furniture, a picture the reader sees comes before the menu's words.
    expect(chooseLink(doc, ENQUETE)?.id).toBe('picture');
    drop('picture');
    // In the furniture only: the first, in the page's order.
    expect(chooseLink(doc, ENQUETE)?.id).toBe('logo');
    drop('logo', 'menu', 'aside');
    expect(chooseLink(doc, ENQUETE)?.id).toBe('hidden');
  });

  it('prefers an article’s link to one in a page without landmarks', () => {
    const doc = makeDoc(
      `<body><div><a id="plain" href="/x">x</a></div><article><p><a id="read" href="/x">x</a></p></article></body>`,
      'https://news.example.com/',
    );
    expect(chooseLink(doc, 'https://news.example.com/x')?.id).toBe('read');
  });
});

describe('describeLink: a link drawn in a custom element’s shadow tree', () => {
  /** `<my-link href>` draws `<a href><slot></slot></a>`, showing the words written in the page. */
  function page(): Document {
    const doc = makeDoc(
      '<body><article><p id="para">Selon <my-link id="host" href="/enquete">notre enquête</my-link>, ' +
        'le ministre savait.</p></article></body>',
      'https://news.example.com/',
    );
    const host = doc.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<style>a { color: red }</style><a href="${host.getAttribute('href')}"><slot></slot></a>`;
    return doc;
  }

  it('finds the link and reads the words slotted into it, and the paragraph around its element', () => {
    const doc = page();
    expect(chooseLink(doc, ENQUETE)?.localName).toBe('a');
    expect(describeLink(doc, ENQUETE)).toMatchObject({
      url: ENQUETE,
      text: 'notre enquête',
      context: { text: 'Selon notre enquête, le ministre savait.' },
    });
  });

  it('finds it when Firefox names the custom element right-clicked', () => {
    const doc = page();
    const target = doc.getElementById('host');
    expect(describeLink(doc, ENQUETE, { target })?.text).toBe('notre enquête');
  });

  it('reads a slot’s own words when nothing is slotted into it', () => {
    const doc = page();
    doc.getElementById('host')!.textContent = '';
    doc.getElementById('host')!.shadowRoot!.querySelector('slot')!.textContent = 'Lire';
    expect(describeLink(doc, ENQUETE)?.text).toBe('Lire');
  });

  it('prefers a link in the page itself to one in a shadow tree', () => {
    const doc = page();
    doc.body.insertAdjacentHTML('beforeend', '<p><a id="plain" href="/enquete">l’enquête</a></p>');
    expect(chooseLink(doc, ENQUETE)?.id).toBe('plain');
  });
});

describe('describeLink: a link drawn in a custom element’s closed shadow tree', () => {
  /**
   * `<my-link href>` drawing its link in a `{ mode: 'closed' }` tree, its words written in the
   * page; and what the extension's world would read of each element's shadow root, the closed
   * one included (as Chrome's chrome.dom and Firefox's property do), counting the elements asked.
   */
  function page() {
    const doc = makeDoc(
      '<body><article><p id="para">Selon <my-link id="host" href="/enquete">notre enquête</my-link>, ' +
        'le ministre savait.</p></article></body>',
      'https://news.example.com/',
    );
    const host = doc.getElementById('host')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = `<a href="${host.getAttribute('href')}"><slot></slot></a>`;
    const asked: Element[] = [];
    const rootOf = (element: Element) => {
      asked.push(element);
      return element === host ? closed : element.shadowRoot;
    };
    return { doc, host, closed, rootOf, asked };
  }

  it('finds the link through the root reader given, its slotted words and its paragraph', () => {
    const { doc, rootOf } = page();
    expect(describeLink(doc, ENQUETE, {}, rootOf)).toMatchObject({
      url: ENQUETE,
      text: 'notre enquête',
      context: { text: 'Selon notre enquête, le ministre savait.' },
    });
  });

  it('reads open trees only by default, as a page’s own script can', () => {
    const { doc } = page();
    // The host's shadowRoot is null: nothing else tells the link is there.
    expect(describeLink(doc, ENQUETE)).toBeUndefined();
  });

  it('finds a link in a closed tree inside an open one inside a closed one', () => {
    const { doc, host, closed, rootOf } = page();
    closed.innerHTML = '<my-frame id="frame"></my-frame>';
    const frame = closed.getElementById('frame')!;
    const open = frame.attachShadow({ mode: 'open' });
    open.innerHTML = '<p>Lire <my-link id="inner">l’enquête</my-link></p>';
    const inner = open.getElementById('inner')!;
    const innermost = inner.attachShadow({ mode: 'closed' });
    innermost.innerHTML = '<a href="/enquete"><slot></slot></a>';
    const deep = (element: Element) =>
      element === inner ? innermost : element === host ? closed : rootOf(element);
    expect(describeLink(doc, ENQUETE, {}, deep)).toMatchObject({
      text: 'l’enquête',
      context: { text: 'Lire l’enquête' },
    });
  });

  it('asks no element of the page for its tree when the page itself links the address', () => {
    const { doc, rootOf, asked } = page();
    doc.body.insertAdjacentHTML('beforeend', '<p><a id="plain" href="/enquete">l’enquête</a></p>');
    expect(chooseLink(doc, ENQUETE, {}, rootOf)?.id).toBe('plain');
    expect(asked).toEqual([]);
  });
});

describe('describeLink: the paragraph as the reader sees it, shadow trees drawn in it', () => {
  /**
   * A paragraph whose words are partly drawn by custom elements: `<x-date>` writes its date in
   * its own (open) tree, `<my-link>` its link around the page's words (slotted), and
   * `<x-note>` a note in a closed tree, its slot's words placed after it.
   */
  function page() {
    const doc = makeDoc(
      '<body><article><p id="para">Le <x-date></x-date>, selon ' +
        '<my-link id="host" href="/enquete">notre enquête</my-link>, le ministre ' +
        '<x-note id="note"><b>savait</b> <i>jamais montré</i></x-note>.</p></article></body>',
      'https://news.example.com/',
    );
    doc.querySelector('x-date')!.attachShadow({ mode: 'open' }).innerHTML =
      '<style>time { color: red }</style><time>3 mai</time>';
    doc.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML =
      '<a href="/enquete"><slot></slot></a>';
    const note = doc.getElementById('note')!;
    const closed = note.attachShadow({ mode: 'closed' });
    // Only the <b> is placed (named slot); the <i> is never shown.
    note.querySelector('b')!.setAttribute('slot', 'mot');
    closed.innerHTML = '<slot name="mot"></slot> <small>(note 2)</small>';
    const rootOf = (element: Element) => (element === note ? closed : element.shadowRoot);
    return { doc, rootOf };
  }

  it('reads the words open shadow trees draw, in the page’s order, slotted words once where their slot is', () => {
    const { doc } = page();
    expect(describeLink(doc, ENQUETE)?.context).toEqual({
      text: 'Le 3 mai, selon notre enquête, le ministre savait jamais montré.',
      html:
        '<p>Le 3 mai, selon <a href="https://news.example.com/enquete">notre enquête</a>, ' +
        'le ministre <b>savait</b> <i>jamais montré</i>.</p>',
    });
  });

  it('reads a closed tree through the root reader given, leaving out the page’s words it does not show', () => {
    const { doc, rootOf } = page();
    expect(describeLink(doc, ENQUETE, {}, rootOf)?.context).toMatchObject({
      text: 'Le 3 mai, selon notre enquête, le ministre savait (note 2).',
    });
  });

  it('reads a paragraph drawn in the tree the link is in, the words slotted into it from the page', () => {
    const doc = makeDoc(
      '<body><x-card id="card"><span>l’enquête</span></x-card></body>',
      'https://news.example.com/',
    );
    doc.getElementById('card')!.attachShadow({ mode: 'open' }).innerHTML =
      '<p>Lire <a href="/enquete"><slot></slot></a> en entier.</p>';
    expect(describeLink(doc, ENQUETE)).toMatchObject({
      text: 'l’enquête',
      context: { text: 'Lire l’enquête en entier.' },
    });
  });
});

describe('describeLink: a link of the page placed in a paragraph a shadow tree draws', () => {
  /** `<x-card>` draws `<p>Lire <slot></slot> en entier.</p>`: the page's link shows in its slot. */
  function page(mode: 'open' | 'closed') {
    const doc = makeDoc(
      '<body><x-card id="card"><a href="/enquete">l’enquête</a></x-card></body>',
      'https://news.example.com/',
    );
    const card = doc.getElementById('card')!;
    const shadow = card.attachShadow({ mode });
    shadow.innerHTML = '<p>Lire <slot></slot> en entier.</p>';
    const rootOf = (element: Element) => (element === card ? shadow : element.shadowRoot);
    return { doc, rootOf };
  }

  it('takes the paragraph its slot is in, the link read there once', () => {
    expect(describeLink(page('open').doc, ENQUETE)?.context).toEqual({
      text: 'Lire l’enquête en entier.',
      html: '<p>Lire <a href="https://news.example.com/enquete">l’enquête</a> en entier.</p>',
    });
  });

  it('takes it in a closed tree through the root reader given', () => {
    const { doc, rootOf } = page('closed');
    expect(describeLink(doc, ENQUETE, {}, rootOf)?.context).toMatchObject({
      text: 'Lire l’enquête en entier.',
    });
    // A page's own script sees no paragraph there.
    expect(describeLink(doc, ENQUETE)?.context).toBeUndefined();
  });
});

describe('describeLink: the paragraph of a link, its own words only, shadow trees or not', () => {
  it('reads only the paragraph of the page a custom element shows through its slot, not the whole element', () => {
    // `<x-article>` draws the site's title and places its paragraphs in a slot: the link's
    // paragraph is the page's own <p>, its neighbours and the title none of its words.
    const doc = makeDoc(
      '<body><x-article id="art"><p>Premier paragraphe.</p>' +
        '<p>Selon <a href="/enquete">notre enquête</a>, non.</p><p>Troisième.</p></x-article></body>',
      'https://news.example.com/',
    );
    doc.getElementById('art')!.attachShadow({ mode: 'open' }).innerHTML =
      '<header>Titre du site</header><div><slot></slot></div>';
    expect(describeLink(doc, ENQUETE)?.context).toEqual({
      text: 'Selon notre enquête, non.',
      html: '<p>Selon <a href="https://news.example.com/enquete">notre enquête</a>, non.</p>',
    });
  });

  it('reads the tree of a heading that hosts one, its words around the link', () => {
    const doc = makeDoc(
      '<body><h2 id="h"><a href="/enquete">l’enquête</a></h2></body>',
      'https://news.example.com/',
    );
    doc.getElementById('h')!.attachShadow({ mode: 'open' }).innerHTML = 'À lire : <slot></slot> !';
    expect(describeLink(doc, ENQUETE)?.context).toMatchObject({ text: 'À lire : l’enquête !' });
  });

  it('takes no paragraph of a container whose words, drawn in a shadow tree, are a page’s', () => {
    // The page's own text is short: the words the element draws make it a layout container.
    const doc = makeDoc(
      '<body><table><tr><td><a href="/enquete">l’enquête</a> <x-page id="page"></x-page>' +
        '</td></tr></table></body>',
      'https://news.example.com/',
    );
    doc.getElementById('page')!.attachShadow({ mode: 'open' }).innerHTML =
      `<p>${'Un mot. '.repeat(500)}</p>`;
    expect(describeLink(doc, ENQUETE)).toMatchObject({ text: 'l’enquête' });
    expect(describeLink(doc, ENQUETE)?.context).toBeUndefined();
  });

  it('takes no paragraph a shadow tree draws around a page’s worth of slotted words', () => {
    const doc = makeDoc(
      '<body><x-card id="card"><a href="/enquete">l’enquête</a>' +
        `<span>${'Un mot. '.repeat(500)}</span></x-card></body>`,
      'https://news.example.com/',
    );
    doc.getElementById('card')!.attachShadow({ mode: 'open' }).innerHTML = '<p><slot></slot></p>';
    expect(describeLink(doc, ENQUETE)?.context).toBeUndefined();
  });
});

describe('describeLink: the words a shadow tree hides', () => {
  it('leaves out what the paragraph’s trees do not display (a note’s bubble)', () => {
    const doc = makeDoc(
      '<body><p>Selon <a href="/enquete">notre enquête</a>, le ministre <x-tip id="tip">savait</x-tip>.</p></body>',
      'https://news.example.com/',
    );
    doc.getElementById('tip')!.attachShadow({ mode: 'open' }).innerHTML =
      '<u><slot></slot></u><span style="display: none"> (bulle : il l’a dit le 3 mai)</span>';
    expect(describeLink(doc, ENQUETE)?.context).toMatchObject({
      text: 'Selon notre enquête, le ministre savait.',
    });
  });
});
