import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MIN_BAND_WIDTH, timeTicks, timelineGeometry } from '../../../src-main/report/figure/timelineGeometry.js';
import { FACE_SIDE, planGrab, WHOLE_FRAME_SIDE } from '../../../src-main/report/grabs/faceRegion.js';
import { buildReportModel } from '../../../src-main/report/model/buildReportModel.js';
import { annotation, emotions, inputs, vfrTable } from './modelInputs.js';

describe('timeline figure geometry', () => {
  it('keeps every line, band and tick inside the plot, and a one-frame event visible (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1500 }),
        fc.array(
          fc.record({
            onset: fc.nat(),
            length: fc.integer({ min: 0, max: 20 }),
            verdict: fc.constantFrom('accepted', 'rejected', 'pending' as const),
          }),
          { maxLength: 12 },
        ),
        (frames, specs) => {
          const list = specs.map((s, i) => {
            const onsetFrame = s.onset % frames;
            return annotation(i + 1, {
              onsetFrame,
              apexFrame: null,
              offsetFrame: Math.min(frames - 1, onsetFrame + s.length),
              verdict: s.verdict,
            });
          });
          const m = buildReportModel(
            inputs({
              table: vfrTable(frames),
              annotations: list,
              emotions: emotions(
                frames,
                (f, e) => ((f * 7 + e.length) % 10) / 10,
                (f) => f % 13 === 0,
              ),
            }),
          );
          const g = timelineGeometry({
            width: 515,
            height: 170,
            startS: 0,
            endS: m.recording.endMs / 1000,
            curves: m.timeline,
            annotations: m.annotations,
          });
          const { plot } = g;
          const inside = (x: number, y: number) =>
            x >= plot.x - 1e-6 && x <= plot.x + plot.w + 1e-6 && y >= plot.y - 1e-6 && y <= plot.y + plot.h + 1e-6;
          for (const l of g.lines) for (const seg of l.segments) for (const [x, y] of seg) expect(inside(x, y)).toBe(true);
          expect(g.bands).toHaveLength(list.length);
          for (const b of g.bands) {
            expect(b.w).toBeGreaterThanOrEqual(MIN_BAND_WIDTH);
            expect(b.x).toBeGreaterThanOrEqual(plot.x - 1e-6);
            expect(b.x + b.w).toBeLessThanOrEqual(plot.x + plot.w + 1e-6);
          }
          for (const t of g.xTicks) expect(inside(t.x, plot.y)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('draws curves as steps broken where there is no face, and says so when there are none', () => {
    const m = buildReportModel(
      inputs({
        table: vfrTable(4),
        emotions: emotions(
          4,
          () => 0.5,
          (f) => f === 2,
        ),
      }),
    );
    const g = timelineGeometry({ width: 100, height: 100, startS: 0, endS: m.recording.endMs / 1000, curves: m.timeline, annotations: [] });
    const sadness = g.lines.find((l) => l.emotion === 'sadness')!;
    expect(sadness.segments).toHaveLength(2);
    expect(sadness.segments[0]!.every(([, y]) => y === sadness.segments[0]![0]![1])).toBe(true);
    expect(timelineGeometry({ width: 100, height: 100, startS: 0, endS: 1, curves: null, annotations: [] }).message).toBe(
      'no analysis: no emotion curves',
    );
  });

  it('puts time ticks on round seconds within the span', () => {
    expect(timeTicks(0, 30.6, 7)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(timeTicks(1.52, 2.3, 5)).toEqual([1.6, 1.8, 2, 2.2]);
    expect(timeTicks(0, 10_800, 7)).toEqual([0, 1800, 3600, 5400, 7200, 9000, 10_800]);
  });
});

describe('face region of a frame grab', () => {
  it('is an integer square inside the frame around the face, enlarged by a whole factor (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 4000 }),
        fc.integer({ min: 16, max: 3000 }),
        fc.record({
          x: fc.double({ min: -50, max: 4000, noNaN: true }),
          y: fc.double({ min: -50, max: 3000, noNaN: true }),
          w: fc.double({ min: 1, max: 2000, noNaN: true }),
          h: fc.double({ min: 1, max: 2000, noNaN: true }),
        }),
        (W, H, box) => {
          const p = planGrab(box, W, H);
          const r = p.region!;
          for (const v of [r.x, r.y, r.w, r.h]) expect(Number.isInteger(v)).toBe(true);
          expect(r.w).toBe(r.h);
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.y).toBeGreaterThanOrEqual(0);
          expect(r.x + r.w).toBeLessThanOrEqual(W);
          expect(r.y + r.h).toBeLessThanOrEqual(H);
          if (r.w <= FACE_SIDE) {
            expect(Number.isInteger(p.scale) && p.scale >= 1).toBe(true);
            expect(p.outWidth).toBe(r.w * p.scale);
            expect(p.outWidth).toBeLessThanOrEqual(FACE_SIDE);
          } else {
            expect(p.outWidth).toBe(FACE_SIDE);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('centres a face with margin, and falls back to the whole frame without a usable box', () => {
    expect(planGrab({ x: 100, y: 50, w: 40, h: 60 }, 640, 480)).toEqual({
      region: { x: 75, y: 35, w: 90, h: 90 },
      outWidth: 450,
      outHeight: 450,
      scale: 5,
    });
    expect(planGrab(null, 1920, 1080)).toEqual({
      region: null,
      outWidth: WHOLE_FRAME_SIDE,
      outHeight: 288,
      scale: WHOLE_FRAME_SIDE / 1920,
    });
    expect(planGrab({ x: NaN, y: 0, w: 10, h: 10 }, 320, 240)).toMatchObject({ region: null, outWidth: 320, outHeight: 240, scale: 1 });
  });
});
