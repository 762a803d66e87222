// Runs the 468-point face mesh on a ROI of the frame and maps the points back
// to frame pixels, undoing the crop's scale and rotation.
import ort from 'onnxruntime-node';
import type { LoadedModel } from '../models/loadModel.js';
import { maxStretch, roiMap, type Roi } from './affine.js';
import { squareInputSize } from './modelInput.js';
import { sampleAffine, tapsFor, type RgbImage } from './sampler.js';

export const MESH_POINTS = 468;

export interface MeshResult {
  /** MESH_POINTS x (x, y, z) in frame pixels; z in the same scale, relative depth (smaller is nearer). */
  landmarks: Float32Array;
  /** The model's face flag: probability that the crop holds a face. */
  confidence: number;
}

export interface FaceLandmarker {
  run(frame: RgbImage, roi: Roi): Promise<MeshResult>;
}

/** The mesh model wants RGB in 0..1. */
const NORMALISATION = { scale: 1 / 255, offset: 0 };

/**
 * The mesh crop runs on every frame: plain bilinear (one read per input pixel,
 * as MediaPipe's own crop does) up to a 4x shrink, where the face's detail is
 * still far above the model's 192 px; larger faces get 2x2 reads against aliasing.
 * More reads per pixel cost about 1 ms a frame each and did not change the mesh.
 */
export function meshTaps(map: Parameters<typeof tapsFor>[0]): number {
  return maxStretch(map) <= 4 ? 1 : Math.min(2, tapsFor(map));
}

export function createFaceLandmarker(model: LoadedModel): FaceLandmarker {
  const size = squareInputSize(model);
  const inputName = model.entry.inputs[0]?.name ?? 'image';
  const input = new Float32Array(size * size * 3);
  const tensor = new ort.Tensor('float32', input, [1, size, size, 3]);
  const fetches = ['mesh', 'faceflag'];

  return {
    async run(frame, roi) {
      const map = roiMap(roi, size);
      sampleAffine(frame, map, input, size, size, NORMALISATION, meshTaps(map));
      const out = await model.session.run({ [inputName]: tensor }, fetches);
      const mesh = out.mesh?.data as Float32Array | undefined;
      const flag = out.faceflag?.data as Float32Array | undefined;
      if (!mesh || mesh.length < MESH_POINTS * 3 || !flag) throw new Error('The face mesh model gave no mesh or face flag');
      // Crop pixels → frame pixels: the ROI's affine map for x, y; its scale for z.
      const scale = roi.size / size;
      const landmarks = new Float32Array(MESH_POINTS * 3);
      for (let i = 0; i < MESH_POINTS; i++) {
        const x = mesh[3 * i] as number;
        const y = mesh[3 * i + 1] as number;
        landmarks[3 * i] = map.a * x + map.b * y + map.tx;
        landmarks[3 * i + 1] = map.c * x + map.d * y + map.ty;
        landmarks[3 * i + 2] = (mesh[3 * i + 2] as number) * scale;
      }
      return { landmarks, confidence: flag[0] as number };
    },
  };
}
