/** Saves `content` as a file through the browser's downloads, from an extension page. */
export function downloadFile(filename: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoked a little later: the download starts asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
