import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useState } from 'preact/hooks';

const AnnounceContext = createContext<(text: string) => void>(() => {});

/** Says `text` to screen readers (a polite live region), for what the keyboard just did. */
export const useAnnounce = () => useContext(AnnounceContext);

/** Holds the one live region of a page, that `useAnnounce` speaks through. */
export function AnnouncerProvider({ children }: { children: ComponentChildren }) {
  const [said, setSaid] = useState({ text: '', count: 0 });
  // The same sentence twice in a row is still news: a counter re-keys the region's content.
  const announce = useCallback(
    (text: string) => setSaid((previous) => ({ text, count: previous.count + 1 })),
    [],
  );
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <p class="visually-hidden announcer" aria-live="polite" data-testid="announcement">
        <span key={said.count}>{said.text}</span>
      </p>
    </AnnounceContext.Provider>
  );
}
