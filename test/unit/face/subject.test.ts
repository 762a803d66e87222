import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../src-main/analysis/face/detection.js';
import { boxArea, iou } from '../../../src-main/analysis/face/iou.js';
import { chooseNewSubject, LARGE_ENOUGH, matchSubject } from '../../../src-main/analysis/face/subject.js';

function det(cx: number, cy: number, size: number, score = 0.9): Detection {
  return { box: { x: cx - size / 2, y: cy - size / 2, w: size, h: size }, score, keypoints: [] };
}

describe('chooseNewSubject', () => {
  it('takes the largest face', () => {
    const big = det(50, 50, 100);
    expect(chooseNewSubject([det(320, 240, 60), big, det(600, 400, 80)], 640, 480)).toBe(big);
  });

  it('breaks near-ties in size by closeness to the frame centre', () => {
    const central = det(330, 250, 95);
    expect(chooseNewSubject([det(100, 100, 100), central], 640, 480)).toBe(central);
  });

  it('gives nothing for no detections', () => {
    expect(chooseNewSubject([], 640, 480)).toBeUndefined();
  });

  it('never picks a face much smaller than the largest', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cx: fc.integer({ min: 0, max: 640 }),
            cy: fc.integer({ min: 0, max: 480 }),
            size: fc.integer({ min: 10, max: 200 }),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        (rs) => {
          const dets = rs.map((r) => det(r.cx, r.cy, r.size));
          const pick = chooseNewSubject(dets, 640, 480);
          const largest = Math.max(...dets.map((d) => boxArea(d.box)));
          expect(pick).toBeDefined();
          expect(boxArea(pick!.box)).toBeGreaterThanOrEqual(LARGE_ENOUGH * largest);
        },
      ),
    );
  });
});

describe('matchSubject', () => {
  const last = { x: 100, y: 100, w: 100, h: 100 };

  it('takes the detection overlapping the last box most, even when another face is larger', () => {
    const same = det(160, 150, 100);
    expect(matchSubject([det(400, 300, 200), det(240, 150, 100), same], last)).toBe(same);
  });

  it('gives nothing when no detection overlaps enough', () => {
    expect(matchSubject([det(260, 150, 100)], last)).toBeUndefined();
    expect(matchSubject([], last)).toBeUndefined();
  });

  it('returns a detection with IoU at least the threshold and no better one exists', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cx: fc.integer({ min: 0, max: 300 }),
            cy: fc.integer({ min: 0, max: 300 }),
            size: fc.integer({ min: 10, max: 200 }),
          }),
          { maxLength: 10 },
        ),
        (rs) => {
          const dets = rs.map((r) => det(r.cx, r.cy, r.size));
          const pick = matchSubject(dets, last, 0.3);
          const best = Math.max(0, ...dets.map((d) => iou(d.box, last)));
          if (pick) expect(iou(pick.box, last)).toBe(best);
          else expect(best).toBeLessThan(0.3);
        },
      ),
    );
  });
});
