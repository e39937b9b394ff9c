import { useMemo, useRef, useState } from 'preact/hooks';
import { draftLimitKept, hasMenuWords, limitNote } from '../messaging/limit-note';
import { mergeTextField } from '../lib/block-merge';
import { t, type MessageKey } from '../locales';
import type { Draft, DraftStatus, Source } from '../storage/db';
import { getDraft, mergeTargets, pageTwins, trashedBy } from '../storage/draft-records';
import { mergedCase } from './MergedIntoNotice';
import {
  mergeDrafts,
  restoreDraft,
  saveDraftEdit,
  trashDraft,
  updateDraft,
  type DraftPatch,
} from '../storage/drafts';
import { addToIssue, issueItems } from '../storage/issues';
import { removeItems } from '../storage/remove-undo';
import { LABEL_MAX } from '../storage/label';
import { draftJournal, newJournalView } from '../storage/journal';
import { ConflictChooser } from './ConflictChooser';
import { DeskMarks, isMe, useLockLapse } from './DeskMarks';
import { DraftEditorBar } from './DraftEditorBar';
import { LinesTextarea } from './LinesTextarea';
import { linkSuggestions } from './linkSuggestions';
import { MergeDialog } from './MergeDialog';
import { mergedLabel } from './mergedLabel';
import { mergeLockRefusal } from './mergeLock';
import { PageTwinNotice } from './PageTwinNotice';
import { Provenance } from './Provenance';
import { QuoteList } from './QuoteList';
import { RichText, type RichTextHandle } from './RichText';
import { SourcesEditor } from './SourcesEditor';
import { TagsInput } from './TagsInput';
import { tagList } from './tagsShown';
import { oneLine } from './conflictFields';
import { useLiveQuery } from './useLiveQuery';
import { useDeskLock } from './useDeskLock';
import { deskRefusal, lockRefusal } from './roles';
import { useSharedDesk } from './useSharedDesk';
import { deskUser } from './sharedDesk';
import { useSyncedRecord } from './useSyncedRecord';
import { useUndo } from './Undo';
import { useCutPaste } from './useCutPaste';
import { describedBy, LongValue, PasteCut, shownInField } from './FieldCut';
import { DRAFT_TEXT_LIMITS } from '../storage/record-values';
import { shortened } from '../lib/ellipsis';
import { useHouseStyle } from './useSettings';
import { useItemLabel } from './useItemLabel';
import { draftName } from './draftName';
import type { Labelled } from './itemName';
import { quoteLanguage } from '../lib/lang';
import { DEFAULT_HOUSE_STYLE } from '../storage/house-style';
import { countText, itemText } from './richtext';

interface Props {
  id: string;
  /** The issue the editor is composing, if any: "Add to issue" targets it. */
  currentIssueId?: string | null;
  onClose?: () => void;
  /**
   * Called instead of `onClose` once « Supprimer » (or « Fusionner dans… ») has put the draft in
   * the trash: the view closes the editor and puts the keyboard where the draft was in its list
   * (Desk.tsx), its row gone with it.
   */
  onTrashed?: () => void;
  /** What the close button says: "Back" in the popup, "Close" on the desk. */
  closeLabel?: string;
  /**
   * Escape closes the editor as its close button does (the popup's, which shows one view at a
   * time); the desk's own Escape goes back to its list (Desk.tsx). What takes Escape first inside
   * the editor (a list of suggestions, a dialog) prevents it and keeps it.
   */
  escapeCloses?: boolean;
  /**
   * Whether the item's text takes the keyboard as the editor first shows (default): the editor
   * opened the draft. Not when the same draft is only drawn again in another place (the desk
   * showing another issue), where a shortcut typed next would land in the text.
   */
  autoFocus?: boolean;
  /** Opens another draft in the editor's place (the same page's draft of another editor). */
  onOpenDraft?: (id: string) => void;
}

/** The fields the editor types, merged field by field with changes made in other views. */
const FORM_FIELDS = ['label', 'title', 'body', 'sources', 'note', 'tags', 'status'] as const;
type FormField = (typeof FORM_FIELDS)[number];

const FIELD_LABELS: Record<FormField, MessageKey> = {
  label: 'editor.label',
  title: 'editor.title',
  body: 'editor.body',
  sources: 'editor.sources',
  note: 'editor.note',
  tags: 'editor.tags',
  status: 'editor.status',
};

/**
 * Where each field is written in the editor: the keyboard goes back there after a choice in the
 * conflict chooser (« Garder la mienne », « Prendre l’autre »).
 */
const FIELD_CONTROLS: Record<FormField, string> = {
  label: '[data-testid="item-label"]',
  title: '[data-field="title"] input',
  body: '[data-testid="item-text"]',
  sources: '[data-testid="sources"] :is(input, button)',
  note: '[data-field="note"] textarea',
  tags: 'input[aria-labelledby="tags-label"]',
  status: '.editor__status select',
};

/**
 * A field's value as the conflict chooser shows it: the item's text its HTML (shown as it reads,
 * see `itemLang` below); any other field as text, not JSON.
 */
function showValue(field: FormField, value: Draft[FormField]): string {
  if (field === 'body') return value as string;
  if (field === 'sources') {
    return (value as Source[])
      .map((source) => shortened(source.title || source.url, DRAFT_TEXT_LIMITS.title))
      .join(t('conflict.value.listSeparator'));
  }
  // Within the limits the fields take: a backup or the shared desk may bring a title of
  // 2,000,000 characters, 100,000 tags, or one of 1 MB (see conflictFields.ts).
  if (field === 'tags') return tagList(value as string[], ', ');
  if (field === 'status') return t(`status.${value as DraftStatus}`);
  // A label never given is `undefined`: the chooser says « (vide) » for it, as for ''.
  return oneLine(field, (value as string | undefined) ?? '');
}

/**
 * A draft's desk mark without who is editing it: in the trash, the lock the last sync saw
 * (taken before the trash, not released yet) is no one editing it; and while the editor's notice
 * names who is editing it, the marks line does not name them a second time.
 */
function withoutLock(mark: Draft['desk']): Draft['desk'] {
  if (!mark?.lock) return mark;
  const rest = { ...mark };
  delete rest.lock;
  return rest;
}

/** Everything about one draft: its text, sources, quotes, tags, note and status. Saves as you type. */
export function DraftEditor(props: Props) {
  // One editing session per draft: its merge state belongs to that draft only.
  return <DraftEditorOf key={props.id} {...props} />;
}

function DraftEditorOf({
  id,
  currentIssueId,
  onClose,
  onTrashed,
  closeLabel = t('common.back'),
  escapeCloses = false,
  autoFocus = true,
  onOpenDraft,
}: Props) {
  // As given when the draft was opened: the text shows once the draft is read, a render later.
  const [takeKeyboard] = useState(autoFocus);
  // `null` once the draft is gone (merged into another, emptied from the trash): `undefined`
  // is only "still loading".
  const draft = useLiveQuery(async () => (await getDraft(id)) ?? null, [id]);
  const [merging, setMerging] = useState(false);
  // A paste longer than the label's or the title's field takes is cut: said under the field.
  const labelPaste = useCutPaste(LABEL_MAX);
  const titlePaste = useCutPaste(DRAFT_TEXT_LIMITS.title);
  // This editor's own journal entry; the journal replay tells its writes from other views'.
  const [journal] = useState(() => draftJournal(id, newJournalView()));
  // The shared desk: what the role allows on this draft. Another's draft, for a Contributor or
  // an Author, is shown to be read: its fields greyed, no lock taken, nothing journaled or
  // written. Sync off: everything is allowed, as before.
  const desk = useSharedDesk();
  // The exports' language: a quote from a page in another is marked with its page's.
  const houseStyle = useHouseStyle();
  // The item named as the issue list names it (its label typeset as the exports write it, its
  // page's title in another language as written: the form holds no page address nor language).
  const nameOfItem = useItemLabel();
  const nameOf = (item: Labelled) =>
    nameOfItem(draft ? { url: draft.url, lang: draft.lang, ...item } : item);
  // In an issue, trashed or merged away it would leave it: what « Retirer » may not, nor may they.
  const record = { kind: 'draft', desk: draft?.desk, inIssue: !!draft?.issueId } as const;
  const cannotEdit = deskRefusal(desk, 'edit', record);
  const { form, edit, flush, state, conflicts, resolve } = useSyncedRecord<Draft, FormField>({
    stored: draft,
    fields: FORM_FIELDS,
    write: async (patch, base, at, held) => {
      const stamp = at ? () => at : undefined;
      const source = at ? { view: journal.view, at, held } : undefined;
      const { draft: record, conflicts: unwritten } = await saveDraftEdit(
        id,
        patch,
        base,
        undefined,
        stamp,
        source,
      );
      return { record, conflicts: unwritten.filter((f): f is FormField => f in FIELD_LABELS) };
    },
    journal,
    readOnly: !!cannotEdit,
    // The text by paragraphs and list entries, the note (a text area) by lines.
    mergeText: (field, base, mine, theirs) =>
      mergeTextField(
        field === 'body' ? 'html' : field === 'note' ? 'lines' : undefined,
        base,
        mine,
        theirs,
      ),
  });
  const { offer, tell } = useUndo();
  const text = useRef<RichTextHandle | null>(null);
  // The editor's fields: the keyboard goes back to one after a choice in the conflict chooser.
  const editor = useRef<HTMLElement>(null);
  // Who else is editing this draft: its lock is held while it is open here to be written
  // (read-only, nothing is taken). Not in the trash: nobody is editing a draft there, and a
  // colleague named before the trash reached this editor is named again only if they still
  // hold it once it is restored.
  const editingElsewhere = useDeskLock(
    'draft',
    id,
    desk.enabled && !!draft?.desk && !cannotEdit && !draft.deletedAt,
    !!draft?.desk?.lock,
  );
  // « + Au numéro » and « Retirer du numéro »: putting the draft in the issue, taking it out.
  const cannotArrange = deskRefusal(desk, 'place');
  // Another editor's draft of the same page (shared desk): one lookup of the url index.
  const twin = useLiveQuery(
    async () => (draft && desk.enabled ? (await pageTwins([draft])).get(id)?.[0] : undefined),
    [id, draft?.url, draft?.desk?.createdBy, !!draft?.deletedAt, desk.enabled],
  );
  // What a colleague's lock greys here (the other draft of the page, to merge) is free again
  // when the lock lapses.
  useLockLapse([draft?.desk, twin?.draft.desk]);
  // The draft another editor merged this one into, when it is in the trash for that: read as
  // the trash's rows read it (named when here, else not here yet, or gone from the desk).
  const mergedInto = useLiveQuery(
    async () => (draft ? ((await mergeTargets([draft])).get(draft.id) ?? null) : null),
    [draft?.deletedAt, draft?.desk?.mergedInto, draft?.desk?.mergedIntoGone],
  );
  // The other items of the draft's issue (or of the issue being composed), to link to them.
  const issueId = draft?.issueId || currentIssueId || '';
  const others = useLiveQuery(() => issueItems(issueId), [issueId]);
  const suggestions = useMemo(
    () =>
      form && draft
        ? linkSuggestions({ id, sources: form.sources, quotes: draft.quotes }, others ?? [], nameOf)
        : [],
    [id, form?.sources, draft?.quotes, others, nameOf],
  );

  if (draft === null) {
    return (
      <section class="editor" aria-label={t('editor.heading')} data-testid="draft-editor">
        <p class="muted">{t('editor.gone')}</p>
        {onClose && (
          <button type="button" class="button button--small" onClick={onClose}>
            ← {closeLabel}
          </button>
        )}
      </section>
    );
  }
  if (!form || !draft) return <p class="muted">{t('common.loading')}</p>;

  /**
   * The draft named by its title as the inbox's row shows it and its own messages name it (as
   * typed, held to a title's limit): the same words wherever « Supprimer » or a refused merge
   * starts. Its whole title, quoted in the undo bar, in why a merge into it is refused or in
   * what a screen reader hears after a conflict's choice, may be 2,000,000 characters long.
   */
  const titleName = () => draftName(shortened(form.title, DRAFT_TEXT_LIMITS.title));

  const change = (patch: Pick<DraftPatch, FormField>) => {
    if (!cannotEdit) edit(patch);
  };

  /** The draft has left its list for the trash (« Supprimer », « Fusionner dans… »): closed so. */
  const closeTrashed = () => (onTrashed ?? onClose)?.();

  const remove = async () => {
    await flush();
    const token = await trashDraft(id);
    // Named as the list in sight names it: an item of an issue by its label, not by the draft's
    // title, which the issue list does not show; a draft of the inbox by its title.
    offer(token, t('undo.trashed', { title: draft.issueId ? nameOf(form) : titleName() }));
    closeTrashed();
  };

  /**
   * Takes the draft out of its issue (back to the inbox), undoable as the issue list's
   * « Retirer »: named by its label as the issue's list names it, « Annuler » puts it back
   * where it was (storage/remove-undo.ts).
   */
  const removeFromItsIssue = async () => {
    await flush();
    const token = await removeItems([id]);
    if (token) offer(token, t('undo.removed', { title: nameOf(form) }));
  };

  /** The other editor's draft of this page merged into this one, undoable as any merge. */
  const mergeTwin = async (otherId: string) => {
    await flush();
    try {
      // A colleague who opened either since the last sync: nothing merged, and said why where
      // the merge's « Annuler » would be (the bar, which speaks it). The draft found open is
      // marked so: greyed below by its mark, until the lock lapses.
      const locked = await mergeLockRefusal(otherId, id, titleName());
      if (locked) return tell(locked);
      const token = await mergeDrafts(otherId, id);
      offer(token, mergedLabel(token, deskUser(desk)));
    } catch (error) {
      console.error('Indiscrets merge', error);
    }
  };
  // Merging writes this draft and puts the other in the trash: both the role's to write.
  const twinRecord = {
    kind: 'draft',
    desk: twin?.draft.desk,
    inIssue: !!twin?.draft.issueId,
  } as const;
  const twinMergeRefused =
    cannotEdit ??
    deskRefusal(desk, 'edit', twinRecord) ??
    deskRefusal(desk, 'merge', twinRecord) ??
    deskRefusal(desk, 'mergeInto', { ...record, title: titleName() }) ??
    lockRefusal('mergeInto', editingElsewhere, titleName());

  const inIssue = !!draft.issueId;
  // Put in the trash while open here: by another editor (the sync brought it; the desk mark
  // names who trashed it, not a later writer such as this editor's own typing pushed since) or
  // in another window. What is typed still saves into it, and coming out of the trash keeps it;
  // what it may not do meanwhile (trash, merge, arrange) is greyed with the reason.
  const trashed = !!draft.deletedAt;
  const trasher = trashedBy(draft.desk);
  // The desk's own user, who trashed it in another window or browser, is « vous »: told by
  // their WordPress id, never by the name (two editors can share one); a mark without the id
  // names, as before.
  const trashedByMe = desk.enabled && isMe(trasher.id, deskUser(desk));
  // Merged into another draft by another editor: said, with that draft to open; said before
  // that draft reaches this browser too, and the notice names it when it does (as its row in the
  // trash says it: see MergedIntoNotice).
  const merged = trashed && mergedInto ? mergedInto : undefined;
  // A draft with no name is named (« Brouillon sans titre »), as its row names it.
  const mergedTitle = merged?.title === undefined ? undefined : draftName(merged.title);
  const trashSaid = () => {
    if (merged) {
      const where = mergedCase(merged);
      if (trashedByMe) return t(`editor.mergedByYou${where}`, { title: mergedTitle ?? '' });
      return trasher.name
        ? t(`editor.mergedBy${where}`, { name: trasher.name, title: mergedTitle ?? '' })
        : t(`editor.mergedElsewhere${where}`, { title: mergedTitle ?? '' });
    }
    if (trashedByMe) return t('editor.trashedByYou');
    return desk.enabled && trasher.name
      ? t('editor.trashedBy', { name: trasher.name })
      : t('editor.trashedElsewhere');
  };
  const inTrash = trashed ? t('editor.inTrashReason') : undefined;
  const counts = countText(itemText(form.body));
  // A stored title longer than the field takes (a backup's, or the shared desk's, may hold
  // 2,000,000 characters): the field shows its start, and says so.
  const titleMax = DRAFT_TEXT_LIMITS.title;
  const titleHead = shownInField(form.title, titleMax);
  // A label too (80 characters typed): a backup's or the shared desk's may be of any length.
  const labelHead = shownInField(form.label ?? '', LABEL_MAX);
  // What the editor does not type (quotes added by a later clip, metadata) follows the database.
  const live = draft;
  // The language the text is written in, the exports'; the one a quote of the page keeps in it
  // (null: the text's own, or unknown).
  const textLang = houseStyle?.locale ?? DEFAULT_HOUSE_STYLE.locale;
  const quoteLang = quoteLanguage(live.lang, textLang);
  const addToCurrent = async (issueId: string) => {
    await flush();
    try {
      await addToIssue(id, issueId);
    } catch (error) {
      console.error('Indiscrets add to issue', error);
    }
  };

  return (
    <section
      class="editor"
      aria-label={t('editor.heading')}
      data-testid="draft-editor"
      ref={editor}
      onKeyDown={(event) => {
        if (!escapeCloses || !onClose || event.key !== 'Escape' || event.defaultPrevented) return;
        if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
          return;
        event.preventDefault();
        // The field left first, as « ← Retour »'s click leaves it: what it takes in only then (a
        // tag typed, not yet added) is saved too. Firefox tells no field removed with the editor.
        const field = document.activeElement;
        if (field instanceof HTMLElement && editor.current?.contains(field)) field.blur();
        void flush().then(onClose);
      }}
    >
      <DraftEditorBar
        status={form.status}
        onStatus={(status) => change({ status })}
        state={state}
        inIssue={inIssue}
        currentIssueId={currentIssueId}
        onClose={onClose && (() => void flush().then(onClose))}
        closeLabel={closeLabel}
        onRemoveFromIssue={() =>
          void removeFromItsIssue().catch((error: unknown) =>
            console.error('Indiscrets remove from issue', error),
          )
        }
        onAddToIssue={(issueId) => void addToCurrent(issueId)}
        onMerge={() => setMerging(true)}
        onDelete={() => void remove()}
        arrangeRefused={inTrash ?? cannotArrange}
        editRefused={cannotEdit}
        // Another editor has it open (the lock the last sync saw, or the one just refused here).
        trashRefused={
          inTrash ?? deskRefusal(desk, 'trash', record) ?? lockRefusal('trash', editingElsewhere)
        }
        mergeRefused={
          inTrash ?? deskRefusal(desk, 'merge', record) ?? lockRefusal('merge', editingElsewhere)
        }
      />
      {trashed && (
        <div class="notice" role="alert" data-testid="draft-trashed">
          <p>{trashSaid()}</p>
          <div class="notice__actions">
            {mergedTitle !== undefined && onOpenDraft && (
              <button
                type="button"
                class="button button--small"
                onClick={() => void flush().then(() => onOpenDraft(mergedInto!.id))}
                aria-label={t('merged.openNamed', { title: mergedTitle })}
                data-testid="open-merged-into"
              >
                {t('merged.open')}
              </button>
            )}
            <button
              type="button"
              class="button button--small"
              disabled={!!cannotEdit}
              onClick={() => void flush().then(() => restoreDraft(id))}
            >
              {t('editor.restore')}
            </button>
          </div>
        </div>
      )}
      {merging && (
        <MergeDialog
          sourceId={id}
          onDone={(merged) => {
            setMerging(false);
            // Merged away, the draft is in the trash as « Supprimer » puts it: the view closes the
            // editor and the keyboard goes where its row was, the row gone.
            if (merged) closeTrashed();
          }}
          beforeMerge={flush}
        />
      )}
      {/* A colleague editing it is said once, by the notice below (it tells what to do): not
          again on the marks line. */}
      <DeskMarks
        mark={trashed || editingElsewhere ? withoutLock(draft.desk) : draft.desk}
        kind="draft"
      />
      {twin && !trashed && (
        <PageTwinNotice
          twin={{ id: twin.draft.id, title: twin.draft.title, by: twin.by, mine: twin.mine }}
          onOpen={() => void flush().then(() => onOpenDraft?.(twin.draft.id))}
          onMerge={() => void mergeTwin(twin.draft.id)}
          mergeRefused={twinMergeRefused}
        />
      )}
      {cannotEdit && (
        <p class="notice role-notice" role="note" id={`read-only-${id}`} data-testid="read-only">
          {cannotEdit}
        </p>
      )}
      {editingElsewhere && (
        <p class="notice desk-lock-notice" role="status" data-testid="editing-elsewhere">
          {t('shared.lock.draft', { name: editingElsewhere })}
        </p>
      )}
      <ConflictChooser<Draft, FormField>
        conflicts={conflicts}
        label={(field) => t(FIELD_LABELS[field])}
        show={showValue}
        itemLang={(field) => (field === 'body' ? textLang : undefined)}
        onChoose={resolve}
        keyboardBack={{
          // Said once a choice is made: the draft by its title, else by its name in an issue.
          title: form.title.trim() ? titleName() : nameOf(form),
          field: (field) => editor.current?.querySelector<HTMLElement>(FIELD_CONTROLS[field]),
        }}
      />
      <fieldset
        class="plain-fieldset"
        disabled={!!cannotEdit}
        aria-describedby={cannotEdit ? `read-only-${id}` : undefined}
      >
        <div class="field">
          <label for={`label-${id}`} class="field__label">
            {t('editor.label')}
          </label>
          <input
            id={`label-${id}`}
            type="text"
            data-testid="item-label"
            value={labelHead.shown}
            maxLength={LABEL_MAX}
            // What the issue list shows while the field is empty: the first words of the text,
            // as the list shows them. The field itself keeps what the editor types.
            placeholder={nameOf({ ...form, label: '' })}
            aria-describedby={describedBy(
              `label-help-${id}`,
              labelHead.cut && `label-long-${id}`,
              labelPaste.cut && `label-cut-${id}`,
            )}
            onPaste={labelPaste.onPaste}
            onInput={(e) => {
              const label = (e.target as HTMLInputElement).value;
              labelPaste.typed(label);
              change({ label });
            }}
          />
          <small class="muted" id={`label-help-${id}`}>
            {t('editor.labelHelp')}
          </small>
          {labelHead.cut && (
            <LongValue
              id={`label-long-${id}`}
              value={form.label ?? ''}
              shown={labelHead.shown}
              notice="editor.labelLong"
              testId="label-long"
            />
          )}
          <PasteCut id={`label-cut-${id}`} cut={labelPaste.cut} max={LABEL_MAX} />
        </div>
        <label class="field" data-field="title">
          <span>{t('editor.title')}</span>
          <input
            type="text"
            value={titleHead.shown}
            maxLength={titleMax}
            onPaste={titlePaste.onPaste}
            onInput={(e) => {
              const title = (e.target as HTMLInputElement).value;
              titlePaste.typed(title);
              change({ title });
            }}
            aria-describedby={describedBy(
              titleHead.cut && `title-long-${id}`,
              titlePaste.cut && `title-cut-${id}`,
            )}
          />
        </label>
        {titleHead.cut && (
          <LongValue id={`title-long-${id}`} value={form.title} shown={titleHead.shown} />
        )}
        <PasteCut id={`title-cut-${id}`} cut={titlePaste.cut} max={titleMax} />
        <div class="field">
          <span id={`body-label-${id}`}>
            {t('editor.body')}{' '}
            <span class="muted">
              {t('counts.item', { words: counts.words, chars: counts.chars })}
            </span>
          </span>
          <RichText
            value={form.body}
            onChange={(body) => change({ body })}
            label={t('editor.body')}
            suggestions={suggestions}
            sitePosts
            handle={text}
            autoFocus={takeKeyboard}
            readOnly={!!cannotEdit}
            lang={textLang}
          />
        </div>
        <QuoteList
          quotes={live.quotes}
          lang={quoteLang}
          onInsert={(quote, block) => text.current?.insertQuote(quote, block, live.lang)}
        />
        <SourcesEditor
          sources={form.sources}
          onChange={(sources: Source[]) => change({ sources })}
        />
        <TagsInput tags={form.tags} onChange={(tags) => change({ tags })} />
        {live.captureNote && (
          <p class="draft__limit" role="note">
            {limitNote(
              draftLimitKept({
                ...live,
                captureNote: live.captureNote,
                menuWords: hasMenuWords(live.quotes),
              }),
            )}
          </p>
        )}
        <Provenance clip={live} />
        <label class="field" data-field="note">
          {/* Shared, it is read by the whole newsroom: « privée » would say the opposite. */}
          <span>{t(desk.enabled && live.noteShared ? 'editor.noteShared' : 'editor.note')}</span>
          <LinesTextarea rows={2} value={form.note} onChange={(note) => change({ note })} />
        </label>
        {desk.enabled && (
          // The note is private: it leaves this browser only when the editor says so.
          <label class="checkbox" data-testid="share-note">
            <input
              type="checkbox"
              checked={live.noteShared === true}
              onChange={(e) =>
                void updateDraft(id, { noteShared: (e.target as HTMLInputElement).checked })
              }
            />
            {t('shared.note.share')}
            <small class="muted">
              {t(live.noteShared ? 'shared.note.shared' : 'shared.note.private')}
            </small>
          </label>
        )}
      </fieldset>
    </section>
  );
}
