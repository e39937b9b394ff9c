/**
 * Shows a short confirmation in the page after a clip from the context menu or the keyboard,
 * where no popup is open to say what happened. Injected with `scripting.executeScript({ func })`,
 * so it must be self-contained: no imports, no closures over module variables.
 */
export function showToast(message: string, tone: 'ok' | 'info' | 'warn', lang = 'fr'): void {
  const id = 'indiscrets-toast-host';
  document.getElementById(id)?.remove();
  const host = document.createElement('div');
  host.id = id;
  // A closed shadow root keeps the page's CSS out and our CSS in.
  const root = host.attachShadow({ mode: 'closed' });
  const colors = { ok: '#1f6f43', info: '#1d4f91', warn: '#8a5300' };
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  // The editor's language, not the page's: a screen reader reads it with the right voice.
  box.lang = lang;
  box.textContent = message;
  box.style.cssText = [
    'position:fixed',
    'z-index:2147483647',
    'right:16px',
    'bottom:16px',
    'max-width:360px',
    'padding:10px 14px',
    'border-radius:8px',
    'font:14px/1.4 system-ui,sans-serif',
    'color:#fff',
    `background:${colors[tone]}`,
    'box-shadow:0 4px 16px rgba(0,0,0,.25)',
  ].join(';');
  root.appendChild(box);
  document.documentElement.appendChild(host);
  // Long enough to be read: 4 s, or 50 ms a character (20 a second) for a longer sentence (a
  // page closed to scripts: why, and what was kept).
  setTimeout(() => host.remove(), Math.max(4000, message.length * 50));
}
