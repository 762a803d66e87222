/** Bytes from the API's base64. */
export function bytesFromBase64(text: string): Uint8Array<ArrayBuffer> {
  const chars = atob(text);
  const out = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) out[i] = chars.charCodeAt(i);
  return out;
}

/**
 * Offers bytes as a download under `fileName` (`<a download>` on a blob URL):
 * the window never names a path for the main side to write.
 */
export function saveBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next turn; a minute is ample and frees the memory after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
