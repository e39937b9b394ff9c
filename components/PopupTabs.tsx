import { useRef } from 'preact/hooks';
import { t } from '../locales/core';

/** The popup's two tabs: its drafts, and the issue. */
export type Tab = 'drafts' | 'issue';

const TABS: readonly Tab[] = ['drafts', 'issue'];

/** The id of a tab's button, which names the panel it shows. */
export const tabButtonId = (tab: Tab) => `popup-tab-${tab}`;

/** The id of the panel the tabs show. */
export const TAB_PANEL_ID = 'popup-panel';

/**
 * The popup's tabs, as a screen reader and the keyboard expect tabs to work (the WAI-ARIA tabs
 * pattern): one stop in the Tab order, on the shown tab; ← and → (Home and End) go to the
 * other tab and show it at once, as there are only two and each shows at once.
 */
export function PopupTabs({ tab, onShow }: { tab: Tab; onShow: (tab: Tab) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const go = (next: Tab) => {
    onShow(next);
    list.current?.querySelector<HTMLElement>(`#${tabButtonId(next)}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const at = TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(at + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(at + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    go(next);
  };
  return (
    <div class="tabs" role="tablist" ref={list} onKeyDown={onKeyDown}>
      {TABS.map((each) => (
        <button
          key={each}
          type="button"
          role="tab"
          id={tabButtonId(each)}
          aria-selected={tab === each}
          aria-controls={TAB_PANEL_ID}
          tabIndex={tab === each ? 0 : -1}
          class="tab"
          onClick={() => onShow(each)}
        >
          {t(each === 'drafts' ? 'nav.drafts' : 'nav.issue')}
        </button>
      ))}
    </div>
  );
}
