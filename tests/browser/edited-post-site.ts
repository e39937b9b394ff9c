/**
 * A stand-in for the newsroom's WordPress that answers the publish panel's look at a post
 * (« Article modifié dans WordPress… »), and the database of an issue published there as post
 * 812: for the Chromium and Firefox tests of a post edited in WordPress since its publication.
 * An HTTP server on 127.0.0.1, which the test builds may reach.
 */
import { createServer, type Server } from 'node:http';
import { toExportIssue } from '../../export/from-issue';
import { issueDigest } from '../../export/post-digest';
import type { Draft, Issue } from '../../storage/db';
import { localDraft, storedIssue } from './database';

/** The stand-in's post 812, and the issue that recorded it. */
export const EDITED_ISSUE = 'issue-edited-in-wordpress';
export const RECORDED_GMT = '2026-03-15T09:02:00';
/** 5 December 2025, 10:12 in this browser's time zone (this machine's), as WordPress writes it. */
export const EDITED_GMT = new Date(2025, 11, 5, 10, 12).toISOString().slice(0, 19);
export const EDITED_LINE = `Article modifié dans WordPress le 5 décembre 2025 à 10 h 12, après sa dernière publication : le mettre à jour écraserait ces changements. Voir ces changements dans WordPress`;

/** A stand-in for the newsroom's WordPress: its REST index, and post 812 as `answer` says. */
export interface PostSite {
  origin: string;
  answer: { status: number; body: object };
  /** The post's reads, in order. */
  reads: string[];
  close(): Promise<void>;
}

export async function postSite(): Promise<PostSite> {
  const site: Partial<PostSite> = {
    answer: { status: 200, body: {} },
    reads: [],
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/wp-json/') {
      json(200, { name: 'Rédaction', namespaces: ['wp/v2'], authentication: {} });
    } else if (url.pathname === '/wp-json/wp/v2/posts/812' && request.method === 'GET') {
      site.reads!.push(url.search);
      json(site.answer!.status, site.answer!.body);
    } else {
      json(404, { code: 'rest_no_route', message: 'No route', data: { status: 404 } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  site.origin = `http://127.0.0.1:${address.port}`;
  site.close = () => new Promise((resolve) => server.close(() => resolve()));
  return site as PostSite;
}

/** Post 812 as WordPress gives it in the edit context, `_fields` kept small. */
export const post812 = (origin: string, modified_gmt: string) => ({
  id: 812,
  modified_gmt,
  status: 'draft',
  link: `${origin}/?p=812`,
});

/** An issue published to `origin` as post 812, its digest that of the issue as seeded. */
export function seededOn(origin: string) {
  const issue = storedIssue(EDITED_ISSUE, {
    title: 'Les indiscrets du 22 mars',
    status: 'published',
  });
  const items = [
    ['Le ministre part', '<p>Le ministre quitte Bercy.</p>'],
    ['OVH en Bourse', '<p>OVH prépare son entrée en Bourse.</p>'],
  ].map(([title, body], i) =>
    localDraft({
      id: `edited-${i + 1}`,
      title: title!,
      body: body!,
      issueId: EDITED_ISSUE,
      sortKey: `a${i}`,
    }),
  );
  return {
    clips: items,
    issues: [
      {
        ...issue,
        wordpress: {
          postId: 812,
          link: `${origin}/?p=812`,
          modifiedGmt: RECORDED_GMT,
          publishedAt: new Date().toISOString(),
          siteUrl: origin,
          digest: issueDigest(toExportIssue(issue as Issue, items as unknown as Draft[])),
        },
      },
    ],
  };
}
