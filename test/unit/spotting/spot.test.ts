import { describe, expect, it } from 'vitest';
import { spotCandidates } from '../../../src-main/spotting/spot.js';
import { DEFAULT_SPOT_PARAMS } from '../../../src-main/spotting/params.js';
import { LANDMARK_REGIONS } from '../../../src-shared/analysis/landmarkSubset.js';
import type { Candidate, SpotResult } from '../../../src-main/spotting/types.js';
import { calmFace, inject, iou, plateau, pulse, type Synthetic } from './synthetic.js';

function found(result: SpotResult, onsetFrame: number, length: number): Candidate | undefined {
  const truth = { onsetFrame, offsetFrame: onsetFrame + length - 1 };
  return result.candidates.find((c) => iou(c, truth) >= 0.5);
}

/** A brow raise (au01_02 up, au04 slightly down) of `length` frames from `start`. */
function browRaise(s: Synthetic, start: number, length: number, amplitude = 0.04, shape = pulse): void {
  inject(s, 'au01_02', start, length, amplitude, shape);
  inject(s, 'au04', start, length, -amplitude / 2, shape);
}

describe('spotCandidates on a calm face', () => {
  it('finds nothing on calm noise, with or without landmarks, and returns every parameter', () => {
    const s = calmFace({ seconds: 60, seed: 3 });
    const r = spotCandidates(s.input({ landmarks: true }));
    expect(r.candidates).toEqual([]);
    expect(spotCandidates(s.input()).candidates).toEqual([]);
    expect(r.params).toEqual(DEFAULT_SPOT_PARAMS);
    expect(spotCandidates(s.input(), { onThreshold: 9 }).params).toEqual({ ...DEFAULT_SPOT_PARAMS, onThreshold: 9 });
  });

  it('follows a slow drift of every action unit and of the eyes without a candidate', () => {
    const s = calmFace({ seconds: 90, seed: 4 });
    for (let f = 0; f < s.frames; f++) {
      const t = s.times[f] ?? 0;
      s.add(f, 'au01_02', 0.06 * (t / 90));
      s.add(f, 'au04', -0.04 * (t / 90));
      s.add(f, 'au06_12', 0.05 * Math.sin((2 * Math.PI * t) / 80));
      s.add(f, 'au26', 0.03 * (t / 90));
      s.add(f, 'eye_open_left', -0.05 * (t / 90));
      s.add(f, 'eye_open_right', -0.05 * (t / 90));
      s.setClasses(f, { neutral: 0.6 - 0.3 * (t / 90), sadness: 0.2 + 0.3 * (t / 90) });
    }
    const r = spotCandidates(s.input());
    expect(r.candidates).toEqual([]);
    expect(r.suppressed).toEqual([]);
  });
});

describe('spotCandidates finds brief brow departures at 25 fps', () => {
  it.each([1, 3, 12])('a %i-frame brow raise is a micro expression at IoU ≥ 0.5', (length) => {
    const s = calmFace({ seconds: 30, seed: 10 + length });
    const start = s.frameAt(12);
    browRaise(s, start, length);
    const r = spotCandidates(s.input());
    const c = found(r, start, length);
    expect(c, JSON.stringify(r.candidates)).toBeDefined();
    expect(c?.kind).toBe('micro');
    expect(c?.aus).toContain('au01_02');
    expect(c?.evidence.regions.brows).toBeGreaterThanOrEqual(DEFAULT_SPOT_PARAMS.regionMovedZ);
    expect(r.candidates).toHaveLength(1);
    expect(c?.apexFrame).toBeGreaterThanOrEqual(start);
    expect(c?.apexFrame).toBeLessThan(start + length);
    expect(c?.durationS).toBeCloseTo(((c?.offsetFrame ?? 0) - (c?.onsetFrame ?? 0) + 1) / 25, 9);
    expect(c?.score).toBeGreaterThan(0.5);
    expect(c?.score).toBeLessThanOrEqual(1);
  });

  it('a 1.5 s departure is a macro expression', () => {
    const s = calmFace({ seconds: 40, seed: 21 });
    const start = s.frameAt(15);
    const length = Math.round(1.5 * 25);
    browRaise(s, start, length, 0.05, (n, k) => plateau(n, k, 3));
    const r = spotCandidates(s.input());
    const c = found(r, start, length);
    expect(c, JSON.stringify(r.candidates)).toBeDefined();
    expect(c?.kind).toBe('macro');
    expect(c?.durationS).toBeGreaterThan(0.5);
  });
});

describe('spotCandidates suppresses what is not an expression', () => {
  /** Both eyes close and reopen over `length` frames; the lid AUs follow, the classifier reacts to the closed eyes. */
  function blink(s: Synthetic, start: number, length = 5): void {
    for (let k = 0; k < length; k++) {
      const depth = pulse(length, k);
      s.add(start + k, 'eye_open_left', -0.2 * depth);
      s.add(start + k, 'eye_open_right', -0.2 * depth);
      s.add(start + k, 'au05', -0.04 * depth);
      s.add(start + k, 'au07', 0.02 * depth);
      s.setClasses(start + k, { sadness: 0.2 + 0.4 * depth });
      s.moveLandmarks(start + k, [160, 158, 385, 387], 0, 8 * depth);
    }
  }

  it('a blink gives no candidate (with and without landmarks)', () => {
    const s = calmFace({ seconds: 30, seed: 31 });
    const start = s.frameAt(12);
    blink(s, start);
    for (const landmarks of [false, true]) {
      const r = spotCandidates(s.input({ landmarks }));
      expect(r.candidates).toEqual([]);
      // The eyes' evidence and the classifier's are not counted during a blink: nothing departs, or a blink is set aside.
      expect(r.suppressed.filter((x) => x.reason !== 'blink')).toEqual([]);
    }
  });

  it('a blink during a brow raise does not hide the brow raise', () => {
    const s = calmFace({ seconds: 30, seed: 32 });
    const start = s.frameAt(12);
    browRaise(s, start, 6);
    blink(s, start + 1);
    const r = spotCandidates(s.input({ landmarks: true }));
    const c = found(r, start, 6);
    expect(c, JSON.stringify(r)).toBeDefined();
    expect(c?.aus).toContain('au01_02');
  });

  it('a head turn gives no candidate, though the action units jump with it', () => {
    const s = calmFace({ seconds: 30, seed: 33 });
    const start = s.frameAt(12);
    const turn = 10;
    for (let f = start; f < s.frames; f++) {
      const k = Math.min(1, (f - start + 1) / turn);
      const back = f >= start + 40 ? Math.min(1, (f - start - 39) / turn) : 0;
      const yaw = 20 * (k - back);
      s.add(f, 'yaw', yaw);
      // What a turn does to measured geometry: a false asymmetry and brow height while it moves.
      if (k < 1 || (back > 0 && back < 1)) {
        s.add(f, 'au12_14_left', 0.03);
        s.add(f, 'au01_02', 0.03);
      }
    }
    const r = spotCandidates(s.input());
    expect(r.candidates).toEqual([]);
    expect(r.suppressed.length).toBeGreaterThan(0);
    expect(new Set(r.suppressed.map((x) => x.reason))).toEqual(new Set(['head-turn']));
  });

  it('a clear smile during a head movement stays a candidate: a turn alone does not make the classifier see an emotion', () => {
    const s = calmFace({ seconds: 30, seed: 35 });
    const start = s.frameAt(12);
    const length = 8;
    for (let f = start - 4; f < start + length + 4; f++) s.add(f, 'pitch', 8 * Math.min(1, Math.max(0, (f - start + 4) / 6)));
    inject(s, 'au06_12', start, length, 0.06);
    for (let k = 0; k < length; k++) s.setClasses(start + k, { enjoyment: 0.02 + 0.8 * pulse(length, k) });
    const r = spotCandidates(s.input());
    expect(found(r, start, length)?.emotion).toBe('enjoyment');
    // The same movement without the classifier's smile is set aside as a head turn.
    const plain = calmFace({ seconds: 30, seed: 35 });
    for (let f = start - 4; f < start + length + 4; f++) plain.add(f, 'pitch', 8 * Math.min(1, Math.max(0, (f - start + 4) / 6)));
    inject(plain, 'au06_12', start, length, 0.06);
    const r2 = spotCandidates(plain.input());
    expect(found(r2, start, length)).toBeUndefined();
    expect(r2.suppressed.map((x) => x.reason)).toContain('head-turn');
  });

  it('speech (the mouth alone opening and closing) gives no candidate', () => {
    const s = calmFace({ seconds: 30, seed: 34 });
    const start = s.frameAt(12);
    const length = Math.round(3 * 25);
    for (let k = 0; k < length; k++) {
      const open = Math.max(0, Math.sin((2 * Math.PI * 4 * k) / 25));
      s.add(start + k, 'mouth_open', 0.12 * open);
      s.add(start + k, 'au26', 0.06 * open);
      s.add(start + k, 'au20', 0.01 * open);
      s.add(start + k, 'au15', -0.01 * open);
      s.moveLandmarks(start + k, [14, 17, 84, 314, 321, 91], 0, 6 * open);
    }
    for (const landmarks of [false, true]) {
      const r = spotCandidates(s.input({ landmarks }));
      expect(r.candidates).toEqual([]);
      expect(r.suppressed.map((x) => x.reason)).toContain('speech');
    }
  });

  it('departures on frames without a reliable face are never candidates', () => {
    const s = calmFace({ seconds: 30, seed: 35 });
    const start = s.frameAt(12);
    browRaise(s, start, 6);
    for (let f = start - 2; f < start + 8; f++) s.set(f, 'turned_away', 1);
    const r = spotCandidates(s.input());
    expect(r.candidates).toEqual([]);
    const low = calmFace({ seconds: 30, seed: 35 });
    browRaise(low, start, 6);
    for (let f = start; f < start + 6; f++) low.set(f, 'face_conf', 0.2);
    expect(spotCandidates(low.input()).candidates).toEqual([]);
  });
});

describe('spotCandidates names the emotion', () => {
  it('a smile (enjoyment rising, au06_12 up) is enjoyment', () => {
    const s = calmFace({ seconds: 30, seed: 41 });
    const start = s.frameAt(12);
    const length = 6;
    inject(s, 'au06_12', start, length, 0.06);
    inject(s, 'au12_14_left', start, length, 0.05);
    inject(s, 'au12_14_right', start, length, 0.05);
    for (let k = 0; k < length; k++) s.setClasses(start + k, { enjoyment: 0.02 + 0.6 * pulse(length, k) });
    const r = spotCandidates(s.input());
    const c = found(r, start, length);
    expect(c, JSON.stringify(r)).toBeDefined();
    expect(c?.emotion).toBe('enjoyment');
    expect(c?.aus).toEqual(expect.arrayContaining(['au06_12']));
    expect(c?.evidence.classRise.enjoyment).toBeGreaterThan(0.3);
    expect(c?.evidence.regions.mouth).toBeGreaterThan(DEFAULT_SPOT_PARAMS.regionMovedZ);
  });

  it('a one-sided lip corner raise is contempt even when the classifier barely moves', () => {
    const s = calmFace({ seconds: 30, seed: 42 });
    const start = s.frameAt(12);
    inject(s, 'au12_14_left', start, 4, 0.06);
    const r = spotCandidates(s.input());
    const c = found(r, start, 4);
    expect(c, JSON.stringify(r)).toBeDefined();
    expect(c?.emotion).toBe('contempt');
    expect(c?.aus).toEqual(['au12_14_left']);
  });

  it('a brow lowering with the classifier unsure is anger (the AU pattern decides)', () => {
    const s = calmFace({ seconds: 30, seed: 43 });
    const start = s.frameAt(12);
    inject(s, 'au04', start, 5, 0.04);
    inject(s, 'au07', start, 5, 0.01);
    const c = found(spotCandidates(s.input()), start, 5);
    expect(c?.emotion).toBe('anger');
  });
});

describe('spotCandidates at other frame rates and timings', () => {
  it.each([
    [10, 1, 'micro'],
    [10, 3, 'micro'],
    [10, 15, 'macro'],
    [60, 3, 'micro'],
    [60, 24, 'micro'],
    [60, 90, 'macro'],
    [30, 2, 'micro'],
    [30, 45, 'macro'],
  ] as const)('%i fps: a %i-frame departure is %s', (fps, length, kind) => {
    const s = calmFace({ fps, seconds: 30, seed: fps * 100 + length });
    const start = s.frameAt(12);
    browRaise(s, start, length, 0.05, length > 5 ? (n, k) => plateau(n, k, Math.round(0.08 * fps)) : pulse);
    const r = spotCandidates(s.input());
    const c = found(r, start, length);
    expect(c, JSON.stringify(r.candidates)).toBeDefined();
    expect(c?.kind).toBe(kind);
    expect(r.candidates).toHaveLength(1);
  });

  it('variable frame rate: the times come from ptsSeconds, not from the frame rate', () => {
    const s = calmFace({ fps: 25, seconds: 30, seed: 51, timing: 'vfr' });
    const a = s.frameAt(8);
    const b = s.frameAt(18);
    browRaise(s, a, 3);
    browRaise(s, b, 30, 0.05, (n, k) => plateau(n, k, 2));
    const r = spotCandidates(s.input());
    expect(found(r, a, 3)?.kind).toBe('micro');
    const long = found(r, b, 30);
    expect(long?.kind).toBe('macro');
    expect(long?.onsetS).toBeCloseTo(s.times[long?.onsetFrame ?? 0] ?? NaN, 6);
    expect(long?.durationS).toBeCloseTo((s.times[(long?.offsetFrame ?? 0) + 1] ?? NaN) - (s.times[long?.onsetFrame ?? 0] ?? NaN), 6);
  });
});

describe('spotCandidates with landmarks', () => {
  const motion = { translatePx: 25, rotateDeg: 6, scale: 0.06 };

  it('rigid head motion alone (translation, rotation, scale) gives no candidate', () => {
    const s = calmFace({ seconds: 40, seed: 61, headMotion: motion });
    expect(spotCandidates(s.input({ landmarks: true })).candidates).toEqual([]);
  });

  it('a brow raise seen only in the landmarks is found under head motion', () => {
    const s = calmFace({ seconds: 40, seed: 62, headMotion: motion });
    const start = s.frameAt(20);
    const brows = [...LANDMARK_REGIONS.browLeft, ...LANDMARK_REGIONS.browRight];
    for (let k = 0; k < 3; k++) s.moveLandmarks(start + k, brows, 0, -4 * pulse(3, k));
    const withLandmarks = spotCandidates(s.input({ landmarks: true }));
    const c = found(withLandmarks, start, 3);
    expect(c, JSON.stringify(withLandmarks)).toBeDefined();
    expect(c?.evidence.regions.brows).toBeGreaterThan(DEFAULT_SPOT_PARAMS.onThreshold);
    expect(spotCandidates(s.input()).candidates).toEqual([]);
  });
});

describe('the head turning out of the picture (3-D pose taken out)', () => {
  // Yaw of ±25° every 3 s: the picture of the face changes shape (the near side widens, the nose
  // moves across), which a fit in the picture's plane would read as motion of every region.
  const turning = { translatePx: 10, rotateDeg: 4, scale: 0.05, yawDeg: 25 };

  it('turns of the head alone give no landmark evidence', () => {
    const s = calmFace({ seconds: 40, seed: 63, headMotion: turning });
    expect(spotCandidates(s.input({ landmarks: true })).candidates).toEqual([]);
  });

  it('a brow raise seen only in the landmarks is found while the head turns', () => {
    const s = calmFace({ seconds: 40, seed: 64, headMotion: turning });
    const start = s.frameAt(20.7); // mid-turn: the yaw changes fastest here
    const brows = [...LANDMARK_REGIONS.browLeft, ...LANDMARK_REGIONS.browRight];
    for (let k = 0; k < 3; k++) s.moveLandmarks(start + k, brows, 0, -4 * pulse(3, k));
    const result = spotCandidates(s.input({ landmarks: true }));
    const c = found(result, start, 3);
    expect(c, JSON.stringify(result.candidates)).toBeDefined();
    expect(c?.evidence.regions.brows).toBeGreaterThan(DEFAULT_SPOT_PARAMS.onThreshold);
  });
});

describe('spotCandidates on bad input', () => {
  it('no face at all: no candidates', () => {
    const s = calmFace({ seconds: 20, seed: 71 });
    for (let f = 0; f < s.frames; f++) {
      for (const c of ['face_x', 'face_y', 'face_w', 'face_h', 'face_conf', 'yaw', 'pitch', 'roll', 'au01_02', 'eye_open_left'] as const)
        s.set(f, c, NaN);
      s.set(f, 'face', 0);
    }
    browRaise(s, 100, 3);
    const r = spotCandidates(s.input({ landmarks: true }));
    expect(r).toMatchObject({ candidates: [], suppressed: [] });
    expect(r.notes).toEqual(['no face was found in any frame: there is nothing to spot']);
  });

  const noFace = (s: ReturnType<typeof calmFace>, f: number) => {
    for (const c of ['face_x', 'face_y', 'face_w', 'face_h', 'face_conf', 'yaw', 'pitch', 'roll'] as const) s.set(f, c, NaN);
    s.set(f, 'face', 0);
  };

  it('a face only at the edges of the recording: no candidate, and a note', () => {
    const s = calmFace({ seconds: 20, seed: 75 });
    for (let f = 12; f < s.frames - 12; f++) noFace(s, f);
    browRaise(s, 5, 3);
    const r = spotCandidates(s.input({ landmarks: true }));
    expect(r.candidates).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/trusted for at most 0\.\d+ s at a time, less than the 2\.0 s a baseline needs/);
  });

  it('faces found on single frames only: no candidate, and a note', () => {
    const s = calmFace({ seconds: 20, seed: 76 });
    for (let f = 0; f < s.frames; f++) if (f % 7 !== 0) noFace(s, f);
    const r = spotCandidates(s.input({ landmarks: true }));
    expect(r.candidates).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/baseline needs/);
  });

  it('a recording of 3 frames: no candidate, and a note', () => {
    const s = calmFace({ seconds: 3 / 25, seed: 77 });
    expect(s.frames).toBe(3);
    const r = spotCandidates(s.input({ landmarks: true }));
    expect(r.candidates).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/baseline needs/);
  });

  it('missing values in the analysis rows (NaN anywhere): no crash, no candidate made of them', () => {
    const s = calmFace({ seconds: 30, seed: 78 });
    const input = s.input({ landmarks: true });
    const values = Float32Array.from(input.values);
    // Every eleventh number missing, and whole frames of landmarks.
    for (let i = 0; i < values.length; i += 11) values[i] = NaN;
    const landmarks = Int16Array.from(input.landmarks!);
    for (let f = 100; f < 140; f++) landmarks.fill(-32768, f * 83 * 3, (f + 1) * 83 * 3);
    const r = spotCandidates({ ...input, values, landmarks });
    expect(r.candidates).toEqual([]);
  });

  it('a lost face splits the baseline: a new level after the gap is not a departure, and events on both sides are found', () => {
    const s = calmFace({ seconds: 40, seed: 72 });
    const gapStart = s.frameAt(15);
    const gapEnd = s.frameAt(17);
    for (let f = gapStart; f < gapEnd; f++) s.set(f, 'face', 0);
    // After the gap the face (perhaps another person) sits at another level.
    for (let f = gapEnd; f < s.frames; f++) {
      s.add(f, 'au01_02', 0.05);
      s.add(f, 'au06_12', -0.04);
      s.setClasses(f, { neutral: 0.3, sadness: 0.5 });
    }
    const quiet = spotCandidates(s.input());
    expect(quiet.candidates).toEqual([]);
    const before = s.frameAt(14);
    const after = s.frameAt(18.5);
    browRaise(s, before, 3);
    browRaise(s, after, 3);
    const r = spotCandidates(s.input());
    expect(found(r, before, 3)).toBeDefined();
    expect(found(r, after, 3)).toBeDefined();
    for (const c of r.candidates) expect(c.offsetFrame < gapStart || c.onsetFrame >= gapEnd).toBe(true);
  });

  it('is deterministic: the same input gives the same output', () => {
    const s = calmFace({ seconds: 30, seed: 73, headMotion: { translatePx: 5, rotateDeg: 2, scale: 0.02 } });
    browRaise(s, 200, 3);
    inject(s, 'au06_12', 400, 8, 0.05);
    const a = spotCandidates(s.input({ landmarks: true }));
    const b = spotCandidates(s.input({ landmarks: true }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.candidates.length).toBe(2);
  });

  it('refuses malformed input and parameters with a plain message', () => {
    const s = calmFace({ seconds: 5, seed: 74 });
    const input = s.input();
    expect(() => spotCandidates({ ...input, values: input.values.subarray(1) })).toThrow(/values holds .* need/);
    expect(() => spotCandidates({ ...input, columns: input.columns.filter((c) => c !== 'au04') })).toThrow(/lacks column au04/);
    expect(() => spotCandidates({ ...input, ptsSeconds: (i) => (i === 10 ? 0 : i / 25) })).toThrow(/frame 10 .* is not after frame 9/);
    expect(() => spotCandidates({ ...input, fps: 0 })).toThrow(/fps/);
    expect(() => spotCandidates({ ...input, landmarks: new Int16Array(7) })).toThrow(/landmarks holds 7/);
    expect(() => spotCandidates(input, { onThreshold: -1 })).toThrow(/onThreshold/);
    expect(() => spotCandidates(input, { lowThreshold: 20 })).toThrow(/lowThreshold/);
    expect(() => spotCandidates(input, { nonsense: 1 } as never)).toThrow(/unknown spotter parameter "nonsense"/);
    expect(spotCandidates({ ...input, frames: 0, values: new Float32Array(0) }).candidates).toEqual([]);
  });
});
