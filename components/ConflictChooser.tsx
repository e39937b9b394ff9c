import { Fragment, type ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { getLocale, t } from '../locales';
import type { FieldConflict } from '../lib/merge';
import { diffWords, type DiffPart } from '../lib/word-diff';
import { useAnnounce } from './Announcer';
import { diffItemHtml, lookDifferences, type ItemNode, type ItemText } from './itemDiff';
import { markMove, placeTip, within } from './markTips';
import { focusLost, whenDrawn } from './whenDrawn';

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
 * A field's two versions as they are compared: both text (titles of sources, a status…), or
 * both an item's text (its stored, clean HTML) in the language it is written in, which its quotes
 * in another language are not. Never one of each: what a field holds decides for both.
 */
type ShownPair =
  | { kind: 'text'; mine: string; theirs: string }
  | { kind: 'item'; mine: string; theirs: string; lang: string };

/**
 * After the last change of a version (a keystroke in « Votre version »), this long a pause
 * before both are compared again: an item's text of 1,000 words takes a comparison of about
 * 150 ms, which no keystroke waits for. Meanwhile the last comparison stays, said to be updating.
 */
export const COMPARE_PAUSE_MS = 400;

interface Props<T, K extends keyof T> {
  conflicts: FieldConflict<T, K>[];
  /** The field's name as the form labels it. */
  label: (field: K) => string;
  /**
   * A value as the editor reads it, as text (titles of sources, a status…); an item's text
   * field's value is its HTML (see `itemLang`).
   */
  show: (field: K, value: T[K]) => string;
  /**
   * For a field that holds an item's text, the language it is written in: both its versions are
   * shown as they read, with their paragraphs, lists, bold, italic, links and quotes. Any other
   * field (`undefined`) is shown as text.
   */
  itemLang?: (field: K) => string | undefined;
  onChoose: (field: K, choice: 'mine' | 'theirs') => void;
  /**
   * On the shared desk, for the fields whose two versions can both be kept (`offered`: texts,
   * whose paragraphs a union merge keeps, storage/shared-fields.ts `keepsBoth`), a third choice,
   * « Garder les deux »: nobody's words are dropped, the editor reads the text over afterwards.
   */
  keepBoth?: { offered: (field: K) => boolean; choose: (field: K) => void };
  /** The heading's id, unique on the page when several records show their conflicts. */
  headingId?: string;
  /**
   * Where the other version comes from. By default another window of this browser (the popup
   * and the desk on one record); a sync conflict says the shared desk and, when known, who.
   */
  origin?: { desk: true; title: string; by?: string };
  /**
   * Between two windows of this browser: after a choice, the record's `title` is said in the
   * page's live region as the shared desk's box says it (« Vous avez gardé votre version de… »,
   * « Vous avez pris l’autre version de… »), and the keyboard, gone with the button, goes to
   * the next field's choice, else to the form's `field` chosen for, looked up once the choice
   * is drawn (its section's summary when folded). The shared desk's box does its own (SharedDeskBar.tsx).
   */
  keyboardBack?: { title: string; field: (field: K) => HTMLElement | null | undefined };
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
  itemLang,
  onChoose,
  keepBoth,
  headingId = 'conflicts-heading',
  origin,
  keyboardBack,
}: Props<T, K>) {
  const announce = useAnnounce();
  const section = useRef<HTMLElement>(null);
  // The latest render's: the title said is the record's once the choice is drawn.
  const latest = useRef(keyboardBack);
  latest.current = keyboardBack;
  if (conflicts.length === 0) return null;
  const choose = (field: K, choice: 'mine' | 'theirs', button: HTMLElement) => {
    // Read now: the box, and the button with the keyboard, go once the choice is drawn.
    const shown = section.current;
    const root = shown?.parentElement;
    onChoose(field, choice);
    if (!keyboardBack || !shown || !root) return;
    const written = keyboardBack.field(field);
    whenDrawn(
      root,
      () => (button.isConnected ? null : root),
      () => {
        const title = (latest.current ?? keyboardBack).title;
        announce(
          t(choice === 'mine' ? 'shared.conflict.keptMine' : 'undo.conflictTheirs', { title }),
        );
        if (!focusLost()) return;
        const next = shown.isConnected && shown.querySelector<HTMLElement>('.conflict button');
        // Looked up again once drawn: the control written in may have gone with the version
        // left (the other has no source: the row goes, « + Ajouter une source » is where).
        const now = (latest.current ?? keyboardBack).field(field);
        const control = now?.isConnected ? now : written?.isConnected ? written : undefined;
        const folded = control?.closest('details:not([open])');
        const to =
          next || (folded && folded.querySelector<HTMLElement>(':scope > summary')) || control;
        if (to) to.focus();
      },
    );
  };
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
    <section
      class="conflicts"
      role="region"
      // On the shared desk's bar, one box a record: each region named by its record too, so that
      // several are told apart (landmarks of one name are one to a screen reader's list).
      aria-labelledby={origin ? undefined : headingId}
      aria-label={origin ? t('conflict.region', { title: origin.title }) : undefined}
      data-testid="conflicts"
      ref={section}
    >
      <h2 id={headingId} class="conflicts__heading">
        {t('conflict.heading')}
      </h2>
      <p class="conflicts__intro" role="alert">
        {intro}
      </p>
      <ul class="conflicts__list">
        {conflicts.map(({ field, mine, theirs }) => {
          const lang = itemLang?.(field);
          const texts = { mine: show(field, mine), theirs: show(field, theirs) };
          return (
            <Conflict
              key={String(field)}
              name={label(field)}
              pair={
                lang === undefined ? { kind: 'text', ...texts } : { kind: 'item', ...texts, lang }
              }
              theirsCaption={theirsCaption}
              onChoose={(choice, button) => choose(field, choice, button)}
              onKeepBoth={keepBoth?.offered(field) ? () => keepBoth.choose(field) : undefined}
            />
          );
        })}
      </ul>
    </section>
  );
}

/** What a pair's comparison depends on: it is made again only when this changes. */
const pairKey = (pair: ShownPair) =>
  `${pair.kind === 'item' ? pair.lang : ''}\n${pair.mine.length}\n${pair.mine}\n${pair.theirs}`;

/**
 * A version drawn: its text, and whether it has marks that say what differs (one Tab stop, the
 * arrows between them), which the keys' hint under its caption is shown for.
 */
interface Drawn {
  text: ComponentChildren;
  marks: boolean;
}

/** A comparison made, and what it was made of. */
interface Compared {
  key: string;
  mine: Drawn;
  theirs: Drawn;
}

/**
 * The ids of what describes each version's marks to a screen reader (its caption and the keys'
 * hint, see {@link Conflict}), as `aria-describedby` lists them.
 */
type DescribedBy = Record<'mine' | 'theirs', string>;

/** Both versions of `pair` drawn, compared, their marks described by `describedBy`. */
function compare(pair: ShownPair, describedBy: DescribedBy): Compared {
  const [mine, theirs] = versions(pair);
  return {
    key: pairKey(pair),
    mine: mine('conflict-mine', describedBy.mine),
    theirs: theirs('conflict-theirs', describedBy.theirs),
  };
}

/**
 * The comparison of `pair`, made at once the first time (the box shows complete), then again
 * only once its versions have not changed for {@link COMPARE_PAUSE_MS}: typing in « Votre
 * version » never waits for it. `current` says whether what it shows is `pair`'s.
 */
function useComparison(pair: ShownPair, describedBy: DescribedBy): Compared & { current: boolean } {
  const key = pairKey(pair);
  const [compared, setCompared] = useState(() => compare(pair, describedBy));
  useEffect(() => {
    if (compared.key === key) return;
    const timer = setTimeout(() => setCompared(compare(pair, describedBy)), COMPARE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [key, compared.key]);
  return { ...compared, current: compared.key === key };
}

/** One field's two versions side by side, where they differ marked in each, and the two choices. */
function Conflict({
  name,
  pair,
  theirsCaption,
  onChoose,
  onKeepBoth,
}: {
  name: string;
  pair: ShownPair;
  theirsCaption: string;
  onChoose: (choice: 'mine' | 'theirs', button: HTMLElement) => void;
  /** « Garder les deux », where both versions can be kept. */
  onKeepBoth?: () => void;
}) {
  const id = useId();
  const captionId = (choice: 'mine' | 'theirs') => `${id}-${choice}-caption`;
  const keysId = (choice: 'mine' | 'theirs') => `${id}-${choice}-keys`;
  // A mark focused says whose version it is in and how to move between them, after its words.
  const { mine, theirs, current } = useComparison(pair, {
    mine: `${captionId('mine')} ${keysId('mine')}`,
    theirs: `${captionId('theirs')} ${keysId('theirs')}`,
  });
  // The two versions are one figure twice: its caption, the keys' hint when it has marks to
  // reach (nothing tells the keyboard's way to them otherwise), its text, its choice.
  const figures = [
    { caption: t('conflict.mine'), shown: mine, choice: 'mine' as const },
    { caption: theirsCaption, shown: theirs, choice: 'theirs' as const },
  ];
  return (
    <li class="conflict" data-testid="conflict">
      <h3 class="conflict__field">{name}</h3>
      {/* Not a live region: said at each pause in typing, it would talk over the editor. */}
      {!current && (
        <p class="conflict__updating" data-testid="conflict-updating">
          {t('conflict.updating')}
        </p>
      )}
      <div
        class={`conflict__versions${current ? '' : ' conflict__versions--stale'}`}
        aria-busy={current ? undefined : 'true'}
      >
        {figures.map(({ caption, shown, choice }) => (
          <figure class="conflict__version" key={choice}>
            <figcaption id={captionId(choice)}>{caption}</figcaption>
            {shown.marks && (
              <p class="muted conflict__keys" id={keysId(choice)} data-testid="conflict-keys">
                {t('conflict.keys')}
              </p>
            )}
            {shown.text}
            <button
              type="button"
              class="button button--small"
              aria-label={t(
                choice === 'mine' ? 'conflict.keepMineNamed' : 'conflict.takeTheirsNamed',
                {
                  field: name,
                },
              )}
              onClick={(event) => onChoose(choice, event.currentTarget)}
            >
              {t(choice === 'mine' ? 'conflict.keepMine' : 'conflict.takeTheirs')}
            </button>
          </figure>
        ))}
      </div>
      {onKeepBoth && (
        <p class="conflict__both">
          <button
            type="button"
            class="button button--small"
            aria-label={t('conflict.keepBothNamed', { field: name })}
            aria-describedby={`${id}-both`}
            data-testid="conflict-keep-both"
            onClick={onKeepBoth}
          >
            {t('conflict.keepBoth')}
          </button>{' '}
          <span class="muted" id={`${id}-both`}>
            {t('conflict.keepBothHint')}
          </span>
        </p>
      )}
    </li>
  );
}

/** A version drawn with its test id, its marks described by the ids `describedBy`. */
type Version = (testId: string, describedBy: string) => Drawn;

/**
 * Both versions drawn, each with what the other lacks marked (where the two differ, marked in
 * each: an edit is seen without comparing line by line). An item's text as it reads, its words
 * and styles compared ({@link diffItemHtml}); any other value as text, word by word.
 */
function versions(pair: ShownPair): [Version, Version] {
  if (pair.kind === 'item') return itemVersions(pair.mine, pair.theirs, pair.lang);
  const { mine, theirs } = pair;
  const diff = mine && theirs ? diffWords(mine, theirs) : undefined;
  const plain =
    (text: string, parts: DiffPart[] | undefined): Version =>
    (testId) => ({
      text: (
        <p class="conflict__text" data-testid={testId}>
          {parts ? <Marked parts={parts} /> : text || t('conflict.empty')}
        </p>
      ),
      // Words changed only: marked, none to reach by keyboard.
      marks: false,
    });
  return [plain(mine, diff?.mine), plain(theirs, diff?.theirs)];
}

/** Two versions of an item's text, each drawn as it reads, what differs marked. */
function itemVersions(mine: string, theirs: string, lang: string): [Version, Version] {
  const diff = diffItemHtml(mine, theirs);
  const item =
    (version: (typeof diff)['mine']): Version =>
    (testId, describedBy) => {
      if (version.empty) {
        return {
          text: (
            <p class="conflict__text" data-testid={testId}>
              {t('conflict.empty')}
            </p>
          ),
          marks: false,
        };
      }
      // In the text's language, as the editor says it: a screen reader reads a French text
      // in French when the interface speaks English, and a quote in its own language.
      const text = (
        <div class="conflict__text conflict__text--item" lang={lang} data-testid={testId}>
          {itemNodes(version.nodes, { given: false, describedBy })}
        </div>
      );
      return { text, marks: saysSomething(version.nodes) };
    };
  return [item(diff.mine), item(diff.theirs)];
}

/** Whether `nodes` hold a mark that says what differs (a Tab stop, see {@link TextRun}). */
function saysSomething(nodes: ItemNode[]): boolean {
  return nodes.some((node) =>
    'tag' in node ? saysSomething(node.children) : !!node.mark && node.mark.kind !== 'words',
  );
}

/**
 * An item's nodes as elements of this page, made one by one from the parsed, clean text: its
 * words are text, never markup. A link is not one here: its words read as a link, its address
 * after them, to be compared with the other version's, and no click on it leaves the choice
 * (in the popup, a page opened would close it).
 */
function itemNodes(nodes: ItemNode[], tabStop: TabStop): ComponentChildren {
  return nodes.map((node, i) => {
    if (!('tag' in node)) return <TextRun key={i} run={node} tabStop={tabStop} />;
    const children = itemNodes(node.children, tabStop);
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
 * A version's marks that say something: whether its first (its one Tab stop) is given yet, and
 * the ids of its caption and keys' hint, which describe each.
 */
interface TabStop {
  given: boolean;
  describedBy: string;
}

/**
 * A run of an item's text: as it is, or marked, the words the other version lacks as a plain
 * field's are, and the words it has too but that read otherwise there (a style, a link, a
 * language, a block) marked with what differs (« mêmes mots, ici en gras »). That is said once:
 * in the text, after the words, to a screen reader, and shown beside them on hovering them or
 * on focusing them (not a `title`, which a screen reader would read again as the mark's
 * description, and which no keyboard shows). The marks that say something are one Tab stop a
 * version, the first of them (`tabStop` says whether it is given yet), the arrow keys moving
 * between them: a text with dozens of them is not dozens of Tab stops. Each is described by its
 * version's caption and the hint that says so (`tabStop.describedBy`): focused, a screen reader
 * says whose version it is in and how to move on, after the words and what differs.
 */
function TextRun({ run, tabStop }: { run: ItemText; tabStop: TabStop }) {
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
  const first = !tabStop.given;
  tabStop.given = true;
  return (
    <mark
      class="conflict__change conflict__change--style"
      tabIndex={first ? 0 : -1}
      aria-describedby={tabStop.describedBy}
      onMouseEnter={holdTip}
      onMouseLeave={releaseTip}
      onFocus={holdTip}
      onBlur={releaseTip}
      onKeyDown={markKey}
    >
      {run.text}
      <span class="conflict__said" lang={getLocale()} data-testid="conflict-said">
        {/* A no-break space: a space starting the hidden box would be dropped, the words run on. */}
        <span class="visually-hidden">{'\u00a0('}</span>
        {said}
        <span class="visually-hidden">)</span>
      </span>
    </mark>
  );
}

/**
 * The marks whose box shows. While one does, the box is moved again when anything scrolls or
 * the window is resized (it is fixed in the window, out of the scrolling text's box, which
 * would cut it off; the words it describes are not), and Escape puts it away.
 */
const shownTips = new Set<HTMLElement>();
const moveShownTips = () => {
  forgetDrawnOver();
  shownTips.forEach(placeSaid);
};

/**
 * Forgets the marks no longer in the page (the comparison drawn again, or the conflict chosen,
 * while one was pointed at: no `mouseleave` comes from a removed element), so that Escape is
 * not kept from the desk for a box nobody sees.
 */
function forgetDrawnOver() {
  for (const mark of [...shownTips]) if (!mark.isConnected) hideSaid(mark);
}

/**
 * Escape, wherever the focus is (on the mark, or in the editor with the pointer over a mark):
 * the boxes shown go away and stay away until their mark is left and come back to (WCAG 1.4.13,
 * dismissible), and the focus stays where it is. Heard before the desk's own Escape (back to the
 * list), which a second Escape still is.
 */
function dismissShownTips(event: KeyboardEvent) {
  if (event.key !== 'Escape') return;
  forgetDrawnOver();
  if (shownTips.size === 0) return;
  event.preventDefault();
  for (const mark of [...shownTips]) {
    mark.dataset.dismissed = '';
    hideSaid(mark);
  }
}

/** A mark's box of what differs. */
const saidOf = (mark: HTMLElement) => mark.querySelector<HTMLElement>(':scope > .conflict__said');

/**
 * Shows `mark`'s box beside it, inside the window and the desk's column (in the popup, the
 * window): under the words, or over them where there is no room under; never over them.
 */
function placeSaid(mark: HTMLElement) {
  const said = saidOf(mark);
  if (!said) return;
  const root = document.documentElement;
  const view = { left: 0, top: 0, right: root.clientWidth, bottom: root.clientHeight };
  const column = mark.closest('.desk__column');
  const bounds = column ? within(view, column.getBoundingClientRect()) : view;
  said.classList.add('conflict__said--shown');
  // Measured where nothing narrows it but the bounds' width, then fixed at that size: moved
  // near the window's right edge, it would wrap again.
  said.style.width = '';
  said.style.maxWidth = `${Math.max(0, bounds.right - bounds.left)}px`;
  said.style.left = '0px';
  said.style.top = '0px';
  const measured = said.getBoundingClientRect();
  const size = { width: Math.ceil(measured.width), height: measured.height };
  const place = placeTip(mark.getBoundingClientRect(), size, bounds);
  said.style.width = `${size.width}px`;
  said.style.left = `${place.left}px`;
  said.style.top = `${place.top}px`;
  said.dataset.side = place.side;
}

/** Hides `mark`'s box: hidden as .visually-hidden hides, still read after the words. */
function hideSaid(mark: HTMLElement) {
  const said = saidOf(mark);
  said?.classList.remove('conflict__said--shown');
  said?.removeAttribute('style');
  said?.removeAttribute('data-side');
  shownTips.delete(mark);
  if (shownTips.size === 0) {
    removeEventListener('scroll', moveShownTips, true);
    removeEventListener('resize', moveShownTips);
    removeEventListener('keydown', dismissShownTips, true);
  }
}

/**
 * The pointer came onto a mark, or the focus: its box shows, unless Escape put it away while
 * the mark is still pointed at or focused.
 */
function holdTip(event: Event) {
  const mark = event.currentTarget as HTMLElement;
  mark.dataset[event.type === 'focus' ? 'focused' : 'hovered'] = '';
  if (mark.dataset.dismissed !== undefined) return;
  if (shownTips.size === 0) {
    addEventListener('scroll', moveShownTips, true);
    addEventListener('resize', moveShownTips);
    addEventListener('keydown', dismissShownTips, true);
  }
  shownTips.add(mark);
  placeSaid(mark);
}

/** The pointer or the focus left a mark: its box hides once neither is on it. */
function releaseTip(event: Event) {
  const mark = event.currentTarget as HTMLElement;
  delete mark.dataset[event.type === 'blur' ? 'focused' : 'hovered'];
  if (mark.dataset.focused !== undefined || mark.dataset.hovered !== undefined) return;
  delete mark.dataset.dismissed;
  hideSaid(mark);
}

/**
 * The arrow keys, Home and End on a focused mark: the focus moves to another mark of the same
 * version, which becomes its Tab stop.
 */
function markKey(event: KeyboardEvent) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
  const mark = event.currentTarget as HTMLElement;
  const marks = [
    ...(mark
      .closest('.conflict__text')
      ?.querySelectorAll<HTMLElement>('.conflict__change--style') ?? []),
  ];
  const to = markMove(event.key, marks.indexOf(mark), marks.length);
  if (to === undefined) return;
  event.preventDefault();
  const next = marks[to]!;
  if (next === mark) return;
  mark.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}

/** A language's name in the interface's language (`en` is « anglais »), else its tag. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
