// Test-only stand-in for the face stage: landmarks for real images before the
// real face stage exists. Deliberately simple: BlazeFace on the letterboxed
// frame, the top box enlarged 1.5x to a square, the mesh on that crop, mapped
// back to frame pixels. No tracking, no rotation correction of the crop.
import ort from 'onnxruntime-node';
import { loadModel, type LoadedModel } from '../../../src-main/analysis/models/loadModel.js';
import type { FaceObservation, RgbFrame } from '../../../src-main/analysis/types.js';
import { fileArg, runFfmpeg, runFfprobeJson } from '../../helpers/ffmpeg.js';

const DETECT = 256;
const MESH = 192;

/** Decodes an image (first frame of any file ffmpeg reads) to an rgb24 frame, optionally through a filter. */
export async function decodeImage(file: string, filter?: string): Promise<RgbFrame> {
  const probe = (await runFfprobeJson(['-select_streams', 'v:0', '-show_entries', 'stream=width,height', fileArg(file)])) as {
    streams?: Array<{ width?: number; height?: number }>;
  };
  const width = probe.streams?.[0]?.width ?? 0;
  const height = probe.streams?.[0]?.height ?? 0;
  const vf = filter ? `${filter},format=rgb24` : 'format=rgb24';
  const { stdout } = await runFfmpeg(['-i', fileArg(file), '-vf', vf, '-frames:v', '1', '-f', 'rawvideo', '-']);
  if (stdout.byteLength !== width * height * 3) throw new Error(`${file}: ${stdout.byteLength} bytes, expected ${width}x${height}x3`);
  return { index: 0, width, height, data: new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength) };
}

/** Bilinear RGB of the square (x0, y0, side) resampled to size×size, as NHWC floats v*scale+offset; outside is black. */
function squareInput(frame: RgbFrame, x0: number, y0: number, side: number, size: number, scale: number, offset: number): Float32Array {
  const out = new Float32Array(size * size * 3);
  const step = side / size;
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      const x = x0 + (u + 0.5) * step - 0.5;
      const y = y0 + (v + 0.5) * step - 0.5;
      const xi = Math.floor(x);
      const yi = Math.floor(y);
      const fx = x - xi;
      const fy = y - yi;
      for (let c = 0; c < 3; c++) {
        const at = (px: number, py: number): number =>
          px < 0 || py < 0 || px >= frame.width || py >= frame.height ? 0 : (frame.data[(py * frame.width + px) * 3 + c] ?? 0);
        const top = at(xi, yi) * (1 - fx) + at(xi + 1, yi) * fx;
        const bottom = at(xi, yi + 1) * (1 - fx) + at(xi + 1, yi + 1) * fx;
        out[(v * size + u) * 3 + c] = (top * (1 - fy) + bottom * fy) * scale + offset;
      }
    }
  }
  return out;
}

interface Box {
  cx: number;
  cy: number;
  w: number;
  h: number;
  score: number;
}

/** The best BlazeFace box, in pixels of the 256 input (anchors as the manifest describes). */
function topBox(outputs: ort.InferenceSession.ReturnType): Box {
  let best: Box = { cx: 0, cy: 0, w: 0, h: 0, score: -1 };
  for (const [scoresName, boxesName, cells, perCell] of [
    ['scores_16x16', 'boxes_16x16', 16, 2],
    ['scores_8x8', 'boxes_8x8', 8, 6],
  ] as const) {
    const scores = outputs[scoresName]?.data as Float32Array;
    const boxes = outputs[boxesName]?.data as Float32Array;
    const stride = DETECT / cells;
    for (let i = 0; i < scores.length; i++) {
      const score = 1 / (1 + Math.exp(-(scores[i] ?? 0)));
      if (score <= best.score) continue;
      const cell = Math.floor(i / perCell);
      best = {
        score,
        cx: ((cell % cells) + 0.5) * stride + (boxes[i * 16] ?? 0),
        cy: (Math.floor(cell / cells) + 0.5) * stride + (boxes[i * 16 + 1] ?? 0),
        w: boxes[i * 16 + 2] ?? 0,
        h: boxes[i * 16 + 3] ?? 0,
      };
    }
  }
  return best;
}

/** Yaw, pitch (sign conventions of types.ts) and roll, roughly, from the mesh's own 3-D eye line and eye-to-chin line. */
export function poseFromMesh(lm: Float32Array): FaceObservation['pose'] {
  const p = (i: number, k: number): number => lm[i * 3 + k] ?? 0;
  const eye = (a: number, b: number, k: number): number => (p(a, k) + p(b, k)) / 2;
  const ex = [0, 1, 2].map((k) => eye(263, 362, k) - eye(33, 133, k));
  const ey = [0, 1, 2].map((k) => p(152, k) - (eye(263, 362, k) + eye(33, 133, k)) / 2);
  const nx = Math.hypot(ex[0] ?? 0, ex[1] ?? 0, ex[2] ?? 0);
  const ny = Math.hypot(ey[0] ?? 0, ey[1] ?? 0, ey[2] ?? 0);
  const deg = 180 / Math.PI;
  return {
    roll: Math.atan2(ex[1] ?? 0, ex[0] ?? 1) * deg,
    // z grows away from the camera: turning to their left takes the left eye away.
    yaw: Math.asin((ex[2] ?? 0) / nx) * deg,
    // Looking up brings the chin forward (smaller z). The eye-chin line leans ~10-15° at rest; not corrected here.
    pitch: Math.asin(-(ey[2] ?? 0) / ny) * deg,
  };
}

export interface MeshHelper {
  observe(frame: RgbFrame): Promise<FaceObservation | null>;
  close(): Promise<void>;
}

export async function createMeshHelper(): Promise<MeshHelper> {
  const detector: LoadedModel = await loadModel('blazeface', { intraOpNumThreads: 2 });
  const mesh: LoadedModel = await loadModel('facemesh', { intraOpNumThreads: 2 });
  return {
    async observe(frame) {
      const side = Math.max(frame.width, frame.height);
      const x0 = (frame.width - side) / 2;
      const y0 = (frame.height - side) / 2;
      const detection = topBox(
        await detector.session.run({
          image: new ort.Tensor('float32', squareInput(frame, x0, y0, side, DETECT, 1 / 127.5, -1), [1, DETECT, DETECT, 3]),
        }),
      );
      if (detection.score < 0.5) return null;
      const k = side / DETECT;
      const cropSide = Math.max(detection.w, detection.h) * k * 1.5;
      const cx = x0 + detection.cx * k;
      const cy = y0 + detection.cy * k;
      const cropX = cx - cropSide / 2;
      const cropY = cy - cropSide / 2;
      const out = await mesh.session.run({
        image: new ort.Tensor('float32', squareInput(frame, cropX, cropY, cropSide, MESH, 1 / 255, 0), [1, MESH, MESH, 3]),
      });
      const raw = out.mesh?.data as Float32Array;
      const s = cropSide / MESH;
      const landmarks = new Float32Array(468 * 3);
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let i = 0; i < 468; i++) {
        const x = cropX + (raw[i * 3] ?? 0) * s;
        const y = cropY + (raw[i * 3 + 1] ?? 0) * s;
        landmarks[i * 3] = x;
        landmarks[i * 3 + 1] = y;
        landmarks[i * 3 + 2] = (raw[i * 3 + 2] ?? 0) * s;
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
      return {
        box: { x: minX, y: minY, w: maxX - minX, h: maxY - minY },
        confidence: (out.faceflag?.data as Float32Array)[0] ?? 0,
        landmarks,
        pose: poseFromMesh(landmarks),
        facesSeen: 1,
        detected: true,
      };
    },
    async close() {
      await detector.session.release();
      await mesh.session.release();
    },
  };
}
