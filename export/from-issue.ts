import type { ExportIssue } from './model';
import type { Draft, Issue } from '../storage/db';
import { itemLabel } from '../storage/label';

/**
 * The export model of an issue: its items in order, their text and their sources. The clipped
 * page's own source carries the language the clip recorded; other sources' is not known.
 */
export function toExportIssue(issue: Issue, items: Draft[]): ExportIssue {
  return {
    title: issue.title,
    date: issue.date,
    ...(issue.intro.trim() ? { intro: issue.intro } : {}),
    items: items.map((item) => ({
      id: item.id,
      label: itemLabel(item),
      bodyHtml: item.body,
      sources: item.sources
        .filter((source) => source.url.trim())
        .map((source) => ({
          url: source.url.trim(),
          ...(source.title ? { title: source.title } : {}),
          ...(source.siteName ? { siteName: source.siteName } : {}),
          ...(item.lang && source.url.trim() === item.url.trim() ? { lang: item.lang } : {}),
        })),
    })),
  };
}
