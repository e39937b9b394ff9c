import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  keepDeskBasesIn,
  type DeskBaseKeeper,
  type KeptDeskBase,
} from '../../../wordpress/desk-client';
import { closeDesks, TestDesk, twoDesks } from './desks';

/**
 * The REST root the desk found for a site blocking `?rest_route=` (wordpress/desk-client.ts) is
 * kept beyond the background's memory (storage.session): the desk leaving forgets it, so that a
 * rejoin, perhaps with another account or at another site, looks again.
 */
describe('sync engine: the REST root kept for a site blocking ?rest_route=', () => {
  let a: TestDesk;
  let b: TestDesk;
  let kept: KeptDeskBase | null;
  const keeper: DeskBaseKeeper = {
    get: () => Promise.resolve(kept),
    set: (value) => {
      kept = value;
      return Promise.resolve();
    },
  };

  beforeEach(() => {
    ({ a, b } = twoDesks(TestDesk));
    kept = null;
    keepDeskBasesIn(keeper);
  });
  afterEach(async () => {
    keepDeskBasesIn(undefined);
    await closeDesks(a, b);
  });

  it('is forgotten when the desk is turned off', async () => {
    await a.join();
    kept = { siteUrl: 'https://redaction.test', username: 'redac', base: 'https://x.test/api/' };
    await a.engine.disable();
    expect(kept).toBeNull();
  });
});
