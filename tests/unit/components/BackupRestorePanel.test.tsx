import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RestorePanel } from '../../../components/BackupRestorePanel';
import type { ParsedBackup } from '../../../storage/backup-format';
import { db } from '../../../storage/db';

afterEach(cleanup);

const backup = (schemaVersion: number): ParsedBackup => ({
  format: 'indiscrets-backup',
  version: 1,
  exportedAt: '2026-03-15T10:00:00.000Z',
  schemaVersion,
  clips: [],
  issues: [],
  settings: {},
});

function panel(schemaVersion: number) {
  const noop = () => {};
  render(
    <RestorePanel
      chosen={{ name: 'indiscrets.json', backup: backup(schemaVersion) }}
      busy={false}
      withSettings={false}
      onWithSettings={noop}
      onMerge={noop}
      onAskReplace={noop}
      onReplace={noop}
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
});
