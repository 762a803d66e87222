import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decideProxy,
  longestKeyframeGap,
  longestKeyframeGapInFrames,
  MAX_KEYFRAME_GAP_S,
  MAX_SEEK_DECODE_PIXELS,
  maxKeyframeIntervalFrames,
  type ProxyDecisionInput,
} from '../../../src-main/proxy/proxyDecision.js';

const MP4 = 'mov,mp4,m4a,3gp,3g2,mj2';

/** A constant-rate table: `frames` frames, `fps`, a key frame every `gop` frames, time base 1/90000. */
function cfr(frames: number, fps: number, gop: number, start = 0): ProxyDecisionInput['table'] {
  const step = 90000 / fps;
  return {
    timeBase: { num: 1, den: 90000 },
    ptsTicks: Array.from({ length: frames }, (_, i) => start + Math.round(i * step)),
    keyFrames: Array.from({ length: Math.ceil(frames / gop) }, (_, k) => k * gop),
  };
}

const probe = (container: string, videoCodec: string, pixelFormat: string | null = 'yuv420p', width = 320, height = 240) => ({
  container,
  videoCodec,
  pixelFormat,
  width,
  height,
});
const codes = (input: ProxyDecisionInput) => decideProxy(input).reasons.map((r) => r.code);

describe('which recordings need a proxy (examples from the measured rule)', () => {
  it('MPEG-2 in an MPEG program stream: container and codec', () => {
    expect(codes({ probe: probe('mpeg', 'mpeg2video'), table: cfr(250, 25, 12) })).toEqual(['container', 'codec']);
  });
  it('MJPEG in AVI, every frame a key frame: container and codec, not the GOP', () => {
    expect(codes({ probe: probe('avi', 'mjpeg', 'yuvj422p'), table: cfr(250, 25, 1) })).toEqual(['container', 'codec']);
  });
  it('WMV in ASF, HEVC in MP4, MPEG-4 part 2 in MP4', () => {
    expect(codes({ probe: probe('asf', 'wmv2'), table: cfr(100, 25, 25) })).toEqual(['container', 'codec']);
    expect(codes({ probe: probe(MP4, 'hevc'), table: cfr(100, 25, 25) })).toEqual(['codec']);
    expect(codes({ probe: probe(MP4, 'mpeg4'), table: cfr(100, 25, 25) })).toEqual(['codec']);
  });
  it('H.264 in MPEG-TS: the container', () => {
    expect(codes({ probe: probe('mpegts', 'h264'), table: cfr(100, 25, 25) })).toEqual(['container']);
  });
  it('H.264 in MP4 or Matroska, VP9 in WebM, AV1 in MP4 with key frames every second: none', () => {
    for (const [container, codec] of [
      [MP4, 'h264'],
      ['matroska,webm', 'h264'],
      ['matroska,webm', 'vp9'],
      ['matroska,webm', 'vp8'],
      [MP4, 'av1'],
    ] as const) {
      const decision = decideProxy({ probe: probe(container, codec), table: cfr(300, 30, 30) });
      expect(decision.needed, `${codec} in ${container}`).toBe(false);
      expect(decision.reasons).toEqual([]);
    }
  });
  it('H.264 not in 8-bit 4:2:0: the pixel format', () => {
    expect(codes({ probe: probe(MP4, 'h264', 'yuv420p10le'), table: cfr(100, 25, 25) })).toEqual(['pixel-format']);
    expect(codes({ probe: probe(MP4, 'h264', 'yuv444p'), table: cfr(100, 25, 25) })).toEqual(['pixel-format']);
    expect(codes({ probe: probe(MP4, 'h264', 'yuvj420p'), table: cfr(100, 25, 25) })).toEqual([]);
    expect(codes({ probe: probe(MP4, 'h264', null), table: cfr(100, 25, 25) })).toEqual([]);
  });
  it('long GOP: key frames more than 2 s apart, and not at exactly 2 s', () => {
    expect(codes({ probe: probe(MP4, 'h264'), table: cfr(300, 25, 250) })).toEqual(['long-gop']);
    expect(codes({ probe: probe(MP4, 'h264'), table: cfr(300, 25, 50) })).toEqual([]);
    expect(codes({ probe: probe(MP4, 'h264'), table: cfr(300, 25, 51) })).toEqual(['long-gop']);
  });
  it('the long-GOP fixture (150 frames at 25 fps, one key frame) needs one; the message gives the gap', () => {
    const decision = decideProxy({ probe: probe(MP4, 'h264'), table: cfr(150, 25, 300) });
    expect(decision.longestKeyframeGapS).toBeCloseTo(5.96, 9);
    expect(decision.reasons[0]?.message).toContain('6.0 s apart');
  });
  it('counts the frames before the first key frame and after the last', () => {
    const table = { timeBase: { num: 1, den: 1000 }, ptsTicks: [0, 1000, 2000, 3000, 4000, 7000], keyFrames: [2, 3] };
    expect(longestKeyframeGap(table)).toBe(4);
    expect(longestKeyframeGap({ ...table, keyFrames: [] })).toBe(7);
  });
});

describe('long GOP measured in decoded pixels (what a seek costs)', () => {
  it('1080p30 with a key frame every 10 frames (1/3 s) needs a proxy; every 6 frames does not', () => {
    const hd = (gop: number) => decideProxy({ probe: probe(MP4, 'h264', 'yuv420p', 1920, 1080), table: cfr(300, 30, gop) });
    expect(maxKeyframeIntervalFrames(1920, 1080)).toBe(6);
    expect(hd(10).reasons.map((r) => r.code)).toEqual(['long-gop']);
    expect(hd(10).reasons[0]?.message).toContain('10 frames of 1920x1080 apart');
    expect(hd(10).longestKeyframeGapFrames).toBe(10);
    expect(hd(6).needed).toBe(false);
    expect(hd(60).reasons.map((r) => r.code)).toEqual(['long-gop']);
  });
  it('720p allows 13 frames, 320x240 the 2 s rule alone (every 1.5 s: none)', () => {
    expect(maxKeyframeIntervalFrames(1280, 720)).toBe(13);
    expect(decideProxy({ probe: probe(MP4, 'h264', 'yuv420p', 1280, 720), table: cfr(300, 30, 13) }).needed).toBe(false);
    expect(codes({ probe: probe(MP4, 'h264', 'yuv420p', 1280, 720), table: cfr(300, 30, 14) })).toEqual(['long-gop']);
    expect(decideProxy({ probe: probe(MP4, 'h264'), table: cfr(300, 30, 45) }).needed).toBe(false);
  });
  it('counts frames from a key frame up to the next (that one excluded), and to the end after the last', () => {
    expect(longestKeyframeGapInFrames({ ptsTicks: [0, 1, 2, 3, 4, 5, 6], keyFrames: [0, 2, 3] })).toBe(4);
    expect(longestKeyframeGapInFrames({ ptsTicks: [0, 1, 2, 3, 4, 5, 6], keyFrames: [4] })).toBe(4);
    expect(longestKeyframeGapInFrames({ ptsTicks: [0, 1, 2], keyFrames: [0, 1, 2] })).toBe(1);
    expect(longestKeyframeGapInFrames({ ptsTicks: [], keyFrames: [] })).toBe(0);
  });
  it('a GOP of frames within 2 s needs a proxy for its size exactly when frames × pixels exceed the budget (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 4096 }), fc.integer({ min: 16, max: 2304 }), fc.integer({ min: 1, max: 60 }), (w, h, gop) => {
        const decision = decideProxy({ probe: probe(MP4, 'h264', 'yuv420p', w, h), table: cfr(120, 60, gop) });
        expect(decision.needed).toBe(gop * w * h > MAX_SEEK_DECODE_PIXELS && gop > maxKeyframeIntervalFrames(w, h));
        // A proxy's key frames every maxKeyframeIntervalFrames frames never need one for this reason.
        expect(
          decideProxy({ probe: probe(MP4, 'h264', 'yuv420p', w, h), table: cfr(120, 60, maxKeyframeIntervalFrames(w, h)) }).needed,
        ).toBe(false);
      }),
    );
  });
  it('more key frames never make the longest gap in frames longer (property)', () => {
    fc.assert(
      fc.property(tableArb, fc.array(fc.nat(), { maxLength: 20 }), (table, extra) => {
        const more = [...new Set([...table.keyFrames, ...extra.map((e) => e % table.ptsTicks.length)])].sort((a, b) => a - b);
        expect(longestKeyframeGapInFrames({ ...table, keyFrames: more })).toBeLessThanOrEqual(longestKeyframeGapInFrames(table));
        expect(longestKeyframeGapInFrames(table)).toBeGreaterThanOrEqual(1);
        expect(longestKeyframeGapInFrames(table)).toBeLessThanOrEqual(table.ptsTicks.length);
      }),
    );
  });
});

const tableArb = fc
  .record({
    den: fc.constantFrom(25, 1000, 12800, 30000, 90000),
    start: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    gaps: fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 200 }),
  })
  .chain(({ den, start, gaps }) => {
    const ptsTicks = [start];
    for (const g of gaps) ptsTicks.push((ptsTicks[ptsTicks.length - 1] as number) + g);
    return fc.record({
      timeBase: fc.constant({ num: 1, den }),
      ptsTicks: fc.constant(ptsTicks),
      keyFrames: fc
        .uniqueArray(fc.integer({ min: 0, max: ptsTicks.length - 1 }), { maxLength: ptsTicks.length })
        .map((k) => k.sort((a, b) => a - b)),
    });
  });

const probeArb = fc.record({
  container: fc.constantFrom(MP4, 'matroska,webm', 'avi', 'mpeg', 'mpegts', 'asf', 'ogg'),
  videoCodec: fc.constantFrom('h264', 'vp8', 'vp9', 'av1', 'hevc', 'mpeg2video', 'mjpeg', 'wmv2', 'mpeg4', 'theora'),
  pixelFormat: fc.constantFrom('yuv420p', 'yuvj420p', 'yuv422p', 'yuv420p10le', null),
  width: fc.constantFrom(160, 320, 640, 1280, 1920, 3840),
  height: fc.constantFrom(120, 240, 480, 720, 1080, 2160),
});

describe('decision properties', () => {
  it('a proxy is needed exactly when there is a reason, and each reason code appears once', () => {
    fc.assert(
      fc.property(probeArb, tableArb, (p, table) => {
        const decision = decideProxy({ probe: p, table });
        expect(decision.needed).toBe(decision.reasons.length > 0);
        expect(new Set(decision.reasons.map((r) => r.code)).size).toBe(decision.reasons.length);
      }),
    );
  });

  it('more key frames never make the longest gap longer (so never add a long-GOP reason)', () => {
    fc.assert(
      fc.property(tableArb, fc.array(fc.nat(), { maxLength: 20 }), (table, extra) => {
        const more = [...new Set([...table.keyFrames, ...extra.map((e) => e % table.ptsTicks.length)])].sort((a, b) => a - b);
        expect(longestKeyframeGap({ ...table, keyFrames: more })).toBeLessThanOrEqual(longestKeyframeGap(table) + 1e-9);
      }),
    );
  });

  it('the longest gap is within the recording span, and at least the span split evenly between key frames', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const n = table.ptsTicks.length;
        const span = (((table.ptsTicks[n - 1] as number) - (table.ptsTicks[0] as number)) * table.timeBase.num) / table.timeBase.den;
        const gap = longestKeyframeGap(table);
        const pieces = table.keyFrames.filter((k) => k > 0 && k < n - 1).length + 1;
        expect(gap).toBeLessThanOrEqual(span + 1e-9);
        expect(gap).toBeGreaterThanOrEqual(span / pieces - 1e-9);
      }),
    );
  });

  it('moving every timestamp by the same amount changes nothing', () => {
    fc.assert(
      fc.property(probeArb, tableArb, fc.integer({ min: -10_000_000, max: 10_000_000 }), (p, table, shift) => {
        const moved = { ...table, ptsTicks: table.ptsTicks.map((t) => t + shift) };
        expect(codes({ probe: p, table: moved })).toEqual(codes({ probe: p, table }));
      }),
    );
  });

  it('a playable codec and container with a key frame on every frame ≤ 2 s apart needs none (8-bit 4:2:0)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(MP4, 'matroska,webm'),
        fc.constantFrom('h264', 'vp8', 'vp9', 'av1'),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 180_000 }),
        (container, codec, frames, step) => {
          const ptsTicks = Array.from({ length: frames }, (_, i) => i * step);
          const table = { timeBase: { num: 1, den: 90000 }, ptsTicks, keyFrames: ptsTicks.map((_, i) => i) };
          expect(decideProxy({ probe: probe(container, codec), table }).needed).toBe(step / 90000 > MAX_KEYFRAME_GAP_S);
        },
      ),
    );
  });

  it('a codec or container the window cannot play always needs one, whatever the GOP', () => {
    fc.assert(
      fc.property(probeArb, tableArb, (p, table) => {
        const unplayable = !['h264', 'vp8', 'vp9', 'av1'].includes(p.videoCodec) || !/mp4|mov|webm|matroska/.test(p.container);
        if (unplayable) expect(decideProxy({ probe: p, table }).needed).toBe(true);
      }),
    );
  });
});
