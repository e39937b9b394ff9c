import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../locales';
import { wordFailure } from './failureText';
import { FailureDetail } from './FailureDetail';
import { describeOutcome } from '../messaging/outcome';
import { sendMessage, type ClipOutcome } from '../messaging/protocol';
import { useRefused } from './RoleReason';
import { deskRefusal } from './roles';
import { useSharedDesk } from './useSharedDesk';

interface Props {
  /** The tab to clip; by default the active tab of the current window. */
  tabId?: number;
  /** Called with the outcome so that the list can highlight the draft. */
  onClipped: (outcome: ClipOutcome) => void;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The "Clip this page" button and the sentence that says what the clip did. */
export function ClipPanel({ tabId, onClipped }: Props) {
  const [busy, setBusy] = useState(false);
  // A Subscriber of the shared desk reads it and may not add to it: said before they try.
  const refused = useRefused(deskRefusal(useSharedDesk(), 'clip'), true);
  const [message, setMessage] = useState<{
    text: string;
    tone: 'ok' | 'info' | 'warn' | 'error';
    detail?: string;
  }>();

  async function clip() {
    if (refused.control.disabled) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const target = tabId ?? (await activeTabId());
      if (target === undefined) {
        setMessage({ text: t('clip.noTab'), tone: 'error' });
        return;
      }
      const outcome = await sendMessage('clipTab', { tabId: target });
      const tone =
        outcome.limit || outcome.truncated ? 'warn' : outcome.status === 'merged' ? 'info' : 'ok';
      setMessage({ text: describeOutcome(outcome), tone });
      onClipped(outcome);
    } catch (error) {
      setMessage({ ...wordFailure('clip.failed', error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="clip-panel">
      <button
        type="button"
        class="button button--primary"
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
