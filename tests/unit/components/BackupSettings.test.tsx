import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupSettings } from '../../../components/BackupSettings';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  createBackup,
  serializeBackup,
} from '../../../storage/backup-format';
import { db } from '../../../storage/db';
import { SYNC_OFF, type SyncRecord, type SyncState } from '../../../storage/sync-state';
import { addDraft } from '../storage/helpers';
import { wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import { currentIssueId, settingsFocus, siteLeaves } from '../../../storage/settings';
import { useLeaveGuard } from '../../../components/useLeaveGuard';

afterEach(async () => {
  vi.restoreAllMocks();
  cleanup();
  await Promise.all([db.syncState.clear(), db.syncRecords.clear(), db.clips.clear()]);
});

/**
 * Writes the sync state as another page would, unseen by this page's live queries: the panel
 * still shows what it read before (the moment between the desk turned on elsewhere and this
 * page catching up), while the restore reads the database as it is.
 */
async function behindThePanel(state: SyncState, record?: SyncRecord) {
  const idb = db.backendDB();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(['syncState', 'syncRecords'], 'readwrite');
    tx.objectStore('syncState').put(state);
    if (record) tx.objectStore('syncRecords').put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function chooseBackup(settings: object = {}) {
  const json = JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-03-15T10:00:00.000Z',
    schemaVersion: db.verno,
    clips: [],
    issues: [],
    settings,
  });
  // jsdom's File has no text(): what the page reads of the chosen file.
  const file = { name: 'indiscrets.json', text: async () => json };
  fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [file] } });
  await screen.findByTestId('backup-summary');
}

describe('« Remplacer tout » refused at the click', () => {
  it('says why when the shared desk was turned on since the confirmation, and puts the keyboard on « Fusionner »', async () => {
    await db.open();
    render(<BackupSettings />);
    await chooseBackup();
    fireEvent.click(screen.getByRole('button', { name: 'Remplacer tout…' }));
    const yes = await screen.findByRole('button', { name: 'Oui, tout remplacer' });

    await behindThePanel({ ...SYNC_OFF, enabled: true });
    fireEvent.click(yes);

    const status = screen.getByTestId('backup-status');
    await waitFor(() =>
      expect(status.textContent).toBe(
        'Sur la rédaction partagée, tout remplacer mettrait à la corbeille ou réécrirait des ' +
          'brouillons de toute l’équipe\u00a0: utilisez «\u00a0Fusionner\u00a0», qui garde la ' +
          'version la plus récente de chacun. Rien n’a été modifié.',
      ),
    );
    // No technical detail: the sentence says it all.
    expect(screen.queryByTestId('failure-detail')).toBeNull();
    expect(status.getAttribute('role')).toBe('alert');
    expect(screen.queryByTestId('backup-confirm')).toBeNull();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Fusionner'));
  });

  it('says it when this browser left the desk since the confirmation, and goes back to « Remplacer tout… », whose confirmation now says so', async () => {
    await db.open();
    render(<BackupSettings />);
    await chooseBackup();
    fireEvent.click(screen.getByRole('button', { name: 'Remplacer tout…' }));
    const yes = await screen.findByRole('button', { name: 'Oui, tout remplacer' });

    await behindThePanel(
      { ...SYNC_OFF, siteUrl: 'https://redaction.test', username: 'redac' },
      {
        key: 'draft:d1',
        kind: 'draft',
        recordId: 'd1',
        remoteId: 7,
        version: 2,
        modifiedGmt: '2027-03-10T08:00:00',
        base: {},
      },
    );
    // The click before the panel shows what the confirmation now means.
    fireEvent.click(yes);

    const status = screen.getByTestId('backup-status');
    await waitFor(() =>
      expect(status.textContent).toBe(
        'Entre-temps, ce navigateur a quitté la rédaction partagée\u00a0: relisez ce que ' +
          '«\u00a0Remplacer tout…\u00a0» fera maintenant. Rien n’a été modifié.',
      ),
    );
    expect(await db.syncRecords.count()).toBe(1);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Remplacer tout…'));
    // The page catches up (here by a write it sees); the confirmation asked again says it.
    await db.syncState.update('desk', { username: 'redac' });
    fireEvent.click(screen.getByRole('button', { name: 'Remplacer tout…' }));
    await waitFor(() =>
      expect(screen.getByTestId('backup-confirm').textContent).toContain(
        'Vous avez quitté la rédaction partagée',
      ),
    );
  });
});

/** The text of a backup of `count` drafts, made from one written here, then taken away. */
async function backupOf(count: number): Promise<string> {
  const model = await addDraft(db, { title: 'Brouillon' });
  const backup = await createBackup(db, new Date('2027-03-16T09:00:00.000Z'));
  await db.clips.clear();
  backup.clips = Array.from({ length: count }, (_, n) => ({
    ...backup.clips[0]!,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    url: `${model.url}?n=${n}`,
    title: `Brouillon ${n}`,
  }));
  return serializeBackup(backup);
}

/**
 * What the page's live regions and its progressbar said, each time either changed: the live
 * regions' texts (the status line's), and the bar's value and words.
 */
function watchAnnouncements() {
  const live: string[] = [];
  const bar: Array<{ now: number; text: string }> = [];
  const livesNow = () =>
    [...document.querySelectorAll('[role="status"], [role="alert"], [aria-live]')]
      .map((region) => region.textContent ?? '')
      .join(' | ');
  const observer = new MutationObserver(() => {
    const said = livesNow();
    if (said !== live.at(-1)) live.push(said);
    const progress = screen.queryByRole('progressbar') as HTMLProgressElement | null;
    const text = progress?.getAttribute('aria-valuetext');
    if (progress && text && text !== bar.at(-1)?.text) bar.push({ now: progress.value, text });
    // The bar is in no live region: its words are read when the editor goes to it.
    if (progress)
      expect(progress.closest('[role="status"], [role="alert"], [aria-live]')).toBe(null);
  });
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  return { live, bar, stop: () => observer.disconnect() };
}

describe('BackupSettings progress', () => {
  it('reads out a change of phase, the bar carrying the counts as a restore goes on', async () => {
    await db.open();
    const json = await backupOf(300);
    // Every step of the work drawn: time goes a second at each look at the clock.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1000));
    render(<BackupSettings />);
    const heard = watchAnnouncements();
    const file = { name: 'indiscrets.json', text: async () => json };
    fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [file] } });
    await screen.findByTestId('backup-summary', undefined, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    await waitFor(
      () => expect(screen.getByTestId('backup-status').textContent).toMatch(/^Sauvegarde/),
      { timeout: 10_000 },
    );
    heard.stop();

    // The status line said each phase once, as it began, and what came of it: never a count.
    expect(heard.live).toEqual([
      'Lecture du fichier…',
      'Lecture de la sauvegarde…',
      'Vérification de la sauvegarde…',
      // The file read, the panel waits for the editor's choice.
      '',
      'Préparation des brouillons…',
      'Comparaison avec ce navigateur…',
      'Restauration…',
      expect.stringMatching(/^Sauvegarde fusionnée/),
    ]);
    // The bar went on with the counts, its value with them.
    const written = heard.bar.filter(({ text }) => text.startsWith('Restauration…'));
    expect(written.length).toBeGreaterThan(2);
    expect(written.at(-1)).toEqual({ now: 300, text: 'Restauration… 300 sur 300 brouillons' });
    expect(written[0]!.now).toBeLessThan(300);
    expect(
      heard.bar.some(({ text }) => /^Vérification de la sauvegarde… \d+ sur 300/.test(text)),
    ).toBe(true);
    expect(heard.bar.some(({ text }) => /^Lecture de la sauvegarde… \d+\u00a0%/.test(text))).toBe(
      true,
    );
    expect(await db.clips.count()).toBe(300);
  }, 30_000);

  it('shows the count beside the bar, kept from the screen reader, which reads the bar', async () => {
    await db.open();
    const json = await backupOf(50);
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1000));
    render(<BackupSettings />);
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const count = screen.queryByTestId('backup-count');
      if (!count) return;
      expect(count.getAttribute('aria-hidden')).toBe('true');
      const text = `${count.textContent} / ${screen.getByRole('progressbar', { name: 'Avancement' }).getAttribute('aria-valuetext')}`;
      if (text !== seen.at(-1)) seen.push(text);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const file = { name: 'indiscrets.json', text: async () => json };
    fireEvent.change(screen.getByTestId('backup-file'), { target: { files: [file] } });
    await screen.findByTestId('backup-summary', undefined, { timeout: 10_000 });
    observer.disconnect();
    expect(seen).toContain(
      '12 sur 50 brouillons / Vérification de la sauvegarde… 12 sur 50 brouillons',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
  }, 30_000);
});

describe('a restore that changes the WordPress address', () => {
  const theirs = {
    siteUrl: 'https://monsite.fr',
    username: 'redaction',
    category: 'Indiscrets',
    status: 'draft' as const,
  };
  beforeEach(async () => {
    fakeBrowser.reset();
    sessionStorage.clear();
    // No password here: the backup's site and user are written (applyBackupSettings).
    await wordpressItem.setValue({ ...theirs, siteUrl: 'https://ancien.fr' });
    await wordpressPasswordItem.setValue('');
    // What the page after the reload uses to keep its message in view; jsdom has neither.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    Element.prototype.scrollIntoView ??= () => {};
  });
  afterEach(() => vi.unstubAllGlobals());

  /** Restores a backup naming `theirs` with its settings, then draws the page reloaded after it. */
  async function restoreAndReload() {
    await db.open();
    render(<BackupSettings />);
    await chooseBackup({ wordpress: theirs });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    await waitFor(() =>
      expect(sessionStorage.getItem('indiscrets:backup:restored')).not.toBeNull(),
    );
    cleanup();
    render(<BackupSettings />);
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).not.toBe(''));
  }

  it('leaves the old address to the background, as the options’ change does', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);

    await restoreAndReload();

    expect(await siteLeaves.getValue()).toEqual([
      { from: 'https://ancien.fr', to: 'https://monsite.fr', at: expect.any(String) },
    ]);
    expect(sent.mock.calls.map(([message]) => (message as { type?: string }).type)).toContain(
      'siteLeave',
    );
  });

  it('says the restored site is not allowed yet, and opens the WordPress settings to allow it', async () => {
    const contains = vi
      .spyOn(fakeBrowser.permissions, 'contains')
      .mockResolvedValue(false as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    const open = vi
      .spyOn(fakeBrowser.runtime, 'openOptionsPage')
      .mockResolvedValue(undefined as never);

    await restoreAndReload();

    expect(contains).toHaveBeenCalledWith({ origins: ['https://monsite.fr/*'] });
    expect(screen.getByTestId('backup-status').textContent).toContain(
      'Le site WordPress restauré (https://monsite.fr) n’est pas encore autorisé dans ce ' +
        'navigateur\u00a0: ouvrez les réglages WordPress et cliquez sur «\u00a0Tester la ' +
        'connexion\u00a0» pour l’autoriser.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir les réglages WordPress' }));
    await waitFor(() => expect(open).toHaveBeenCalled());
    expect(await settingsFocus.getValue()).toMatchObject({ section: 'wordpress' });
  });

  it('says nothing of a site this browser named already, allowed or not: the restore did not change it', async () => {
    await wordpressItem.setValue({ ...theirs, category: 'Autre' });
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);

    await restoreAndReload();

    expect(screen.getByTestId('backup-status').textContent).toContain('Réglages restaurés');
    expect(screen.getByTestId('backup-status').textContent).not.toContain('autorisé');
    expect(screen.queryByRole('button', { name: 'Ouvrir les réglages WordPress' })).toBeNull();
  });

  it('says nothing of it when the restored site is allowed already', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);

    await restoreAndReload();

    expect(screen.getByTestId('backup-status').textContent).not.toContain('autorisé');
    expect(screen.queryByRole('button', { name: 'Ouvrir les réglages WordPress' })).toBeNull();
  });
});

describe('a restore that changes the WordPress address, its settings failing after it', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    sessionStorage.clear();
    await wordpressItem.setValue({
      siteUrl: 'https://ancien.fr',
      username: 'redaction',
      category: 'Indiscrets',
      status: 'draft',
    });
    await wordpressPasswordItem.setValue('');
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    Element.prototype.scrollIntoView ??= () => {};
  });
  afterEach(() => vi.unstubAllGlobals());

  /**
   * The WordPress settings written before the failure: the page reloads for them to show, and
   * says there what failed. Draws that page; its status line.
   */
  async function afterTheReload() {
    await waitFor(() =>
      expect(sessionStorage.getItem('indiscrets:backup:restored')).not.toBeNull(),
    );
    cleanup();
    render(<BackupSettings />);
    const status = await screen.findByTestId('backup-status');
    await waitFor(() => expect(status.getAttribute('role')).toBe('alert'));
    return status;
  }

  it('still leaves the old address to the background, the address written', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await db.open();
    // The current issue looked for, after the WordPress settings' write (applyBackupSettings),
    // fails.
    vi.spyOn(db.issues, 'get').mockRejectedValue(new Error('The database connection is closing'));
    render(<BackupSettings />);
    await chooseBackup({
      wordpress: { siteUrl: 'https://monsite.fr', username: 'redaction' },
      currentIssueId: 'numero-1',
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    expect((await afterTheReload()).textContent).toContain('qu’en partie');

    expect((await wordpressItem.getValue()).siteUrl).toBe('https://monsite.fr');
    expect(await siteLeaves.getValue()).toHaveLength(1);
    expect(sent.mock.calls.map(([message]) => (message as { type?: string }).type)).toContain(
      'siteLeave',
    );
  });

  it('says which settings were restored and which not, and how to get the rest', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await db.open();
    vi.spyOn(db.issues, 'get').mockRejectedValue(new Error('The database connection is closing'));
    render(<BackupSettings />);
    await chooseBackup({
      houseStyle: { language: 'fr' },
      wordpress: { siteUrl: 'https://monsite.fr', username: 'redaction' },
      currentIssueId: 'numero-1',
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    const status = await afterTheReload();
    expect(status.textContent).toContain('qu’en partie');

    expect(status.textContent).toContain(
      'Les réglages n’ont été restaurés qu’en partie. Restaurés\u00a0: le style maison et les ' +
        'réglages WordPress. Le mot de passe WordPress de ce navigateur n’a pas changé. Pas ' +
        'restauré\u00a0: le numéro en cours\u202f; ici, rien n’y a changé. Pour le reprendre, ' +
        'restaurez de nouveau cette sauvegarde avec ses réglages, par «\u00a0Fusionner\u00a0»\u00a0: ' +
        'rien de ce qui est ici n’est perdu.',
    );
    expect(status.textContent).not.toContain('n’ont pas pu être restaurés');
    // The restored address allowed here already: nothing to allow, no button.
    expect(status.textContent).not.toContain('autorisé');
    expect(screen.queryByRole('button', { name: 'Ouvrir les réglages WordPress' })).toBeNull();
  });

  it('says the restored address is not allowed yet, when it is not, with the way to allow it', async () => {
    const contains = vi
      .spyOn(fakeBrowser.permissions, 'contains')
      .mockResolvedValue(false as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await db.open();
    vi.spyOn(db.issues, 'get').mockRejectedValue(new Error('The database connection is closing'));
    render(<BackupSettings />);
    await chooseBackup({
      wordpress: { siteUrl: 'https://monsite.fr', username: 'redaction' },
      currentIssueId: 'numero-1',
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    const status = await afterTheReload();
    expect(status.textContent).toContain('qu’en partie');

    expect(contains).toHaveBeenCalledWith({ origins: ['https://monsite.fr/*'] });
    expect(status.textContent).toContain(
      'Le site WordPress restauré (https://monsite.fr) n’est pas encore autorisé dans ce ' +
        'navigateur\u00a0: ouvrez les réglages WordPress et cliquez sur «\u00a0Tester la ' +
        'connexion\u00a0» pour l’autoriser.',
    );
    expect(screen.getByRole('button', { name: 'Ouvrir les réglages WordPress' })).toBeTruthy();
  });

  it('offers no way to allow a site when this browser’s own account was kept', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    // An account here: the backup's site and user are not written, the address not changed.
    await wordpressPasswordItem.setValue('abcd efgh ijkl mnop');
    await db.open();
    vi.spyOn(db.issues, 'get').mockRejectedValue(new Error('The database connection is closing'));
    render(<BackupSettings />);
    await chooseBackup({
      wordpress: { siteUrl: 'https://monsite.fr', username: 'collegue' },
      currentIssueId: 'numero-1',
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    const status = await afterTheReload();
    expect(status.textContent).toContain('qu’en partie');

    expect((await wordpressItem.getValue()).siteUrl).toBe('https://ancien.fr');
    // Which account this browser kept, as a restore that went through says it.
    expect(status.textContent).toContain(
      'Le compte WordPress de la sauvegarde («\u00a0collegue\u00a0») n’a pas été repris\u00a0: ' +
        'ce navigateur garde le sien, avec son mot de passe.',
    );
    expect(status.textContent).not.toContain('autorisé');
    expect(screen.queryByRole('button', { name: 'Ouvrir les réglages WordPress' })).toBeNull();
  });

  it('says the settings were restored when only what follows them fails', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await db.open();
    // The current issue, looked for after the settings (forgotten when gone), fails.
    await currentIssueId.setValue('numero-1');
    vi.spyOn(db.issues, 'get').mockRejectedValue(new Error('The database connection is closing'));
    render(<BackupSettings />);
    await chooseBackup({ wordpress: { siteUrl: 'https://monsite.fr', username: 'redaction' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    const status = await afterTheReload();

    expect(status.textContent).toContain(
      'Réglages restaurés\u202f; seule la vérification du numéro en cours, qui suit, a échoué\u00a0: ' +
        's’il n’existe plus, choisissez-en un autre dans l’onglet «\u00a0Numéro\u00a0».',
    );
    expect(status.textContent).not.toContain('n’ont pas pu être restaurés');
    expect((await wordpressItem.getValue()).siteUrl).toBe('https://monsite.fr');
  });
});

describe('a restore whose settings could not be written at all', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    sessionStorage.clear();
  });

  it('says none was restored, and how to restore them', async () => {
    await db.open();
    render(<BackupSettings />);
    await chooseBackup({
      draftTemplate: '{title}',
      wordpress: { siteUrl: 'https://monsite.fr', username: 'redaction' },
      currentIssueId: null,
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    // The first setting's write fails (the browser's storage full or closing).
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES'));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    const status = screen.getByTestId('backup-status');
    await waitFor(() => expect(status.getAttribute('role')).toBe('alert'));

    expect(status.textContent).toContain(
      'Les réglages, eux, n’ont pas pu être restaurés\u00a0: ici, aucun n’a changé, ni le ' +
        'compte WordPress ni son mot de passe. Pour les reprendre, restaurez de ' +
        'nouveau cette sauvegarde avec ses réglages, par «\u00a0Fusionner\u00a0»\u00a0: rien ' +
        'de ce qui est ici n’est perdu.',
    );
  });
});

/** A form of the options page holding typed changes not saved (a house style being written). */
function TypedElsewhere() {
  useLeaveGuard(true);
  return null;
}

describe('a restore whose settings change what the page shows', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    sessionStorage.clear();
    await wordpressItem.setValue({
      siteUrl: 'https://ancien.fr',
      username: 'redaction',
      category: 'Indiscrets',
      status: 'draft',
    });
    await wordpressPasswordItem.setValue('abcd efgh ijkl mnop');
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    Element.prototype.scrollIntoView ??= () => {};
  });
  afterEach(() => vi.unstubAllGlobals());

  /** Restores, with its settings, a backup whose house style is written before the failure. */
  async function restoreFailingMidway(elsewhere = false) {
    await db.open();
    vi.spyOn(db.issues, 'get').mockRejectedValue(new Error('The database connection is closing'));
    render(
      <>
        {elsewhere && <TypedElsewhere />}
        <BackupSettings />
      </>,
    );
    await chooseBackup({
      houseStyle: { language: 'fr' },
      wordpress: { siteUrl: 'https://monsite.fr', username: 'collegue' },
      currentIssueId: 'numero-1',
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
  }

  it('failing midway, reloads the page for what was written to show, and says there what was kept', async () => {
    await restoreFailingMidway();
    // Left for the page after the reload, as a restore that went through.
    await waitFor(() =>
      expect(sessionStorage.getItem('indiscrets:backup:restored')).not.toBeNull(),
    );
    // A card now showing the restored value as a change of its own asks nothing as it goes.
    render(<TypedElsewhere />);
    const leaving = new Event('beforeunload', { cancelable: true });
    dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(false);
    cleanup();
    vi.restoreAllMocks();
    render(<BackupSettings />);
    const status = await screen.findByTestId('backup-status');
    await waitFor(() => expect(status.textContent).toContain('qu’en partie'));
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toContain(
      'Restaurés\u00a0: le style maison et les réglages WordPress. Le compte WordPress de la ' +
        'sauvegarde («\u00a0collegue\u00a0») n’a pas été repris\u00a0: ce navigateur garde le ' +
        'sien, avec son mot de passe. Pas restauré\u00a0: le numéro en cours\u202f; ici, rien ' +
        'n’y a changé.',
    );
    // The technical cause, apart, as before the reload.
    expect(screen.getByTestId('failure-detail').textContent).toContain(
      'The database connection is closing',
    );
  });

  it('failing midway with changes typed elsewhere on the page, does not reload over them and says how to see the rest', async () => {
    await restoreFailingMidway(true);
    const status = screen.getByTestId('backup-status');
    await waitFor(() => expect(status.textContent).toContain('qu’en partie'));
    expect(sessionStorage.getItem('indiscrets:backup:restored')).toBeNull();
    expect(status.textContent).toContain(TYPED_KEPT);
    expect(status.textContent).not.toContain('langue restaurée');
  });

  it('gone through, with changes typed elsewhere on the page, does not reload over them either', async () => {
    await db.open();
    render(
      <>
        <TypedElsewhere />
        <BackupSettings />
      </>,
    );
    await chooseBackup({ houseStyle: { language: 'fr' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    const status = screen.getByTestId('backup-status');
    await waitFor(() => expect(status.textContent).toContain('Réglages restaurés'));
    expect(sessionStorage.getItem('indiscrets:backup:restored')).toBeNull();
    expect(status.textContent).toContain(TYPED_KEPT);
    expect(status.textContent).not.toContain('langue restaurée');
  });

  it('gone through over changes typed elsewhere, a language it changed said to show at the next reload', async () => {
    await db.open();
    render(
      <>
        <TypedElsewhere />
        <BackupSettings />
      </>,
    );
    await chooseBackup({ uiLocale: 'en' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Restaurer aussi les réglages' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fusionner' }));
    const status = screen.getByTestId('backup-status');
    await waitFor(() => expect(status.textContent).toContain('Réglages restaurés'));
    expect(status.textContent).toContain(
      `${TYPED_KEPT} La langue restaurée s’affichera une fois la page rechargée.`,
    );
  });
});

/** Said after a restore that did not reload the page over changes typed in another card. */
const TYPED_KEPT =
  'Page non rechargée, pour garder les modifications non enregistrées des autres cartes\u00a0: ' +
  'là où la restauration a changé un réglage que vous modifiiez, sa carte vous demande ' +
  'lesquelles garder.';
