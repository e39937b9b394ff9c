import { describe, expect, it } from 'vitest';
import { markMove, placeTip, within } from '../../../components/markTips';

/** A desk's editor column at 1366×768, as the window shows it. */
const column = { left: 609, top: 64, right: 1028, bottom: 758 };
const tip = { width: 200, height: 20 };
const mark = (left: number, top: number, width = 40) => ({
  left,
  top,
  right: left + width,
  bottom: top + 16,
});

describe('placeTip', () => {
  it('puts the box under the words, from their left edge, where it fits', () => {
    expect(placeTip(mark(700, 100), tip, column)).toEqual({ left: 700, top: 120, side: 'below' });
  });

  it('puts it over the words when there is no room under them', () => {
    expect(placeTip(mark(700, 730), tip, column)).toEqual({ left: 700, top: 706, side: 'above' });
  });

  it('moves it left to end inside the column, never past the column’s left edge', () => {
    expect(placeTip(mark(900, 100), tip, column).left).toBe(828);
    expect(placeTip(mark(620, 100), { width: 500, height: 20 }, column).left).toBe(609);
  });

  it('keeps it off the words when neither side has room, on the side with more', () => {
    const short = { left: 0, top: 0, right: 400, bottom: 60 };
    expect(placeTip(mark(10, 10), { width: 100, height: 40 }, short)).toEqual({
      left: 10,
      top: 30,
      side: 'below',
    });
    expect(placeTip(mark(10, 30), { width: 100, height: 40 }, { ...short, bottom: 50 })).toEqual({
      left: 10,
      top: -14,
      side: 'above',
    });
  });
});

describe('within', () => {
  it('is the part of a column the window shows', () => {
    const window = { left: 0, top: 0, right: 768, bottom: 1024 };
    expect(within(window, { left: 14, top: -127, right: 378, bottom: 1700 })).toEqual({
      left: 14,
      top: 0,
      right: 378,
      bottom: 1024,
    });
  });
});

describe('markMove', () => {
  it('moves to the next mark with → or ↓ and the previous with ← or ↑, stopping at either end', () => {
    expect(markMove('ArrowRight', 0, 3)).toBe(1);
    expect(markMove('ArrowDown', 2, 3)).toBe(2);
    expect(markMove('ArrowLeft', 2, 3)).toBe(1);
    expect(markMove('ArrowUp', 0, 3)).toBe(0);
  });

  it('moves to the first mark with Home and the last with End', () => {
    expect(markMove('Home', 2, 3)).toBe(0);
    expect(markMove('End', 0, 3)).toBe(2);
  });

  it('leaves any other key to the page', () => {
    expect(markMove('Tab', 0, 3)).toBeUndefined();
    expect(markMove('a', 0, 3)).toBeUndefined();
  });
});
