/**
 * The floor of the clip benchmark, registered by the background of test builds only: what any
 * clip costs at the least, i.e. one message to the background, one injected script that does
 * nothing (bench-empty.js) and one record written. `npm run bench` measures a real clip against
 * it in the same run (bench/run.mjs). Asked with `script: 'capture'`, it injects the real capture
 * script instead of the empty one and drops what it returns: the same floor with the page's part
 * of a clip in it, which tells how much of the clip's time that part takes; with `script: 'least'`,
 * a script that reads only the page's address and title (bench-least.js): what reading a page at
 * all costs. It is not part of the typed protocol (messaging/protocol.ts) on purpose: the shipped
 * build has no handler for it, and `import.meta.env.INDISCRETS_TEST_BUILD` is false there, so
 * this module is not even bundled.
 */
import { browser } from 'wxt/browser';
import { db, type Draft } from '../storage/db';

/** The message an extension page sends: `{ indiscretsBench: 'floor', tabId }`. */
export interface FloorRequest {
  indiscretsBench: 'floor';
  tabId: number;
  /**
   * The script injected: the empty one (the floor), the real capture script, or one that reads
   * only the page's address and title.
   */
  script?: 'empty' | 'capture' | 'least';
}

const SCRIPT_FILES = {
  empty: '/bench-empty.js',
  capture: '/capture.js',
  least: '/bench-least.js',
} as const;

const isFloorRequest = (message: unknown): message is FloorRequest =>
  typeof message === 'object' &&
  message !== null &&
  (message as FloorRequest).indiscretsBench === 'floor' &&
  typeof (message as FloorRequest).tabId === 'number' &&
  [undefined, ...Object.keys(SCRIPT_FILES)].includes((message as FloorRequest).script);

/** One small draft, always the same id (a put replaces it), in the trash so no list shows it. */
function floorRecord(): Omit<Draft, 'words' | 'wordPairs' | 'sourceUrls'> {
  const now = new Date().toISOString();
  const url = 'https://bench.invalid/floor';
  return {
    id: 'bench-floor',
    url,
    title: 'Floor',
    quotes: [],
    provenance: {},
    createdAt: now,
    updatedAt: now,
    body: '',
    sources: [{ url, title: 'Floor' }],
    note: '',
    tags: [],
    status: 'draft',
    issueId: '',
    sortKey: '',
    deletedAt: now,
  };
}

async function floor({ tabId, script = 'empty' }: FloorRequest): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [SCRIPT_FILES[script]] });
  // `words`, `wordPairs` and `sourceUrls` are filled by the creating hook, as for a real draft.
  await db.clips.put(floorRecord() as Draft);
}

/** Answers floor requests with `{ ok: true }` once the record is committed. */
export function registerBenchFloor(): void {
  browser.runtime.onMessage.addListener(((
    message: unknown,
    _sender: unknown,
    sendResponse: (reply: { ok: boolean; error?: string }) => void,
  ) => {
    if (!isFloorRequest(message)) return undefined;
    floor(message).then(
      () => sendResponse({ ok: true }),
      (error: unknown) => sendResponse({ ok: false, error: String(error) }),
    );
    return true;
  }) as never);
}
