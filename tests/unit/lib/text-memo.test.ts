import { describe, expect, it, vi } from 'vitest';
import { TextMemo } from '../../../lib/text-memo';

describe('TextMemo', () => {
  it('computes a text once, and finds it again by an equal string', () => {
    const memo = new TextMemo<number>(100);
    const compute = vi.fn((text: string) => text.length);

    expect(memo.get('abcdef', compute)).toBe(6);
    expect(memo.get(('x' + 'abcdef').slice(1), compute)).toBe(6);

    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps texts within its budget of characters, the least recently used going first', () => {
    const memo = new TextMemo<string>(10);
    const compute = vi.fn((text: string) => text.toUpperCase());
    memo.get('aaaa', compute);
    memo.get('bbbb', compute);
    memo.get('aaaa', compute); // used again: « bbbb » is now the oldest

    memo.get('cccc', compute); // 12 characters: « bbbb » goes

    expect(memo.size).toBe(2);
    compute.mockClear();
    expect(memo.get('aaaa', compute)).toBe('AAAA');
    expect(memo.get('cccc', compute)).toBe('CCCC');
    expect(compute).not.toHaveBeenCalled();
    expect(memo.get('bbbb', compute)).toBe('BBBB');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('never keeps a text longer than its budget, nor drops the others for it', () => {
    const memo = new TextMemo<number>(10);
    const compute = vi.fn((text: string) => text.length);
    memo.get('aaaa', compute);

    expect(memo.get('b'.repeat(11), compute)).toBe(11);
    expect(memo.get('b'.repeat(11), compute)).toBe(11);

    expect(compute).toHaveBeenCalledTimes(3);
    expect(memo.size).toBe(1);
  });
});
