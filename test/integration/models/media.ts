// Real photos for model tests, from the shared media folder beside the
// checkout (../shared/media, see its PROVENANCE.md). The path is computed from the
// repository root, never written down, so the tests run on any machine with that layout.
import fs from 'node:fs';
import path from 'node:path';
import { sharedMediaDir } from '../../helpers/paths.js';

export const facesDir = path.join(sharedMediaDir, 'faces');
export const astronautPath = path.join(facesDir, 'astronaut.png');

if (!fs.existsSync(astronautPath)) {
  throw new Error(`The model tests need the shared real media (PROVENANCE.md) at ${sharedMediaDir}; it is not there.`);
}

export interface FaceBox {
  file: string;
  imageWidth: number;
  imageHeight: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The hand-drawn face boxes of dlib's imglab files (testing.xml, training.xml). */
export function handDrawnFaceBoxes(): FaceBox[] {
  const boxes: FaceBox[] = [];
  for (const xml of ['testing.xml', 'training.xml']) {
    const text = fs.readFileSync(path.join(facesDir, xml), 'latin1');
    for (const image of text.matchAll(/<image file='([^']+)' width='(\d+)' height='(\d+)'>([\s\S]*?)<\/image>/g)) {
      const [, file = '', w = '0', h = '0', body = ''] = image;
      for (const box of body.matchAll(/<box top='(-?\d+)' left='(-?\d+)' width='(\d+)' height='(\d+)'/g)) {
        const [, top = '0', left = '0', width = '0', height = '0'] = box;
        boxes.push({
          file: path.join(facesDir, file),
          imageWidth: Number(w),
          imageHeight: Number(h),
          left: Number(left),
          top: Number(top),
          width: Number(width),
          height: Number(height),
        });
      }
    }
  }
  return boxes;
}

/** A square around the box's centre, `factor` times its larger side, kept inside the image. */
export function squareCrop(box: FaceBox, factor: number): { x: number; y: number; size: number } {
  const size = Math.min(Math.round(Math.max(box.width, box.height) * factor), box.imageWidth, box.imageHeight);
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  const x = Math.min(Math.max(Math.round(cx - size / 2), 0), box.imageWidth - size);
  const y = Math.min(Math.max(Math.round(cy - size / 2), 0), box.imageHeight - size);
  return { x, y, size };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const header = fs.readFileSync(file).subarray(0, 24);
  if (header.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}
