import { useEffect, useRef, useState } from 'preact/hooks';
import {
  createHouseStyle,
  formatIssueTitle,
  titlePatternForLocale,
  type CreditStyle,
  type HouseStyle,
} from '../export/house-style';
import { detectLocale, getLocale, t, tParts, setLocaleChoice } from '../locales';
import { houseStyleItem } from '../storage/preferences';
import {
  characterKeys,
  draftTemplate,
  SETTINGS_FOCUS_FRESH_MS,
  settingsFocus,
  uiLocale,
  type UiLocale,
} from '../storage/settings';
import { DEFAULT_DRAFT_TEMPLATE } from '../storage/template';
import { useHouseStyle } from './useSettings';
import { useStorageItem } from './useStorageItem';
import { hasCommandKey, SINGLE_KEYS } from './shortcuts';
import { KeyList } from './KeyList';
import { leaveWithoutAsking, typedUnsaved, useLeaveGuard } from './useLeaveGuard';
import { mergeFields, useFollowsStored, type FollowedForm } from './useFollowsStored';
import {
  ConflictsSaid,
  refusedOverConflict,
  StoredConflict,
  type ConflictRef,
} from './StoredConflict';
import { WordPressSettings } from './WordPressSettings';
import { BackupSettings } from './BackupSettings';
import { SharedDeskSettings } from './SharedDeskSettings';
import './options.css';

type Message = { text: string; tone: 'ok' | 'error' } | undefined;

/**
 * What became of the form's last « Enregistrer », or, with changes typed since and not saved,
 * that they are not (leaving the page then asks first: {@link useLeaveGuard}).
 */
function Saved({
  message,
  unsaved,
  conflict,
}: {
  message: Message;
  unsaved: boolean;
  /** The stored value changed under the typing: the choice, in place of « non enregistrées ». */
  conflict?: Parameters<typeof StoredConflict>[0];
}) {
  useLeaveGuard(unsaved);
  const asked = conflict && unsaved ? <StoredConflict {...conflict} /> : null;
  if (!message) {
    return (
      asked ??
      (unsaved ? (
        <p class="muted" role="status" data-testid="unsaved">
          {t('options.unsaved')}
        </p>
      ) : null)
    );
  }
  // The question stays with why « Enregistrer les miennes » wrote nothing (an empty pattern).
  return (
    <>
      {asked}
      <p
        class={`notice notice--${message.tone}`}
        role={message.tone === 'error' ? 'alert' : 'status'}
      >
        {message.text}
      </p>
    </>
  );
}

/**
 * The options page: language, the desk's keyboard, house style, draft template, WordPress, shared
 * desk, backup.
 */
export function Options() {
  return (
    <main class="options">
      <h1>{t('options.heading')}</h1>
      <LanguageSettings />
      <KeyboardSettings />
      <HouseStyleSettings />
      <TemplateSettings />
      <WordPressSettings />
      <SharedDeskSettings />
      <BackupSettings />
      <ConflictsSaid />
    </main>
  );
}

/**
 * Marks, for the page drawn again in the language chosen, that the language's list had the
 * keyboard: kept for this tab only, and read once.
 */
const LANGUAGE_FOCUS_KEY = 'indiscrets:options-language-focus';

/** The two languages, each named in itself and marked with it (a screen reader's voice). */
function LanguageChoices() {
  return (
    <>
      <option value="fr" lang="fr">
        Français
      </option>
      <option value="en" lang="en">
        English
      </option>
    </>
  );
}

/**
 * Keys that move a closed list's choice, on which Chromium (and Firefox) fire a change at each
 * step: the choice is then only tentative.
 */
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);
const stepKey = (event: KeyboardEvent) =>
  STEP_KEYS.has(event.key) ||
  event.key === 'PageUp' ||
  event.key === 'PageDown' ||
  (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey);

/** Whether `choice` is the language this page is drawn in (`auto`: the browser's). */
const drawnIn = (choice: UiLocale) => (choice === 'auto' ? detectLocale() : choice) === getLocale();

export function LanguageSettings() {
  const value = useStorageItem(uiLocale);
  // The page is drawn anew in the language chosen (a reload, which every text of the page
  // follows): the keyboard comes back to the list the editor chose it from, rather than to
  // nothing at the top of the page, and a screen reader says the list in its new language.
  const select = useRef<HTMLSelectElement>(null);
  /**
   * A language arrowed to on the closed list, not yet applied: a keyboard going through the
   * choices reloads the page once, at Enter or on leaving the list, not at each step (a choice
   * from the opened list, or the mouse's, applies at once).
   */
  const [pending, setPending] = useState<UiLocale>();
  /** Set by a key that steps through the list, for the change it fires at once. */
  const stepped = useRef(false);
  /**
   * A language chosen while another card holds changes typed and not saved, which the reload
   * into it would lose: asked first, in the page, where storing it then reloading left the
   * browser's question to come after the language was stored (kept even when the editor stayed).
   */
  const [asked, setAsked] = useState<UiLocale>();
  /** The question's first answer, « Garder la langue et les modifications ». */
  const stay = useRef<HTMLButtonElement>(null);
  /**
   * Set when the question comes as the keyboard leaves the list stepped to a language (Tab):
   * the keyboard goes to the question, drawn just after the list, where it had gone on past it
   * to the next card, the question's answers behind it.
   */
  const toQuestion = useRef(false);
  useEffect(() => {
    if (!toQuestion.current || !stay.current) return;
    toQuestion.current = false;
    stay.current.focus();
  });
  useEffect(() => {
    if (!value) return;
    try {
      if (sessionStorage.getItem(LANGUAGE_FOCUS_KEY) === null) return;
      sessionStorage.removeItem(LANGUAGE_FOCUS_KEY);
    } catch {
      return;
    }
    select.current?.focus();
  }, [!value]);
  if (!value) return null;

  /** `left`: applied as the keyboard left the list (see {@link toQuestion}). */
  async function apply(next: UiLocale, lose = false, left = false) {
    setPending(undefined);
    if (next === value) return setAsked(undefined);
    if (drawnIn(next)) {
      // The language this page is drawn in, the list showing another stored meanwhile (a
      // restore over typing, another tab): stored, with nothing to draw again, no reload to
      // lose the typing for.
      setAsked(undefined);
      await uiLocale.setValue(next);
      setLocaleChoice(next);
      return;
    }
    if (!lose && typedUnsaved()) {
      toQuestion.current = left;
      return setAsked(next);
    }
    await uiLocale.setValue(next);
    setLocaleChoice(next);
    try {
      sessionStorage.setItem(LANGUAGE_FOCUS_KEY, '1');
    } catch {
      // Without the tab's storage the page is drawn again all the same, the focus at its top.
    }
    // The typing's loss was answered here: the browser asks nothing more.
    if (lose) leaveWithoutAsking();
    location.reload();
  }

  return (
    <section class="card" aria-labelledby="lang-heading">
      <h2 id="lang-heading">{t('options.language')}</h2>
      <select
        ref={select}
        aria-label={t('options.language')}
        value={pending ?? value}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && pending) {
            e.preventDefault();
            void apply(pending);
          } else if (e.key === 'Escape' && pending) {
            // The step taken back: the language applied stays.
            e.preventDefault();
            setPending(undefined);
          } else if (stepKey(e)) {
            stepped.current = true;
            setTimeout(() => (stepped.current = false));
          }
        }}
        onBlur={(e) => {
          // Left for another control (not the window left): the choice stepped to applies.
          if (pending && document.activeElement !== e.currentTarget) {
            void apply(pending, false, true);
          }
        }}
        onChange={(e) => {
          const next = (e.target as HTMLSelectElement).value as UiLocale;
          if (stepped.current) setPending(next);
          else void apply(next);
        }}
      >
        <option value="auto">{t('options.languageAuto')}</option>
        <LanguageChoices />
      </select>
      {asked && (
        <div
          class="notice notice--error"
          role="group"
          aria-labelledby="lang-unsaved"
          data-testid="language-unsaved"
        >
          <p role="alert" id="lang-unsaved">
            {t('options.languageUnsaved')}
          </p>
          <div class="form-actions">
            <button
              ref={stay}
              type="button"
              class="button"
              onClick={() => {
                setAsked(undefined);
                select.current?.focus();
              }}
            >
              {t('options.languageStay')}
            </button>
            <button type="button" class="button" onClick={() => void apply(asked, true)}>
              {t('options.languageLeave')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * The desk's keys of one character (WCAG 2.1.4), on or off. Saved as it is ticked, as the
 * language is, with no « Enregistrer »: a desk open in another tab obeys at once (it watches the
 * setting), and the box shows what is stored, changed in another browser too (synced).
 */
export function KeyboardSettings() {
  const stored = useStorageItem(characterKeys);
  const [message, setMessage] = useState<Message>();
  const focus = useStorageItem(settingsFocus);
  const box = useRef<HTMLInputElement>(null);
  const drawn = stored !== undefined;
  // Asked for by the desk's list of keys (« Réglages », openKeyboardSettings): the box has the
  // keyboard and is on screen, in a page opening or one open already (scrolled elsewhere). Read
  // once, and cleared so that the page opened later starts at its top; another section's
  // request is left to it. Only the language's short section is drawn above this one: nothing
  // pushes the box off screen afterwards, as the sections below do WordPress's fields.
  useEffect(() => {
    if (!drawn || !focus || focus.section !== 'keyboard') return;
    void settingsFocus.setValue(null).catch(() => undefined);
    if (Date.now() - focus.at > SETTINGS_FOCUS_FRESH_MS || !box.current) return;
    box.current.focus({ preventScroll: true });
    box.current.scrollIntoView({ block: 'center' });
  }, [drawn, focus]);
  if (stored === undefined) return null;
  return (
    <section class="card" aria-labelledby="keyboard-heading">
      <h2 id="keyboard-heading">{t('options.keyboard')}</h2>
      <label class="checkbox">
        <input
          ref={box}
          type="checkbox"
          checked={stored}
          aria-describedby="single-keys-help"
          onChange={async (e) => {
            const input = e.target as HTMLInputElement;
            setMessage(undefined);
            try {
              await characterKeys.setValue(input.checked);
              setMessage({ text: t('options.saved'), tone: 'ok' });
            } catch (error) {
              // Browser storage refused (the synced area's writes per minute spent): the box
              // shows what is still stored, and says so.
              console.error('Indiscrets single keys', error);
              input.checked = stored;
              setMessage({ text: t('options.singleKeysNotSaved'), tone: 'error' });
            }
          }}
        />
        {t('options.singleKeys')}
      </label>
      <p class="muted" id="single-keys-help">
        <small>
          {tParts(
            'options.singleKeysHelp',
            { keys: <KeyList keys={SINGLE_KEYS} /> },
            { ctrl: hasCommandKey() ? '⌘' : 'Ctrl' },
          )}
        </small>
      </p>
      <Saved message={message} unsaved={false} />
    </section>
  );
}

/**
 * The choice {@link Saved} offers over a card's form changed elsewhere under the typing
 * ({@link FollowedForm.conflict}): `keepMine` saves the typing; taking the stored value drops it
 * and the card's last message (`clear`). `undefined` without such a change.
 */
function conflictChoice<T>(
  card: string,
  followed: FollowedForm<T>,
  question: ConflictRef,
  field: Parameters<typeof StoredConflict>[0]['field'],
  keepMine: () => void,
  clear: () => void,
): Parameters<typeof StoredConflict>[0] | undefined {
  if (!followed.conflict) return undefined;
  return {
    card,
    question,
    field,
    onKeepMine: keepMine,
    onTake: () => {
      clear();
      followed.take();
    },
  };
}

export function HouseStyleSettings() {
  const stored = useHouseStyle();
  // Field by field: a restore's intro shows under an opener typed, asking only over a field
  // typed that it changed too.
  const followed = useFollowsStored(
    stored,
    (a, b) => JSON.stringify(createHouseStyle(a)) === JSON.stringify(createHouseStyle(b)),
    (value, base, now, typing) =>
      mergeFields(createHouseStyle(value), createHouseStyle(base), createHouseStyle(now), typing),
  );
  const [message, setMessage] = useState<Message>();
  const question: ConflictRef = useRef(null);
  const first = useRef<HTMLInputElement>(null);
  const form = followed.value;
  if (!form || !stored) return null;

  const set = (patch: Partial<HouseStyle>) => {
    setMessage(undefined);
    followed.set({ ...form, ...patch });
  };
  const sampleDate = '2021-03-15';
  let sample = '';
  try {
    sample = formatIssueTitle(form.titlePattern, sampleDate, form.locale);
  } catch {
    sample = '';
  }

  /** `mine`: « Enregistrer les miennes », over a style changed elsewhere meanwhile. */
  async function save(event?: Event, mine = false) {
    event?.preventDefault();
    if (refusedOverConflict(followed.conflict, question, mine)) return;
    if (!form!.titlePattern.trim()) {
      setMessage({ text: t('options.patternEmpty'), tone: 'error' });
      return;
    }
    await houseStyleItem.setValue(createHouseStyle(form));
    followed.saved(form!);
    setMessage({ text: t('options.saved'), tone: 'ok' });
  }

  return (
    <form class="card" onSubmit={save} aria-labelledby="style-heading">
      <h2 id="style-heading">{t('options.houseStyle')}</h2>
      <label class="field">
        <span>{t('options.titlePattern')}</span>
        <input
          ref={first}
          type="text"
          value={form.titlePattern}
          onInput={(e) => set({ titlePattern: (e.target as HTMLInputElement).value })}
        />
        <small class="muted">
          {/* {date} as the export language writes it: « 15 mars », “March 15”. */}
          {t('options.titlePatternHelp', {
            example: formatIssueTitle('{date}', sampleDate, form.locale),
          })}{' '}
          {sample && t('options.titlePatternSample', { title: sample })}
        </small>
      </label>
      <label class="field">
        <span>{t('options.opener')}</span>
        <input
          type="text"
          value={form.itemOpener}
          onInput={(e) => set({ itemOpener: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span>{t('options.credit')}</span>
        <select
          value={form.creditStyle}
          onChange={(e) =>
            set({ creditStyle: (e.target as HTMLSelectElement).value as CreditStyle })
          }
        >
          <option value="parenthesis">{t('options.credit.parenthesis')}</option>
          <option value="via">{t('options.credit.via')}</option>
          <option value="none">{t('options.credit.none')}</option>
        </select>
      </label>
      <label class="field">
        <span>{t('options.intro')}</span>
        <textarea
          rows={2}
          value={form.intro ?? ''}
          onInput={(e) => set({ intro: (e.target as HTMLTextAreaElement).value })}
        />
      </label>
      <label class="field">
        <span>{t('options.outro')}</span>
        <textarea
          rows={2}
          value={form.outro ?? ''}
          onInput={(e) => set({ outro: (e.target as HTMLTextAreaElement).value })}
        />
      </label>
      <label class="field">
        <span>{t('options.exportLocale')}</span>
        <select
          value={form.locale}
          onChange={(e) => {
            const locale = (e.target as HTMLSelectElement).value as HouseStyle['locale'];
            set({
              locale,
              frenchTypography: locale === 'fr',
              titlePattern: titlePatternForLocale(form.titlePattern, locale),
            });
          }}
        >
          <LanguageChoices />
        </select>
      </label>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={form.frenchTypography}
          onChange={(e) => set({ frenchTypography: (e.target as HTMLInputElement).checked })}
        />
        {t('options.typography')}
      </label>
      <div class="form-actions">
        <button type="submit" class="button button--primary">
          {t('options.save')}
        </button>
      </div>
      <Saved
        message={message}
        unsaved={followed.typed}
        conflict={conflictChoice(
          t('options.houseStyle'),
          followed,
          question,
          first,
          () => void save(undefined, true),
          () => setMessage(undefined),
        )}
      />
    </form>
  );
}

/** The template a text is saved as: a template of spaces is the default one. */
const templateKept = (text: string) => text.trim() || DEFAULT_DRAFT_TEMPLATE;

export function TemplateSettings() {
  const stored = useStorageItem(draftTemplate);
  // Two texts saved as one template are one setting: the card's own save of a template typed
  // with a line break after it, heard before its write returns, is not a change made elsewhere.
  const followed = useFollowsStored(stored, (a, b) => templateKept(a) === templateKept(b));
  const [message, setMessage] = useState<Message>();
  const question: ConflictRef = useRef(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const value = followed.value;
  if (value === undefined) return null;
  const setValue = (next: string) => {
    setMessage(undefined);
    followed.set(next);
  };
  /** `mine`: « Enregistrer les miennes », over a template changed elsewhere meanwhile. */
  async function save(event?: Event, mine = false) {
    event?.preventDefault();
    if (refusedOverConflict(followed.conflict, question, mine)) return;
    const saved = templateKept(value!);
    await draftTemplate.setValue(saved);
    // The field shows what is kept: a template of spaces is the default one.
    followed.saved(saved);
    setMessage({ text: t('options.saved'), tone: 'ok' });
  }
  return (
    <form class="card" aria-labelledby="template-heading" onSubmit={(event) => void save(event)}>
      <h2 id="template-heading">{t('options.template')}</h2>
      <label class="field">
        <span>{t('options.templateLabel')}</span>
        <textarea
          ref={field}
          rows={3}
          value={value}
          onInput={(e) => setValue((e.target as HTMLTextAreaElement).value)}
        />
        <small class="muted">{t('options.templateHelp')}</small>
      </label>
      <div class="form-actions">
        <button type="submit" class="button button--primary">
          {t('options.save')}
        </button>
        <button type="button" class="button" onClick={() => setValue(DEFAULT_DRAFT_TEMPLATE)}>
          {t('options.reset')}
        </button>
      </div>
      <Saved
        message={message}
        unsaved={followed.typed}
        conflict={conflictChoice(
          t('options.template'),
          followed,
          question,
          field,
          () => void save(undefined, true),
          () => setMessage(undefined),
        )}
      />
    </form>
  );
}
