import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusedLabel, launchExtension, squash, until, type ExtensionSession } from './harness';

/**
 * The options page's WordPress card by the keyboard alone, in Chromium (test build), against a
 * WordPress that never answers: the keyboard is never left on the page's body while the site is
 * asked and once the editor stops asking; an address typed and not saved is not lost unasked. Build first: npm run build:test.
 */
describe('the WordPress settings by the keyboard, the site not answering, in Chromium', () => {
  let session: ExtensionSession;
  let silent: http.Server;
  let address = '';

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    // Takes the request and never answers (a site that hangs).
    silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    address = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    silent?.closeAllConnections();
    silent?.close();
    await session?.close();
  });

  it('« Tester la connexion » by Enter puts the keyboard on « Annuler », and « Annuler » back on « Tester la connexion »', async () => {
    const options = await session.openExtensionPage('options.html');
    const card = options.getByTestId('wordpress-settings');
    await card.waitFor();
    await card.getByLabel('Adresse du site').fill(address);
    await card.getByLabel('Identifiant WordPress').fill('redac');
    await card.getByLabel('Mot de passe d’application').fill('abcd efgh ijkl mnop');
    const status = card.getByTestId('wp-status');

    await card.getByRole('button', { name: 'Tester la connexion' }).focus();
    await options.keyboard.press('Enter');
    await until(
      () => focusedLabel(options),
      (label) => label === 'Annuler',
      'the keyboard on « Annuler »',
    );
    expect(squash(await status.textContent())).toBe('Vérification…');

    await options.keyboard.press('Enter');
    await until(
      () => status.textContent(),
      (text) => squash(text).startsWith('Vérification annulée'),
      'the test cancelled',
    );
    await until(
      () => focusedLabel(options),
      (label) => label === 'Tester la connexion',
      'the keyboard back on « Tester la connexion »',
    );
    await options.close();
  });

  it('an address without https, saved by Enter in its field: refused, said, the field marked invalid and the keyboard left in it', async () => {
    const options = await session.openExtensionPage('options.html');
    const card = options.getByTestId('wordpress-settings');
    await card.waitFor();
    const site = card.getByLabel('Adresse du site');
    await site.fill('http://monjournal.fr');

    await site.press('Enter');

    const status = card.getByTestId('wp-status');
    await until(
      () => status.textContent(),
      (text) => squash(text).startsWith('L’adresse doit commencer par https://'),
      'the refusal',
    );
    expect(await status.getAttribute('role')).toBe('alert');
    expect(await site.getAttribute('aria-invalid')).toBe('true');
    expect(await site.evaluate((input) => input === document.activeElement)).toBe(true);
    // Described by the refusal: what a screen reader says coming back to the field.
    expect(
      await site.evaluate(
        (input) => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent,
      ),
    ).toMatch(/^L’adresse doit commencer par https:\/\//);
    await site.fill('https://monjournal.fr');
    expect(await site.getAttribute('aria-invalid')).toBeNull();
    await options.close();
  });

  it('asks before the page is left with an address typed and not saved, and not once it is', async () => {
    const options = await session.openExtensionPage('options.html');
    const card = options.getByTestId('wordpress-settings');
    await card.waitFor();
    const site = card.getByLabel('Adresse du site');
    const asked: string[] = [];
    options.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });

    // Chromium asks only a page that had a real gesture: the typing is one.
    await site.fill(`${address}/redaction`);
    await card.getByTestId('unsaved').waitFor();
    await options.close({ runBeforeUnload: true });
    await until(
      () => Promise.resolve(asked),
      (types) => types.includes('beforeunload'),
      'the browser to ask before the page goes',
    );
    // Dismissed: the page stays, the address with it; saved, it goes without a question.
    expect(options.isClosed()).toBe(false);
    expect(await site.inputValue()).toBe(`${address}/redaction`);
    await card.getByRole('button', { name: 'Enregistrer' }).click();
    await card.getByText('Enregistré.').waitFor();
    asked.length = 0;
    await options.close({ runBeforeUnload: true });
    await until(() => Promise.resolve(options.isClosed()), Boolean, 'the page to close');
    expect(asked).toEqual([]);
  });

  it('the test over while the editor scrolled down the page: the keyboard back on « Tester la connexion », the page not scrolled back up to it', async () => {
    // Answers after a while, as a slow site does (a refusal: the test over).
    const slow = http.createServer((_request, response) => {
      setTimeout(() => response.writeHead(404).end('Not found'), 2_000);
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const slowAddress = `http://127.0.0.1:${(slow.address() as { port: number }).port}`;
    const options = await session.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 400 });
    const card = options.getByTestId('wordpress-settings');
    await card.waitFor();
    await options.getByTestId('backup-settings').waitFor();
    await card.getByLabel('Adresse du site').fill(slowAddress);
    await card.getByLabel('Identifiant WordPress').fill('redac');
    await card.getByLabel('Mot de passe d’application').fill('abcd efgh ijkl mnop');
    const test = card.getByRole('button', { name: 'Tester la connexion' });
    const status = card.getByTestId('wp-status');

    await test.click();
    await until(
      () => focusedLabel(options),
      (label) => label === 'Annuler',
      'the keyboard on « Annuler »',
    );
    // The editor reads on, down the page, with the wheel.
    await options.evaluate(() => scrollTo(0, document.body.scrollHeight));
    const scrolled = await options.evaluate(() => scrollY);
    expect(await test.evaluate((button) => button.getBoundingClientRect().bottom)).toBeLessThan(0);

    await until(
      () => status.textContent(),
      (text) => !squash(text).startsWith('Vérification'),
      'the test over',
    );
    await until(
      () => focusedLabel(options),
      (label) => label === 'Tester la connexion',
      'the keyboard back on « Tester la connexion »',
    );
    // Where the editor read (the page grown by the answer above, kept in place by Chromium).
    expect(await test.evaluate((button) => button.getBoundingClientRect().bottom)).toBeLessThan(0);
    expect(await options.evaluate(() => scrollY)).toBeGreaterThanOrEqual(scrolled);
    await options.close();
    slow.closeAllConnections();
    slow.close();
  });
});
