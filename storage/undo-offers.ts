import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { definedOnUse } from './defined-on-use';
import type { UndoToken } from './drafts';

/**
 * The actions offered to be undone (the undo bar, components/Undo.tsx), kept for every view of
 * the extension in `storage.session`: the popup closes at the first click outside it, and an
 * undo offered there must still be there when it is opened again, or in the desk opened next.
 * `storage.session` is kept in memory and cleared when the browser quits (or the extension is
 * reloaded), never written to disk: drafts as they were before an action need not outlive it.
 * Chrome has it for extension pages since version 102 (MV3), Firefox in MV2 and MV3 since 115
 * (Firefox ESR 140's schema: no least manifest version). Where it is missing, each view keeps
 * its own offers, as before, and they end with it (see {@link shared}).
 */

/**
 * How long after an action its undo is offered: enough to click away from the popup and open it
 * again, or to open the desk, and undo there. Not longer, because an undo writes drafts back as
 * they were before the action (see UndoToken: edits made to them since are undone with it), and
 * the longer the wait, the likelier such an edit, made in another view, with the bar forgotten.
 */
export const UNDO_OFFER_MS = 2 * 60_000;

/** How many actions are kept to undo, the latest offered first. */
export const UNDO_KEPT = 10;

/** An action offered to be undone, as every view reads it. */
export interface UndoOffer {
  /** Random: views tell offers apart by it (one draft may be trashed twice). */
  id: string;
  token: UndoToken;
  /** The bar's words, as written by the view that made the offer. */
  label: string;
  /** When it was offered (ms since the epoch): it expires {@link UNDO_OFFER_MS} after. */
  at: number;
}

/** The offers not expired at `now`, oldest first, the last {@link UNDO_KEPT} of them. */
export function liveOffers(offers: readonly UndoOffer[], now = Date.now()): UndoOffer[] {
  // Either way: a clock set back must not keep an offer for longer.
  return offers.filter((offer) => Math.abs(now - offer.at) < UNDO_OFFER_MS).slice(-UNDO_KEPT);
}

/** When the first of `offers` expires (ms since the epoch); `undefined` for none. */
export function nextExpiry(offers: readonly UndoOffer[]): number | undefined {
  return offers.length > 0 ? Math.min(...offers.map((o) => o.at + UNDO_OFFER_MS)) : undefined;
}

const item = definedOnUse(() =>
  storage.defineItem<UndoOffer[]>('session:undoOffers', {
    fallback: [],
    // Version 1: the list as written here. What `storage.session` holds ends with the version
    // of the extension that wrote it (an update reloads the extension, which clears it), so a
    // migration should never have an older shape to read; declared all the same, as every item.
    version: 1,
    migrations: {},
  }),
);

/** Whether this browser shares offers between views (has `storage.session`). */
export const shared = (): boolean => !!browser.storage?.session;

/**
 * One change of the list at a time, across views too: a read then a write of the whole list,
 * under a lock that the popup and the desk share (Web Locks, one origin), so that two views
 * writing at once do not each drop the other's change. Without Web Locks, in this view only.
 */
let queue: Promise<unknown> = Promise.resolve();
function change(edit: (offers: UndoOffer[]) => UndoOffer[]): Promise<void> {
  const write = async () => {
    const now = Date.now();
    await item.setValue(liveOffers(edit(liveOffers(await item.getValue(), now)), now));
  };
  const locks = globalThis.navigator?.locks;
  const next = queue.then(async (): Promise<void> => {
    if (!shared()) return;
    if (locks) await locks.request('indiscrets-undo-offers', write);
    else await write();
  });
  queue = next.catch(() => {});
  return next;
}

/** Keeps an offer for every view (the oldest beyond {@link UNDO_KEPT} are dropped). */
export const addUndoOffer = (offer: UndoOffer): Promise<void> =>
  change((offers) => [...offers.filter((o) => o.id !== offer.id), offer]);

/** Takes an offer away from every view: its action was undone. */
export const removeUndoOffer = (id: string): Promise<void> =>
  change((offers) => offers.filter((o) => o.id !== id));

/** The offers not expired, oldest first; none where offers are not shared. */
export async function readUndoOffers(): Promise<UndoOffer[]> {
  return shared() ? liveOffers(await item.getValue()) : [];
}

/** Calls `listener` with the offers not expired whenever a view changes them; stops on call. */
export function watchUndoOffers(listener: (offers: UndoOffer[]) => void): () => void {
  return shared() ? item.watch((offers) => listener(liveOffers(offers ?? []))) : () => {};
}
