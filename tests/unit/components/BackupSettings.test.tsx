import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupSettings } from '../../../components/BackupSettings';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../storage/backup-format';
import { db } from '../../../storage/db';
import { SYNC_OFF, type SyncRecord, type SyncState } from '../../../storage/sync-state';

afterEach(async () => {
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

async function chooseBackup() {
  const json = JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-03-15T10:00:00.000Z',
    schemaVersion: db.verno,
    clips: [],
    issues: [],
    settings: {},
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
