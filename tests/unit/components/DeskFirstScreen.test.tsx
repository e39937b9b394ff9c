import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotColumns } from '../../../components/DeskFirstScreen';
import type { DeskSnapshot } from '../../../components/deskSnapshot';

afterEach(cleanup);

const snapshot = (fields: Partial<DeskSnapshot> = {}): DeskSnapshot => ({
  issueId: 'issue-2',
  title: 'Les indiscrets du 15 mars',
  status: 'open',
  items: 1,
  words: 30,
  chars: 180,
  problems: 0,
  otherIssues: true,
  rows: [
    { id: 'draft-1', label: 'Bercy', text: 'Le ministère…', words: 30, chars: 180, checks: [] },
  ],
  ...fields,
});

describe('the desk’s first screen', () => {
  it('names the issue in its picker as the live picker did, « (2) » beside a namesake', () => {
    render(
      <SnapshotColumns
        snapshot={snapshot({ pickerName: 'Les indiscrets du 15 mars (2)' })}
        onOpen={() => {}}
      />,
    );

    const picker = screen.getByRole('combobox', { name: 'Numéro en cours' });
    expect(picker.textContent).toBe('Les indiscrets du 15 mars (2)');
  });

  it('names it from its title and status when the snapshot is older than the picker’s name', () => {
    render(<SnapshotColumns snapshot={snapshot({ status: 'exported' })} onOpen={() => {}} />);

    const picker = screen.getByRole('combobox', { name: 'Numéro en cours' });
    expect(picker.textContent).toBe('Les indiscrets du 15 mars (exporté)');
  });
});
