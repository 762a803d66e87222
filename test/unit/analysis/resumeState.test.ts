import { describe, expect, it } from 'vitest';
import {
  decodePipelineState,
  encodePipelineState,
  PIPELINE_STATE_VERSION,
  type PipelineState,
} from '../../../src-main/analysis/pipeline/resumeState.js';
import { whyNotResumable } from '../../../src-main/usecases/analysisResume.js';
import type { AnalysisRow } from '../../../src-main/store/analysesRepo.js';

const state = (frame = 1024): PipelineState => ({
  version: PIPELINE_STATE_VERSION,
  frame,
  faceFrames: 1000,
  face: {
    track: { roi: { cx: 0.1 + 0.2, cy: -0, size: 1e-300, angle: -Math.PI }, box: { x: 1, y: 2, w: 3, h: 4 } },
    lastBox: null,
    last: { index: frame - 1, width: 1280, height: 720 },
    framesSinceDetection: Infinity,
    framesSinceTilePass: 7,
    facesSeen: 2,
  },
  expression: {
    neutral: Float64Array.from([NaN, -0, 1 / 3, Number.MAX_VALUE]),
    neutralIndex: Float64Array.from([5, 6]),
    recent: Float64Array.from([Number.MIN_VALUE]),
    neutralCount: 2,
    neutralNext: 0,
    recentCount: 1,
    recentNext: 0,
    lastIndex: -Infinity,
  },
});

describe('the saved pipeline state', () => {
  it('comes back exactly: every double (NaN, -0, ±Infinity, subnormals) and typed array', () => {
    const back = decodePipelineState(encodePipelineState(state()))!;
    expect(back).toEqual(state());
    expect(Object.is(back.face.track!.roi.cy, -0)).toBe(true);
    expect(Object.is(back.expression.neutral[1], -0)).toBe(true);
    expect(back.expression.neutral).toBeInstanceOf(Float64Array);
  });

  it('is refused when it is of another version or not a state at all', () => {
    expect(decodePipelineState(encodePipelineState({ ...state(), version: 99 as typeof PIPELINE_STATE_VERSION }))).toBeNull();
    expect(decodePipelineState(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe('whether an interrupted analysis may be resumed', () => {
  const provenance = {
    sha256: 'a'.repeat(64),
    tool: { name: 'micromoment', version: '0.1.0' },
    ffmpeg: { path: '/usr/bin/ffmpeg', version: '5.1', source: 'PATH' },
    file: '/e/a.mp4',
  };
  const row = { fingerprint: 'f1', framesDone: 1024, provenance: { ...provenance, runner: 'h#1' } } as unknown as AnalysisRow;
  const point = { frame: 1024, state: encodePipelineState(state()) };
  const next = { fingerprint: 'f1', provenance: { ...provenance, file: '/other/copy.mp4' } };

  it('may, when it is the same computation with a state saved after its stored frames (from another copy of the bytes too)', () => {
    expect(whyNotResumable(row, point, next)).toBeNull();
  });

  it.each([
    ['another fingerprint', { ...next, fingerprint: 'f2' }, point, /other models/],
    ['other bytes', { ...next, provenance: { ...next.provenance, sha256: 'b'.repeat(64) } }, point, /other bytes/],
    [
      'another Micromoment',
      { ...next, provenance: { ...next.provenance, tool: { name: 'micromoment', version: '0.2.0' } } },
      point,
      /another version/,
    ],
    [
      'another ffmpeg',
      { ...next, provenance: { ...next.provenance, ffmpeg: { ...provenance.ffmpeg, version: '6.0' } } },
      point,
      /another ffmpeg/,
    ],
    ['no saved state', next, undefined, /no state/],
    ['a state of other frames', next, { frame: 2048, state: encodePipelineState(state(2048)) }, /no state/],
    ['an unreadable state', next, { frame: 1024, state: new Uint8Array([0]) }, /not one this version reads/],
  ])('may not with %s', (_what, nextRun, savedPoint, why) => {
    expect(whyNotResumable(row, savedPoint, nextRun)).toMatch(why);
  });
});
