import { Fragment, type ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { getLocale, t } from '../locales';
import { escapeHtml } from '../lib/html';
import type { FieldConflict } from '../lib/merge';
import { diffWords, type DiffPart } from '../lib/word-diff';
import {
  diffItemHtml,
  lookDifferences,
  type ItemNode,
  type ItemText,
  type ItemVersion,
} from './itemDiff';

/** A version's text, what the other version lacks marked. */
function Marked({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.changed ? (
          <mark class="conflict__change" key={i}>
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/**
 * An item's text, shown as it reads rather than as plain lines: its HTML (stored, clean) and the
 * language it is written in, which its quotes in another language are not.
 */
export interface ItemTextValue {
  itemHtml: string;
  lang: string;
}

type Shown = string | ItemTextValue;

interface Props<T, K extends keyof T> {
  conflicts: FieldConflict<T, K>[];
  /** The field's name as the form labels it. */
  label: (field: K) => string;
  /**
   * A value as the editor reads it: text (titles of sources, a status…), or an item's text,
   * shown with its paragraphs, lists, bold, italic, links and quotes.
   */
  show: (field: K, value: T[K]) => Shown;
  onChoose: (field: K, choice: 'mine' | 'theirs') => void;
  /** The heading's id, unique on the page when several records show their conflicts. */
  headingId?: string;
  /**
   * Where the other version comes from. By default another window of this browser (the popup
   * and the desk on one record); a sync conflict says the shared desk and, when known, who.
   */
  origin?: { desk: true; title: string; by?: string };
}

/**
 * Fields changed elsewhere while this view was writing them (another window of this browser, or
 * another editor on the shared desk): both versions side by side, and a choice for each. Until
 * the editor chooses, this view keeps its own value and the other stays stored: nothing is dropped.
 */
export function ConflictChooser<T, K extends keyof T>({
  conflicts,
  label,
  show,
  onChoose,
  headingId = 'conflicts-heading',
  origin,
}: Props<T, K>) {
  if (conflicts.length === 0) return null;
  const intro = !origin
    ? t('conflict.intro')
    : t(origin.by ? 'conflict.introDesk' : 'conflict.introDeskAnon', {
        title: origin.title,
        name: origin.by ?? '',
      });
  const theirsCaption = origin?.by
    ? t('conflict.theirsBy', { name: origin.by })
    : t('conflict.theirs');
  return (
    <section class="conflicts" role="region" aria-labelledby={headingId} data-testid="conflicts">
      <h3 id={headingId} class="conflicts__heading">
        {t('conflict.heading')}
      </h3>
      <p class="conflicts__intro" role="alert">
        {intro}
      </p>
      <ul class="conflicts__list">
        {conflicts.map((conflict) => (
          <Conflict
            key={String(conflict.field)}
            name={label(conflict.field)}
            mine={show(conflict.field, conflict.mine)}
            theirs={show(conflict.field, conflict.theirs)}
            theirsCaption={theirsCaption}
            onChoose={(choice) => onChoose(conflict.field, choice)}
          />
        ))}
      </ul>
    </section>
  );
}

/** What a value's display depends on: a memo of its versions is made again only when it changes. */
const shownKey = (shown: Shown) =>
  typeof shown === 'string' ? shown : `${shown.lang}\n${shown.itemHtml}`;

/** One field's two versions side by side, where they differ marked in each, and the two choices. */
function Conflict({
  name,
  mine,
  theirs,
  theirsCaption,
  onChoose,
}: {
  name: string;
  mine: Shown;
  theirs: Shown;
  theirsCaption: string;
  onChoose: (choice: 'mine' | 'theirs') => void;
}) {
  const [mineShown, theirsShown] = useMemo(
    () => versions(mine, theirs),
    [shownKey(mine), shownKey(theirs)],
  );
  return (
    <li class="conflict" data-testid="conflict">
      <h4 class="conflict__field">{name}</h4>
      <div class="conflict__versions">
        <figure class="conflict__version">
          <figcaption>{t('conflict.mine')}</figcaption>
          {mineShown('conflict-mine')}
          <button
            type="button"
            class="button button--small"
            aria-label={t('conflict.keepMineNamed', { field: name })}
            onClick={() => onChoose('mine')}
          >
            {t('conflict.keepMine')}
          </button>
        </figure>
        <figure class="conflict__version">
          <figcaption>{theirsCaption}</figcaption>
          {theirsShown('conflict-theirs')}
          <button
            type="button"
            class="button button--small"
            aria-label={t('conflict.takeTheirsNamed', { field: name })}
            onClick={() => onChoose('theirs')}
          >
            {t('conflict.takeTheirs')}
          </button>
        </figure>
      </div>
    </li>
  );
}

type Version = (testId: string) => ComponentChildren;

/**
 * Both versions drawn, each with what the other lacks marked (where the two differ, marked in
 * each: an edit is seen without comparing line by line). An item's text as it reads, its words
 * and styles compared ({@link diffItemHtml}); any other value as text, word by word.
 */
function versions(mine: Shown, theirs: Shown): [Version, Version] {
  if (typeof mine === 'object' || typeof theirs === 'object') {
    // Both an item's text (a plain one, were one side given as text, is read as its words).
    const lang = typeof mine === 'object' ? mine.lang : (theirs as ItemTextValue).lang;
    const item = (shown: Shown): ItemTextValue =>
      typeof shown === 'object' ? shown : { itemHtml: escapeHtml(shown, 'text'), lang };
    return itemVersions(item(mine), item(theirs));
  }
  const diff = mine && theirs ? diffWords(mine, theirs) : undefined;
  const plain =
    (text: string, parts: DiffPart[] | undefined): Version =>
    (testId) => (
      <p class="conflict__text" data-testid={testId}>
        {parts ? <Marked parts={parts} /> : text || t('conflict.empty')}
      </p>
    );
  return [plain(mine, diff?.mine), plain(theirs, diff?.theirs)];
}

/** Two versions of an item's text, each drawn as it reads, what differs marked. */
function itemVersions(mine: ItemTextValue, theirs: ItemTextValue): [Version, Version] {
  const diff = diffItemHtml(mine.itemHtml, theirs.itemHtml);
  const item =
    (version: ItemVersion, lang: string): Version =>
    (testId) =>
      version.empty ? (
        <p class="conflict__text" data-testid={testId}>
          {t('conflict.empty')}
        </p>
      ) : (
        // In the text's language, as the editor says it: a screen reader reads a French text
        // in French when the interface speaks English, and a quote in its own language.
        <div class="conflict__text conflict__text--item" lang={lang} data-testid={testId}>
          {itemNodes(version.nodes)}
        </div>
      );
  return [item(diff.mine, mine.lang), item(diff.theirs, theirs.lang)];
}

/**
 * An item's nodes as elements of this page, made one by one from the parsed, clean text: its
 * words are text, never markup. A link is not one here: its words read as a link, its address
 * after them, to be compared with the other version's, and no click on it leaves the choice
 * (in the popup, a page opened would close it).
 */
function itemNodes(nodes: ItemNode[]): ComponentChildren {
  return nodes.map((node, i) => {
    if (!('tag' in node)) return <TextRun key={i} run={node} />;
    const children = itemNodes(node.children);
    switch (node.tag) {
      case 'p':
        return <p key={i}>{children}</p>;
      case 'ul':
        return <ul key={i}>{children}</ul>;
      case 'ol':
        return <ol key={i}>{children}</ol>;
      case 'li':
        return <li key={i}>{children}</li>;
      case 'br':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{children}</strong>;
      case 'em':
        return <em key={i}>{children}</em>;
      case 'span':
        return (
          <span key={i} lang={node.lang}>
            {children}
          </span>
        );
      case 'a':
        return (
          <Fragment key={i}>
            <span class="conflict__link">{children}</span>{' '}
            <span class="conflict__address" lang={getLocale()}>
              (<span class="visually-hidden">{t('conflict.linkTo')} </span>
              {node.href})
            </span>
          </Fragment>
        );
    }
  });
}

/**
 * A run of an item's text: as it is, or marked, the words the other version lacks as a plain
 * field's are, and the words it has too but that read otherwise there marked with what differs
 * (« mêmes mots, ici en gras »), said to a screen reader after them and shown on hovering them.
 */
function TextRun({ run }: { run: ItemText }) {
  if (!run.mark) return <>{run.text}</>;
  if (run.mark.kind === 'words') return <mark class="conflict__change">{run.text}</mark>;
  const { here, there } = run.mark;
  const said = t('conflict.style', {
    changes: lookDifferences(here, there)
      .map((difference) =>
        difference === 'lang'
          ? t('conflict.style.lang', { language: languageName(here.lang!) })
          : t(`conflict.style.${difference}`),
      )
      .join(', '),
  });
  return (
    <mark class="conflict__change conflict__change--style" title={said}>
      {run.text}
      <span class="visually-hidden" lang={getLocale()}>
        {' '}
        ({said})
      </span>
    </mark>
  );
}

/** A language's name in the interface's language (`en` is « anglais »), else its tag. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
