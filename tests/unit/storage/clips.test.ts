import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureResult } from '../../../capture/types';
import { countInbox, listClips, saveClip } from '../../../storage/clips';
import { IndiscretsDB } from '../../../storage/db';

let database: IndiscretsDB;
let tick = 0;
/** A clock that moves one second per call, so that "newest first" is well defined. */
const clock = () => new Date(Date.UTC(2021, 2, 15, 8, 0, tick++)).toISOString();

const capture = (url: string, text?: string, extra: Partial<CaptureResult['metadata']> = {}) =>
  ({
    metadata: {
      url,
      title: `Title of ${url}`,
      siteName: 'Bloomberg',
      provenance: { title: 'og:title', siteName: 'og:site_name' },
      ...extra,
    },
    ...(text ? { selection: { text, html: `<p>${text}</p>` } } : {}),
  }) satisfies CaptureResult;

beforeEach(() => {
  database = new IndiscretsDB(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

describe('saveClip', () => {
  it('creates a draft with every contract field and the quote', async () => {
    const outcome = await saveClip(capture('https://a.test/1', 'Un passage'), database, clock);

    expect(outcome.merged).toBe(false);
    const stored = await database.clips.get(outcome.clip.id);
    expect(stored).toMatchObject({
      url: 'https://a.test/1',
      title: 'Title of https://a.test/1',
      siteName: 'Bloomberg',
      quotes: [{ text: 'Un passage', html: '<p>Un passage</p>', clippedAt: stored!.createdAt }],
      provenance: { title: 'og:title', siteName: 'og:site_name' },
    });
    expect(stored!.createdAt).toBe(stored!.updatedAt);
  });

  it('adds a second selection of the same URL to the existing draft', async () => {
    const first = await saveClip(capture('https://a.test/1', 'Premier'), database, clock);

    const second = await saveClip(capture('https://a.test/1', 'Second'), database, clock);

    expect(second).toMatchObject({ merged: true, quoteAdded: true });
    expect(second.clip.id).toBe(first.clip.id);
    expect(await database.clips.count()).toBe(1);
    expect(second.clip.quotes.map((q) => q.text)).toEqual(['Premier', 'Second']);
    expect(second.clip.updatedAt > second.clip.createdAt).toBe(true);
  });

  it('does not duplicate a quote clipped twice', async () => {
    await saveClip(capture('https://a.test/1', 'Même'), database, clock);

    const again = await saveClip(capture('https://a.test/1', 'Même'), database, clock);

    expect(again).toMatchObject({ merged: true, quoteAdded: false });
    expect(again.clip.quotes).toHaveLength(1);
  });

  it('fills metadata the draft lacked without overwriting what it had', async () => {
    await saveClip(
      capture('https://a.test/1', undefined, { title: 'Tab title', provenance: { title: 'tab' } }),
      database,
      clock,
    );
    const outcome = await saveClip(
      capture('https://a.test/1', undefined, {
        title: 'Declared title',
        siteName: 'Other',
        byline: 'Jane Doe',
        provenance: { title: 'og:title', byline: 'json-ld' },
      }),
      database,
      clock,
    );

    expect(outcome.clip).toMatchObject({
      title: 'Declared title',
      siteName: 'Bloomberg',
      byline: 'Jane Doe',
    });
    expect(outcome.clip.provenance).toMatchObject({ title: 'og:title', byline: 'json-ld' });
  });

  it('records why a page could not be read', async () => {
    const outcome = await saveClip(
      { ...capture('chrome://version/'), captureNote: 'browser-page' },
      database,
      clock,
    );

    expect(outcome.clip.captureNote).toBe('browser-page');
  });
});

describe('listClips', () => {
  it('lists drafts newest first', async () => {
    await saveClip(capture('https://a.test/old'), database, clock);
    await saveClip(capture('https://a.test/new'), database, clock);

    const clips = await listClips(database);

    expect(clips.map((c) => c.url)).toEqual(['https://a.test/new', 'https://a.test/old']);
    expect(await countInbox(database)).toBe(2);
  });
});
