import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../locales/core';
import { wordFailure } from './failureText';
import { FailureDetail } from './FailureDetail';
import { describeOutcome } from '../messaging/outcome';
import { seenTab, sendMessage, type ClipOutcome, type ProtocolMap } from '../messaging/protocol';
import { useRefused } from './RoleReason';
import { deskRefusal } from './roles';
import { useSharedDesk } from './useSharedDesk';
import { inboxRowElement } from './inboxRow';
import { focusLost, whenDrawn } from './whenDrawn';

/** What "Clip this page" asks the background. */
type ClipRequest = ProtocolMap['clipTab']['request'];

interface Props {
  /** The tab to clip; by default the active tab of the current window. */
  tabId?: number;
  /** Called with the outcome so that the list can highlight the draft. */
  onClipped: (outcome: ClipOutcome) => void;
}

/** A clip request for a tab, with its address and title when the browser tells them. */
function requestFor(
  tabId: number,
  tab: { url?: string; pendingUrl?: string; title?: string },
): ClipRequest {
  const seen = seenTab({ url: tab.url ?? tab.pendingUrl, title: tab.title });
  return seen ? { tabId, tab: seen } : { tabId };
}

/**
 * The active tab of the current window (opening the popup grants it the tab): the background
 * then clips it without asking for it again.
 */
async function activeTab(): Promise<ClipRequest | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : requestFor(tab.id, tab);
}

/** Tab `tabId` (`popup.html?tabId=N`). */
async function tabById(tabId: number): Promise<ClipRequest> {
  return requestFor(tabId, await browser.tabs.get(tabId));
}

/**
 * The "Clip this page" button and the sentence that says what the clip did.
 *
 * The button is disabled while it clips, which takes the keyboard from it: once the clip is done
 * the keyboard goes to the draft's row in the inbox (the new one, or the one the page was added
 * to), where Enter opens it to write and « a » adds it to the issue, which is what an editor does
 * next; with no inbox in sight (the popup on the issue or a draft), back to the button. Either
 * only if the keyboard is on nothing or still on the button: not taken from where the editor went
 * meanwhile. The sentence, a status, is spoken as it comes.
 */
export function ClipPanel({ tabId, onClipped }: Props) {
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The clip just done: the keyboard, lost as the button was disabled, is given back (see above).
  const [done, setDone] = useState<{ id?: string }>();
  useEffect(() => {
    if (!done) return;
    const root = document.body;
    const free = () => focusLost() || document.activeElement === button.current;
    const toRow = (row: HTMLElement) => {
      if (free()) row.focus();
    };
    if (free()) button.current?.focus();
    if (!done.id) return;
    const id = done.id;
    const row = inboxRowElement(root, id);
    if (row) toRow(row);
    else whenDrawn(root, () => inboxRowElement(root, id), toRow);
  }, [done]);
  // A Subscriber of the shared desk reads it and may not add to it: said before they try.
  const refused = useRefused(deskRefusal(useSharedDesk(), 'clip'), true);
  const [message, setMessage] = useState<{
    text: string;
    tone: 'ok' | 'info' | 'warn' | 'error';
    detail?: string;
  }>();

  /**
   * The read of the page asked for as the popup opens (prepareClip): a click then only has the
   * draft stored. Its token goes with the clip, which reads the page again if the tab moved on.
   */
  const early = useRef<string>();
  useEffect(() => {
    if (refused.control.disabled) return;
    void (tabId !== undefined ? tabById(tabId) : activeTab())
      .then((request) => {
        if (!request?.tab?.url) return;
        const token = crypto.randomUUID();
        early.current = token;
        return sendMessage('prepareClip', {
          tabId: request.tabId,
          tab: { ...request.tab, url: request.tab.url },
          token,
        });
      })
      // The clip reads the page itself then, and says what went wrong if it must.
      .catch(() => undefined);
  }, []);

  async function clip() {
    if (refused.control.disabled) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const found = tabId !== undefined ? { tabId } : await activeTab();
      if (!found) {
        setMessage({ text: t('clip.noTab'), tone: 'error' });
        setDone({});
        return;
      }
      const prepared = early.current;
      early.current = undefined;
      const request = prepared ? { ...found, prepared } : found;
      const outcome = await sendMessage('clipTab', request);
      const tone =
        outcome.limit || outcome.truncated
          ? 'warn'
          : outcome.status === 'merged' || outcome.beside !== undefined
            ? 'info'
            : 'ok';
      setMessage({ text: describeOutcome(outcome), tone });
      onClipped(outcome);
      setDone({ id: outcome.clip.id });
    } catch (error) {
      setMessage({ ...wordFailure(t('clip.failed'), error), tone: 'error' });
      setDone({});
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="clip-panel">
      <button
        type="button"
        class="button button--primary"
        ref={button}
        onClick={clip}
        {...refused.control}
        disabled={busy || refused.control.disabled === true}
      >
        {busy ? t('clip.working') : t('clip.button')}
      </button>
      {refused.reason}
      <p
        class={`notice${message ? ` notice--${message.tone}` : ''}`}
        role={message?.tone === 'error' ? 'alert' : 'status'}
        data-testid="clip-message"
      >
        {message?.text}
        <FailureDetail detail={message?.detail} />
      </p>
    </section>
  );
}
