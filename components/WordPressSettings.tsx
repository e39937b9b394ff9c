import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { testConnection, validateSiteUrl, type WpConnection } from '../wordpress/client';
import type { WpFailure } from '../wordpress/errors';
import { t } from '../locales';
import { publishFailureText } from './publishFailureText';
import {
  DEFAULT_WORDPRESS,
  originPattern,
  wordpressItem,
  wordpressPasswordItem,
  type WordPressPreferences,
} from '../storage/preferences';
import { fieldToFix } from './openSettings';
import {
  keepSiteLeft,
  type SettingsField,
  SETTINGS_FOCUS_FRESH_MS,
  settingsFocus,
  siteLeaves,
  storeWordPressSettings,
} from '../storage/settings';
import { useStorageItem } from './useStorageItem';
import { useLeaveGuard } from './useLeaveGuard';
import { mergeFields, useFollowsStored } from './useFollowsStored';
import { refusedOverConflict, StoredConflict, type ConflictRef } from './StoredConflict';

/**
 * Sent on the page's document when « Tester la connexion » starts: the form alerts its answer,
 * and the shared desk's section, which checks again as the settings change, keeps its own quiet.
 */
export const CONNECTION_TEST_EVENT = 'indiscrets:connection-test';

/** How long the field asked for is kept on screen while the page draws its other sections. */
const SETTLE_MS = 2_000;

type Status =
  | { kind: 'idle' }
  /** `cancel`: while the site is being asked, stops asking it. */
  | { kind: 'busy'; cancel?: () => void }
  | { kind: 'cancelled' }
  | { kind: 'saved' }
  | { kind: 'ok'; connection: WpConnection }
  /** `field`: the one field the failure is about (fieldToFix), marked invalid. */
  | { kind: 'error'; text: string; field?: SettingsField };

/** The form: the settings and the application password, stored apart. */
interface Account {
  prefs: WordPressPreferences;
  password: string;
}

const sameAccount = (a: Account, b: Account) =>
  a.password === b.password && JSON.stringify(a.prefs) === JSON.stringify(b.prefs);

/**
 * Site, user, application password, category and status of published posts. "Test connection"
 * asks for the site's permission (this origin only) and says exactly what is wrong.
 */
export function WordPressSettings() {
  const storedPrefs = useStorageItem(wordpressItem);
  const storedPassword = useStorageItem(wordpressPasswordItem);
  /** This form's own save writing them one after the other: not a change made elsewhere. */
  const [saving, setSaving] = useState(false);
  // The form as stored, then as written while the page is open (a restore that did not reload it
  // over changes typed in another card, another tab's save) where nothing was typed here; the
  // password too, which a save in another tab writes alone. Where something was typed, the form
  // keeps it and asks (StoredConflict): its « Enregistrer » or « Tester la connexion » (which
  // saves too) would have written it over the restored settings unseen.
  /**
   * What this form's last save wrote, and the stored values heard before it (`was`): Firefox
   * returns a write before its change is heard, and the form, its save done, would show those
   * old values again (the old password) until it is; they stand for what was written meanwhile.
   */
  const [written, setWritten] = useState<Account & { was: [unknown, unknown] }>();
  const stored = useMemo<Account | undefined>(() => {
    if (storedPrefs === undefined || storedPassword === undefined || saving) return undefined;
    const prefs = written && storedPrefs === written.was[0] ? written.prefs : storedPrefs;
    const secret = written && storedPassword === written.was[1] ? written.password : storedPassword;
    return { prefs: { ...DEFAULT_WORDPRESS, ...prefs }, password: secret };
  }, [storedPrefs, storedPassword, saving, written]);
  // Field by field (the password one of them): a password saved in another tab shows under an
  // address typed here, and that tab's two writes of what was typed here too ask nothing.
  const followed = useFollowsStored(stored, sameAccount, mergeFields);
  const form = followed.value?.prefs;
  const password = followed.value?.password ?? '';
  const question: ConflictRef = useRef(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** The button whose click started the work under way (« Enregistrer », « Tester… »). */
  const started = useRef<HTMLElement | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const focus = useStorageItem(settingsFocus);
  const siteField = useRef<HTMLInputElement>(null);
  const userField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // An address left by a save this page could not see through (closed before it asked the
    // background): completed now, whatever the background did since it started.
    void siteLeaves
      .getValue()
      .then((leaves) => (leaves.length > 0 ? sendMessage('siteLeave') : 0))
      .catch(() => undefined);
  }, []);

  // Asked for by a view (« Réglages » after a refused password): the field to fix, focused and
  // on screen. Read once, and cleared so that the page opened later starts at its top. The
  // sections above draw as their settings are read, pushing this one down: the field is kept on
  // screen while the page settles, as long as it keeps the keyboard (until unmounted, or asked
  // again: clearing the request must not end it).
  const ready = form !== undefined;
  const settling = useRef<() => void>();
  useEffect(() => () => settling.current?.(), []);
  useEffect(() => {
    // Another section's request (« Clavier ») is that section's to read and clear.
    if (!ready || !focus || focus.section !== 'wordpress') return;
    void settingsFocus.setValue(null).catch(() => undefined);
    if (Date.now() - focus.at > SETTINGS_FOCUS_FRESH_MS) return;
    const fields = { siteUrl: siteField, username: userField, password: passwordField };
    const field =
      (focus.field && fields[focus.field]?.current) ||
      [siteField.current, userField.current].find((input) => input && !input.value.trim()) ||
      passwordField.current;
    if (!field) return;
    field.focus({ preventScroll: true });
    const keep = () => {
      if (document.activeElement === field) field.scrollIntoView({ block: 'center' });
    };
    keep();
    settling.current?.();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(keep) : undefined;
    observer?.observe(document.body);
    const settled = setTimeout(() => settling.current?.(), SETTLE_MS);
    settling.current = () => {
      clearTimeout(settled);
      observer?.disconnect();
      settling.current = undefined;
    };
  }, [ready, focus]);
  // Typed and not saved: a restore's settings do not reload the page over it (BackupSettings), and
  // leaving the page (the tab closed, the language changed) asks first, as the other cards do.
  useLeaveGuard(followed.typed);
  // The buttons wait while the site is asked (a disabled button loses the keyboard, to the page's
  // body): the keyboard goes to « Annuler » as it appears, then back to the button that started,
  // where it was lost meanwhile (« Annuler » gone with the work).
  const busy = status.kind === 'busy';
  const cancellable = busy && !!status.cancel;
  // Not scrolled to: an editor who read on down the page while the site was asked (up to 20 s)
  // is not brought back up to the button when it answers.
  useEffect(() => {
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    if (cancellable) cancelButton.current?.focus({ preventScroll: true });
    else if (!busy) started.current?.focus({ preventScroll: true });
  }, [busy, cancellable]);
  if (!form) return null;

  /**
   * A field the failure shown is about: invalid, described by the failure, for a screen reader
   * coming back to it (typing there again clears the failure).
   */
  const invalid = (field: SettingsField) =>
    status.kind === 'error' && status.field === field
      ? { 'aria-invalid': true, 'aria-describedby': 'wp-status' }
      : {};

  const set = (patch: Partial<WordPressPreferences>) => {
    setStatus({ kind: 'idle' });
    followed.set({ prefs: { ...form, ...patch }, password });
  };
  const setPassword = (next: string) => {
    setStatus({ kind: 'idle' });
    followed.set({ prefs: form, password: next });
  };

  /** Changed elsewhere under what was typed (`mine`: « Enregistrer les miennes »). */
  const refusedOverChange = (mine: boolean) =>
    refusedOverConflict(followed.conflict, question, mine);

  const failureText = (failure: WpFailure) => publishFailureText(failure.code, failure);

  /** Validates, asks for the origin's permission (needs this click), then stores. */
  async function save(): Promise<WordPressPreferences | undefined> {
    const checked = validateSiteUrl(form!.siteUrl);
    if (!checked.ok) {
      setStatus({ kind: 'error', text: failureText(checked), field: fieldToFix(checked.code) });
      return undefined;
    }
    // Called before any await: Firefox only shows the prompt inside the click's own handler.
    let asked: Promise<boolean>;
    try {
      asked = browser.permissions.request({ origins: [originPattern(checked.url)] });
    } catch {
      asked = Promise.resolve(false);
    }
    // Until stored, this address's permission is not given back by an earlier save's leave still
    // asking the address it left (services/site-leave.ts): that leave is dropped at the click.
    const claimed = keepSiteLeft(checked.url).catch(() => undefined);
    const stored = await store(checked.url, asked, claimed);
    if (!stored) return undefined;
    // The address left: the move check and its permission given back, by the background, which
    // closing this page does not stop (and which completes it as it starts, should it be lost).
    if (stored.left) await sendMessage('siteLeave').catch(() => undefined);
    return stored.next;
  }

  /**
   * Stores `siteUrl` and the form once `asked` granted its origin, and the address left with them
   * (one write: no moment names the new address without the old one to give back).
   */
  async function store(
    siteUrl: string,
    asked: Promise<boolean>,
    claimed: Promise<unknown>,
  ): Promise<{ left: boolean; next: WordPressPreferences } | undefined> {
    const granted = await asked.catch(() => false);
    await claimed;
    if (!granted) {
      setStatus({
        kind: 'error',
        text: t('wp.permissionRefused', { origin: new URL(siteUrl).origin }),
      });
      return undefined;
    }
    const next = {
      ...form!,
      siteUrl,
      username: form!.username.trim(),
      category: form!.category.trim() || DEFAULT_WORDPRESS.category,
    };
    // Two writes: the form does not take the first, heard alone, for a change made elsewhere.
    setSaving(true);
    try {
      const left = await storeWordPressSettings(next);
      await wordpressPasswordItem.setValue(password.trim());
      // The form shows what is kept.
      followed.saved({ prefs: next, password: password.trim() });
      setWritten({ prefs: next, password: password.trim(), was: [storedPrefs, storedPassword] });
      return { left, next };
    } finally {
      setSaving(false);
    }
  }

  /** What has the keyboard as work starts: it goes back there should the work take it away. */
  function noteStart() {
    const focused = document.activeElement;
    started.current = focused instanceof HTMLButtonElement ? focused : null;
  }

  async function onSave(event?: Event, mine = false) {
    event?.preventDefault();
    if (refusedOverChange(mine)) return;
    noteStart();
    setStatus({ kind: 'busy' });
    try {
      if (await save()) setStatus({ kind: 'saved' });
    } catch {
      setStatus({ kind: 'error', text: t('wp.saveFailed') });
    }
  }

  async function onTest() {
    if (refusedOverChange(false)) return;
    noteStart();
    // The shared desk's section checks again as the settings change: its answer is not alerted
    // over this one's (see SharedDeskSettings).
    document.dispatchEvent(new Event(CONNECTION_TEST_EVENT));
    setStatus({ kind: 'busy' });
    let saved: WordPressPreferences | undefined;
    try {
      saved = await save();
    } catch {
      setStatus({ kind: 'error', text: t('wp.saveFailed') });
      return;
    }
    if (!saved) return;
    // A site that does not answer is waited for up to 20 s a request: the editor may stop.
    const controller = new AbortController();
    setStatus({ kind: 'busy', cancel: () => controller.abort() });
    const result = await testConnection(
      { ...saved, appPassword: password.trim() },
      { signal: controller.signal },
    );
    if (!result.ok && result.code === 'cancelled') setStatus({ kind: 'cancelled' });
    else {
      // A shared desk stopped on the old password (401) syncs now with the new one, and says so,
      // rather than showing the refusal beside this success until its next poll. Off, it does
      // nothing (services/sync/engine.ts).
      if (result.ok) void sendMessage('syncNow', { reason: 'manual' }).catch(() => undefined);
      setStatus(
        result.ok
          ? { kind: 'ok', connection: result }
          : { kind: 'error', text: failureText(result), field: fieldToFix(result.code) },
      );
    }
  }

  return (
    <form
      class="card"
      noValidate
      onSubmit={onSave}
      aria-labelledby="wp-heading"
      data-testid="wordpress-settings"
    >
      <h2 id="wp-heading">WordPress</h2>
      <p class="muted">{t('wp.help')}</p>
      <label class="field">
        <span>{t('wp.siteUrl')}</span>
        <input
          ref={siteField}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('wp.siteUrlPlaceholder')}
          {...invalid('siteUrl')}
          value={form.siteUrl}
          onInput={(e) => set({ siteUrl: (e.target as HTMLInputElement).value })}
        />
        <small class="muted">{t('wp.siteUrlHelp')}</small>
      </label>
      <label class="field">
        <span>{t('wp.username')}</span>
        <input
          ref={userField}
          type="text"
          autoComplete="off"
          spellcheck={false}
          {...invalid('username')}
          value={form.username}
          onInput={(e) => set({ username: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span>{t('wp.appPassword')}</span>
        <input
          ref={passwordField}
          type="password"
          // Kept out of the browser's password manager: it lives in storage.local only.
          autoComplete="off"
          spellcheck={false}
          {...invalid('password')}
          value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
        />
        <small class="muted">{t('wp.appPasswordHelp')}</small>
      </label>
      <label class="field">
        <span>{t('wp.category')}</span>
        <input
          type="text"
          value={form.category}
          onInput={(e) => set({ category: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span>{t('wp.status')}</span>
        <select
          value={form.status}
          onChange={(e) =>
            set({ status: (e.target as HTMLSelectElement).value as WordPressPreferences['status'] })
          }
        >
          <option value="draft">{t('wp.status.draft')}</option>
          <option value="pending">{t('wp.status.pending')}</option>
        </select>
      </label>
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={status.kind === 'busy'}>
          {t('options.save')}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => void onTest()}
          disabled={status.kind === 'busy'}
        >
          {t('wp.test')}
        </button>
        {status.kind === 'busy' && status.cancel && (
          <button type="button" class="button" ref={cancelButton} onClick={status.cancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      {followed.conflict && (
        <StoredConflict
          card="WordPress"
          question={question}
          field={siteField}
          onKeepMine={() => void onSave(undefined, true)}
          onTake={() => {
            setStatus({ kind: 'idle' });
            followed.take();
          }}
        />
      )}
      <p
        class={`notice${status.kind === 'error' ? ' notice--error' : status.kind === 'idle' || status.kind === 'busy' || status.kind === 'cancelled' ? '' : ' notice--ok'}`}
        role={status.kind === 'error' ? 'alert' : 'status'}
        id="wp-status"
        data-testid="wp-status"
      >
        {status.kind === 'busy' && t('wp.testing')}
        {status.kind === 'cancelled' && t('wp.testCancelled')}
        {status.kind === 'saved' && t('options.saved')}
        {status.kind === 'ok' &&
          t(status.connection.canPublish ? 'wp.ok' : 'wp.okContributor', {
            site: status.connection.siteName,
            user: status.connection.userName,
          })}
        {status.kind === 'error' && status.text}
      </p>
      {followed.typed && !followed.conflict && status.kind === 'idle' && (
        <p class="muted" role="status" data-testid="unsaved">
          {t('options.unsaved')}
        </p>
      )}
    </form>
  );
}
