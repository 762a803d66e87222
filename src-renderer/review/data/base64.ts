/** Float32 values from the API's base64 (little-endian, as every host here is). */
export function float32FromBase64(text: string): Float32Array {
  const bytes = atob(text);
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
  return new Float32Array(out.buffer, 0, Math.floor(out.length / 4));
}
