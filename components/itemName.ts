import { labelAsExported, type HouseStyle, type NamedSource } from '../export/house-style';
import { shortened } from '../lib/ellipsis';
import { draftName } from './draftName';
import type { Draft } from '../storage/db';
import { itemLabel } from '../storage/label';
import { DRAFT_TEXT_LIMITS } from '../storage/record-values';

/**
 * How the views name an item of an issue, pure (the hook that reads this browser's house style
 * is useItemLabel.ts), for the views and for the tests that read the names they show.
 */

/**
 * What of the house style names an item: its typography, and its opener (one typed at the
 * text's start is not part of the name; without it, kept).
 */
export type LabelStyle = Pick<HouseStyle, 'frenchTypography'> &
  Partial<Pick<HouseStyle, 'itemOpener'>>;

/**
 * What an item is named from: its label, else its text, else its draft's title; and, when
 * given, its sources and its page's address and language (an English page's title is left as
 * written in the name, as in the text).
 */
export type Labelled = Pick<Draft, 'title' | 'body'> & { label?: string } & Partial<
    Pick<Draft, 'url' | 'lang' | 'sources'>
  >;

/**
 * How the issue list, its buttons, its messages and the label's placeholder name an item: its
 * label ({@link itemLabel}) as the exports write it ({@link labelAsExported}), so that
 * `Selon "Le Monde", l'affaire est close` typed reads « Selon « Le Monde », l’affaire est
 * close » in the list as in every export. Held to a title's limit first: an item without text
 * is named by its draft's title (1.6 s to typeset 2,000,000 characters, at each drawing of the
 * list).
 */
export function shownLabel(item: Labelled, style: LabelStyle): string {
  // The clipped page's own source has its language, as the exports read it (from-issue.ts).
  const page = item.url?.trim();
  const sources = (item.sources ?? []).map((source) => ({
    ...source,
    ...(item.lang && page && source.url.trim() === page ? { lang: item.lang } : {}),
  }));
  return labelShown(itemLabel(item), style, sources, item.body);
}

/**
 * {@link shownLabel} of an item whose name was already picked ({@link itemLabel}): the export
 * model's `label` (export/from-issue.ts), which the publish panel's question quotes.
 */
export function labelShown(
  label: string,
  style: LabelStyle,
  sources: readonly NamedSource[] = [],
  bodyHtml = '',
): string {
  return draftName(
    labelAsExported(shortened(label, DRAFT_TEXT_LIMITS.title), style, sources, bodyHtml),
  );
}
