import { describe, expect, it } from 'vitest';
import { readPage } from '../../../capture/page';
import { makeWindow } from '../capture/dom';

/**
 * A live blog: every post has its author marked up alike (`<p class="byline"><span
 * itemprop="author">…`), all in one <main>. capture/page.ts sameByline reads the textContent of
 * an ancestor up to four levels up for each later candidate: here <main>, the whole page.
 */
describe('readPage: co-authors on a big live page', () => {
  it('does not read the whole page text for each byline candidate', () => {
    const post = (i: number) =>
      `<div class="post"><p class="byline"><span itemprop="author" class="author-name">Auteur ${i}</span></p>` +
      `<p>${'Une phrase du très long direct, répétée pour faire un grand corps. '.repeat(30)}</p></div>`;
    const posts = Array.from({ length: 2000 }, (_, i) => post(i)).join('');
    const win = makeWindow(
      `<!doctype html><html lang="fr"><head><title>Direct</title></head><body><main>${posts}</main></body></html>`,
    );
    const pageChars = win.document.body.textContent!.length;
    const proto = (win as unknown as { Node: typeof Node }).Node.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'textContent')!;
    let read = 0;
    Object.defineProperty(proto, 'textContent', {
      ...descriptor,
      get(this: Node) {
        const value = descriptor.get!.call(this) as string | null;
        read += value?.length ?? 0;
        return value;
      },
    });
    readPage(win.document);
    Object.defineProperty(proto, 'textContent', descriptor);
    // Before the change, the bylines read only their own elements' text (a few hundred chars).
    expect(read).toBeLessThan(pageChars);
  });
});
