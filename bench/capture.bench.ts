/**
 * extractMetadata over the 44-page corpus. The documents are parsed once, outside the measured
 * function: the benchmark measures extraction, not jsdom's parser.
 */

import { bench, describe } from 'vitest';
import { extractMetadata } from '../capture/metadata';
import { loadCorpus } from '../tests/unit/capture/corpus';

const pages = loadCorpus();

describe('capture', () => {
  bench(`extractMetadata over ${pages.length} corpus pages`, () => {
    for (const page of pages) extractMetadata(page.doc);
  });
});
