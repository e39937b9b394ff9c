import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../capture/index';
import { makeWindow } from './dom';

const HTML = `<!doctype html><html lang="fr"><head>
  <title>Le titre | Le Site</title><meta property="og:site_name" content="Le Site">
</head><body><p id="p">Un passage choisi.</p></body></html>`;

describe('capturePage', () => {
  it('returns the metadata alone when nothing is selected', () => {
    const result = capturePage(makeWindow(HTML, 'https://site.example/a'));
    expect(result).toEqual({
      metadata: expect.objectContaining({
        url: 'https://site.example/a',
        title: 'Le titre',
        lang: 'fr',
      }),
    });
    expect('selection' in result).toBe(false);
  });

  it('returns the metadata and the selection', () => {
    const win = makeWindow(HTML);
    const range = win.document.createRange();
    range.selectNodeContents(win.document.getElementById('p')!);
    win.getSelection()!.addRange(range);
    expect(capturePage(win).selection).toEqual({
      nodes: ['Un passage choisi.'],
      shown: 'Un passage choisi.',
    });
  });

  it('degrades instead of throwing when the page breaks every assumption', () => {
    const win = makeWindow(HTML, 'https://site.example/a?fbclid=1');
    const hostile = new Proxy(win, {
      get(target, key) {
        if (key === 'document') {
          const doc = target.document;
          return new Proxy(doc, {
            get(d, k) {
              if (k === 'title') return 'Tab title';
              throw new Error(`no ${String(k)}`);
            },
          });
        }
        if (key === 'getSelection') {
          return () => {
            throw new Error('no selection');
          };
        }
        return Reflect.get(target, key);
      },
    });
    const result = capturePage(hostile);
    expect(result).toEqual({
      metadata: {
        url: 'https://site.example/a?fbclid=1',
        title: 'Tab title',
        provenance: { url: 'location', title: '<title>' },
      },
    });
  });
});
