import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { reportLoadFailure } from '../lib/page-leaving';
import { t } from '../locales/core';
import { loadData } from './data';

/** A loading note shown sooner would only flash: most chunks arrive well within this. */
const QUIET_MS = 300;

/**
 * A component whose code is loaded when it is first rendered (a dynamic import, its own
 * chunk), after the database layer is ready. Until then it shows nothing, then after
 * {@link QUIET_MS} a quiet « Chargement… »; a failed load says so instead of staying blank.
 * `silent`: nothing at all until loaded, for a part that is often empty (a status line).
 * A `fallback` prop is drawn instead until then (the desk's first screen, see DeskFirstScreen).
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { silent = false }: { silent?: boolean } = {},
): ComponentType<P & { fallback?: ComponentChildren }> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetch = () =>
    (loading ??= loadData()
      .then(load)
      .then((component) => (loaded = component))
      .catch((error: unknown) => {
        // A next render tries again (a chunk may fail to load while the extension updates).
        loading = undefined;
        throw error;
      }));
  function Lazy({ fallback, ...props }: P & { fallback?: ComponentChildren }) {
    const [component, setComponent] = useState(() => loaded);
    const [slow, setSlow] = useState(false);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      let live = true;
      const timer = setTimeout(() => live && setSlow(true), QUIET_MS);
      fetch().then(
        (next) => live && setComponent(() => next),
        (error: unknown) => {
          reportLoadFailure('Indiscrets load', error);
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
        clearTimeout(timer);
      };
    }, []);
    if (component) {
      const Component = component;
      return <Component {...(props as P)} />;
    }
    if (failed) return <p role="alert">{t('common.loadFailed')}</p>;
    if (fallback !== undefined) return <>{fallback}</>;
    return slow && !silent ? (
      <p class="muted loading" role="status" data-testid="loading">
        {t('common.loading')}
      </p>
    ) : null;
  }
  return Lazy;
}
