import { Fragment } from 'preact';

/**
 * Keys named in a sentence, each as a key of the keyboard: « ? i n / 1 2 3 4 », on one line (a
 * list broken between « 3 » and « 4 » reads as two lists).
 */
export function KeyList({ keys }: { keys: readonly string[] }) {
  return (
    <span class="key-list">
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 && ' '}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </span>
  );
}
