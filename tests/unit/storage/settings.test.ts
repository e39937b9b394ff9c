import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import {
  cachedReader,
  characterKeys,
  currentIssueId,
  draftTemplate,
  forgetMovesFrom,
  movedBetween,
  noteSiteMove,
  provenMove,
  siteMoves,
  SITE_MOVES_KEPT,
  uiLocale,
} from '../../../storage/settings';
import {
  DEFAULT_WORDPRESS,
  houseStyleItem,
  wordpressItem,
  wordpressPasswordItem,
} from '../../../storage/preferences';
import { sitePostsItem, type SitePostsCache } from '../../../storage/site-posts';
import { DEFAULT_DRAFT_TEMPLATE } from '../../../storage/template';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('have their defaults before anything is stored', async () => {
    expect(await currentIssueId.getValue()).toBeNull();
    expect(await draftTemplate.getValue()).toBe(DEFAULT_DRAFT_TEMPLATE);
    expect(await uiLocale.getValue()).toBe('auto');
    // The desk's keys of one character act, as they always did, until the editor turns them off.
    expect(await characterKeys.getValue()).toBe(true);
  });

  it('are stored in the expected areas under the expected keys', async () => {
    await currentIssueId.setValue('issue-1');
    await draftTemplate.setValue('<p>{title}</p>');
    await uiLocale.setValue('en');
    await characterKeys.setValue(false);

    expect(await fakeBrowser.storage.local.get('currentIssueId')).toEqual({
      currentIssueId: 'issue-1',
    });
    expect(await fakeBrowser.storage.sync.get('draftTemplate')).toEqual({
      draftTemplate: '<p>{title}</p>',
    });
    expect(await fakeBrowser.storage.sync.get('uiLocale')).toEqual({ uiLocale: 'en' });
    // Synced: an editor who dictates turns them off once for all their browsers.
    expect(await fakeBrowser.storage.sync.get('characterKeys')).toEqual({ characterKeys: false });
  });

  it('tell watchers when they change', async () => {
    const seen: Array<string | null> = [];
    const unwatch = currentIssueId.watch((value) => seen.push(value));

    await currentIssueId.setValue('issue-2');
    await currentIssueId.removeValue();
    unwatch();

    expect(seen).toEqual(['issue-2', null]);
  });
});

/**
 * Each migration: a value stored in the old shape, without a version (as every item was before
 * items had versions), then the item's migration as WXT runs it at start-up, then a read.
 */
describe('settings migrations', () => {
  it('turns a language tag into a language the interface speaks (uiLocale v2)', async () => {
    for (const [old, now] of [
      ['fr', 'fr'],
      ['en', 'en'],
      ['auto', 'auto'],
      ['fr-FR', 'fr'],
      ['en-GB', 'en'],
      ['de', 'auto'],
    ] as const) {
      fakeBrowser.reset();
      await fakeBrowser.storage.sync.set({ uiLocale: old });

      await uiLocale.migrate();

      expect(await uiLocale.getValue(), old).toBe(now);
      expect(await uiLocale.getMeta(), old).toEqual({ v: 2 });
    }
  });

  it('completes a house style that held only the changed fields (houseStyle v2)', async () => {
    await fakeBrowser.storage.sync.set({ houseStyle: { locale: 'en', itemOpener: '• ' } });

    await houseStyleItem.migrate();

    // English copy: French typography off, the English default title, the other fields at
    // their defaults.
    expect(await houseStyleItem.getValue()).toEqual({
      titlePattern: 'Les Indiscrets, {date}',
      itemOpener: '• ',
      creditStyle: 'none',
      frenchTypography: false,
      locale: 'en',
    });
    expect(await houseStyleItem.getMeta()).toEqual({ v: 2 });
  });

  it('keeps exactly the WordPress fields, completing the missing ones (wordpress v2)', async () => {
    await fakeBrowser.storage.local.set({
      wordpress: { siteUrl: 'https://monsite.fr', username: 'redac', stray: 1 },
    });

    await wordpressItem.migrate();

    expect(await wordpressItem.getValue()).toEqual({
      ...DEFAULT_WORDPRESS,
      siteUrl: 'https://monsite.fr',
      username: 'redac',
    });
    expect(await wordpressItem.getMeta()).toEqual({ v: 2 });
  });

  it('leaves the items still at version 1 as they were', async () => {
    await fakeBrowser.storage.sync.set({ draftTemplate: '<p>{title}</p>' });
    const posts: SitePostsCache = {
      siteUrl: 'https://monsite.fr',
      fetchedAt: '2026-12-01T09:30:00.000Z',
      posts: [
        {
          id: 7,
          link: 'https://monsite.fr/?p=7',
          title: 'Un article',
          date: '2026-11-30T08:15:00',
        },
      ],
    };
    await fakeBrowser.storage.local.set({
      wordpressPassword: 'abcd efgh',
      currentIssueId: 'i-7',
      sitePosts: posts,
    });

    await draftTemplate.migrate();
    await wordpressPasswordItem.migrate();
    await currentIssueId.migrate();
    await sitePostsItem.migrate();

    expect(await draftTemplate.getValue()).toBe('<p>{title}</p>');
    expect(await wordpressPasswordItem.getValue()).toBe('abcd efgh');
    expect(await currentIssueId.getValue()).toBe('i-7');
    expect(await sitePostsItem.getValue()).toEqual(posts);
  });

  it('writes the version with the first value of an item never stored', async () => {
    await uiLocale.migrate();
    await uiLocale.setValue('en');

    // Read as version 2 at the next start: no migration runs on a value already new.
    expect(await uiLocale.getMeta()).toEqual({ v: 2 });
  });
});

/** The `storage.defineItem` calls of a source, each with the option names it is given. */
function definedItems(source: string): Array<{ key: string; options: string[] }> {
  const file = ts.createSourceFile('item.ts', source, ts.ScriptTarget.Latest, true);
  const found: Array<{ key: string; options: string[] }> = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'defineItem'
    ) {
      const [key, options] = node.arguments;
      found.push({
        key: key && ts.isStringLiteral(key) ? key.text : '?',
        options:
          options && ts.isObjectLiteralExpression(options)
            ? options.properties.flatMap((property) =>
                property.name && ts.isIdentifier(property.name) ? [property.name.text] : [],
              )
            : [],
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * WXT runs an item's migrations only when the item declares them: an item defined without a
 * version could never be given one that reads its old values right. Read from the tree, so that
 * a new item cannot forget it.
 */
describe('settings items in the tree', () => {
  it('finds the options given to each item', () => {
    expect(
      definedItems(
        "const a = storage.defineItem<string>('local:a', { fallback: '', version: 1, migrations: {} });\n" +
          "const b = storage.defineItem('sync:b');",
      ),
    ).toEqual([
      { key: 'local:a', options: ['fallback', 'version', 'migrations'] },
      { key: 'sync:b', options: [] },
    ]);
  });

  it('each declare a version and their migrations', () => {
    // Items belong in storage/, but one defined anywhere in the extension's code is checked too.
    const folders = [
      'storage',
      'services',
      'components',
      'entrypoints',
      'messaging',
      'wordpress',
      'lib',
    ];
    const items = folders.flatMap((folder) =>
      readdirSync(path.join(process.cwd(), folder), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.tsx?$/.test(name))
        .map((name) => readFileSync(path.join(process.cwd(), folder, name), 'utf8'))
        // Parsed only where the word is: parsing the whole tree is slow on a loaded machine.
        .flatMap((source) => (source.includes('defineItem') ? definedItems(source) : [])),
    );
    // The items really were found (settings, preferences, site posts).
    expect(items.map((item) => item.key)).toEqual(
      expect.arrayContaining(['sync:uiLocale', 'local:wordpress', 'local:sitePosts']),
    );
    expect(
      items.filter(
        (item) => !item.options.includes('version') || !item.options.includes('migrations'),
      ),
    ).toEqual([]);
  });
});

describe('cachedReader', () => {
  // A key of its own per test: the reader's watch outlives fakeBrowser.reset().
  let n = 0;
  const freshItem = () =>
    storage.defineItem<string>(`local:cachedReaderTest${++n}`, { fallback: 'défaut' });

  it('reads storage once, then answers from memory', async () => {
    const item = freshItem();
    await item.setValue('<p>{quote}</p>');
    const read = cachedReader(item);
    expect(await read()).toBe('<p>{quote}</p>');
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');

    expect(await read()).toBe('<p>{quote}</p>');
    expect(get).not.toHaveBeenCalled();
  });

  it('follows a change made after the first read, and a removal back to the fallback', async () => {
    const item = freshItem();
    const read = cachedReader(item);
    expect(await read()).toBe('défaut');

    await item.setValue('<p>{title}</p>');
    await vi.waitFor(async () => expect(await read()).toBe('<p>{title}</p>'));
    await item.removeValue();
    await vi.waitFor(async () => expect(await read()).toBe('défaut'));
  });

  it('asks again after a read that failed', async () => {
    const item = freshItem();
    await item.setValue('<p>{link}</p>');
    const read = cachedReader(item);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage down'));

    await expect(read()).rejects.toThrow('storage down');
    expect(await read()).toBe('<p>{link}</p>');
  });
});

describe('siteMoves', () => {
  const at = '2026-12-07T14:00:00.000Z';
  const move = (from: string, to: string) => ({ from, to, at });

  it('keeps the moves the options proved, locally, and proves a move from them', async () => {
    expect(await provenMove('https://monjournal.fr', 'https://www.monjournal.fr')).toBe(false);
    await noteSiteMove(move('https://monjournal.fr', 'https://www.monjournal.fr'));

    expect(await fakeBrowser.storage.local.get('siteMoves')).toEqual({
      siteMoves: [move('https://monjournal.fr', 'https://www.monjournal.fr')],
    });
    expect(await provenMove('https://monjournal.fr', 'https://www.monjournal.fr')).toBe(true);
    // Not the other way, nor to another address.
    expect(await provenMove('https://www.monjournal.fr', 'https://monjournal.fr')).toBe(false);
    expect(await provenMove('https://monjournal.fr', 'https://autre.fr')).toBe(false);
  });

  it('forgets the moves from an address named again, and those only', async () => {
    await noteSiteMove(move('https://a.fr', 'https://b.fr'));
    await noteSiteMove(move('https://c.fr', 'https://a.fr'));
    await forgetMovesFrom('https://a.fr');
    expect(await siteMoves.getValue()).toEqual([move('https://c.fr', 'https://a.fr')]);
    expect(await provenMove('https://a.fr', 'https://b.fr')).toBe(false);
    await forgetMovesFrom('https://b.fr');
    expect(await siteMoves.getValue()).toEqual([move('https://c.fr', 'https://a.fr')]);
  });

  it('proves a chain of moves, and stops on a loop', () => {
    const moves = [move('https://a.fr', 'https://b.fr'), move('https://b.fr', 'https://c.fr')];
    expect(movedBetween(moves, 'https://a.fr', 'https://c.fr')).toBe(true);
    expect(movedBetween(moves, 'https://c.fr', 'https://a.fr')).toBe(false);
    const loop = [move('https://a.fr', 'https://b.fr'), move('https://b.fr', 'https://a.fr')];
    expect(movedBetween(loop, 'https://a.fr', 'https://c.fr')).toBe(false);
  });

  it('keeps the newest move from an address, forgets one the site came back from, and the oldest past the limit', async () => {
    await noteSiteMove(move('https://a.fr', 'https://b.fr'));
    await noteSiteMove(move('https://a.fr', 'https://c.fr'));
    expect(await siteMoves.getValue()).toEqual([move('https://a.fr', 'https://c.fr')]);
    // Back at a.fr: its move from there is no more.
    await noteSiteMove(move('https://c.fr', 'https://a.fr'));
    expect(await siteMoves.getValue()).toEqual([move('https://c.fr', 'https://a.fr')]);
    expect(await provenMove('https://a.fr', 'https://c.fr')).toBe(false);

    for (let i = 0; i < SITE_MOVES_KEPT + 2; i++) {
      await noteSiteMove(move(`https://s${i}.fr`, `https://s${i + 1}.fr`));
    }
    const kept = await siteMoves.getValue();
    expect(kept).toHaveLength(SITE_MOVES_KEPT);
    expect(kept.at(-1)).toEqual(
      move(`https://s${SITE_MOVES_KEPT + 1}.fr`, `https://s${SITE_MOVES_KEPT + 2}.fr`),
    );
  });
});
