/**
 * The popup's first paint (components/inboxSnapshot.ts): a snapshot written by a version whose
 * rows had another shape is not read, never shown half-read.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readInboxSnapshot, writeInboxSnapshot } from '../../../components/inboxSnapshot';
import type { InboxRow } from '../../../components/inboxRow';

/** A row of a PDF's draft clipped from the context menu with words, as the popup shows it. */
const pdfRow = {
  id: 'pdf',
  url: 'https://www.senat.fr/rap/r23-123.pdf',
  title: 'r23-123.pdf',
  captureNote: 'pdf',
  text: '',
  wordCount: 0,
  quote: 'Le rapport recommande la suppression.',
  quoteCount: 1,
  tags: [],
  provenance: { url: 'tab', title: 'tab' },
};

beforeEach(() => localStorage.clear());

describe('readInboxSnapshot', () => {
  it('ignores rows written before they said whether the menu’s words were kept', () => {
    // e198fc2: a row says `menuWords` where its note read any quote as the menu's words; a row
    // of the version before has none, and would paint « seuls l’adresse et le titre ont été
    // gardés » over a PDF whose selected words were kept, until the database answered.
    localStorage.setItem('indiscrets:inbox-snapshot:3', JSON.stringify([pdfRow]));
    expect(readInboxSnapshot()).toBeUndefined();
    // This version's rows are read back.
    const row = { ...pdfRow, menuWords: true } as unknown as InboxRow;
    writeInboxSnapshot([row]);
    expect(readInboxSnapshot()).toEqual([row]);
    expect(localStorage.getItem('indiscrets:inbox-snapshot:3')).toBeNull();
  });
});
