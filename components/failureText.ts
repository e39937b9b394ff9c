import type { CodedFailure } from '../messaging/errors';
import { toFailure } from '../messaging/errors';
import { t } from '../locales/core';

/**
 * Failures in words: the background and the WordPress client answer with codes, turned here into
 * a sentence in the editor's language. An error's own technical text is never put into a
 * sentence: {@link wordFailure} hands it back apart, for a secondary line. (The WordPress and
 * publication codes' sentences are in publishFailureText.ts: the popup paints without them.)
 */

/** What the editor reads of a failure: a sentence, and apart the technical detail if any. */
export interface WordedFailure {
  text: string;
  /** The error's own text (often English, from the browser or our code), for a details line. */
  detail?: string;
}

/**
 * `text`, the sentence already in words (`t('clip.failed')`: « La coupe a échoué. »), followed by
 * the reason when the failure's code has one (« L’onglet a été fermé entre-temps. »); an unknown
 * failure keeps its technical text apart.
 */
export function wordFailure(text: string, error: unknown): WordedFailure {
  const failure: CodedFailure = toFailure(error);
  if (failure.code === 'unexpected') {
    return failure.detail ? { text, detail: failure.detail } : { text };
  }
  const reason = t(`error.${failure.code}`, failure.params ?? {});
  return failure.detail && failure.code === 'no_answer'
    ? { text: `${text} ${reason}`, detail: failure.detail }
    : { text: `${text} ${reason}` };
}
