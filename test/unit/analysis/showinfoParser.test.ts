import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseStderrLine } from '../../../src-main/analysis/decode/showinfoParser.js';
import { analysisSize, MAX_ANALYSIS_SIDE } from '../../../src-main/analysis/decode/analysisSize.js';

describe('parseStderrLine', () => {
  it('reads the frame number and PTS of a showinfo line, in either ffmpeg version', () => {
    expect(
      parseStderrLine('[Parsed_showinfo_2 @ 0x1310b980] [info] n:  12 pts:  30720 pts_time:2.4     pos:    12320 fmt:yuv420p', 'h264'),
    ).toEqual({ kind: 'frame', n: 12, pts: 30720 });
    expect(parseStderrLine('[Parsed_showinfo_5 @ 0x55] [info] n:   0 pts:    -512 pts_time:-0.04', 'h264')).toEqual({
      kind: 'frame',
      n: 0,
      pts: -512,
    });
  });
  it('takes the decoder\'s errors, and ffmpeg\'s "Error while decoding" lines', () => {
    expect(parseStderrLine('[h264 @ 0x24d15440] [error] error while decoding MB 11 4, bytestream -14', 'h264')).toEqual({
      kind: 'decoder-error',
      message: 'h264: error while decoding MB 11 4, bytestream -14',
    });
    expect(parseStderrLine('[error] Error while decoding stream #0:0: Invalid data found when processing input', 'h264').kind).toBe(
      'decoder-error',
    );
    expect(parseStderrLine('[libdav1d @ 0x1] [error] bad tile', 'av1').kind).toBe('decoder-error');
  });
  it('ignores what says nothing about the pictures', () => {
    for (const line of [
      '[rawvideo @ 0x1] [warning] Application provided invalid, non monotonically increasing dts to muxer in stream 0: 5 >= 5',
      '[swscaler @ 0x1] [warning] deprecated pixel format used, make sure you did set range correctly',
      '[h264 @ 0x1] [info] concealing 258 DC, 258 AC, 258 MV errors in P frame',
      '[info] frame=  149 fps=0.0 q=-0.0 Lsize=   33525kB',
      '[Parsed_showinfo_2 @ 0x1] [info] config in time_base: 1/12800, frame_rate: 25/1',
      '',
    ])
      expect(parseStderrLine(line, 'h264'), line).toEqual({ kind: 'other' });
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (line) => {
        expect(['frame', 'decoder-error', 'other']).toContain(parseStderrLine(line, 'h264').kind);
      }),
    );
  });
});

describe('analysisSize', () => {
  it('keeps frames up to the limit and scales larger ones to it, keeping the aspect', () => {
    expect(analysisSize(1280, 720)).toEqual({ width: 1280, height: 720, scaled: false });
    expect(analysisSize(7680, 4320)).toEqual({ width: 1280, height: 720, scaled: true });
    expect(analysisSize(1080, 1920)).toEqual({ width: 720, height: 1280, scaled: true });
  });
  it('never exceeds the limit and never scales up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 16384 }), (w, h) => {
        const s = analysisSize(w, h);
        expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(Math.max(MAX_ANALYSIS_SIDE, 1));
        expect(s.width).toBeLessThanOrEqual(w);
        expect(s.height).toBeLessThanOrEqual(h);
        expect(s.width).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
