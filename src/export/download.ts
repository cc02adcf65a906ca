/**
 * The one module of export/ with a browser side effect: it saves files (an `<a download>`
 * click on an object URL) and writes images to the clipboard.
 */

/** Saves `blob` as a file named `fileName` through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the URL only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** True when this browser can put a PNG on the clipboard. */
export function canCopyImage(): boolean {
  return (
    typeof ClipboardItem === 'function' &&
    typeof navigator !== 'undefined' &&
    typeof navigator.clipboard?.write === 'function'
  );
}

/**
 * Puts a PNG on the clipboard. The item is given a promise, not a Blob, so Safari keeps the
 * user's click as the permission even though the picture takes a while to draw.
 */
export async function copyPngToClipboard(png: Promise<Blob>): Promise<void> {
  if (!canCopyImage()) throw new Error('copyImage: this browser cannot copy images');
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
