import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { HouseStyle } from '../export/house-style';
import type { ExportIssue } from '../export/model';
import { postOutOfDate as outOfDate } from '../export/post-digest';
import { renderWordPressBlocks } from '../export/wordpress-blocks';
import { t, tParts } from '../locales';
import { fieldToFix, openWordPressSettings } from './openSettings';
import { publishFailureText } from './publishFailureText';
import { editedInWordPress, editedInWordPressLine, publishedLine } from './publishedLine';
import { publishLockQuestion } from './publishLocks';
import { deskUser } from './sharedDesk';
import { useSharedDesk } from './useSharedDesk';
import {
  sendMessage,
  type PostStateAnswer,
  type PublishOutcome,
  type PublishRequest,
} from '../messaging/protocol';
import type { Issue } from '../storage/db';
import { wordpressItem } from '../storage/preferences';
import { useStorageItem } from './useStorageItem';
import { focusLost } from './whenDrawn';

interface Props {
  issue: Issue;
  model: ExportIssue;
  style: HouseStyle;
  problems: number;
  /** Why the user's role may not publish (shared desk), if it may not: shown, button disabled. */
  refused?: string;
}

/** The background's answer, or no answer at all (`no_answer`: the worker stopped meanwhile). */
type Failure = Extract<PublishOutcome, { ok: false }> | { ok: false; code: 'no_answer' };

/** Codes for which the fix is in the settings: the failure offers to open them. */
const FIXED_IN_SETTINGS = new Set<Failure['code']>([
  'not_configured',
  'no_permission',
  'bad_url',
  'insecure_url',
  'missing_credentials',
  'wrong_credentials',
  'credentials_unseen',
  'app_passwords_unavailable',
  'not_wordpress',
  'rest_disabled',
  'site_moved',
]);

/**
 * Whether the post recorded for the issue is out of date: what the issue holds now (`model`)
 * differs from what its last publication was made from, by their digests (export/post-digest.ts:
 * of the issue itself, whatever this browser's house style; of the post as `style` renders it
 * for a digest recorded before). False when the post has no digest (published by an earlier
 * version, or synced through an older plugin): nothing is known, so nothing is said.
 */
export function postOutOfDate(
  sent: string | undefined,
  model: ExportIssue,
  style: HouseStyle,
): boolean {
  return outOfDate(sent, model, () => renderWordPressBlocks(model, style));
}

/** What a read of the post answers when it is no longer the post the panel compares with. */
const POST_GONE: ReadonlySet<string> = new Set([
  'deleted',
  'not_found',
  'not_published',
  'other_site',
]);

/**
 * "Publish to WordPress": creates the draft post the first time, updates the same post after.
 * Asks before overwriting a post edited in WordPress, offers a new post when it was deleted.
 * Once published, says when the issue has changed since in what the post holds (« Modifié
 * depuis… »): the update is then the next step; private notes, tags or statuses, which the post
 * does not hold, change nothing there.
 * It also says when the post was edited in WordPress itself since (« Article modifié dans
 * WordPress le … », with a link to it there), which publishing again would overwrite — said
 * alike whoever published it, this editor or a colleague (the line above names who):
 * the background reads the post (its `modified_gmt`) as the panel opens and after each
 * publication, never on a timer, and the read stops when the panel closes. On the shared desk, a
 * line that could not tell whether the change was a colleague's publication (the desk could not
 * be read) is read again when a run of the desk goes through. Not configured,
 * offline, refused, slow, or the post deleted: nothing is said (the publication says it, if any).
 * The request runs in the background (see services/publisher.ts), which never asks for a
 * permission: a popup cannot show the prompt everywhere, so the options page asks for it.
 * A failure changes nothing here: the issue stays as it was and the button retries.
 *
 * Publishing first asks the background whether another editor has the issue or one of its
 * items open right now (on a shared desk: WordPress's current locks, `deskPublishCheck`): if
 * so, the panel says who and what, and publishes only on « Publier quand même » (« Attendre »
 * leaves all as it was, the keyboard back on the button). The question never stands in the
 * way: desk off, offline, the desk slow or failing, or no answer at all, the publication goes
 * on.
 */
export function PublishPanel({ issue, model, style, refused }: Props) {
  const wordpress = useStorageItem(wordpressItem);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>();
  const [success, setSuccess] = useState<Extract<PublishOutcome, { ok: true }>>();
  const [cancelled, setCancelled] = useState(false);
  // Asking the desk who has the issue open, before publishing; then the question, if any.
  const [checking, setChecking] = useState(false);
  const [question, setQuestion] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const asked = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (question) asked.current?.focus();
  }, [question]);
  /*
   * The keyboard while it publishes and after: what pressed it goes (the question's « Publier
   * quand même », the failure's « Écraser… » or « Créer un nouvel article ») or is disabled (the
   * button), which left it on nothing. It goes to « Annuler », which stops the publication, the one
   * thing to do meanwhile; then, as « Annuler » goes, to what came of it (the message, focusable,
   * read out by a screen reader, with its link or its choices next), where the editor reads
   * whether it worked. Not taken from where the editor went meanwhile.
   */
  const stop = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLElement & HTMLDivElement & HTMLParagraphElement>(null);
  const wasBusy = useRef(false);
  useEffect(() => {
    if (busy && (focusLost() || document.activeElement === button.current)) stop.current?.focus();
    if (!busy && wasBusy.current && focusLost()) outcome.current?.focus();
    wasBusy.current = busy;
  }, [busy]);
  const refusedId = useId();
  const staleId = useId();
  const editedId = useId();
  // Built when the issue, its items or the house style change (the model is memoised upstream,
  // the items' preparation cached by the export module), not on every render of the panel.
  const sent = issue.wordpress?.digest;
  const stale = useMemo(() => postOutOfDate(sent, model, style), [sent, model, style]);
  // The desk's own user, to be told « Publié par vous » (0: on, but not named yet); null: no desk.
  const desk = useSharedDesk();
  const me = deskUser(desk);

  // The post as WordPress has it now, read for the recorded publication it is compared with:
  // forgotten when that changes (a publication here or a colleague's, through the sync) and read
  // again; `reads` counts this panel's publications, after each of which it is read again too.
  const [remote, setRemote] = useState<Extract<PostStateAnswer, { ok: true }>>();
  const [reads, setReads] = useState(0);
  const recorded = issue.wordpress;
  const siteSet = !!wordpress?.siteUrl && !!wordpress.username;
  // Which read this is, and the last one answered (whatever it answered): the line is busy
  // (`aria-busy`) from the first drawing until WordPress's answer, or its absence, is known.
  const keyOf = (n: number) =>
    recorded && siteSet
      ? [issue.id, recorded.postId, recorded.modifiedGmt, wordpress?.siteUrl, n].join('|')
      : '';
  const readKey = keyOf(reads);
  const [answered, setAnswered] = useState('');
  // When the shared desk last ended a run without trouble (none while its last run failed). An
  // answer that could not tell whose change the post's is (`unsure`: the desk could not be read)
  // is asked again once a run ends well after the read was sent: the colleague's record, if any,
  // is here then. That read waits for no other run (`caughtUp`): answered, it is sure. One at a
  // time: a run ending while it is under way does not start it over.
  const deskRead = desk.state && !desk.state.lastError ? desk.state.lastSyncAt : undefined;
  const readSentAt = useRef(0);
  /** The read that is the one asked again (its key), until it is sent. */
  const caughtUpKey = useRef('');
  const rereading = useRef(false);
  useEffect(() => {
    if (!remote?.unsure || rereading.current || !deskRead) return;
    if (Date.parse(deskRead) <= readSentAt.current) return;
    // From the count as it is now: a publication's read may have been asked in the same moment.
    setReads((n) => {
      caughtUpKey.current = keyOf(n + 1);
      return n + 1;
    });
  }, [remote, deskRead]);
  useEffect(() => {
    // Not a read of another issue or post that the same drawing brought: that one is a first.
    const afterRun = readKey !== '' && caughtUpKey.current === readKey;
    caughtUpKey.current = '';
    rereading.current = afterRun;
    // The unsure line stays while it is read again for the same post: not taken away, to come
    // back a moment later.
    if (!afterRun) setRemote(undefined);
    // An earlier read of the same key (the issue picked again) says nothing of this one.
    setAnswered('');
    readSentAt.current = Date.now();
    if (!recorded || !readKey) return undefined;
    const token = crypto.randomUUID();
    let open = true;
    let done = false;
    const postId = recorded.postId;
    sendMessage('postState', {
      issueId: issue.id,
      token,
      recordedGmt: recorded.modifiedGmt,
      ...(afterRun ? { caughtUp: true as const } : {}),
    })
      .then((answer) => {
        if (!open) return;
        if (answer.ok && answer.postId === postId) setRemote(answer);
        // Read again: the post gone or no longer this one, the line goes. One that could not be
        // read (offline, slow) keeps it: the post was changed all the same, and publishing
        // would overwrite that; a later run asks again.
        else if (afterRun && (answer.ok || POST_GONE.has(answer.code))) setRemote(undefined);
      })
      // No answer from the background: nothing is known, nothing is said.
      .catch(() => undefined)
      .finally(() => {
        done = true;
        if (open) {
          setAnswered(readKey);
          rereading.current = false;
        }
      });
    return () => {
      open = false;
      if (!done) void sendMessage('postStateCancel', { token }).catch(() => false);
    };
    // readKey holds the issue, its post, the recorded modified_gmt, the site and `reads`.
  }, [readKey]);
  const reading = !!readKey && answered !== readKey;
  // Not said beside the failure that asks to overwrite the post: that says it already.
  const edited =
    remote &&
    failure?.code !== 'conflict' &&
    editedInWordPress(recorded?.modifiedGmt, remote.modifiedGmt)
      ? editedInWordPressLine(remote)
      : '';

  if (!wordpress) return null;
  const configured = !!wordpress.siteUrl && !!wordpress.username;
  const openOptions = () => void openWordPressSettings();

  /**
   * The publish button: on a shared desk, asks first who else has the issue open (see the
   * component's description), then publishes, or asks the editor.
   */
  async function start() {
    setFailure(undefined);
    setSuccess(undefined);
    setCancelled(false);
    // Asked whatever this panel knows of the shared desk: the background knows whether it is on
    // (and answers at once when it is off), where the panel's own read of it may not have
    // answered yet in the desk's first moments, when a click skipped the question.
    setChecking(true);
    let text: string | undefined;
    try {
      const check = await sendMessage('deskPublishCheck', { issueId: issue.id });
      if (!check.ok) text = publishLockQuestion(check.open, model, style, me || undefined);
    } catch {
      // No answer from the background: published as before the question existed.
    } finally {
      setChecking(false);
    }
    if (text) {
      setQuestion(text);
      return;
    }
    await publish();
  }

  /** « Attendre »: nothing published, nothing changed; the keyboard back on the button. */
  function wait() {
    setQuestion(undefined);
    button.current?.focus();
  }

  async function publish(extra: Omit<PublishRequest, 'issueId'> = {}) {
    setQuestion(undefined);
    setBusy(true);
    setFailure(undefined);
    setSuccess(undefined);
    setCancelled(false);
    try {
      const outcome = await sendMessage('publishIssue', { issueId: issue.id, ...extra });
      if (outcome.ok) setSuccess(outcome);
      else if (outcome.code === 'cancelled') setCancelled(true);
      else setFailure(outcome);
    } catch {
      // The background did not answer (stopped, or updated meanwhile): nothing was recorded.
      setFailure({ ok: false, code: 'no_answer' });
    } finally {
      setBusy(false);
      // Whatever came of it, the post is read again: what WordPress holds now is said.
      setReads((n) => n + 1);
    }
  }

  const createLabel =
    wordpress.status === 'pending' ? t('publish.createPending') : t('publish.create');
  return (
    <section class="publish" aria-label={t('publish.heading')} data-testid="publish">
      {!configured ? (
        <p class="muted" data-testid="publish-not-configured">
          {/* The button where each language's sentence puts it. */}
          {tParts('publish.notConfigured', {
            settings: (
              <button type="button" class="linklike" onClick={openOptions}>
                {t('nav.options')}
              </button>
            ),
          })}
        </p>
      ) : (
        <div class="export__row">
          <button
            type="button"
            class="button button--primary"
            ref={button}
            disabled={busy || checking || model.items.length === 0 || !!refused}
            title={refused}
            aria-describedby={
              [
                refused ? refusedId : '',
                issue.wordpress && stale ? staleId : '',
                issue.wordpress && edited ? editedId : '',
              ]
                .filter(Boolean)
                .join(' ') || undefined
            }
            onClick={() => void start()}
            data-testid="publish-button"
          >
            {busy || checking
              ? t('publish.working')
              : issue.wordpress
                ? t('publish.update')
                : createLabel}
          </button>
          {busy && (
            // A site that does not answer is waited for up to 20 s a request: the editor may stop.
            <button
              type="button"
              class="button"
              ref={stop}
              onClick={() =>
                void sendMessage('publishCancel', { issueId: issue.id }).catch(() => false)
              }
            >
              {t('common.cancel')}
            </button>
          )}
          {refused && (
            <p class="muted" id={refusedId} data-testid="publish-refused">
              {refused}
            </p>
          )}
        </div>
      )}
      {issue.wordpress && (
        // Who published it and when, for every editor of the desk (the name comes with the
        // issue through the sync); the post's number on the link, for who looks it up.
        <p class="muted" data-testid="published-by">
          {publishedLine(issue.wordpress, me)}
          {'\u00a0— '}
          <a
            href={issue.wordpress.link}
            target="_blank"
            rel="noreferrer"
            title={t('publish.postLink', { id: String(issue.wordpress.postId) })}
            data-testid="post-link"
          >
            {t('publish.viewPost')}
          </a>
        </p>
      )}
      {issue.wordpress && (
        // Said as it comes (an edit here, or a colleague's arriving by the sync), then kept until
        // the post is updated; an empty status line takes no room.
        <p class="publish__stale" role="status" id={staleId} data-testid="post-stale">
          {stale ? t('publish.stale') : ''}
        </p>
      )}
      {issue.wordpress && (
        // Beside « Modifié depuis » when both hold: an edit in WordPress, said once the post is
        // read, with where to see it; empty (no room taken) otherwise.
        <p
          class="publish__stale"
          role="status"
          id={editedId}
          aria-busy={reading ? 'true' : undefined}
          data-testid="post-edited"
        >
          {edited && remote ? (
            <>
              {edited}{' '}
              <a
                href={remote.editLink}
                target="_blank"
                rel="noreferrer"
                data-testid="post-edited-link"
              >
                {t('publish.editedSee')}
              </a>
            </>
          ) : (
            ''
          )}
        </p>
      )}
      {question && (
        // Asked as the overwrite question is: said at once, the keyboard on it.
        <div
          class="notice notice--warn"
          role="alert"
          tabIndex={-1}
          ref={asked}
          data-testid="publish-locked"
        >
          <p>{question}</p>
          <div class="form-actions">
            <button
              type="button"
              class="button button--small"
              disabled={busy}
              onClick={() => void publish()}
            >
              {t('publish.locked.anyway')}
            </button>
            <button type="button" class="button button--small" onClick={wait}>
              {t('publish.locked.wait')}
            </button>
          </div>
        </div>
      )}
      {cancelled && (
        <p class="notice" role="status" tabIndex={-1} ref={outcome} data-testid="publish-message">
          {t('publish.cancelled')}
        </p>
      )}
      {success && (
        <p
          class="notice notice--ok"
          role="status"
          tabIndex={-1}
          ref={outcome}
          data-testid="publish-message"
        >
          {success.created ? t('publish.created') : t('publish.updated')}{' '}
          <a href={success.editLink} target="_blank" rel="noreferrer">
            {t('publish.edit')}
          </a>
        </p>
      )}
      {failure && (
        <div
          class="notice notice--error"
          role="alert"
          tabIndex={-1}
          ref={outcome}
          data-testid="publish-message"
        >
          <p>
            {failure.code === 'no_answer'
              ? t('publish.failed')
              : publishFailureText(failure.code, failure.params, undefined, {
                  // The shared desk synced with these settings: a password refused now was
                  // revoked, not mistyped at a first setup.
                  workedBefore: desk.enabled && !!desk.state?.lastSyncAt,
                })}
          </p>
          <div class="form-actions">
            {failure.code === 'conflict' && (
              <button
                type="button"
                class="button button--small"
                disabled={busy}
                onClick={() => void publish({ overwrite: true })}
              >
                {t('publish.overwrite')}
              </button>
            )}
            {failure.code === 'deleted' && (
              <button
                type="button"
                class="button button--small"
                disabled={busy}
                onClick={() => void publish({ createNew: true })}
              >
                {t('publish.createNew')}
              </button>
            )}
            {FIXED_IN_SETTINGS.has(failure.code) && (
              <button
                type="button"
                class="button button--small"
                onClick={() => void openWordPressSettings(fieldToFix(failure.code))}
              >
                {t('nav.options')}
              </button>
            )}
            <button
              type="button"
              class="button button--small"
              onClick={() => setFailure(undefined)}
            >
              {failure.code === 'conflict' || failure.code === 'deleted'
                ? t('common.cancel')
                : t('publish.dismiss')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
