// The face stage on real photos and made-up frames: one face, no face, many
// faces, a turned head. A photo repeated as consecutive frames is a still video:
// the stage must track it (no detection between the periodic ones) and keep the subject.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFaceStage, type ClosableFaceStage } from '../../../src-main/analysis/face/faceStage.js';
import { DEFAULT_TRACKER_OPTIONS } from '../../../src-main/analysis/face/tracker.js';
import { iou } from '../../../src-main/analysis/face/iou.js';
import type { FaceObservation, RgbFrame } from '../../../src-main/analysis/types.js';
import { ensureModels } from '../models/ensureModels.js';
import { decodeImage, facesDir } from './media.js';

const astronaut = path.join(facesDir, 'astronaut.png');
const baldGuys = path.join(facesDir, 'bald_guys.jpg');
let stage: ClosableFaceStage | undefined;

beforeAll(() => ensureModels());

afterEach(async () => {
  await stage?.close();
  stage = undefined;
});

async function still(frame: RgbFrame, count: number): Promise<(FaceObservation | null)[]> {
  stage = await createFaceStage();
  const out: (FaceObservation | null)[] = [];
  for (let index = 0; index < count; index++) out.push(await stage.process({ ...frame, index }));
  return out;
}

function point(o: FaceObservation, i: number): { x: number; y: number } {
  return { x: o.landmarks[3 * i] as number, y: o.landmarks[3 * i + 1] as number };
}

describe('face stage', () => {
  it('finds the one face of astronaut.png, roughly frontal, and tracks it', async () => {
    const frame = await decodeImage(astronaut, { width: 512, height: 512 });
    const out = await still(frame, 40);
    const [first] = out;
    expect(first).not.toBeNull();
    if (!first) return;
    console.log(
      `astronaut: box ${JSON.stringify(first.box)}, confidence ${first.confidence.toFixed(3)}, ` +
        `pose ${JSON.stringify(first.pose)}, facesSeen ${first.facesSeen}`,
    );
    expect(first.facesSeen).toBe(1);
    expect(first.detected).toBe(true);
    expect(first.landmarks).toHaveLength(468 * 3);
    expect(Math.abs(first.pose.yaw)).toBeLessThan(20);
    expect(Math.abs(first.pose.roll)).toBeLessThan(15);
    // The face is in the upper middle of the portrait, about 60-110 px wide.
    expect(first.box.x).toBeGreaterThan(150);
    expect(first.box.x + first.box.w).toBeLessThan(300);
    expect(first.box.w).toBeGreaterThan(50);
    expect(out.every((o) => o !== null && iou(o.box, first.box) > 0.9)).toBe(true);
    expect(out.map((o) => o?.detected)).toEqual(out.map((_, i) => i % DEFAULT_TRACKER_OPTIONS.redetectInterval === 0));
    // The mesh's face flag on tracked frames, the detector's score on detection frames.
    expect(out.every((o) => (o?.confidence ?? 0) > 0.8)).toBe(true);
  });

  it('returns null for a frame with no face', async () => {
    const width = 640;
    const height = 480;
    const data = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) data.set([(x * 255) / width, (y * 255) / height, 128], (y * width + x) * 3);
    expect(await still({ index: 0, width, height, data }, 3)).toEqual([null, null, null]);
  });

  it('sees several faces in bald_guys.jpg and keeps the same subject on repeated frames', async () => {
    const frame = await decodeImage(baldGuys, { width: 1986, height: 1545 });
    const out = await still(frame, 2 * DEFAULT_TRACKER_OPTIONS.redetectInterval + 5);
    const [first] = out;
    expect(first).not.toBeNull();
    if (!first) return;
    console.log(`bald_guys: facesSeen ${first.facesSeen}, subject box ${JSON.stringify(first.box)}`);
    expect(first.facesSeen).toBeGreaterThanOrEqual(2);
    for (const o of out) {
      expect(o).not.toBeNull();
      expect(iou(o?.box ?? { x: 0, y: 0, w: 0, h: 0 }, first.box)).toBeGreaterThan(0.8);
    }
    expect(out.at(-1)?.facesSeen).toBeGreaterThanOrEqual(2);
  });

  it('follows a tilted head: the crop turns with it, the roll follows and the points land on the turned face', async () => {
    const upright = await decodeImage(astronaut, { width: 512, height: 512 });
    stage = await createFaceStage();
    const before = await stage.process(upright);
    await stage.close();
    // ffmpeg's rotate turns clockwise on screen: the subject tilts to their left, roll grows by 30.
    const { runFfmpeg, fileArg } = await import('../../helpers/ffmpeg.js');
    const { stdout } = await runFfmpeg([
      '-i',
      fileArg(astronaut),
      '-vf',
      `rotate=30*PI/180:fillcolor=black,format=rgb24`,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      'pipe:1',
    ]);
    const tilted: RgbFrame = { index: 0, width: 512, height: 512, data: new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.length) };
    const out = await still(tilted, 3);
    const after = out[2];
    expect(before).not.toBeNull();
    expect(after).not.toBeNull();
    if (!before || !after) return;
    console.log(
      `tilted 30 degrees: roll ${before.pose.roll.toFixed(1)} → ${after.pose.roll.toFixed(1)}, ` +
        `yaw ${before.pose.yaw.toFixed(1)} → ${after.pose.yaw.toFixed(1)}`,
    );
    expect(after.pose.roll - before.pose.roll).toBeGreaterThan(25);
    expect(after.pose.roll - before.pose.roll).toBeLessThan(35);
    // Eye corners and nose tip of the upright face, turned 30 degrees about the image centre, within 4% of the frame.
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    for (const i of [33, 263, 1, 152]) {
      const p = point(before, i);
      const want = { x: 256 + (p.x - 256) * c - (p.y - 256) * s, y: 256 + (p.x - 256) * s + (p.y - 256) * c };
      const got = point(after, i);
      expect(Math.hypot(got.x - want.x, got.y - want.y)).toBeLessThan(0.04 * 512);
    }
  });

  it('mirrors the pose of a mirrored face: yaw and roll change sign', async () => {
    const { runFfmpeg, fileArg } = await import('../../helpers/ffmpeg.js');
    const { stdout } = await runFfmpeg([
      '-i',
      fileArg(astronaut),
      '-vf',
      'hflip,format=rgb24',
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      'pipe:1',
    ]);
    const mirrored: RgbFrame = { index: 0, width: 512, height: 512, data: new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.length) };
    const [m] = await still(mirrored, 1);
    await stage?.close();
    const [o] = await still(await decodeImage(astronaut, { width: 512, height: 512 }), 1);
    expect(m && o).toBeTruthy();
    if (!m || !o) return;
    console.log(
      `mirror: yaw ${o.pose.yaw.toFixed(1)} / ${m.pose.yaw.toFixed(1)}, pitch ${o.pose.pitch.toFixed(1)} / ${m.pose.pitch.toFixed(1)}, ` +
        `roll ${o.pose.roll.toFixed(1)} / ${m.pose.roll.toFixed(1)}`,
    );
    // Within 3 degrees: the mesh model itself is not exactly symmetric.
    expect(Math.abs(m.pose.yaw + o.pose.yaw)).toBeLessThan(3);
    expect(Math.abs(m.pose.roll + o.pose.roll)).toBeLessThan(3);
    expect(Math.abs(m.pose.pitch - o.pose.pitch)).toBeLessThan(3);
  });

  it('takes one frame at a time, none after close(), and records its parameters and models', async () => {
    const frame = await decodeImage(astronaut, { width: 512, height: 512 });
    stage = await createFaceStage();
    const first = stage.process(frame);
    await expect(stage.process({ ...frame, index: 1 })).rejects.toThrow(/one at a time/);
    expect(await first).not.toBeNull();
    expect(stage.parameters).toMatchObject({
      minScore: 0.5,
      minTrackingConfidence: 0.5,
      redetectInterval: DEFAULT_TRACKER_OPTIONS.redetectInterval,
      intraOpNumThreads: 1,
    });
    expect(stage.models.blazeface).toMatch(/^[0-9a-f]{64}$/);
    expect(stage.models.facemesh).toMatch(/^[0-9a-f]{64}$/);
    await stage.close();
    await expect(stage.process({ ...frame, index: 1 })).rejects.toThrow(/closed/);
  });
});
