// Runs BlazeFace on a frame: the whole frame letterboxed into the model input,
// and, when that finds nothing on a large frame, overlapping tiles (tiles.ts).
// Returns every face above the score threshold, in frame pixels.
import ort from 'onnxruntime-node';
import type { LoadedModel } from '../models/loadModel.js';
import { applyAffine, fitRectMap, type Affine, type Rect } from './affine.js';
import { anchorCentres } from './anchors.js';
import { decodeDetections } from './decodeDetections.js';
import type { Detection } from './detection.js';
import { weightedNms } from './nms.js';
import { sampleAffine, tapsFor, type RgbImage } from './sampler.js';
import { tileRects } from './tiles.js';
import { squareInputSize } from './modelInput.js';

export interface DetectorOptions {
  /** Lowest face probability kept. MediaPipe's BlazeFace graphs use 0.5. */
  minScore: number;
  /** Overlap above which detections are merged (MediaPipe: 0.3). */
  nmsIou: number;
}

export interface DetectOptions {
  /** Allow the tile pass when the whole frame gives nothing. */
  tiles: boolean;
}

export interface FaceDetector {
  detect(frame: RgbImage, options: DetectOptions): Promise<Detection[]>;
}

/** BlazeFace wants RGB in -1..1; black padding becomes -1, as in the letterbox it was trained on. */
const NORMALISATION = { scale: 1 / 127.5, offset: -1 };

function toFrame(d: Detection, map: Affine): Detection {
  const corner = applyAffine(map, d.box.x, d.box.y);
  // fitRectMap has no rotation: a and d are the same scale.
  return {
    box: { x: corner.x, y: corner.y, w: d.box.w * map.a, h: d.box.h * map.d },
    score: d.score,
    keypoints: d.keypoints.map((p) => applyAffine(map, p.x, p.y)),
  };
}

export function createFaceDetector(model: LoadedModel, options: DetectorOptions): FaceDetector {
  const size = squareInputSize(model);
  const inputName = model.entry.inputs[0]?.name ?? 'image';
  const anchors = anchorCentres(size);
  const input = new Float32Array(size * size * 3);
  const tensor = new ort.Tensor('float32', input, [1, size, size, 3]);

  async function pass(frame: RgbImage, rect: Rect): Promise<Detection[]> {
    const map = fitRectMap(rect, size);
    sampleAffine(frame, map, input, size, size, NORMALISATION, tapsFor(map));
    const out = await model.session.run({ [inputName]: tensor });
    const data = (name: string): Float32Array => {
      const t = out[name];
      if (!t) throw new Error(`BlazeFace gave no output "${name}"`);
      return t.data as Float32Array;
    };
    const found = decodeDetections(
      [data('scores_16x16'), data('scores_8x8')],
      [data('boxes_16x16'), data('boxes_8x8')],
      anchors,
      options.minScore,
    );
    return weightedNms(found, options.nmsIou).map((d) => toFrame(d, map));
  }

  return {
    async detect(frame, { tiles }) {
      const whole = await pass(frame, { x: 0, y: 0, w: frame.width, h: frame.height });
      if (whole.length > 0 || !tiles) return whole;
      const found: Detection[] = [];
      for (const rect of tileRects(frame.width, frame.height, size)) found.push(...(await pass(frame, rect)));
      return weightedNms(found, options.nmsIou);
    },
  };
}
