// Follows one subject through a recording, frame by frame: the schedule of the
// face stage. The detector and the landmark model are passed in, so the
// schedule is tested with fakes and runs with the ONNX models.
//
// Schedule:
// - The detector (BlazeFace, ~8 ms) runs when there is no subject (first frame,
//   after a loss, after a jump in frame index or size), and every
//   `redetectInterval` frames while tracking (default 30: about a second, and
//   ~0.4 ms a frame on average), to count faces (facesSeen), notice faces
//   entering or leaving, and re-anchor. facesSeen counts the subject even when
//   that detection missed it.
// - On every frame the landmark model (~3 ms) runs on a ROI: from the previous
//   frame's landmarks while tracking, from the chosen detection otherwise.
// - The track is lost when the mesh's face flag falls below
//   `minTrackingConfidence`; the detector then runs on that same frame, so a
//   face that only moved fast is found again without losing the frame.
// - While tracking, a periodic detection does not move the crop unless the
//   detection matched to the subject overlaps its landmark box by less than
//   `reanchorIou`: the landmarks do not jump every `redetectInterval` frames.
// - Which face is the subject: subject.ts. The subject changes only after a loss.
// - Large frames with no face in the whole-frame pass get a tile pass
//   (tiles.ts); while searching for a face it runs at most once every
//   `tileSearchInterval` frames, which bounds the cost of face-less footage.
import type { Box, FaceObservation, FaceStage, RgbFrame } from '../types.js';
import type { Roi } from './affine.js';
import type { Detection } from './detection.js';
import type { FaceDetector } from './detector.js';
import { headPose } from './headPose.js';
import { iou } from './iou.js';
import type { FaceLandmarker, MeshResult } from './landmarker.js';
import { roiFromDetection, roiFromLandmarks } from './roi.js';
import { chooseNewSubject, matchSubject } from './subject.js';
import { tightBox } from './tightBox.js';

export interface TrackerOptions {
  /** Frames between detections while tracking. */
  redetectInterval: number;
  /** Mesh face flag under which the track is lost (and a fresh detection's mesh refused). */
  minTrackingConfidence: number;
  /** A detection matched to the subject re-anchors the crop when it overlaps the landmark box less than this. */
  reanchorIou: number;
  /** While no face is found, the tile pass runs at most once in this many frames. */
  tileSearchInterval: number;
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  redetectInterval: 30,
  minTrackingConfidence: 0.5,
  reanchorIou: 0.5,
  tileSearchInterval: 10,
};

interface Track {
  /** Where the next frame's crop is taken: from this frame's landmarks. */
  roi: Roi;
  box: Box;
}

/**
 * Everything the tracker carries from one frame to the next. Put back with
 * restore(), the next frame is followed exactly as if the frames before had
 * just been (an interrupted analysis resumed: pipeline/resumeState.ts).
 */
export interface TrackerState {
  track: Track | null;
  lastBox: Box | null;
  last: { index: number; width: number; height: number } | null;
  framesSinceDetection: number;
  framesSinceTilePass: number;
  facesSeen: number;
}

export interface Tracker extends FaceStage {
  /** A copy of the carried state, between two frames. */
  snapshot(): TrackerState;
  restore(state: TrackerState): void;
}

export function createTracker(
  detector: FaceDetector,
  landmarker: FaceLandmarker,
  options: TrackerOptions = DEFAULT_TRACKER_OPTIONS,
): Tracker {
  let track: Track | null = null;
  /** The subject's last box, kept after a loss to recognise them when they come back. */
  let lastBox: Box | null = null;
  let last: { index: number; width: number; height: number } | null = null;
  let framesSinceDetection = Infinity;
  let framesSinceTilePass = Infinity;
  let facesSeen = 0;

  function accept(mesh: MeshResult, confidence: number, detected: boolean): FaceObservation {
    const box = tightBox(mesh.landmarks);
    track = { roi: roiFromLandmarks(mesh.landmarks), box };
    lastBox = box;
    return { box: { ...box }, confidence, landmarks: mesh.landmarks, pose: headPose(mesh.landmarks), facesSeen, detected };
  }

  async function detect(frame: RgbFrame): Promise<Detection[]> {
    const tiles = track !== null || framesSinceTilePass >= options.tileSearchInterval;
    if (tiles) framesSinceTilePass = 0;
    const found = await detector.detect(frame, { tiles });
    framesSinceDetection = 0;
    facesSeen = found.length;
    return found;
  }

  return {
    snapshot() {
      return structuredClone({ track, lastBox, last, framesSinceDetection, framesSinceTilePass, facesSeen });
    },
    restore(state) {
      ({ track, lastBox, last, framesSinceDetection, framesSinceTilePass, facesSeen } = structuredClone(state));
    },
    async process(frame) {
      const continuous = last !== null && frame.index === last.index + 1 && frame.width === last.width && frame.height === last.height;
      if (!continuous) {
        track = null;
        if (last && (frame.width !== last.width || frame.height !== last.height)) lastBox = null;
      }
      last = { index: frame.index, width: frame.width, height: frame.height };
      framesSinceDetection++;
      framesSinceTilePass++;

      if (track && framesSinceDetection < options.redetectInterval) {
        const mesh = await landmarker.run(frame, track.roi);
        if (mesh.confidence >= options.minTrackingConfidence) return accept(mesh, mesh.confidence, false);
        track = null; // lost: look for the face again on this frame
      }

      const detections = await detect(frame);
      if (track) {
        const current: Track = track;
        const match = matchSubject(detections, current.box);
        // The subject counts among the faces seen even when the detector missed it.
        if (!match) facesSeen++;
        const roi = match && iou(match.box, current.box) < options.reanchorIou ? roiFromDetection(match) : current.roi;
        const mesh = await landmarker.run(frame, roi);
        if (mesh.confidence >= options.minTrackingConfidence) return accept(mesh, mesh.confidence, true);
        if (!match) facesSeen--;
        track = null;
      }

      const pick = (lastBox ? matchSubject(detections, lastBox) : undefined) ?? chooseNewSubject(detections, frame.width, frame.height);
      if (!pick) return null;
      const mesh = await landmarker.run(frame, roiFromDetection(pick));
      if (mesh.confidence < options.minTrackingConfidence) return null;
      return accept(mesh, mesh.confidence, true);
    },
  };
}
