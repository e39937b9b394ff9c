import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deskBaseKeeper } from '../../../storage/desk-base';

describe('deskBaseKeeper (the shared desk’s REST root in storage.session)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one root in storage.session, and forgets it', async () => {
    const kept = { siteUrl: 'https://a.test', username: 'redac', base: 'https://a.test/wp-json/' };
    await deskBaseKeeper.set(kept);
    expect(await fakeBrowser.storage.session.get('deskBase')).toEqual({ deskBase: kept });
    expect(await deskBaseKeeper.get()).toEqual(kept);
    await deskBaseKeeper.set(null);
    expect(await deskBaseKeeper.get()).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
