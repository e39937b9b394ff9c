/**
 * Copying to the clipboard as the exports do: apart from ExportPanel, so that a notice can copy
 * without bringing the exports with it.
 */

/** The browser refused both ways of copying (no focus, or a policy). */
export class CopyRefusedError extends Error {
  constructor() {
    super('The browser refused to copy');
    this.name = 'CopyRefusedError';
  }
}

/** Writes text/html and text/plain together, so a paste into a mail or a CMS keeps the links. */
export async function copyRichText(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return;
    } catch {
      // Some contexts refuse the async API without focus: the copy event below still works.
    }
  }
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/html', html);
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    if (!document.execCommand('copy')) throw new CopyRefusedError();
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}
