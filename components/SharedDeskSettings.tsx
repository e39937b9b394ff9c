import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { CONNECTION_TEST_EVENT } from './WordPressSettings';
import { browser } from 'wxt/browser';
import { t } from '../locales';
import { sendMessage, type DeskProbe, type SyncPlan } from '../messaging/protocol';
import { wordpressItem, wordpressPasswordItem } from '../storage/preferences';
import { publishFailureText } from './publishFailureText';
import { forbiddenSentence, rightsSentence } from './roleSentences';
import { syncHealth, syncLine } from './SharedDeskBar';
import { useSharedDesk } from './useSharedDesk';
import { useStorageItem } from './useStorageItem';

/** The plugin's zip, copied into the extension by the build (wxt.config.ts). */
export const PLUGIN_ZIP = 'indiscrets-wordpress.zip';

type Failure = Extract<DeskProbe, { ok: false }>;

/** What the editor reads when the desk cannot be offered: one sentence that says what to do. */
export function probeFailureText(failure: Failure): string {
  switch (failure.code) {
    case 'no_settings':
      return t('shared.probe.noSettings');
    case 'no_permission':
      return t('shared.probe.noPermission');
    case 'offline':
      return t('shared.probe.offline');
    case 'timeout':
      return t('shared.probe.timeout');
    case 'unreachable':
      return t('shared.probe.unreachable');
    case 'wrong_credentials':
      return t('shared.probe.wrongCredentials');
    // Answered as to an anonymous visitor: a wrong password, or a server dropping the header.
    case 'credentials_unseen':
      return t('shared.probe.credentialsUnseen');
    // The plugin saw no Authorization header: the server drops it, the password is right.
    case 'auth_header_dropped':
      return t('wp.error.auth_header_dropped');
    case 'forbidden':
      return forbiddenSentence(failure.needs);
    case 'blocked':
      return t('wp.error.rest_disabled');
    // ?rest_route= refused, the REST API found nowhere the desk may go: what to ask for.
    case 'rest_route_blocked':
      return t('shared.probe.restRouteBlocked');
    // Redirected to another host: the address to put in the settings, as publishing says it.
    case 'site_moved':
      return publishFailureText('site_moved', failure.address ? { address: failure.address } : {});
    case 'no_plugin':
      return t('shared.probe.noPlugin');
    case 'cancelled':
      return t('shared.probe.cancelled');
    // A WordPress that is down (database error, a proxy's 502/503): nothing to fix here, and
    // said as publishing says it.
    case 'server_error':
      return t('wp.error.site_server_error', { status: failure.status ?? '?' });
    default:
      return failure.status
        ? t('shared.probe.httpError', { status: failure.status })
        : t('shared.probe.unexpected');
  }
}

/**
 * The question before a first sync: what will be sent, naming only the kinds there are
 * (« Envoyer votre brouillon », never « vos 0 numéros »).
 */
export function confirmText(plan: SyncPlan): string {
  const { localDrafts: drafts, localIssues: issues } = plan;
  if (drafts && issues) return t('shared.switch.confirm', { drafts, issues });
  if (drafts) {
    return drafts === 1
      ? t('shared.switch.confirmDraft')
      : t('shared.switch.confirmDrafts', { count: drafts });
  }
  if (issues) {
    return issues === 1
      ? t('shared.switch.confirmIssue')
      : t('shared.switch.confirmIssues', { count: issues });
  }
  return t('shared.switch.confirmNothing');
}

/** What the newsroom already has, which will arrive: the same care for the kinds it lacks. */
export function confirmHelpText(plan: SyncPlan): string {
  const { remoteDrafts: drafts, remoteIssues: issues } = plan;
  if (drafts && issues) return t('shared.switch.confirmHelp', { drafts, issues });
  if (drafts) {
    return drafts === 1
      ? t('shared.switch.confirmHelpDraft')
      : t('shared.switch.confirmHelpDrafts', { count: drafts });
  }
  if (issues) {
    return issues === 1
      ? t('shared.switch.confirmHelpIssue')
      : t('shared.switch.confirmHelpIssues', { count: issues });
  }
  return t('shared.switch.confirmHelpNothing');
}

/**
 * Why turning the desk on failed (while counting what it would send, or at turning on), from the
 * code the background answered, said under the button: a 403 is the role it takes (the
 * discovery's sentence), never « Vérifiez la connexion »; a wrong password says so; a site not
 * reached (offline, too slow, unreachable) says what to do and that nothing was sent or lost, as
 * the button coming back said nothing. Every other code (a site's failure, a code added since)
 * is `fallback`, never silence. Undefined only for `cancelled`, the editor's own stop: nothing
 * to tell them.
 */
function switchFailureText(
  code: string,
  fallback: string,
  address: string | undefined,
): string | undefined {
  switch (code) {
    case 'cancelled':
      return undefined;
    case 'offline':
      return t('shared.switch.offline');
    case 'timeout':
      return t('shared.switch.timeout');
    case 'unreachable':
      return t('shared.switch.unreachable');
    // Said as the check above says them (the role a 403 takes, a refused or unseen password, a
    // site that moved with its address, the plugin or the settings missing).
    case 'forbidden':
    case 'wrong_credentials':
    case 'credentials_unseen':
    case 'auth_header_dropped':
    case 'blocked':
    case 'rest_route_blocked':
    case 'site_moved':
    case 'no_plugin':
    case 'no_settings':
      return probeFailureText({ ok: false, code, address });
    default:
      return fallback;
  }
}

/** What the user's role allows on the shared desk, in one sentence. */
export function rightsText(probe: Extract<DeskProbe, { ok: true }>): string {
  return rightsSentence(probe.role, probe.can, probe.user.roles, probe.user.roleNames);
}

/** How long after « Tester la connexion » began this section's checks are not alerted. */
const AFTER_TEST_MS = 60_000;

/**
 * Options › « Rédaction partagée »: asks the configured WordPress site (through the background)
 * whether the companion plugin answers. If it does, says who the user is and what their role
 * allows; if not, links to the plugin's zip shipped in the extension and says how to install it.
 * Every failure (401, 403, offline, timeout, no plugin) is one sentence saying what to do.
 */
export function SharedDeskSettings() {
  const settings = useStorageItem(wordpressItem);
  const password = useStorageItem(wordpressPasswordItem);
  const [probe, setProbe] = useState<DeskProbe | 'checking'>('checking');
  const asked = useRef(0);
  /**
   * Whether a failure is alerted: not when the check follows « Tester la connexion » in the
   * WordPress form above (the settings it saves, the site's permission it asks for), which alerts
   * its own answer: a second alert, about this section's check, could contradict it (QA s49).
   * Shown all the same.
   */
  const [loud, setLoud] = useState(true);
  const testedAt = useRef(-Infinity);
  useEffect(() => {
    const tested = () => {
      testedAt.current = Date.now();
    };
    document.addEventListener(CONNECTION_TEST_EVENT, tested);
    return () => document.removeEventListener(CONNECTION_TEST_EVENT, tested);
  }, []);
  /** Whether a check now follows a connection test of the form above. */
  const afterTest = useCallback(() => Date.now() - testedAt.current < AFTER_TEST_MS, []);

  const check = useCallback((alerted: boolean) => {
    const ticket = ++asked.current;
    setLoud(alerted);
    setProbe('checking');
    sendMessage('syncDiscover').then(
      (answer) => ticket === asked.current && setProbe(answer),
      () => ticket === asked.current && setProbe({ ok: false, code: 'unexpected' }),
    );
  }, []);

  // Asked again whenever the WordPress settings change (a new site, user or password).
  const configured = settings && password !== undefined;
  const key = configured ? `${settings.siteUrl}\n${settings.username}\n${password}` : undefined;
  useEffect(() => {
    if (key !== undefined) check(!afterTest());
  }, [key, check, afterTest]);

  // Back online, or the site's origin just granted (« Tester la connexion »): ask again rather
  // than leave an outdated problem on screen.
  useEffect(() => {
    const again = () => check(!afterTest());
    globalThis.addEventListener('online', again);
    browser.permissions.onAdded?.addListener(again);
    return () => {
      globalThis.removeEventListener('online', again);
      browser.permissions.onAdded?.removeListener(again);
    };
  }, [check, afterTest]);

  return (
    <section class="card" aria-labelledby="desk-heading" data-testid="shared-desk">
      <h2 id="desk-heading">{t('shared.settings.heading')}</h2>
      <p class="muted">{t('shared.settings.help')}</p>
      {probe === 'checking' ? (
        <p class="notice" role="status">
          {t('shared.probe.checking')}
        </p>
      ) : probe.ok ? (
        <div data-testid="desk-role">
          <p>
            {t('shared.probe.ok', {
              site: new URL(probe.siteUrl).host,
              version: probe.plugin.version,
            })}
          </p>
          <p class="notice notice--ok" role="status">
            {rightsText(probe)}
          </p>
        </div>
      ) : (
        <ProbeFailure failure={probe} alerted={loud} onRetry={() => check(true)} />
      )}
      {/* A role the plugin does not let read the desk (Subscriber) has nothing to turn on. */}
      <SyncSwitch
        settings={key}
        available={probe !== 'checking' && probe.ok && probe.can.read}
        failureSaid={probe !== 'checking' && !probe.ok}
      />
    </section>
  );
}

/** The sync line's colour by how the sync stands, as the desk's dot. */
const SYNC_COLOURS = {
  ok: 'notice--ok',
  failed: 'notice--warn',
  offline: 'notice--error',
} as const;

type Step =
  | { kind: 'idle' }
  | { kind: 'planning' }
  // Turning on asks the site first (up to the request's time limit): said, and not asked twice.
  | { kind: 'enabling' }
  | { kind: 'confirm'; plan: SyncPlan }
  | { kind: 'error'; text: string };

/**
 * Nothing of this browser's is new to the desk: a rejoin (turned off, then on again), or a
 * browser with nothing of its own. Then there is nothing "yours" to send, and saying « Envoyer
 * vos 0 brouillons » (or counting the desk's own records as the editor's, as it once did) misleads.
 */
function rejoin(plan: SyncPlan): boolean {
  return plan.localDrafts === 0 && plan.localIssues === 0;
}

/**
 * Turning the shared desk on or off. On asks first, with what will be sent (« Envoyer vos N
 * brouillons et M numéros à la rédaction ? »), then follows the first sync (step, count,
 * Cancel). Off keeps every draft and issue in this browser, as they are.
 */
function SyncSwitch({
  available,
  failureSaid,
  settings,
}: {
  available: boolean;
  failureSaid: boolean;
  /**
   * The WordPress site, user and password asked with: another (a restore, another tab's save)
   * drops the question counted for the old ones (« La rédaction a déjà 12 brouillons… »), its
   * failure, and the answers still awaited for them.
   */
  settings: string | undefined;
}) {
  const desk = useSharedDesk();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const state = desk.state;
  const asked = useRef(0);
  useEffect(() => {
    asked.current += 1;
    setStep({ kind: 'idle' });
  }, [settings]);
  /** Sets the step from an answer to a request made at `ticket`, unless the settings changed. */
  const answered = (ticket: number, next: Step) => ticket === asked.current && setStep(next);

  async function plan() {
    const ticket = asked.current;
    setStep({ kind: 'planning' });
    try {
      const answer = await sendMessage('syncPlan');
      if (ticket !== asked.current) return;
      if ('ok' in answer) {
        const said = switchFailureText(answer.code, t('shared.switch.planFailed'), answer.address);
        setStep(said ? { kind: 'error', text: said } : { kind: 'idle' });
        return;
      }
      setStep({ kind: 'confirm', plan: answer });
    } catch {
      answered(ticket, { kind: 'error', text: t('shared.switch.planFailed') });
    }
  }

  async function run(type: 'syncEnable' | 'syncCancel' | 'syncDisable') {
    const ticket = asked.current;
    setStep({ kind: type === 'syncEnable' ? 'enabling' : 'idle' });
    try {
      const status = await sendMessage(type);
      // Turning on answers at once, still off when the site refused or was not reached: why is
      // said here, whatever the code (a site that moved since the check above, with the
      // address it answers at; offline; too slow), as the check above said nothing of it.
      const refused = type === 'syncEnable' && !status.enabled ? status.lastError : undefined;
      const said = refused
        ? switchFailureText(refused.code, t('shared.switch.failed'), refused.address)
        : undefined;
      answered(ticket, said ? { kind: 'error', text: said } : { kind: 'idle' });
    } catch {
      answered(ticket, { kind: 'error', text: t('shared.switch.failed') });
    }
  }

  if (desk.enabled && state) {
    const online = globalThis.navigator?.onLine !== false;
    const health = syncHealth(state, online);
    const progress = state.phase === 'first-sync' ? state.progress : undefined;
    return (
      <div class="shared-switch" data-testid="sync-switch">
        {state.phase === 'first-sync' ? (
          <div role="status" data-testid="first-sync">
            <p>
              {progress
                ? t(`shared.progress.${progress.step}`, {
                    done: progress.done,
                    total: progress.total,
                  })
                : t('shared.status.syncing')}
            </p>
            <progress
              max={progress?.total || 1}
              value={progress ? progress.done : undefined}
              aria-label={t('shared.switch.progress')}
            />
            <div class="form-actions">
              <button type="button" class="button" onClick={() => void run('syncCancel')}>
                {t('shared.switch.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <>
            {/* Coloured as the desk's dot: green in step, amber when the last run failed, red
                offline. The check above says why it fails: the line does not say it again. */}
            <p class={`notice ${SYNC_COLOURS[health]}`} role="status" data-testid="sync-on">
              {syncLine(state, desk.pending, online, failureSaid)}
            </p>
            <div class="form-actions">
              <button type="button" class="button" onClick={() => void run('syncDisable')}>
                {t('shared.switch.off')}
              </button>
            </div>
            <p class="muted">{t('shared.switch.offHelp')}</p>
          </>
        )}
        {step.kind === 'error' && (
          <p class="notice notice--error" role="alert">
            {step.text}
          </p>
        )}
      </div>
    );
  }

  if (!available) return null;
  return (
    <div class="shared-switch" data-testid="sync-switch">
      {step.kind === 'confirm' ? (
        <div class="backup__panel" role="group" aria-labelledby="sync-confirm">
          <p id="sync-confirm">
            <strong>{confirmText(step.plan)}</strong>
          </p>
          <p class="muted">{confirmHelpText(step.plan)}</p>
          <div class="form-actions">
            <button
              type="button"
              class="button button--primary"
              onClick={() => void run('syncEnable')}
            >
              {rejoin(step.plan) ? t('shared.switch.join') : t('shared.switch.send')}
            </button>
            <button type="button" class="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('shared.switch.notNow')}
            </button>
          </div>
        </div>
      ) : (
        <div class="form-actions">
          <button
            type="button"
            class="button button--primary"
            disabled={step.kind === 'planning' || step.kind === 'enabling'}
            onClick={() => void plan()}
          >
            {step.kind === 'planning'
              ? t('shared.switch.counting')
              : step.kind === 'enabling'
                ? t('shared.switch.enabling')
                : t('shared.switch.on')}
          </button>
        </div>
      )}
      {step.kind === 'error' && (
        <p class="notice notice--error" role="alert">
          {step.text}
        </p>
      )}
    </div>
  );
}

function ProbeFailure({
  failure,
  alerted,
  onRetry,
}: {
  failure: Failure;
  /** Whether the failure is alerted, or only shown (see `loud` in SharedDeskSettings). */
  alerted: boolean;
  onRetry: () => void;
}) {
  const zipUrl = browser.runtime.getURL(`/${PLUGIN_ZIP}`);
  // Nothing set up yet (a new profile) is the next step, not a failure: said, not alerted.
  const first = failure.code === 'no_settings';
  return (
    <div>
      <p
        class={`notice ${first ? 'notice--info' : 'notice--error'}`}
        role={first ? 'status' : alerted ? 'alert' : undefined}
        data-testid="desk-problem"
      >
        {probeFailureText(failure)}
      </p>
      {failure.code === 'no_plugin' && (
        <div class="desk-plugin" data-testid="desk-plugin-help">
          <p>
            <a class="button" href={zipUrl} download={PLUGIN_ZIP}>
              {t('shared.plugin.download')}
            </a>
          </p>
          <ol>
            <li>{t('shared.plugin.step1')}</li>
            <li>{t('shared.plugin.step2')}</li>
            <li>{t('shared.plugin.step3')}</li>
          </ol>
        </div>
      )}
      {failure.code !== 'no_settings' && (
        <div class="form-actions">
          <button type="button" class="button" onClick={onRetry}>
            {t('shared.probe.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
