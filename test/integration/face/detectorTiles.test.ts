// The tile pass on a real face too small for the whole-frame pass: astronaut.png
// shrunk to 64 px (a face of about 12 px, its head about 24) on a grey 1280x720
// frame. Letterboxed whole, the head is under 5 px of the detector's input; in
// one of the 768 px tiles it is 8 px, which BlazeFace still finds.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceDetector, type FaceDetector } from '../../../src-main/analysis/face/detector.js';
import { DEFAULT_DETECTOR_OPTIONS } from '../../../src-main/analysis/face/faceStage.js';
import { loadModel, type LoadedModel } from '../../../src-main/analysis/models/loadModel.js';
import type { RgbFrame } from '../../../src-main/analysis/types.js';
import { fileArg, runFfmpeg } from '../../helpers/ffmpeg.js';
import { ensureModels } from '../models/ensureModels.js';
import { facesDir } from './media.js';

let model: LoadedModel;
let detector: FaceDetector;

beforeAll(async () => {
  ensureModels();
  model = await loadModel('blazeface', { intraOpNumThreads: 1 });
  detector = createFaceDetector(model, DEFAULT_DETECTOR_OPTIONS);
});

afterAll(async () => {
  await model?.session.release();
});

describe('detector tile pass', () => {
  it('finds a small face in a large frame that the whole-frame pass misses', async () => {
    const at = { x: 700, y: 200, size: 64 };
    const { stdout } = await runFfmpeg([
      '-f',
      'lavfi',
      '-i',
      'color=c=gray:s=1280x720',
      '-i',
      fileArg(path.join(facesDir, 'astronaut.png')),
      '-filter_complex',
      `[1:v]scale=${at.size}:${at.size}[a];[0:v][a]overlay=${at.x}:${at.y},format=rgb24`,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      'pipe:1',
    ]);
    const frame: RgbFrame = { index: 0, width: 1280, height: 720, data: new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.length) };
    expect(await detector.detect(frame, { tiles: false })).toEqual([]);
    const found = await detector.detect(frame, { tiles: true });
    console.log(`tile pass on a 12 px face in 1280x720: ${JSON.stringify(found.map((d) => ({ ...d.box, score: d.score })))}`);
    expect(found).toHaveLength(1);
    // The face of astronaut.png spans about x 178-272, y 70-176 of 512: here x 722-734, y 209-222.
    const box = found[0]?.box ?? { x: 0, y: 0, w: 0, h: 0 };
    const cx = box.x + box.w / 2;
    const cy = box.y + box.h / 2;
    expect(cx).toBeGreaterThan(at.x + (178 / 512) * at.size);
    expect(cx).toBeLessThan(at.x + (272 / 512) * at.size);
    expect(cy).toBeGreaterThan(at.y + (60 / 512) * at.size);
    expect(cy).toBeLessThan(at.y + (190 / 512) * at.size);
  });
});
