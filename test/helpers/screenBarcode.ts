import { readBarcode } from './barcode.js';
import { runFfmpeg } from './ffmpeg.js';

/**
 * Reads the frame-index barcode from screenshots of what the window shows.
 * The screenshots (PNG, the element as displayed, at whatever size the page
 * gave it) are decoded and scaled back to the recording's size by the
 * reference ffmpeg, all in one process, then each is read with readBarcode.
 * Null where a picture carries no valid barcode.
 */
export async function barcodesOfScreenshots(pngs: readonly Buffer[], width: number, height: number): Promise<(number | null)[]> {
  if (pngs.length === 0) return [];
  const { stdout } = await runFfmpeg(
    [
      '-f',
      'image2pipe',
      '-c:v',
      'png',
      '-i',
      'pipe:0',
      '-vf',
      `scale=${width}:${height}:flags=bilinear`,
      '-fps_mode',
      'passthrough',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      'pipe:1',
    ],
    { input: Buffer.concat(pngs) },
  );
  const size = width * height;
  if (stdout.length !== size * pngs.length) throw new Error(`ffmpeg decoded ${stdout.length / size} of ${pngs.length} screenshots`);
  return pngs.map((_, i) => readBarcode(new Uint8Array(stdout.buffer, stdout.byteOffset + i * size, size), width, height, 'gray'));
}
