// The mesh mapped back to frame pixels lands on the face: compared with the 68
// iBUG points of dlib's *_with_face_landmarks.xml (placed by dlib's shape
// predictor, an independent model) at ten corresponding points, as error over
// the outer-eye-corner distance (NME). A wrong crop, rotation or back-mapping
// shows up here as errors of a large fraction of the face.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceDetector, type FaceDetector } from '../../../src-main/analysis/face/detector.js';
import { DEFAULT_DETECTOR_OPTIONS } from '../../../src-main/analysis/face/faceStage.js';
import { iou } from '../../../src-main/analysis/face/iou.js';
import { createFaceLandmarker, type FaceLandmarker } from '../../../src-main/analysis/face/landmarker.js';
import { roiFromDetection, roiFromLandmarks } from '../../../src-main/analysis/face/roi.js';
import { loadModel, type LoadedModel } from '../../../src-main/analysis/models/loadModel.js';
import { ensureModels } from '../models/ensureModels.js';
import { readImglab } from './groundTruth.js';
import { decodeImage } from './media.js';

/** Mesh index → iBUG index: eye corners, nose tip, mouth corners, chin, inner lips. */
const CORRESPONDING: readonly [number, number][] = [
  [33, 36],
  [133, 39],
  [362, 42],
  [263, 45],
  [1, 30],
  [61, 48],
  [291, 54],
  [152, 8],
  [13, 62],
  [14, 66],
];

let models: LoadedModel[] = [];
let detector: FaceDetector;
let landmarker: FaceLandmarker;

beforeAll(async () => {
  ensureModels();
  models = [await loadModel('blazeface', { intraOpNumThreads: 1 }), await loadModel('facemesh', { intraOpNumThreads: 1 })];
  detector = createFaceDetector(models[0] as LoadedModel, DEFAULT_DETECTOR_OPTIONS);
  landmarker = createFaceLandmarker(models[1] as LoadedModel);
});

afterAll(async () => {
  for (const m of models) await m.session.release();
});

describe('mesh landmarks in frame pixels', () => {
  it('match the iBUG points of the hand-boxed faces (>= 40 px) within 8% of the eye distance (median)', async () => {
    const errors: number[] = [];
    for (const xml of ['training_with_face_landmarks.xml', 'testing_with_face_landmarks.xml']) {
      for (const image of readImglab(xml)) {
        const frame = await decodeImage(image.file, image);
        const detections = await detector.detect(frame, { tiles: true });
        for (const face of image.faces) {
          if (Math.min(face.box.w, face.box.h) < 40) continue;
          const detection = detections.find((d) => iou(d.box, face.box) >= 0.5);
          expect(detection, `${image.file}: a detection for the face at ${JSON.stringify(face.box)}`).toBeDefined();
          if (!detection) continue;
          // As the stage does: a crop from the detection, then one from the landmarks.
          const first = await landmarker.run(frame, roiFromDetection(detection));
          const { landmarks } = await landmarker.run(frame, roiFromLandmarks(first.landmarks));
          const part = (i: number): { x: number; y: number } => face.parts.get(i) ?? { x: NaN, y: NaN };
          const eyes = Math.hypot(part(36).x - part(45).x, part(36).y - part(45).y);
          const error =
            CORRESPONDING.reduce(
              (sum, [m, p]) => sum + Math.hypot((landmarks[3 * m] as number) - part(p).x, (landmarks[3 * m + 1] as number) - part(p).y),
              0,
            ) / CORRESPONDING.length;
          errors.push(error / eyes);
        }
      }
    }
    errors.sort((a, b) => a - b);
    const median = errors[Math.floor(errors.length / 2)] as number;
    console.log(
      `mesh vs iBUG points, ${errors.length} faces: NME median ${median.toFixed(3)}, worst ${(errors.at(-1) as number).toFixed(3)}`,
    );
    expect(errors.length).toBe(21);
    expect(median).toBeLessThan(0.08);
    expect(errors.at(-1)).toBeLessThan(0.15);
  });
});
