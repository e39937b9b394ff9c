import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  testConnection,
  validateSiteUrl,
  type WpConnection,
  type WpFailure,
} from '../export/wordpress-client';
import { getLocale, t } from '../locales';
import {
  DEFAULT_WORDPRESS,
  originPattern,
  wordpressItem,
  wordpressPasswordItem,
  type WordPressPreferences,
} from '../storage/preferences';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved' }
  | { kind: 'ok'; connection: WpConnection }
  | { kind: 'error'; text: string };

/**
 * Site, user, application password, category and status of published posts. "Test connection"
 * asks for the site's permission (this origin only) and says exactly what is wrong.
 */
export function WordPressSettings() {
  const [form, setForm] = useState<WordPressPreferences>();
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void Promise.all([wordpressItem.getValue(), wordpressPasswordItem.getValue()]).then(
      ([prefs, secret]) => {
        setForm({ ...DEFAULT_WORDPRESS, ...prefs });
        setPassword(secret);
      },
    );
  }, []);
  if (!form) return null;

  const set = (patch: Partial<WordPressPreferences>) => {
    setStatus({ kind: 'idle' });
    setForm({ ...form, ...patch });
  };

  const failureText = (failure: WpFailure) => failure.message[getLocale()];

  /** Validates, asks for the origin's permission (needs this click), then stores. */
  async function save(): Promise<WordPressPreferences | undefined> {
    const checked = validateSiteUrl(form!.siteUrl);
    if (!checked.ok) {
      setStatus({ kind: 'error', text: failureText(checked) });
      return undefined;
    }
    const granted = await browser.permissions
      .request({ origins: [originPattern(checked.url)] })
      .catch(() => false);
    if (!granted) {
      setStatus({
        kind: 'error',
        text: t('wp.permissionRefused', { origin: new URL(checked.url).origin }),
      });
      return undefined;
    }
    const next = {
      ...form!,
      siteUrl: checked.url,
      username: form!.username.trim(),
      category: form!.category.trim() || 'Indiscrets',
    };
    await wordpressItem.setValue(next);
    await wordpressPasswordItem.setValue(password.trim());
    setForm(next);
    return next;
  }

  async function onSave(event: Event) {
    event.preventDefault();
    setStatus({ kind: 'busy' });
    if (await save()) setStatus({ kind: 'saved' });
  }

  async function onTest() {
    setStatus({ kind: 'busy' });
    const saved = await save();
    if (!saved) return;
    const result = await testConnection({ ...saved, appPassword: password.trim() });
    setStatus(
      result.ok ? { kind: 'ok', connection: result } : { kind: 'error', text: failureText(result) },
    );
  }

  return (
    <form
      class="card"
      onSubmit={onSave}
      aria-labelledby="wp-heading"
      data-testid="wordpress-settings"
    >
      <h2 id="wp-heading">WordPress</h2>
      <p class="muted">{t('wp.help')}</p>
      <label class="field">
        <span>{t('wp.siteUrl')}</span>
        <input
          type="url"
          placeholder="https://monsite.fr"
          value={form.siteUrl}
          onInput={(e) => set({ siteUrl: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span>{t('wp.username')}</span>
        <input
          type="text"
          autoComplete="username"
          value={form.username}
          onInput={(e) => set({ username: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        <span>{t('wp.appPassword')}</span>
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={(e) => {
            setStatus({ kind: 'idle' });
            setPassword((e.target as HTMLInputElement).value);
          }}
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
      </div>
      <p
        class={`notice${status.kind === 'error' ? ' notice--error' : status.kind === 'idle' || status.kind === 'busy' ? '' : ' notice--ok'}`}
        role={status.kind === 'error' ? 'alert' : 'status'}
        data-testid="wp-status"
      >
        {status.kind === 'busy' && t('wp.testing')}
        {status.kind === 'saved' && t('options.saved')}
        {status.kind === 'ok' &&
          t(status.connection.canPublish ? 'wp.ok' : 'wp.okContributor', {
            site: status.connection.siteName,
            user: status.connection.userName,
          })}
        {status.kind === 'error' && status.text}
      </p>
    </form>
  );
}
