/**
 * Runs `fn` once, after the browser has painted the current frame (in the task after the next
 * frame), or after `fallbackMs` in a page that draws no frame (a hidden tab). Returns a cancel.
 * For work that must not hold up a page's first paint but should follow it closely.
 */
export function afterPaint(fn: () => void, fallbackMs = 100): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => {
          timer = setTimeout(once);
        })
      : undefined;
  const fallback = setTimeout(once, fallbackMs);
  return () => {
    done = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}
