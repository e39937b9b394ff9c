import type { JSX } from 'preact';
import { useId } from 'preact/hooks';

/**
 * A control the user's role may not use (shared desk, see components/roles.ts): it is disabled
 * before anything is tried, never clickable and then undone by WordPress's refusal. The reason
 * is its tooltip and a line read with it (`aria-describedby`), so that the editor knows why.
 */
export interface Refused {
  /** Spread on the control: disabled, with the reason as its tooltip and its description. */
  control: { disabled?: boolean; title?: string; 'aria-describedby'?: string };
  /** The line saying why (for screen readers only unless `visible`); nothing when allowed. */
  reason: JSX.Element | null;
}

/** What a control needs to show `reason` (from `deskRefusal`), or nothing when it is allowed. */
export function useRefused(reason: string | undefined, visible = false): Refused {
  const id = useId();
  if (!reason) return { control: {}, reason: null };
  return {
    control: { disabled: true, title: reason, 'aria-describedby': id },
    reason: (
      <span id={id} class={visible ? 'role-reason' : 'visually-hidden'} data-testid="role-reason">
        {reason}
      </span>
    ),
  };
}
