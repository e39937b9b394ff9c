import type { CaptureResult } from '../capture/types';
import type { CaptureLimit } from '../services/limits';
import { db as defaultDb, type Clip, type IndiscretsDB, type Quote } from './db';

/** What a clip did: a new draft, or a quote added to the draft that already had this URL. */
export interface SaveClipOutcome {
  clip: Clip;
  /** True when the URL already had a draft and the new selection joined it. */
  merged: boolean;
  /** True when a merge brought a selection that the draft did not have yet. */
  quoteAdded: boolean;
}

export interface SaveClipInput extends CaptureResult {
  /** Why the page could not be read, for a draft made from the tab alone. */
  captureNote?: CaptureLimit;
}

const now = () => new Date().toISOString();

/**
 * Stores a capture as a draft. The same URL clipped again adds its selection to the existing
 * draft instead of making a second one; metadata the draft lacked is filled in, but nothing
 * the draft already had is overwritten (the editor may have corrected it).
 */
export async function saveClip(
  input: SaveClipInput,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<SaveClipOutcome> {
  const at = clock();
  const quote: Quote | undefined = input.selection?.text
    ? { text: input.selection.text, html: input.selection.html, clippedAt: at }
    : undefined;
  const { metadata } = input;
  return database.transaction('rw', database.clips, async () => {
    const existing = await database.clips.where('url').equals(metadata.url).first();
    if (existing) {
      const quoteAdded = !!quote && !existing.quotes.some((q) => q.text === quote.text);
      const filled: Partial<Clip> = {};
      const provenance = { ...existing.provenance };
      for (const key of [
        'title',
        'siteName',
        'byline',
        'publishedAt',
        'lang',
        'excerpt',
        'imageUrl',
      ] as const) {
        const value = metadata[key];
        // A tab-only fallback title is weaker than anything a real capture found later.
        const weak = existing.provenance[key] === 'tab' && metadata.provenance[key] !== 'tab';
        if (value && (!existing[key] || weak)) {
          filled[key] = value;
          const source = metadata.provenance[key];
          if (source) provenance[key] = source;
        }
      }
      const updated: Clip = {
        ...existing,
        ...filled,
        provenance,
        quotes: quoteAdded && quote ? [...existing.quotes, quote] : existing.quotes,
        captureNote: input.captureNote ? existing.captureNote : undefined,
        updatedAt: at,
      };
      if (!updated.captureNote) delete updated.captureNote;
      await database.clips.put(updated);
      return { clip: updated, merged: true, quoteAdded };
    }
    const clip: Clip = {
      id: crypto.randomUUID(),
      url: metadata.url,
      title: metadata.title,
      ...pick(metadata),
      quotes: quote ? [quote] : [],
      provenance: metadata.provenance,
      ...(input.captureNote ? { captureNote: input.captureNote } : {}),
      createdAt: at,
      updatedAt: at,
    };
    await database.clips.add(clip);
    return { clip, merged: false, quoteAdded: !!quote };
  });
}

function pick(m: CaptureResult['metadata']): Partial<Clip> {
  const out: Partial<Clip> = {};
  for (const key of ['siteName', 'byline', 'publishedAt', 'lang', 'excerpt', 'imageUrl'] as const) {
    if (m[key]) out[key] = m[key];
  }
  return out;
}

/** Drafts, newest first. */
export function listClips(database: IndiscretsDB = defaultDb, limit = 200): Promise<Clip[]> {
  return database.clips.orderBy('createdAt').reverse().limit(limit).toArray();
}

export function getClip(id: string, database: IndiscretsDB = defaultDb) {
  return database.clips.get(id);
}

/** Drafts not yet in an issue: the number on the toolbar badge. */
export function countInbox(database: IndiscretsDB = defaultDb): Promise<number> {
  return database.clips.count();
}
