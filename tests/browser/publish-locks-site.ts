/**
 * A stand-in for the shared desk's WordPress, for the tests of publishing an issue a colleague
 * has open (Chromium and Firefox): an HTTP server on 127.0.0.1 (the test builds may reach it)
 * that answers the desk's poll with the locks a test sets, as the companion plugin lists them,
 * and fails anything else; and the database of a desk synced with it.
 */
import { createServer, type Server } from 'node:http';
import { SHARED_DESK_STATE, storedIssue, syncedDraft } from './database';

/** The open issue of the seeded desk, with two shared items. */
export const ISSUE_ID = 'issue-locks';
/** What the panel asks while Paul Martin has « Bpifrance… » open. */
export const ASKED =
  'Paul Martin modifie « Bpifrance recrute des ingénieurs » en ce moment : ce qui s’y écrit encore ne sera pas dans l’article.';

/** The stand-in for WordPress: the locks it lists, and the requests it was asked, in order. */
export interface Site {
  origin: string;
  locks: object[];
  asked: string[];
  close(): Promise<void>;
}

/**
 * Answers the desk's poll (`/indiscrets/v1/changes`, nothing changed, with `locks` when asked)
 * and anything else with a server error: a publication reaching it fails.
 */
export async function standInSite(): Promise<Site> {
  const site: Partial<Site> = { locks: [], asked: [] };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = url.searchParams.get('rest_route') ?? url.pathname;
    site.asked!.push(`${request.method} ${route}`);
    const json = (status: number, body: unknown) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
      });
      response.end(JSON.stringify(body));
    };
    if (route === '/indiscrets/v1/changes') {
      const empty = { records: [], total: 0, pages: 1 };
      json(200, {
        drafts: empty,
        issues: empty,
        ...(url.searchParams.get('locks') === '1' ? { locks: site.locks } : {}),
      });
    } else {
      json(500, { code: 'internal_server_error', message: 'Down', data: { status: 500 } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  site.origin = `http://127.0.0.1:${address.port}`;
  site.close = () => new Promise((resolve) => server.close(() => resolve()));
  return site as Site;
}

/** A fresh lock of draft `clientId` held by `user`, as the plugin lists it. */
export const lockOf = (clientId: string, user: { id: number; name: string }) => ({
  kind: 'drafts',
  id: 100,
  clientId,
  user,
  since: new Date().toISOString(),
  expires: new Date(Date.now() + 150_000).toISOString(),
});

/** The shared desk on `origin`, an open issue with two shared items. */
export function seeded(origin: string) {
  const items = [
    ['item-bpi', 'Bpifrance recrute des ingénieurs'],
    ['item-ovh', 'OVH en Bourse'],
  ].map(([id, title], i) => ({
    ...syncedDraft({ id: id!, title: title!, second: i + 1, text: `${title} : le texte.` }),
    label: title,
    issueId: ISSUE_ID,
    sortKey: `a${i}`,
  }));
  return {
    syncState: [{ ...SHARED_DESK_STATE, siteUrl: origin }],
    clips: items,
    issues: [
      {
        ...storedIssue(ISSUE_ID),
        desk: { remoteId: 90, createdBy: 'Rédac', canEdit: true, canTrash: true },
      },
    ],
  };
}

/** The publication's requests the site was asked (anything but the desk's own routes). */
export const publications = (site: Site) =>
  site.asked.filter((line) => !line.includes('/indiscrets/'));
