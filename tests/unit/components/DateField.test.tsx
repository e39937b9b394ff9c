import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateField } from '../../../components/DateField';

/** The field in a parent that keeps the ISO value, as the issue forms do. */
function Harness({ initial, onChange }: { initial: string; onChange: (iso: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <DateField
      label="Date"
      value={value}
      required
      onChange={(iso) => {
        setValue(iso);
        onChange(iso);
      }}
    />
  );
}

afterEach(cleanup);

const field = () => screen.getByLabelText('Date') as HTMLInputElement;
const said = () => document.getElementById(field().getAttribute('aria-describedby')!)!;

describe('DateField', () => {
  it('shows the stored ISO date as jj/mm/aaaa and says it in words', () => {
    render(<Harness initial="2021-03-15" onChange={vi.fn()} />);

    expect(field().value).toBe('15/03/2021');
    expect(field().type).toBe('text');
    expect(said().textContent).toBe('lundi\u00a015\u00a0mars\u00a02021');
  });

  it('stores what the editor types as ISO', () => {
    const onChange = vi.fn();
    render(<Harness initial="2021-03-15" onChange={onChange} />);

    fireEvent.input(field(), { target: { value: '1er avril 2021' } });

    expect(onChange).toHaveBeenLastCalledWith('2021-04-01');
    expect(said().textContent).toBe('jeudi\u00a01er\u00a0avril\u00a02021');
    fireEvent.blur(field());
    expect(field().value).toBe('01/04/2021');
  });

  it('keeps an unreadable date in the field with a clear message, and stores no date', () => {
    const onChange = vi.fn();
    render(<Harness initial="2021-03-15" onChange={onChange} />);

    fireEvent.input(field(), { target: { value: '31/04/2021' } });

    expect(onChange).toHaveBeenLastCalledWith('');
    expect(field().value).toBe('31/04/2021');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(said().textContent).toBe('Ce jour n’existe pas\u00a0: «\u00a031/04/2021\u00a0».');

    fireEvent.input(field(), { target: { value: 'mardi prochain' } });
    expect(said().textContent).toContain('Tapez jj/mm/aaaa');
  });

  it('moves one day with ↑ and ↓, one week with Shift', () => {
    const onChange = vi.fn();
    render(<Harness initial="2021-03-31" onChange={onChange} />);

    fireEvent.keyDown(field(), { key: 'ArrowUp' });
    expect(field().value).toBe('01/04/2021');
    fireEvent.keyDown(field(), { key: 'ArrowDown', shiftKey: true });
    expect(field().value).toBe('25/03/2021');
    expect(onChange).toHaveBeenLastCalledWith('2021-03-25');
  });

  it('shows a date changed elsewhere (another window) in place of the text', () => {
    const { rerender } = render(<DateField label="Date" value="2021-03-15" onChange={vi.fn()} />);

    rerender(<DateField label="Date" value="2022-01-02" onChange={vi.fn()} />);

    expect(field().value).toBe('02/01/2022');
  });
});
