// Hand-drawn face boxes of dlib's imglab files (testing.xml, training.xml), and
// the 68 iBUG points of the *_with_face_landmarks.xml versions (placed by dlib's
// shape predictor on the same boxes).
import fs from 'node:fs';
import path from 'node:path';
import type { Box } from '../../../src-main/analysis/types.js';
import { facesDir } from './media.js';

export interface GroundTruthImage {
  file: string;
  width: number;
  height: number;
  faces: GroundTruthFace[];
}

export interface GroundTruthFace {
  box: Box;
  /** iBUG 68-point index → point, when the file has them. */
  parts: Map<number, { x: number; y: number }>;
}

function attributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/(\w+)='([^']*)'/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function num(attrs: Map<string, string>, name: string, where: string): number {
  const value = Number(attrs.get(name));
  if (!Number.isFinite(value)) throw new Error(`${where}: attribute ${name} is missing or not a number`);
  return value;
}

/** The images of one imglab file; boxes marked ignore='1' are left out. */
export function readImglab(xmlName: string): GroundTruthImage[] {
  const text = fs.readFileSync(path.join(facesDir, xmlName), 'latin1');
  const images: GroundTruthImage[] = [];
  for (const image of text.matchAll(/<image\b([^>]*)>([\s\S]*?)<\/image>/g)) {
    const attrs = attributes(image[1] ?? '');
    const file = attrs.get('file') ?? '';
    const faces: GroundTruthFace[] = [];
    for (const box of (image[2] ?? '').matchAll(/<box\b([^>]*?)(\/>|>([\s\S]*?)<\/box>)/g)) {
      const b = attributes(box[1] ?? '');
      if (b.get('ignore') === '1') continue;
      const where = `${xmlName} ${file}`;
      const parts = new Map<number, { x: number; y: number }>();
      for (const part of (box[3] ?? '').matchAll(/<part\b([^>]*)\/>/g)) {
        const p = attributes(part[1] ?? '');
        parts.set(Number(p.get('name')), { x: num(p, 'x', where), y: num(p, 'y', where) });
      }
      faces.push({
        box: { x: num(b, 'left', where), y: num(b, 'top', where), w: num(b, 'width', where), h: num(b, 'height', where) },
        parts,
      });
    }
    images.push({ file: path.join(facesDir, file), width: num(attrs, 'width', file), height: num(attrs, 'height', file), faces });
  }
  if (images.length === 0) throw new Error(`${xmlName}: no images`);
  return images;
}
