/**
 * Published issues as a publication leaves them, for the tests of the sentence that says a post
 * is out of date (Chromium and Firefox): each with two items, its post's digest computed here
 * as the publisher computes it (the default house style), or none as an earlier version left it.
 */
import { toExportIssue } from '../../export/from-issue';
import { DEFAULT_HOUSE_STYLE } from '../../export/house-style';
import { postDigest } from '../../export/post-digest';
import { renderWordPressBlocks } from '../../export/wordpress-blocks';
import type { Draft, Issue } from '../../storage/db';
import { localDraft, storedIssue } from './database';

/** A published issue whose post's digest is that of the issue as seeded. */
export const SENT = 'issue-sent';
/** A published issue recorded by an earlier version: no digest. */
export const OLDER = 'issue-older';
/** What the publish panel says once the issue differs from its post. */
export const STALE = 'Modifié depuis : l’article WordPress n’est plus à jour.';
const AT = new Date(new Date().getFullYear(), 2, 15, 10, 2).toISOString();

/** Two items of `issueId`, as stored. */
function items(issueId: string, prefix: string) {
  return [
    ['Le ministre part', '<p>Le ministre quitte Bercy.</p>'],
    ['OVH en Bourse', '<p>OVH prépare son entrée en Bourse.</p>'],
  ].map(([title, body], i) =>
    localDraft({
      id: `${prefix}-${i + 1}`,
      title: title!,
      body: body!,
      sources: [{ url: `https://news.test/${prefix}-${i + 1}`, title: title! }],
      sourceUrls: [`https://news.test/${prefix}-${i + 1}`],
      issueId,
      sortKey: `a${i}`,
      createdAt: AT,
    }),
  );
}

/** Issue `id` as a publication leaves it, its post's digest that of its items as they are. */
function published(id: string, title: string, clips: ReturnType<typeof items>, digest: boolean) {
  const issue = { ...storedIssue(id, { title, status: 'published', at: AT }) };
  const sent = renderWordPressBlocks(
    toExportIssue(issue as Issue, clips as unknown as Draft[]),
    DEFAULT_HOUSE_STYLE,
  );
  return {
    ...issue,
    wordpress: {
      postId: 812,
      link: 'https://redaction.test/?p=812',
      modifiedGmt: AT.slice(0, 19),
      publishedAt: AT,
      siteUrl: 'https://redaction.test',
      ...(digest ? { digest: postDigest(sent) } : {}),
    },
  };
}

/** The two issues and their items, for `writeDatabase`. */
export function seeded() {
  const sentItems = items(SENT, 'sent');
  const olderItems = items(OLDER, 'older');
  return {
    clips: [...sentItems, ...olderItems],
    issues: [
      published(SENT, 'Les indiscrets du 15 mars', sentItems, true),
      published(OLDER, 'Les indiscrets du 8 mars', olderItems, false),
    ],
  };
}
