import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../src-main/analysis/face/detection.js';
import { iou } from '../../../src-main/analysis/face/iou.js';
import { weightedNms } from '../../../src-main/analysis/face/nms.js';

function det(x: number, y: number, size: number, score: number): Detection {
  return { box: { x, y, w: size, h: size }, score, keypoints: [{ x: x + size / 2, y: y + size / 2 }] };
}

const arbDetection = fc
  .record({
    x: fc.integer({ min: 0, max: 200 }),
    y: fc.integer({ min: 0, max: 200 }),
    size: fc.integer({ min: 5, max: 80 }),
    score: fc.double({ min: 0.5, max: 1, noNaN: true }),
  })
  .map((r) => det(r.x, r.y, r.size, r.score));

describe('weightedNms', () => {
  it('merges overlapping detections into their score-weighted average with the best score', () => {
    const out = weightedNms([det(0, 0, 10, 0.6), det(2, 0, 10, 0.9), det(100, 100, 10, 0.7)], 0.3);
    expect(out).toHaveLength(2);
    expect(out[0]?.score).toBe(0.9);
    expect(out[0]?.box.x).toBeCloseTo((0.6 * 0 + 0.9 * 2) / 1.5, 12);
    expect(out[0]?.keypoints[0]?.x).toBeCloseTo((0.6 * 5 + 0.9 * 7) / 1.5, 12);
    expect(out[1]).toEqual(det(100, 100, 10, 0.7));
  });

  it('keeps detections that overlap no more than the threshold', () => {
    const a = det(0, 0, 10, 0.8);
    const b = det(6, 0, 10, 0.7); // IoU 40/160 = 0.25
    expect(weightedNms([b, a], 0.3)).toEqual([a, b]);
  });

  it('returns at most as many detections, sorted by score, each score one of the inputs', () => {
    fc.assert(
      fc.property(fc.array(arbDetection, { maxLength: 30 }), (dets) => {
        const out = weightedNms(dets, 0.3);
        expect(out.length).toBeLessThanOrEqual(dets.length);
        expect(out.length > 0).toBe(dets.length > 0);
        for (let i = 1; i < out.length; i++) expect(out[i - 1]!.score).toBeGreaterThanOrEqual(out[i]!.score);
        for (const d of out) expect(dets.map((x) => x.score)).toContain(d.score);
      }),
    );
  });

  it('leaves detections that do not overlap at all untouched, and collapses copies of one box', () => {
    fc.assert(
      fc.property(fc.array(arbDetection, { minLength: 1, maxLength: 20 }), (dets) => {
        const apart = dets.map((d, i) => ({ ...d, box: { ...d.box, x: d.box.x + 1000 * i } }));
        expect(weightedNms(apart, 0.3)).toHaveLength(apart.length);
        const first = dets[0]!;
        const copies = dets.map((d) => ({ ...first, score: d.score }));
        const [merged, ...rest] = weightedNms(copies, 0.3);
        expect(rest).toEqual([]);
        expect(iou(merged!.box, first.box)).toBeCloseTo(1, 9);
      }),
    );
  });
});
