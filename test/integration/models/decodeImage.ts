// Decodes photos to raw RGB with the test suite's reference ffmpeg (system
// ffmpeg, see test/helpers/ffmpeg.ts), scaled to a model's input size.
import { fileArg, runFfmpeg } from '../../helpers/ffmpeg.js';

async function decode(file: string, filter: string, width: number, height: number): Promise<Uint8Array> {
  const { stdout } = await runFfmpeg(['-i', fileArg(file), '-vf', `${filter},format=rgb24`, '-frames:v', '1', '-f', 'rawvideo', '-']);
  if (stdout.byteLength !== width * height * 3)
    throw new Error(`ffmpeg gave ${stdout.byteLength} bytes for ${file}, expected ${width}x${height}x3`);
  return new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength);
}

/** The whole image, aspect kept, scaled into size×size and padded black around it. */
export function letterboxRgb(file: string, size: number): Promise<Uint8Array> {
  return decode(file, `scale=${size}:${size}:force_original_aspect_ratio=decrease,pad=${size}:${size}:(ow-iw)/2:(oh-ih)/2`, size, size);
}

/** A square region of the image scaled to size×size. */
export function cropRgb(file: string, crop: { x: number; y: number; size: number }, size: number): Promise<Uint8Array> {
  return decode(file, `crop=${crop.size}:${crop.size}:${crop.x}:${crop.y},scale=${size}:${size}`, size, size);
}

/** Crops one after another: a few dozen ffmpeg processes at once would only compete for the cores. */
export async function cropsRgb(
  crops: readonly { file: string; crop: { x: number; y: number; size: number } }[],
  size: number,
): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const { file, crop } of crops) out.push(await cropRgb(file, crop, size));
  return out;
}
