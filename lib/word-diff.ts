/**
 * What differs between two versions of a text, word by word: what a conflict shows an editor so
 * that an edit at the start of one version and another at the end of the other are seen at once,
 * not searched for in two paragraphs that read alike.
 */

/** A run of a version's text, and whether the other version lacks it. */
export interface DiffPart {
  text: string;
  changed: boolean;
}

/**
 * Beyond this many word pairs (after the common start and end are set aside), the differing
 * middle is marked whole: a longest-common-subsequence table that size is a few megabytes, and
 * two versions of an item that far apart are better read than marked.
 */
export const MAX_PAIRS = 1_000_000;

/** Words with the space after each, so that the parts joined give the text back exactly. */
export const words = (text: string): string[] => text.match(/\S+\s*|\s+/g) ?? [];

/** The word itself, for comparing: the space after it does not make a word differ. */
const bare = (word: string) => word.trimEnd();

/**
 * Both versions cut into runs of words, each run marked when the other version does not have it
 * (a longest common subsequence of words). Joined, each version's runs give its text back.
 */
export function diffWords(mine: string, theirs: string): { mine: DiffPart[]; theirs: DiffPart[] } {
  const a = words(mine);
  const b = words(theirs);
  const [keptA, keptB] = keptWords(a, b);
  return { mine: runs(a, keptA), theirs: runs(b, keptB) };
}

/**
 * Which words of `a` and of `b` (cut by {@link words}) the other version has too: their common
 * start and end, and a longest common subsequence of the middle (none of it past
 * {@link MAX_PAIRS}). The words kept in `a` and those kept in `b` are the same words in the same
 * order: the n-th kept in one is the n-th kept in the other, which is how a reader that knows
 * more of each word than its text (its style, in an item's HTML) pairs them.
 */
export function keptWords(a: string[], b: string[]): [boolean[], boolean[]] {
  let start = 0;
  while (start < a.length && start < b.length && bare(a[start]!) === bare(b[start]!)) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    bare(a[a.length - 1 - end]!) === bare(b[b.length - 1 - end]!)
  ) {
    end++;
  }
  const [keptA, keptB] = common(a.slice(start, a.length - end), b.slice(start, b.length - end));
  const marks = (list: string[], kept: boolean[]) =>
    list.map((_, i) => i < start || i >= list.length - end || kept[i - start] === true);
  return [marks(a, keptA), marks(b, keptB)];
}

/** Which words of `a` and of `b` a longest common subsequence keeps; none past MAX_PAIRS. */
function common(a: string[], b: string[]): [boolean[], boolean[]] {
  const keptA = new Array<boolean>(a.length).fill(false);
  const keptB = new Array<boolean>(b.length).fill(false);
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_PAIRS) return [keptA, keptB];
  const width = b.length + 1;
  // lengths[i * width + j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        bare(a[i]!) === bare(b[j]!)
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (bare(a[i]!) === bare(b[j]!)) {
      keptA[i++] = true;
      keptB[j++] = true;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return [keptA, keptB];
}

/** Consecutive words with the same mark, joined into one part. */
function runs(list: string[], kept: boolean[]): DiffPart[] {
  const parts: DiffPart[] = [];
  list.forEach((word, i) => {
    const changed = !kept[i];
    const last = parts.at(-1);
    if (last && last.changed === changed) last.text += word;
    else parts.push({ text: word, changed });
  });
  return parts;
}
