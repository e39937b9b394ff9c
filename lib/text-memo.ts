/**
 * What was computed from long texts, kept by the text itself, within a budget of characters:
 * for work done again at every write on texts that seldom change (a draft's search words at
 * each keystroke's save). A text is found again by its characters (a read from the database
 * gives a new string each time, equal to the last). The least recently used go first.
 */
export class TextMemo<T> {
  private readonly kept = new Map<string, T>();
  private chars = 0;

  /** @param budget The characters of the texts kept, at most (a text longer is never kept). */
  constructor(private readonly budget: number) {}

  /** What `compute` gives for `text`: kept from an earlier call when there is one. */
  get(text: string, compute: (text: string) => T): T {
    const found = this.kept.get(text);
    if (found !== undefined) {
      // Used again: the last to go.
      this.kept.delete(text);
      this.kept.set(text, found);
      return found;
    }
    const value = compute(text);
    if (text.length > this.budget) return value;
    for (const [old] of this.kept) {
      if (this.chars + text.length <= this.budget) break;
      this.kept.delete(old);
      this.chars -= old.length;
    }
    this.kept.set(text, value);
    this.chars += text.length;
    return value;
  }

  /** How many texts are kept (for the tests). */
  get size(): number {
    return this.kept.size;
  }
}
