import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  audioFilter,
  keyframeExpression,
  paddedSize,
  PROXY_PARAMS,
  proxyEncodeArgs,
  videoFilter,
} from '../../../src-main/proxy/proxyEncodeArgs.js';
import { progressFrames } from '../../../src-main/proxy/proxyEncoder.js';
import { proxyTimeMapFor } from '../../../src-main/proxy/proxyTimeMap.js';

const map = proxyTimeMapFor({ timeBase: { num: 1, den: 90000 }, ptsTicks: [48600, 52200] });
const plan = {
  input: '/evidence/-odd: name.mpg',
  output: '/data/proxies/.tmp-x.mp4',
  map,
  width: 720,
  height: 576,
  withAudio: true,
  passthroughArgs: ['-vsync', 'passthrough'],
};
const valueAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('proxy encode arguments', () => {
  it('name files behind file: so no name is an option or a protocol', () => {
    const args = proxyEncodeArgs(plan);
    expect(valueAfter(args, '-i')).toBe('file:/evidence/-odd: name.mpg');
    expect(args[args.length - 1]).toBe('file:/data/proxies/.tmp-x.mp4');
  });
  it('keep timestamps exact: copyts, passthrough, the source time base, frame 0 subtracted in ticks, the original denominator as time scale', () => {
    const args = proxyEncodeArgs(plan);
    expect(args).toContain('-copyts');
    expect(args.join(' ')).toContain('-vsync passthrough');
    expect(valueAfter(args, '-enc_time_base:v')).toBe('-1');
    expect(valueAfter(args, '-filter:v')).toBe('setpts=PTS-(48600)');
    expect(valueAfter(args, '-video_track_timescale')).toBe('90000');
    expect(valueAfter(args, '-use_editlist')).toBe('0');
  });
  it('H.264 without B-frames, 4 slices a picture, key frames every 0.5 s, fast start', () => {
    const args = proxyEncodeArgs(plan);
    expect(valueAfter(args, '-c:v')).toBe('libx264');
    expect(valueAfter(args, '-bf')).toBe('0');
    expect(valueAfter(args, '-slices')).toBe('4');
    expect(valueAfter(args, '-pix_fmt')).toBe('yuv420p');
    expect(valueAfter(args, '-force_key_frames')).toBe(keyframeExpression(0.5, 30));
    expect(keyframeExpression()).toContain('prev_forced_t+0.5');
    expect(valueAfter(args, '-movflags')).toBe('+faststart');
  });
  it('large pictures get a key frame after at most the frames a seek may decode (6 at 1080p, 13 at 720p), small ones every 0.5 s', () => {
    expect(valueAfter(proxyEncodeArgs({ ...plan, width: 1920, height: 1080 }), '-force_key_frames')).toBe(
      'expr:if(isnan(prev_forced_t),1,gte(t,prev_forced_t+0.5)+gte(n,prev_forced_n+6))',
    );
    expect(valueAfter(proxyEncodeArgs({ ...plan, width: 1280, height: 720 }), '-force_key_frames')).toContain('gte(n,prev_forced_n+13)');
    expect(valueAfter(proxyEncodeArgs({ ...plan, width: 320, height: 240 }), '-force_key_frames')).toContain('gte(n,prev_forced_n+162)');
    // The seek benchmark's explicit spacings are seconds alone.
    expect(valueAfter(proxyEncodeArgs({ ...plan, width: 1920, height: 1080, keyframeIntervalS: 2 }), '-force_key_frames')).toBe(
      'expr:if(isnan(prev_forced_t),1,gte(t,prev_forced_t+2))',
    );
  });
  it('audio: first stream, aligned so the encoder delay lands at 0, or none at all', () => {
    const args = proxyEncodeArgs(plan);
    expect(args.join(' ')).toContain('-map 0:a:0');
    expect(valueAfter(args, '-filter:a')).toBe(
      'aresample=48000,asetpts=PTS-0.540000000/TB,aresample=async=1:min_hard_comp=0:first_pts=1024',
    );
    expect(audioFilter(plan)).toContain(`first_pts=${PROXY_PARAMS.aacPrimingSamples}`);
    const silent = proxyEncodeArgs({ ...plan, withAudio: false });
    expect(silent.join(' ')).not.toMatch(/0:a|-c:a|-filter:a/);
  });
  it('pads odd sizes by one black column or row, never scales', () => {
    expect(paddedSize(323, 241)).toEqual({ width: 324, height: 242 });
    expect(videoFilter({ map, width: 323, height: 241 })).toBe('setpts=PTS-(48600),pad=324:242:0:0');
    expect(videoFilter({ map, width: 320, height: 241 })).toBe('setpts=PTS-(48600),pad=320:242:0:0');
    expect(videoFilter({ map, width: 320, height: 240 })).not.toContain('pad');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (w, h) => {
        const p = paddedSize(w, h);
        expect((p.width % 2) + (p.height % 2)).toBe(0);
        expect(p.width - w).toBeLessThanOrEqual(1);
        expect(p.height - h).toBeLessThanOrEqual(1);
      }),
    );
  });
  it('a negative first timestamp is subtracted as such', () => {
    const negative = proxyTimeMapFor({ timeBase: { num: 1, den: 1000 }, ptsTicks: [-33, 0] });
    expect(videoFilter({ map: negative, width: 2, height: 2 })).toBe('setpts=PTS-(-33)');
  });
});

describe('ffmpeg -progress lines', () => {
  it('give the frames written, and nothing for other keys', () => {
    expect(progressFrames('frame=123')).toBe(123);
    expect(progressFrames('frame=  7')).toBe(7);
    expect(progressFrames('fps=30.1')).toBeNull();
    expect(progressFrames('progress=end')).toBeNull();
  });
});
