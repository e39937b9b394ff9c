import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabase } from './database';
import {
  configureWordPress,
  type ExtensionSession,
  launchSeeded,
  openDesk,
  openPopup,
  screenshotPath,
  squash,
  until,
} from './harness';
import { OLDER, SENT, STALE, seeded } from './published-issues';

type Tables = { clips: { id: string }[]; issues: { id: string; intro: string }[] };

/**
 * A published issue says when its WordPress post is out of date, in real Chromium: nothing
 * while the issue is what its last publication sent (the digest recorded with its post), « Modifié
 * depuis… » beside the published line once an edit changes what would be sent (as typed, in the
 * desk, and in the popup once stored), nothing again when the edit is undone. A post recorded by
 * an earlier version (no digest) says nothing. No WordPress needed: the issue and its post are
 * written into IndexedDB as a publication leaves them.
 */

/** The sentence beside the published line, spaces folded ('' when none). */
const stale = async (page: Page) => squash(await page.getByTestId('post-stale').textContent());

describe('a published issue whose post is out of date, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
    // WordPress configured (never reached here): the panel shows its update button.
    await configureWordPress(session, { siteUrl: 'https://redaction.test', username: 'redac' });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('the desk says nothing while the issue is what was sent, then « Modifié depuis… » as the intro is typed, and nothing once undone', async () => {
    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(SENT);
    await desk.getByTestId('published-by').waitFor();
    // The preview drawn: the panel has compared what it would send.
    await desk.getByTestId('preview').getByText('Le ministre quitte Bercy.').waitFor();
    expect(await stale(desk)).toBe('');
    expect(await desk.getByTestId('post-stale').isVisible()).toBe(false);
    const update = desk.getByRole('button', { name: 'Mettre à jour l’article WordPress' });
    expect(await update.getAttribute('aria-describedby')).toBeNull();

    await desk.getByText('Titre, date, chapô et longueur visée').click();
    const intro = desk.getByLabel('Chapô (facultatif)');
    await intro.fill('Cette semaine, Bercy.');
    await until(
      () => stale(desk),
      (said) => said === STALE,
      'the post said out of date',
    );
    const line = desk.getByTestId('post-stale');
    expect(await line.getAttribute('role')).toBe('status');
    expect(await line.isVisible()).toBe(true);
    // The update button is described by it: the next step, said where it is.
    expect(await update.getAttribute('aria-describedby')).toBe(await line.getAttribute('id'));
    await desk.screenshot({ path: screenshotPath('desk-post-stale.png') });

    await intro.fill('');
    await until(
      () => stale(desk),
      (said) => said === '',
      'nothing said',
    );
    await intro.fill('Cette semaine, Bercy.');
    await until(
      () => stale(desk),
      (said) => said === STALE,
      'the post said out of date',
    );
    // Stored, for the popup to read.
    await until(
      () => readDatabase<Tables>(desk),
      ({ issues }) => issues.find((issue) => issue.id === SENT)?.intro === 'Cette semaine, Bercy.',
      'the intro stored',
    );
    await desk.close();
  });

  it('the popup’s « Numéro » tab says it too, from the issue as stored', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByLabel('Numéro en cours').selectOption(SENT);
    await popup.getByTestId('published-by').waitFor();
    await until(
      () => stale(popup),
      (said) => said === STALE,
      'the post said out of date',
    );
    await popup.getByTestId('publish').evaluate((panel) => panel.scrollIntoView({ block: 'end' }));
    await popup.screenshot({ path: screenshotPath('popup-post-stale.png') });
    await popup.close();
  });

  it('says nothing of a post published by an earlier version, which recorded no digest', async () => {
    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(OLDER);
    await desk.getByTestId('published-by').waitFor();
    await desk.getByText('Titre, date, chapô et longueur visée').click();
    await desk.getByLabel('Chapô (facultatif)').fill('Cette semaine, le cloud.');
    await desk.getByTestId('preview').getByText('Cette semaine, le cloud.').waitFor();
    expect(await stale(desk)).toBe('');
    await desk.close();
  });
});
