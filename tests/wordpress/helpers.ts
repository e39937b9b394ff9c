import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, inject } from 'vitest';
import { wpEval } from '../../scripts/wordpress/server.mjs';
import type { WpSettings } from '../../wordpress/client';

export function site() {
  return inject('wordpress');
}

/**
 * The suite's site as a host that drops the Authorization header before PHP (Apache running PHP
 * as CGI/FastCGI without WordPress's HTTP_AUTHORIZATION rule, some proxies): the test router
 * (scripts/wordpress/php/router.php) takes the credentials off every request under this prefix.
 */
export function dropping(): string {
  return `${site().url}/sans-authorization`;
}

export function adminSettings(overrides: Partial<WpSettings> = {}): WpSettings {
  const wp = site();
  return { siteUrl: wp.url, username: wp.adminUser, appPassword: wp.appPassword, ...overrides };
}

export function subscriberSettings(overrides: Partial<WpSettings> = {}): WpSettings {
  const wp = site();
  return {
    siteUrl: wp.url,
    username: wp.subscriberUser,
    appPassword: wp.subscriberAppPassword,
    ...overrides,
  };
}

/**
 * Calls the real REST API as `who` (one of the newsroom, with their application password),
 * bypassing the client under test.
 */
export async function restAs(
  who: { user: string; appPassword: string },
  method: string,
  route: string,
  body?: unknown,
) {
  const auth = Buffer.from(`${who.user}:${who.appPassword}`).toString('base64');
  // ?rest_route= works whatever the permalink settings.
  const [path = '', query] = route.split('?');
  const url = `${site().url}/?rest_route=${path}${query ? `&${query}` : ''}`;
  const response = await fetch(url, {
    method,
    headers: {
      Authorization: `Basic ${auth}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Calls the real REST API as the administrator, bypassing the client under test. */
export function rest(
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const wp = site();
  return restAs({ user: wp.adminUser, appPassword: wp.appPassword }, method, route, body);
}

/** Runs PHP inside the site (like `wp eval`). */
export function php(code: string): Promise<string> {
  return wpEval(site().wpDir, code);
}

export type TestServer = { url: string; close: () => Promise<void> };

/** A plain node server on 127.0.0.1 (a non-WordPress site, a silent one, an echoing one…). */
export async function serve(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port where nothing listens. */
export async function closedPortUrl(): Promise<string> {
  const server = await serve(() => {});
  const { url } = server;
  await server.close();
  return url;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A post as WordPress returns it with `context=edit`: the fields the tests read. */
export type Post = {
  id: number;
  status: string;
  categories: number[];
  modified_gmt: string;
  title: { raw: string };
  content: { raw: string };
};

/** Reads a post back from WordPress with `context=edit` (raw title and content). */
export async function readPost(id: number): Promise<Post> {
  const { status, json } = await rest('GET', `/wp/v2/posts/${id}?context=edit`);
  expect(status).toBe(200);
  return json as Post;
}

/** The id of the category with exactly this name, if WordPress has one. */
export async function categoryIdByName(name: string): Promise<number | undefined> {
  const { json } = await rest(
    'GET',
    `/wp/v2/categories?per_page=100&search=${encodeURIComponent(name)}`,
  );
  return (json as { id: number; name: string }[]).find((c) => c.name === name)?.id;
}
