import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RestorePanel } from '../../../components/BackupRestorePanel';
import type { ParsedBackup } from '../../../storage/backup-format';
import { db } from '../../../storage/db';
import { SYNC_OFF } from '../../../storage/sync-state';

afterEach(async () => {
  cleanup();
  await Promise.all([db.syncState.clear(), db.syncRecords.clear()]);
});

/** A backup holding one issue (none with `empty`). */
const backup = (schemaVersion: number, empty = false): ParsedBackup => ({
  format: 'indiscrets-backup',
  version: 1,
  exportedAt: '2026-03-15T10:00:00.000Z',
  schemaVersion,
  clips: [],
  issues: empty
    ? []
    : [
        {
          id: 'issue-1',
          title: 'Les indiscrets du 15 mars',
          date: '2026-03-15',
          intro: '',
          status: 'open',
          createdAt: '2026-03-14T10:00:00.000Z',
          updatedAt: '2026-03-14T10:00:00.000Z',
        } as ParsedBackup['issues'][number],
      ],
  settings: {},
});

function panel(
  schemaVersion: number,
  confirming?: { clips: number; issues: number },
  onReplace: (forgetDesk: boolean) => void = () => {},
  empty = false,
) {
  const noop = () => {};
  render(
    <RestorePanel
      chosen={{ name: 'indiscrets.json', backup: backup(schemaVersion, empty) }}
      busy={false}
      confirming={confirming}
      withSettings={false}
      onWithSettings={noop}
      onMerge={noop}
      onAskReplace={noop}
      onReplace={onReplace}
      onSaveFirst={noop}
      onCancel={noop}
      onKeep={noop}
    />,
  );
}

describe('the restore panel', () => {
  it('warns that a backup from a newer database schema loses what this version does not know', () => {
    panel(db.verno + 1);

    expect(screen.getByTestId('backup-newer-schema').textContent).toContain('version plus récente');
    // Restoring stays possible: what this version knows is worth having.
    expect(screen.getByRole('button', { name: 'Fusionner' })).toBeTruthy();
  });

  it('says nothing of versions for a backup of this schema or an older one', () => {
    panel(db.verno);
    expect(screen.queryByTestId('backup-newer-schema')).toBeNull();
    cleanup();
    panel(1);
    expect(screen.queryByTestId('backup-newer-schema')).toBeNull();
  });

  it('offers « Remplacer tout… » again once the shared desk is off', async () => {
    await db.syncState.put({ ...SYNC_OFF, enabled: true });
    panel(db.verno);
    const replace = screen.getByRole('button', { name: 'Remplacer tout…' }) as HTMLButtonElement;
    await waitFor(() => expect(replace.disabled).toBe(true));

    await db.syncState.put({ ...SYNC_OFF });

    await waitFor(() => expect(replace.disabled).toBe(false));
    expect(screen.queryByTestId('role-reason')).toBeNull();
    expect(replace.hasAttribute('aria-describedby')).toBe(false);
  });

  it('greys « Remplacer tout… » on the shared desk, says why and what to do instead', async () => {
    await db.syncState.put({ ...SYNC_OFF, enabled: true });
    panel(db.verno);

    const replace = screen.getByRole('button', { name: 'Remplacer tout…' }) as HTMLButtonElement;
    await waitFor(() => expect(replace.disabled).toBe(true));
    const reason = screen.getByTestId('role-reason');
    expect(reason.textContent).toBe(
      'Sur la rédaction partagée, tout remplacer mettrait à la corbeille ou réécrirait des ' +
        'brouillons de toute l’équipe\u00a0: utilisez «\u00a0Fusionner\u00a0», qui garde la ' +
        'version la plus récente de chacun.',
    );
    expect(replace.getAttribute('aria-describedby')).toBe(reason.id);
    expect((screen.getByRole('button', { name: 'Fusionner' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('offers it after leaving the desk, its records kept, with a confirmation that says this browser forgets the desk too', async () => {
    await db.syncState.put({ ...SYNC_OFF, siteUrl: 'https://redaction.test', username: 'redac' });
    await db.syncRecords.put({
      key: 'draft:d1',
      kind: 'draft',
      recordId: 'd1',
      remoteId: 7,
      version: 2,
      modifiedGmt: '2027-03-10T08:00:00',
      base: {},
    });
    const replaced: boolean[] = [];
    panel(db.verno, { clips: 8, issues: 1 }, (forgetDesk) => replaced.push(forgetDesk));

    const confirm = screen.getByTestId('backup-confirm');
    await waitFor(() => expect(confirm.textContent).toContain('Vous avez quitté'));
    // The warning the keyboard goes to says it, after what is lost (spaces as read aloud).
    const warning = document.getElementById('backup-confirm')!;
    expect(warning.textContent!.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Ce navigateur a 8 brouillons et 1 numéro. Tout remplacer les supprime, puis écrit ' +
        'ceux de la sauvegarde à leur place : ce qui n’est que dans ce navigateur sera perdu. ' +
        'Vous avez quitté la rédaction partagée : tout remplacer fait aussi oublier à ce ' +
        'navigateur ce qu’il en savait, et la réactiver la rejoindra comme depuis un nouveau ' +
        'navigateur. Rien de ce que vous supprimez ici n’y sera mis à la corbeille ; ce qui ' +
        'manque à la sauvegarde en reviendra ; un brouillon ou un numéro que la rédaction a ' +
        'modifié depuis ne sera pas réécrit : vous choisirez quelle version garder.',
    );
    screen.getByRole('button', { name: 'Oui, tout remplacer' }).click();
    expect(replaced).toEqual([true]);
  });

  it('offers « Remplacer tout… » after leaving, not greyed; a browser that kept nothing is not told of the desk', async () => {
    await db.syncState.put({ ...SYNC_OFF });
    await db.syncRecords.put({
      key: 'draft:d1',
      kind: 'draft',
      recordId: 'd1',
      remoteId: 7,
      version: 2,
      modifiedGmt: '2027-03-10T08:00:00',
      base: {},
    });
    panel(db.verno);
    const replace = screen.getByRole('button', { name: 'Remplacer tout…' }) as HTMLButtonElement;
    expect(replace.disabled).toBe(false);
    expect(screen.queryByTestId('role-reason')).toBeNull();
    cleanup();

    await db.syncRecords.clear();
    const replaced: boolean[] = [];
    panel(db.verno, { clips: 8, issues: 1 }, (forgetDesk) => replaced.push(forgetDesk));
    expect(screen.getByTestId('backup-confirm').textContent).not.toContain('rédaction partagée');
    screen.getByRole('button', { name: 'Oui, tout remplacer' }).click();
    expect(replaced).toEqual([false]);
  });

  it('takes the confirmation away when the shared desk is turned on meanwhile', async () => {
    panel(db.verno, { clips: 8, issues: 1 });
    expect(screen.getByTestId('backup-confirm')).toBeTruthy();

    await db.syncState.put({ ...SYNC_OFF, enabled: true });

    await waitFor(() => expect(screen.queryByTestId('backup-confirm')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Oui, tout remplacer' })).toBeNull();
    expect(
      (screen.getByRole('button', { name: 'Remplacer tout…' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    // The keyboard goes to what is left to do.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Fusionner'));
  });
  it('says that replacing everything with an empty backup leaves this browser empty', () => {
    panel(db.verno, { clips: 3, issues: 1 }, () => {}, true);

    const warning = document.getElementById('backup-confirm')!;
    expect(warning.textContent!.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Ce navigateur a 3 brouillons et 1 numéro. La sauvegarde n’en a aucun : tout remplacer ' +
        'les supprime et laisse ce navigateur vide.',
    );
  });
});
