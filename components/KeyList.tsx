import { Fragment } from 'preact';

/** Keys named in a sentence, each as a key of the keyboard: « ? i n / 1 2 3 4 ». */
export function KeyList({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 && ' '}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </>
  );
}
