// The face stage's schedule, with a fake detector and a fake landmark model:
// when detection runs, which face is the subject, when a frame has no face.
import { describe, expect, it } from 'vitest';
import type { Roi } from '../../../src-main/analysis/face/affine.js';
import type { Detection } from '../../../src-main/analysis/face/detection.js';
import type { DetectOptions, FaceDetector } from '../../../src-main/analysis/face/detector.js';
import type { FaceLandmarker, MeshResult } from '../../../src-main/analysis/face/landmarker.js';
import { createTracker, DEFAULT_TRACKER_OPTIONS, type TrackerOptions } from '../../../src-main/analysis/face/tracker.js';
import type { Box, RgbFrame } from '../../../src-main/analysis/types.js';
import { posedMesh } from './syntheticFace.js';

interface Face {
  cx: number;
  cy: number;
  size: number;
}

/** A world of faces per frame index: the detector reports them, the mesh finds the one its ROI is on. */
class FakeWorld {
  faces: (index: number) => Face[] = () => [];
  detectorMisses: (index: number) => boolean = () => false;
  detectCalls: { index: number; tiles: boolean }[] = [];
  meshCalls: { index: number; roi: Roi }[] = [];

  readonly detector: FaceDetector = {
    detect: (frame: RgbFrame, options: DetectOptions) => {
      this.detectCalls.push({ index: frame.index, tiles: options.tiles });
      if (this.detectorMisses(frame.index)) return Promise.resolve([]);
      return Promise.resolve(
        this.faces(frame.index).map((f): Detection => ({
          box: { x: f.cx - f.size / 2, y: f.cy - f.size / 2, w: f.size, h: f.size },
          score: 0.9,
          keypoints: [
            { x: f.cx - f.size / 4, y: f.cy },
            { x: f.cx + f.size / 4, y: f.cy },
          ],
        })),
      );
    },
  };

  readonly landmarker: FaceLandmarker = {
    run: (frame: RgbFrame, roi: Roi): Promise<MeshResult> => {
      this.meshCalls.push({ index: frame.index, roi });
      const face = this.faces(frame.index).find((f) => Math.hypot(f.cx - roi.cx, f.cy - roi.cy) < f.size / 2 && roi.size < 3 * f.size);
      // The synthetic face spans about 90 x 145 units: scale it to the face size.
      return Promise.resolve(
        face
          ? { landmarks: posedMesh({ yaw: 0, pitch: 0, roll: 0 }, face.size / 145, [face.cx, face.cy, 0]), confidence: 0.95 }
          : { landmarks: posedMesh({ yaw: 0, pitch: 0, roll: 0 }, roi.size / 200, [roi.cx, roi.cy, 0]), confidence: 0.05 },
      );
    },
  };
}

const frame = (index: number): RgbFrame => ({ index, width: 640, height: 480, data: new Uint8Array(0) });
const centre = (b: Box): [number, number] => [b.x + b.w / 2, b.y + b.h / 2];

async function run(world: FakeWorld, frames: number, options: Partial<TrackerOptions> = {}, first = 0) {
  const stage = createTracker(world.detector, world.landmarker, { ...DEFAULT_TRACKER_OPTIONS, ...options });
  const out = [];
  for (let i = first; i < first + frames; i++) out.push(await stage.process(frame(i)));
  return out;
}

describe('the face stage schedule', () => {
  it('detects on the first frame, then every redetectInterval frames, tracking with the mesh in between', async () => {
    const world = new FakeWorld();
    world.faces = () => [{ cx: 300, cy: 200, size: 100 }];
    const out = await run(world, 45, { redetectInterval: 20 });
    expect(world.detectCalls.map((c) => c.index)).toEqual([0, 20, 40]);
    expect(world.meshCalls).toHaveLength(45);
    expect(out.every((o) => o !== null)).toBe(true);
    expect(out.map((o) => o?.detected)).toEqual(Array.from({ length: 45 }, (_, i) => i % 20 === 0));
    expect(out[0]?.facesSeen).toBe(1);
    expect(out[0]?.confidence).toBe(0.95); // the mesh's face flag, on a detection frame too
    expect(out[1]?.confidence).toBe(0.95); // and on a tracked frame
    expect(centre(out[44]!.box)[0]).toBeCloseTo(300, 3);
    expect(out[44]?.landmarks).toHaveLength(468 * 3);
  });

  it('returns null while there is no face, searching on every frame', async () => {
    const world = new FakeWorld();
    const out = await run(world, 5);
    expect(out).toEqual([null, null, null, null, null]);
    expect(world.detectCalls.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
    expect(world.meshCalls).toEqual([]);
  });

  it('allows the tile pass while searching only every tileSearchInterval frames, and always while tracking', async () => {
    const world = new FakeWorld();
    world.faces = (i) => (i >= 12 ? [{ cx: 300, cy: 200, size: 100 }] : []);
    await run(world, 40, { tileSearchInterval: 5, redetectInterval: 20 });
    expect(world.detectCalls.filter((c) => c.tiles).map((c) => c.index)).toEqual([0, 5, 10, 32]);
  });

  it('when the track is lost, detects on the same frame and finds the face where it moved', async () => {
    const world = new FakeWorld();
    world.faces = (i) => [{ cx: i < 5 ? 200 : 450, cy: 200, size: 100 }];
    const out = await run(world, 8, { redetectInterval: 100 });
    expect(world.detectCalls.map((c) => c.index)).toEqual([0, 5]);
    expect(out.every((o) => o !== null)).toBe(true);
    expect(out[5]?.detected).toBe(true);
    expect(centre(out[7]!.box)[0]).toBeCloseTo(450, 3);
  });

  it('returns null on a frame where the face is gone, and picks it up again when it returns', async () => {
    const world = new FakeWorld();
    world.faces = (i) => (i >= 3 && i < 6 ? [] : [{ cx: 300, cy: 200, size: 100 }]);
    const out = await run(world, 8);
    expect(out.map((o) => o !== null)).toEqual([true, true, true, false, false, false, true, true]);
    expect(world.detectCalls.map((c) => c.index)).toEqual([0, 3, 4, 5, 6]);
  });

  it('keeps the subject when a larger face enters, and counts it in facesSeen', async () => {
    const world = new FakeWorld();
    world.faces = (i) => [{ cx: 200, cy: 240, size: 80 }, ...(i >= 10 ? [{ cx: 500, cy: 240, size: 160 }] : [])];
    const out = await run(world, 50, { redetectInterval: 20 });
    for (const o of out) expect(centre(o!.box)[0]).toBeCloseTo(200, 3);
    expect(out[19]?.facesSeen).toBe(1);
    expect(out[20]?.facesSeen).toBe(2);
    expect(out[49]?.facesSeen).toBe(2);
  });

  it('at the first detection takes the largest face, near-ties going to the one nearest the centre', async () => {
    const world = new FakeWorld();
    world.faces = () => [
      { cx: 100, cy: 100, size: 100 },
      { cx: 330, cy: 250, size: 95 },
      { cx: 560, cy: 400, size: 60 },
    ];
    const [first] = await run(world, 1);
    expect(centre(first!.box)[0]).toBeCloseTo(330, 3);
    expect(first?.facesSeen).toBe(3);
  });

  it('after a loss prefers a face where the subject was over a larger one elsewhere', async () => {
    const world = new FakeWorld();
    world.faces = (i) =>
      i === 3 ? [{ cx: 500, cy: 240, size: 160 }] : [{ cx: 200, cy: 240, size: 80 }, ...(i > 3 ? [{ cx: 500, cy: 240, size: 160 }] : [])];
    const out = await run(world, 6, { redetectInterval: 100 });
    // Frame 3: the subject vanished and only the other face is there: a loss lets the stage switch.
    expect(centre(out[3]!.box)[0]).toBeCloseTo(500, 3);
    expect(centre(out[5]!.box)[0]).toBeCloseTo(500, 3);
  });

  it('counts the subject among the faces seen even when a periodic detection misses it', async () => {
    const world = new FakeWorld();
    world.faces = () => [{ cx: 300, cy: 200, size: 100 }];
    world.detectorMisses = (i) => i === 20;
    const out = await run(world, 21, { redetectInterval: 20 });
    expect(out[20]).toMatchObject({ detected: true, facesSeen: 1, confidence: 0.95 });
  });

  it('starts over with a detection after a jump in frame index', async () => {
    const world = new FakeWorld();
    world.faces = () => [{ cx: 300, cy: 200, size: 100 }];
    const stage = createTracker(world.detector, world.landmarker);
    for (const i of [0, 1, 2, 10, 11]) await stage.process(frame(i));
    expect(world.detectCalls.map((c) => c.index)).toEqual([0, 10]);
  });

  it('restored from a snapshot, follows the next frames exactly as the tracker it was taken from', async () => {
    // A subject that drifts, is lost (frames 18–21) and comes back, with a second face meanwhile.
    const faces = (i: number): Face[] => [
      ...(i >= 18 && i < 22 ? [] : [{ cx: 200 + 3 * i, cy: 200, size: 100 }]),
      ...(i >= 10 ? [{ cx: 500, cy: 300, size: 90 }] : []),
    ];
    const whole = new FakeWorld();
    whole.faces = faces;
    const tracker = createTracker(whole.detector, whole.landmarker);
    const out = [];
    let snapshot;
    for (let i = 0; i < 45; i++) {
      if (i === 20) snapshot = tracker.snapshot();
      out.push(await tracker.process(frame(i)));
    }
    const resumedWorld = new FakeWorld();
    resumedWorld.faces = faces;
    const resumed = createTracker(resumedWorld.detector, resumedWorld.landmarker);
    resumed.restore(snapshot!);
    const again = [];
    for (let i = 20; i < 45; i++) again.push(await resumed.process(frame(i)));
    expect(again).toEqual(out.slice(20));
    expect(resumedWorld.detectCalls).toEqual(whole.detectCalls.filter((c) => c.index >= 20));
    expect(resumedWorld.meshCalls).toEqual(whole.meshCalls.filter((c) => c.index >= 20));
  });
});
