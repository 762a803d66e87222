// The face stage of the per-frame analysis: BlazeFace and the face mesh loaded
// from the verified ONNX files and wired into the tracker (schedule and subject
// rule: tracker.ts, subject.ts).
import type { FaceStage } from '../types.js';
import { loadModel } from '../models/loadModel.js';
import { createFaceDetector, type DetectorOptions } from './detector.js';
import { createFaceLandmarker } from './landmarker.js';
import { ROI_SCALE } from './roi.js';
import { LARGE_ENOUGH, SAME_SUBJECT_IOU } from './subject.js';
import { TILE_MIN_LONG_SIDE_FACTOR, TILE_MIN_OVERLAP, TILE_SIDE_FRACTION } from './tiles.js';
import { createTracker, DEFAULT_TRACKER_OPTIONS, type TrackerOptions, type TrackerState } from './tracker.js';

export interface FaceStageOptions extends Partial<TrackerOptions>, Partial<DetectorOptions> {
  /** Threads each model's inference may use. Default 1: the pipeline runs stages side by side on few cores. */
  intraOpNumThreads?: number;
  /** Folder of manifest.json and the .onnx files; default resources/models. */
  modelsDir?: string;
}

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = { minScore: 0.5, nmsIou: 0.3 };

export interface ClosableFaceStage extends FaceStage {
  /** The tracker's carried state between two frames, and putting it back (tracker.ts). */
  snapshot(): TrackerState;
  restore(state: TrackerState): void;
  /** Every parameter and threshold the stage runs with, for the record of an analysis run. */
  readonly parameters: Readonly<Record<string, number>>;
  /** SHA-256 of each model file run, by model name. */
  readonly models: Readonly<Record<'blazeface' | 'facemesh', string>>;
  close(): Promise<void>;
}

export async function createFaceStage(options: FaceStageOptions = {}): Promise<ClosableFaceStage> {
  const load = {
    intraOpNumThreads: options.intraOpNumThreads ?? 1,
    ...(options.modelsDir !== undefined ? { modelsDir: options.modelsDir } : {}),
  };
  const detectorModel = await loadModel('blazeface', load);
  const meshModel = await loadModel('facemesh', load).catch(async (error: unknown) => {
    await detectorModel.session.release();
    throw error;
  });
  const detectorOptions: DetectorOptions = {
    minScore: options.minScore ?? DEFAULT_DETECTOR_OPTIONS.minScore,
    nmsIou: options.nmsIou ?? DEFAULT_DETECTOR_OPTIONS.nmsIou,
  };
  const trackerOptions: TrackerOptions = {
    redetectInterval: options.redetectInterval ?? DEFAULT_TRACKER_OPTIONS.redetectInterval,
    minTrackingConfidence: options.minTrackingConfidence ?? DEFAULT_TRACKER_OPTIONS.minTrackingConfidence,
    reanchorIou: options.reanchorIou ?? DEFAULT_TRACKER_OPTIONS.reanchorIou,
    tileSearchInterval: options.tileSearchInterval ?? DEFAULT_TRACKER_OPTIONS.tileSearchInterval,
  };
  const tracker = createTracker(createFaceDetector(detectorModel, detectorOptions), createFaceLandmarker(meshModel), trackerOptions);
  const parameters = {
    ...detectorOptions,
    ...trackerOptions,
    roiScale: ROI_SCALE,
    subjectLargeEnough: LARGE_ENOUGH,
    subjectSameIou: SAME_SUBJECT_IOU,
    tileMinLongSideFactor: TILE_MIN_LONG_SIDE_FACTOR,
    tileSideFraction: TILE_SIDE_FRACTION,
    tileMinOverlap: TILE_MIN_OVERLAP,
    intraOpNumThreads: load.intraOpNumThreads,
  };
  let closed = false;
  // The stage reuses its model input buffers and follows frames in order: one frame at a time.
  let busy = false;
  return {
    parameters,
    models: { blazeface: detectorModel.sha256, facemesh: meshModel.sha256 },
    async process(frame) {
      if (closed) throw new Error('The face stage is closed');
      if (busy) throw new Error('FaceStage.process() was called before the previous frame was done: frames go one at a time, in order');
      busy = true;
      try {
        return await tracker.process(frame);
      } finally {
        busy = false;
      }
    },
    snapshot() {
      if (busy) throw new Error('FaceStage.snapshot() was called while a frame was being followed');
      return tracker.snapshot();
    },
    restore(state) {
      if (busy) throw new Error('FaceStage.restore() was called while a frame was being followed');
      tracker.restore(state);
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([detectorModel.session.release(), meshModel.session.release()]);
    },
  };
}
