import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../src-main/analysis/face/detection.js';
import {
  MESH_LEFT_EYE_OUTER,
  MESH_RIGHT_EYE_OUTER,
  ROI_SCALE,
  roiFromDetection,
  roiFromLandmarks,
} from '../../../src-main/analysis/face/roi.js';

describe('roiFromDetection', () => {
  it('centres on the box, takes 1.5 times its longer side, and turns with the eyes', () => {
    const det: Detection = {
      box: { x: 10, y: 20, w: 40, h: 60 },
      score: 0.9,
      keypoints: [
        { x: 20, y: 40 },
        { x: 40, y: 60 },
        { x: 30, y: 50 },
        { x: 30, y: 60 },
        { x: 10, y: 40 },
        { x: 50, y: 40 },
      ],
    };
    const roi = roiFromDetection(det);
    expect(roi).toMatchObject({ cx: 30, cy: 50, size: 90 });
    expect(roi.angle).toBeCloseTo(Math.PI / 4, 12); // left eye lower on screen: the head tilts to the subject's left
  });
});

/** A 468-point set: a w x h rectangle of points turned by `angle` about (cx, cy), eye corners on its horizontal mid-line. */
function turnedFace(cx: number, cy: number, w: number, h: number, angle: number): Float32Array {
  const pts = new Float32Array(468 * 3);
  const put = (i: number, u: number, v: number): void => {
    pts[3 * i] = cx + u * Math.cos(angle) - v * Math.sin(angle);
    pts[3 * i + 1] = cy + u * Math.sin(angle) + v * Math.cos(angle);
  };
  for (let i = 0; i < 468; i++) put(i, ((i % 13) / 12 - 0.5) * w, ((Math.floor(i / 13) % 7) / 6 - 0.5) * h);
  put(MESH_RIGHT_EYE_OUTER, -w / 3, -h / 10);
  put(MESH_LEFT_EYE_OUTER, w / 3, -h / 10);
  return pts;
}

describe('roiFromLandmarks', () => {
  it('is the turned face extent, squared on its longer side and enlarged, turned by the eye corners', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: 10, max: 400, noNaN: true }),
        fc.double({ min: 10, max: 400, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (cx, cy, w, h, angle) => {
          const roi = roiFromLandmarks(turnedFace(cx, cy, w, h, angle));
          expect(roi.cx).toBeCloseTo(cx, 2);
          expect(roi.cy).toBeCloseTo(cy, 2);
          expect(roi.size / (Math.max(w, h) * ROI_SCALE)).toBeCloseTo(1, 4);
          expect(Math.cos(roi.angle - angle)).toBeCloseTo(1, 6);
        },
      ),
    );
  });

  it('refuses a point set that is not a mesh', () => {
    expect(() => roiFromLandmarks(new Float32Array(30))).toThrow(/468/);
  });
});
