/**
 * Publishing from the built extension (test build) in real Chromium to the suite's WordPress
 * behind a server adding a slash to every path (the router's /avec-barre: a 308, whatever the
 * method): the write is sent with `redirect: 'manual'`, the browser hides where its redirect leads
 * (`opaqueredirect`), a GET of the same address tells it, and the post is made once, at the
 * address with the slash. Build first: INDISCRETS_TEST_BUILD=1 npx wxt build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDraft, storedIssue } from '../browser/database';
import {
  configureWordPress,
  launchSeeded,
  openDesk,
  type ExtensionSession,
} from '../browser/harness';
import { php, site } from './helpers';

const ISSUE = 'issue-barre';

describe('publishing through a server adding a slash to every path, in Chromium', () => {
  let session: ExtensionSession;
  const title = `Les indiscrets à la barre ${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    session = await launchSeeded(() => ({
      clips: [
        localDraft({
          id: `${ISSUE}-1`,
          title: 'Le ministre part',
          body: '<p>Le ministre quitte Bercy.</p>',
          issueId: ISSUE,
          sortKey: 'a0',
        }),
      ],
      issues: [storedIssue(ISSUE, { title })],
    }));
    await configureWordPress(session, {
      siteUrl: `${site().url}/avec-barre`,
      username: site().adminUser,
      password: site().appPassword,
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('makes the post once', async () => {
    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    await desk.getByRole('button', { name: 'Publier sur WordPress (brouillon)' }).click();
    await desk
      .getByTestId('publish-message')
      .filter({ hasText: 'Article créé dans WordPress.' })
      .waitFor();
    const count = await php(
      `global $wpdb; echo 'n=' . $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM $wpdb->posts WHERE post_type = 'post' AND post_status <> 'trash' AND post_title = %s", '${title}'));`,
    );
    expect(count.slice(count.indexOf('n='))).toBe('n=1');
    await desk.close();
  });
});
