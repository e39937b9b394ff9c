import { vi } from 'vitest';
import type { WpSettings } from '../../../wordpress/client';
import type { FetchLike } from '../../../wordpress/transport';

/** The application password of every fake site (a test checks it is never said back). */
export const PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';

/**
 * A new site's settings for each test (`https://<name>N.monsite.fr`): the client remembers REST
 * roots per site for the whole module, and one test's root must not be another's.
 */
let sites = 0;
export function freshSettings(name: string): WpSettings {
  sites += 1;
  return {
    siteUrl: `https://${name}${sites}.monsite.fr`,
    username: 'redac',
    appPassword: PASSWORD,
  };
}

/** A JSON answer, as WordPress sends it. */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const INDEX = { name: 'Petit Web', namespaces: ['wp/v2'], authentication: {} };

/**
 * A WordPress seen through `fetch`: the REST index at /wp-json/ (or only at ?rest_route=/ with
 * `plain`), and `answer` for the routes `route` matches; any other route is WordPress's 404.
 * Records every request.
 */
export function fakeSite(
  route: RegExp,
  answer: (url: URL) => Response | Promise<Response>,
  plain = false,
) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const fetch = vi.fn<FetchLike>(async (input, init) => {
    const url = new URL(input);
    calls.push({ url, init });
    const asked = plain
      ? url.searchParams.get('rest_route')
      : url.pathname.replace(/^\/wp-json/, '');
    if (plain ? url.pathname !== '/' : !url.pathname.startsWith('/wp-json/')) {
      return new Response('<html></html>', { status: 404 });
    }
    if (asked === '/') return json(INDEX);
    if (asked && route.test(asked)) return answer(url);
    return json({ code: 'rest_no_route' }, 404);
  });
  return { fetch, calls };
}
