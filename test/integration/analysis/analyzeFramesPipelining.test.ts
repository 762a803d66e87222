// analyzeFrames lets the expression stage judge a few frames while the face
// stage goes on with the next ones. Real ffmpeg decode of a real clip; stand-in
// stages whose answers come back out of order, late, or as failures: the rows
// must still leave one per frame, in frame order, each with its own frame's
// answers, and a failure must end the analysis with that failure (no stray
// unhandled rejection).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecording } from '../../../src-main/usecases/importRecording.js';
import { getFrameTable, getRecording } from '../../../src-main/store/recordingsRepo.js';
import { analyzeFrames, type AnalysisInput } from '../../../src-main/analysis/pipeline/analyzeFrames.js';
import type { ExpressionResult, ExpressionStage, FaceObservation, FaceStage } from '../../../src-main/analysis/types.js';
import { COLUMN_INDEX } from '../../../src-shared/analysis/frameColumns.js';
import { EXPRESSION_CLASSES } from '../../../src-shared/analysis/emotions.js';
import { ACTION_UNITS } from '../../../src-shared/analysis/actionUnits.js';
import { tempCase } from '../../helpers/caseStore.js';
import { noFaceClip } from '../../fixtures/analysisInputs.js';

const ctx = tempCase('pipelining-test');
let input: AnalysisInput;

beforeAll(async () => {
  const clip = await noFaceClip();
  const imported = await importRecording(ctx, clip);
  const recording = getRecording(ctx.db, imported.id!)!;
  input = {
    ffmpegPath: ctx.tools().ffmpeg.path,
    file: clip,
    width: recording.probe.width,
    height: recording.probe.height,
    codec: recording.probe.videoCodec,
    table: getFrameTable(ctx.db, imported.id!)!,
  };
});
afterAll(() => ctx.close());

/** A face on every frame whose box.x is the frame index; a pixel of the frame is kept so reading late would show. */
const faceStage: FaceStage = {
  async process(frame) {
    return {
      box: { x: frame.index, y: 0, w: 100, h: 100 },
      confidence: 1,
      landmarks: new Float32Array(468 * 3),
      pose: { yaw: 0, pitch: 0, roll: 0 },
      facesSeen: 1,
      detected: false,
    } satisfies FaceObservation;
  },
};

/** Reads the frame at once (the contract), answers after a random delay: later frames often answer first. */
function lateExpressionStage(failAt = -1): ExpressionStage & { maxInFlight: number } {
  let inFlight = 0;
  const stage = {
    maxInFlight: 0,
    process(frame: { index: number }, face: FaceObservation): Promise<ExpressionResult> {
      const index = frame.index;
      const x = face.box.x;
      inFlight += 1;
      stage.maxInFlight = Math.max(stage.maxInFlight, inFlight);
      return new Promise((resolve, reject) =>
        setTimeout(() => {
          inFlight -= 1;
          if (index === failAt) return reject(new Error(`model failed on frame ${index}`));
          const scores = Object.fromEntries(
            EXPRESSION_CLASSES.map((c) => [c, c === 'neutral' ? x / 1000 : 0]),
          ) as ExpressionResult['scores'];
          const aus = Object.fromEntries(ACTION_UNITS.map((a) => [a, index])) as ExpressionResult['aus'];
          resolve({
            scores,
            aus,
            quality: { tooSmall: false, turnedAway: false, blurred: false, sharpness: index },
            eyeOpenLeft: 0,
            eyeOpenRight: 0,
            mouthOpen: 0,
          });
        }, Math.random() * 4),
      );
    },
  };
  return stage;
}

describe('analyzeFrames with the expression judged in flight', () => {
  it('writes one row per frame, in order, each with its own frame’s answers', async () => {
    const expression = lateExpressionStage();
    const rows: number[][] = [];
    const summary = await analyzeFrames(input, { face: faceStage, expression }, (row) => {
      rows.push([...row]);
    });
    expect(rows).toHaveLength(input.table.ptsTicks.length);
    expect(summary.faceFrames).toBe(rows.length);
    rows.forEach((row, i) => {
      expect(row[COLUMN_INDEX.frame]).toBe(i);
      expect(row[COLUMN_INDEX.sharpness]).toBe(i);
      expect(row[COLUMN_INDEX.neutral]).toBeCloseTo(i / 1000, 12);
    });
    // Frames really were in flight together (otherwise this test would prove nothing).
    expect(expression.maxInFlight).toBeGreaterThan(1);
  });

  it('a failed expression ends the analysis with that failure, and nothing is left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const rows: number[] = [];
      await expect(
        analyzeFrames(input, { face: faceStage, expression: lateExpressionStage(12) }, (row) => {
          rows.push(row[COLUMN_INDEX.frame]!);
        }),
      ).rejects.toThrow('model failed on frame 12');
      // Rows before the failure were written in order; none at or after it.
      expect(rows).toEqual(Array.from({ length: rows.length }, (_, i) => i));
      expect(rows.length).toBeLessThanOrEqual(12);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
