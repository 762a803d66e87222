import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorCentres } from '../../../src-main/analysis/face/anchors.js';
import { decodeDetections, logit, sigmoid, VALUES_PER_ANCHOR } from '../../../src-main/analysis/face/decodeDetections.js';

const anchors = anchorCentres(256);

function outputs(fill = -10): { scores: [Float32Array, Float32Array]; boxes: [Float32Array, Float32Array] } {
  return {
    scores: [new Float32Array(512).fill(fill), new Float32Array(384).fill(fill)],
    boxes: [new Float32Array(512 * VALUES_PER_ANCHOR), new Float32Array(384 * VALUES_PER_ANCHOR)],
  };
}

describe('decodeDetections', () => {
  it('decodes box and keypoints relative to the anchor centre', () => {
    const o = outputs();
    o.scores[0][34] = 2; // cell (y 1, x 1), anchor centre (24, 24)
    o.boxes[0].set([3, -2, 40, 50, -10, -5, 10, -5, 0, 5, 0, 15, -20, 0, 20, 0], 34 * VALUES_PER_ANCHOR);
    const [d, ...rest] = decodeDetections(o.scores, o.boxes, anchors, 0.5);
    expect(rest).toEqual([]);
    expect(d?.score).toBeCloseTo(sigmoid(2), 12);
    expect(d?.box).toEqual({ x: 27 - 20, y: 22 - 25, w: 40, h: 50 });
    expect(d?.keypoints).toEqual([
      { x: 14, y: 19 },
      { x: 34, y: 19 },
      { x: 24, y: 29 },
      { x: 24, y: 39 },
      { x: 4, y: 24 },
      { x: 44, y: 24 },
    ]);
  });

  it('reads the 8x8 grid after the 16x16 one', () => {
    const o = outputs();
    o.scores[1][6] = 5; // second cell of the 8x8 grid: centre (48, 16)
    o.boxes[1].set([0, 0, 10, 10], 6 * VALUES_PER_ANCHOR);
    expect(decodeDetections(o.scores, o.boxes, anchors, 0.5)[0]?.box).toEqual({ x: 43, y: 11, w: 10, h: 10 });
  });

  it('keeps exactly the anchors whose probability reaches minScore', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -8, max: 8, noNaN: true }), { minLength: 896, maxLength: 896 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (logits, minScore) => {
          const o = outputs();
          o.scores[0].set(logits.slice(0, 512));
          o.scores[1].set(logits.slice(512));
          const found = decodeDetections(o.scores, o.boxes, anchors, minScore);
          const expected = [...o.scores[0], ...o.scores[1]].filter((l) => l >= logit(minScore)).length;
          expect(found.length).toBe(expected);
          for (const d of found) expect(d.score).toBeGreaterThanOrEqual(minScore - 1e-9);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses outputs that do not match the anchors', () => {
    const o = outputs();
    expect(() => decodeDetections([o.scores[0]], [o.boxes[0]], anchors, 0.5)).toThrow(/anchors/);
    expect(() => decodeDetections(o.scores, [o.boxes[0], o.boxes[0]], anchors, 0.5)).toThrow(/box values/);
  });
});
