/**
 * Editors' browsers on the fake desk, for the sync tests that play two of them: each its own
 * database and engine, signed in as one of the newsroom's users.
 */
import Dexie from 'dexie';
import { SyncEngine } from '../../../services/sync';
import type { SyncCore } from '../../../services/sync/core';
import { IndiscretsDB } from '../../../storage/db';
import { addDraft } from '../storage/helpers';
import { FakeDesk, type FakeDeskOptions } from './fake-desk';

/**
 * The parts of an engine (services/sync/core.ts), for a test that reaches one the engine keeps to
 * itself: a notice written or tidied alone, a write made to fail, a read the page writes after.
 */
export function coreOf(engine: SyncEngine): SyncCore {
  return (engine as unknown as { core: SyncCore }).core;
}

/** One browser of the newsroom: its own database and engine, signed in as `username`. */
export class TestDesk {
  readonly db = new IndiscretsDB(`sync-desk-${crypto.randomUUID()}`);
  engine: SyncEngine;
  /** Called before each request this browser makes (to act in the middle of a run). */
  beforeRequest?: (url: string) => void;
  /** Where this browser's clock stands, ahead of the real one (to let minutes pass). */
  ahead = 0;
  constructor(
    private readonly server: FakeDesk,
    private readonly username: string,
  ) {
    this.engine = this.newEngine();
  }
  /**
   * The background started again (a service worker's restart): a new engine on the same
   * database, with nothing of the last one's memory.
   */
  restart() {
    this.engine = this.newEngine();
  }
  private newEngine() {
    return new SyncEngine({
      db: this.db,
      settings: async () => this.server.settings(this.username),
      fetch: (input: string, init?: RequestInit) => {
        this.beforeRequest?.(input);
        return this.server.fetch(input, init);
      },
      isOnline: () => !this.server.offline,
      clock: () => new Date(Date.now() + this.ahead).toISOString(),
      writeDelayMs: 10,
      perPage: 2,
    });
  }
  /** Turns sync on and waits for the first sync to end. */
  async join() {
    await this.engine.enable();
    await this.engine.whenIdle();
    return this.engine.status();
  }
  sync() {
    return this.engine.run();
  }
}

/**
 * A fresh fake desk with two Editors, `redac` (a) and `auteur` (b), each in a browser made by
 * `Desk`: for a test's `beforeEach`, with {@link closeDesks} in its `afterEach`.
 */
export function twoDesks<D extends TestDesk>(
  Desk: new (server: FakeDesk, username: string) => D,
  options: FakeDeskOptions = {},
): { server: FakeDesk; a: D; b: D } {
  const server = new FakeDesk(options);
  server.addUser('redac', 'Rédaction', 'editor');
  server.addUser('auteur', 'Auteur', 'editor');
  return { server, a: new Desk(server, 'redac'), b: new Desk(server, 'auteur') };
}

/** Closes and deletes the browsers' databases: no test sees another's records. */
export async function closeDesks(...desks: TestDesk[]): Promise<void> {
  for (const desk of desks) {
    desk.db.close();
    await Dexie.delete(desk.db.name);
  }
}

/** Drafts X and Y of `a`'s, on both desks. */
export async function twoShared(a: TestDesk, b: TestDesk) {
  await a.join();
  const x = await addDraft(a.db, { title: 'X', body: '<p>Texte X</p>' });
  const y = await addDraft(a.db, { title: 'Y', body: '<p>Texte Y</p>' });
  await a.sync();
  await b.join();
  return { x, y };
}

/**
 * What turning the desk off did in versions before the merge bases were kept: every sync
 * record and the account forgotten.
 */
export async function leaveAsBefore(desk: TestDesk): Promise<void> {
  await desk.engine.disable();
  await desk.db.syncRecords.clear();
  await desk.db.syncState.put({ ...(await desk.engine.state()), siteUrl: '', cursors: {} });
}
