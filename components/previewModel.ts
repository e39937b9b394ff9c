import { shortened } from '../lib/ellipsis';
import type { ExportIssue } from '../export/model';
import { DRAFT_TEXT_LIMITS, ISSUE_TEXT_LIMITS } from '../storage/record-values';

/**
 * The issue as the desk's preview lays it out: its title, its items' labels and their sources'
 * names held to a title's limit (storage/record-values.ts; a label, though its field takes 80
 * characters, is named as the issue list names an item, components/itemName.ts), cut at a word
 * with « … ». A
 * backup or the shared desk may bring a title of 2,000,000 characters, which the preview set as
 * its heading (and typeset, 1.6 s) at each change. The exports and WordPress take the model whole:
 * only the preview names things within bounds, as the lists do. The same model back when nothing
 * is cut, so that the preview's memo still holds.
 */
export function previewModel(model: ExportIssue): ExportIssue {
  let changed = false;
  const held = (text: string, max: number) => {
    if (text.length <= max) return text;
    changed = true;
    return shortened(text, max);
  };
  const bounded: ExportIssue = {
    ...model,
    title: held(model.title, ISSUE_TEXT_LIMITS.title),
    items: model.items.map((item) => ({
      ...item,
      ...(item.label !== undefined ? { label: held(item.label, DRAFT_TEXT_LIMITS.title) } : {}),
      sources: item.sources.map((source) => ({
        ...source,
        ...(source.title !== undefined
          ? { title: held(source.title, DRAFT_TEXT_LIMITS.title) }
          : {}),
        ...(source.siteName !== undefined
          ? { siteName: held(source.siteName, DRAFT_TEXT_LIMITS.siteName) }
          : {}),
      })),
    })),
  };
  return changed ? bounded : model;
}
