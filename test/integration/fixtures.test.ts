/**
 * The barcode fixtures, checked against the reference ffmpeg: every frame can be
 * decoded and identified, ffprobe agrees on the frame count, and an accurate
 * seek lands on exactly the frame it should. Other tests rely on these facts.
 *
 * What input `-ss` means (ffmpeg 5.1, fftools/ffmpeg_opt.c open_input_file):
 * the seek target is `-ss` + the container's start_time (AVFormatContext
 * start_time, printed by ffprobe as format=start_time: the earliest start time
 * of its streams) — unless `-seek_timestamp` is given. It is not relative to
 * zero, nor to the first frame's PTS (they coincide for our files, but not in
 * general, e.g. with an audio stream starting earlier). -ss is parsed into
 * microseconds. With accurate seeking (the default) the demuxer seeks to a
 * keyframe at or before that point, then all timestamps are shifted by
 * −(start_time + ss) and a trim filter drops every decoded frame whose shifted
 * PTS is < 0. So the first frame output is the first one (in presentation order)
 * with PTS ≥ start_time + ss. `-ss 0` is therefore the first frame even in an
 * MPEG-PS file whose timestamps start at 0.54 s, and to reach frame N one seeks
 * to any time in (pts[N-1] − start_time, pts[N] − start_time]; here the midpoint.
 *
 * Caveat: the MPEG-PS demuxer has no index and its seek is not keyframe-aware,
 * so for ordinary .mpg files (long GOPs, B-frames) this is NOT exact; the mpeg2
 * fixture is built so that it is (see test/fixtures/generate.ts).
 */
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecording } from '../../src-main/usecases/importRecording.js';
import { getFrameTable } from '../../src-main/store/recordingsRepo.js';
import { tempCase } from '../helpers/caseStore.js';
import { FIXTURE_NAMES, ensureFixtures, type FixtureInfo, type FixtureName } from '../fixtures/generate.js';
import { readBarcode } from '../helpers/barcode.js';
import {
  decodeAllGray,
  fileArg,
  grabGrayFrameAt,
  grabGrayFramesAt,
  mapLimit,
  probeFrames,
  probeVideoStream,
  runFfmpeg,
  runFfprobeJson,
  type FrameTimes,
} from '../helpers/ffmpeg.js';

interface Expected {
  codec: string;
  /** One of ffprobe's format_name aliases. */
  format: string;
  codedWidth: number;
  codedHeight: number;
  timeBase: string;
  /** Container start time in seconds. */
  startTime: number;
}

const EXPECTED: Record<FixtureName, Expected> = {
  cfr25: { codec: 'h264', format: 'mp4', codedWidth: 320, codedHeight: 240, timeBase: '1/12800', startTime: 0 },
  ntsc: { codec: 'h264', format: 'mp4', codedWidth: 320, codedHeight: 240, timeBase: '1/30000', startTime: 0 },
  vfr: { codec: 'h264', format: 'matroska', codedWidth: 320, codedHeight: 240, timeBase: '1/1000', startTime: 0 },
  longgop: { codec: 'h264', format: 'mp4', codedWidth: 320, codedHeight: 240, timeBase: '1/12800', startTime: 0 },
  vp9: { codec: 'vp9', format: 'webm', codedWidth: 320, codedHeight: 240, timeBase: '1/1000', startTime: 0 },
  mpeg2: { codec: 'mpeg2video', format: 'mpeg', codedWidth: 320, codedHeight: 240, timeBase: '1/90000', startTime: 0.54 },
  mjpeg: { codec: 'mjpeg', format: 'avi', codedWidth: 160, codedHeight: 120, timeBase: '1/25', startTime: 0 },
  rotated: { codec: 'h264', format: 'mp4', codedWidth: 320, codedHeight: 240, timeBase: '1/12800', startTime: 0 },
  oddsize: { codec: 'vp9', format: 'webm', codedWidth: 323, codedHeight: 241, timeBase: '1/1000', startTime: 0 },
};

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * Seek time (seconds, relative to the container start time) strictly between
 * frame N-1 and frame N: the midpoint of their PTS. Frame 0: 0.
 */
function seekTimeFor(times: FrameTimes, n: number): number {
  const start = times.formatStartTime ?? 0;
  const { num, den } = times.timeBase;
  const cur = times.timestamps[n];
  const prev = times.timestamps[n - 1];
  if (cur === undefined) throw new Error(`no frame ${n}`);
  if (prev === undefined) return 0;
  return (((prev + cur) / 2) * num) / den - start;
}

interface FrameSummary {
  keyFrames: number;
  pictTypes: string;
}

async function probePictureTypes(file: string): Promise<FrameSummary> {
  const json = (await runFfprobeJson(['-select_streams', 'v:0', '-show_entries', 'frame=key_frame,pict_type', fileArg(file)])) as {
    frames?: Array<{ key_frame?: number; pict_type?: string }>;
  };
  const frames = json.frames ?? [];
  return { keyFrames: frames.filter((f) => f.key_frame === 1).length, pictTypes: frames.map((f) => f.pict_type ?? '?').join('') };
}

let fixtures: Record<FixtureName, FixtureInfo>;
const importCase = tempCase();

beforeAll(async () => {
  fixtures = await ensureFixtures();
});
afterAll(() => importCase.close());

describe.each(FIXTURE_NAMES)('fixture %s', (name) => {
  it('has the promised container, codec, size and start time, and stays small', async () => {
    const info = fixtures[name];
    const stream = await probeVideoStream(info.path);
    const expected = EXPECTED[name];
    expect(stream.codec).toBe(expected.codec);
    expect(stream.formatName.split(',')).toContain(expected.format);
    expect([stream.codedWidth, stream.codedHeight]).toEqual([expected.codedWidth, expected.codedHeight]);
    expect([stream.width, stream.height]).toEqual([info.width, info.height]);
    expect(`${stream.timeBase.num}/${stream.timeBase.den}`).toBe(expected.timeBase);
    expect(stream.formatStartTime).toBeCloseTo(expected.startTime, 6);
    expect(statSync(info.path).size).toBeLessThan(300 * 1024);
    expect(info.frames).toBeGreaterThanOrEqual(40);
  });

  it('decodes sequentially to exactly `frames` frames, frame i showing barcode i', async () => {
    const info = fixtures[name];
    const frames = await decodeAllGray(info.path);
    const codes = frames.map((pixels) => readBarcode(pixels, info.width, info.height, 'gray'));
    expect(codes).toEqual(range(info.frames));
  });

  it('has as many frames for ffprobe, with strictly increasing timestamps', async () => {
    const info = fixtures[name];
    const { timestamps } = await probeFrames(info.path);
    expect(timestamps.length).toBe(info.frames);
    for (let i = 1; i < timestamps.length; i++) expect(timestamps[i]).toBeGreaterThan(timestamps[i - 1] ?? -Infinity);
  });

  it('lands on frame N for an accurate seek between frame N-1 and N of the imported frame table, for every N', async () => {
    const info = fixtures[name];
    // The times are those Micromoment stored at import (bundled ffprobe); the
    // seeks and decodes are the reference ffmpeg's.
    const reference = await probeFrames(info.path);
    const imported = await importRecording(importCase, info.path);
    const table = getFrameTable(importCase.db, imported.id!)!;
    expect(table.ptsTicks).toEqual(reference.timestamps);
    expect(table.timeBase).toEqual(reference.timeBase);
    const times: FrameTimes = { ...reference, timestamps: table.ptsTicks };
    const size = { width: info.width, height: info.height };
    const all = range(info.frames);
    // Every frame, through batched seeks (one ffmpeg process per 30 seeks, two at a time)…
    const batches = Array.from({ length: Math.ceil(all.length / 30) }, (_, b) => all.slice(b * 30, b * 30 + 30));
    const grabbed = (
      await mapLimit(batches, 2, (batch) =>
        grabGrayFramesAt(
          info.path,
          batch.map((n) => seekTimeFor(times, n)),
          size,
          30,
        ),
      )
    ).flat();
    expect(grabbed.map((frame) => readBarcode(frame, info.width, info.height, 'gray'))).toEqual(all);
    // …and a sample through one ffmpeg process per seek, the plain form other
    // code uses: the first frames, the last ones, and a spread in between.
    const sample = [
      ...new Set([0, 1, 2, 3, ...range(8).map((k) => Math.floor(((k + 0.5) * info.frames) / 8)), info.frames - 2, info.frames - 1]),
    ];
    const single = await mapLimit(sample, 2, async (n) =>
      readBarcode(await grabGrayFrameAt(info.path, seekTimeFor(times, n), size), info.width, info.height, 'gray'),
    );
    expect(single).toEqual(sample);
  });
});

describe('fixture specifics', () => {
  it('vfr: the gaps between timestamps really vary', async () => {
    const { timestamps, timeBase } = await probeFrames(fixtures.vfr.path);
    const gapsMs = timestamps.slice(1).map((t, i) => ((t - (timestamps[i] ?? 0)) * 1000 * timeBase.num) / timeBase.den);
    expect(Math.min(...gapsMs)).toBeGreaterThan(0);
    expect(new Set(gapsMs).size).toBeGreaterThanOrEqual(10);
    expect(Math.max(...gapsMs) - Math.min(...gapsMs)).toBeGreaterThanOrEqual(20);
  });

  it('longgop: a single keyframe and B-frames', async () => {
    const { keyFrames, pictTypes } = await probePictureTypes(fixtures.longgop.path);
    expect(keyFrames).toBe(1);
    expect(pictTypes.startsWith('I')).toBe(true);
    expect(pictTypes).toContain('B');
  });

  it('rotated: a 90° display matrix; the stored frame is sideways, the displayed one upright', async () => {
    const info = fixtures.rotated;
    const stream = await probeVideoStream(info.path);
    // ffmpeg 5.1 turns `-metadata:s:v rotate=90` into a display matrix that
    // ffprobe reports as +90 (counter-clockwise) — the opposite sign of a phone's
    // portrait clip, which ffprobe ≥ 5 reports as -90.
    expect(stream.rotation).toBe(90);
    expect([stream.codedWidth, stream.codedHeight]).toEqual([320, 240]);
    expect([info.width, info.height]).toEqual([240, 320]);
    // Without ffmpeg's automatic rotation the barcode is not readable.
    const { stdout } = await runFfmpeg([
      '-noautorotate',
      '-i',
      fileArg(info.path),
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      'pipe:1',
    ]);
    expect(stdout.length).toBe(320 * 240);
    expect(readBarcode(new Uint8Array(stdout), 320, 240, 'gray')).toBeNull();
  });

  it('mpeg2: timestamps start well after 0, and input -ss counts from the container start time', async () => {
    const info = fixtures.mpeg2;
    const times = await probeFrames(info.path);
    const first = ((times.timestamps[0] ?? 0) * times.timeBase.num) / times.timeBase.den;
    expect(first).toBeGreaterThan(0.1);
    expect(times.formatStartTime).toBeCloseTo(first, 6);
    // 0.1 s after the start is between frames 2 (0.08) and 3 (0.12). Were -ss
    // absolute, 0.1 s would be before the first frame and give frame 0.
    const frame = await grabGrayFrameAt(info.path, 0.1, { width: info.width, height: info.height });
    expect(readBarcode(frame, info.width, info.height, 'gray')).toBe(3);
  });

  it("input -ss is inclusive: a seek exactly to a frame's PTS gives that frame", async () => {
    // cfr25 (1/12800) and vfr (1/1000) timestamps are exact in microseconds, the
    // unit ffmpeg parses -ss into, so there is no rounding at the boundary.
    for (const info of [fixtures.cfr25, fixtures.vfr]) {
      const times = await probeFrames(info.path);
      const picks = [1, 2, 17, 30, info.frames - 1];
      const seconds = picks.map(
        (n) => ((times.timestamps[n] ?? NaN) * times.timeBase.num) / times.timeBase.den - (times.formatStartTime ?? 0),
      );
      const frames = await grabGrayFramesAt(info.path, seconds, { width: info.width, height: info.height });
      expect(frames.map((f) => readBarcode(f, info.width, info.height, 'gray'))).toEqual(picks);
    }
  });

  it('decodeAllGray probes the displayed size when none is given', async () => {
    const frames = await decodeAllGray(fixtures.oddsize.path);
    expect(frames[0]?.length).toBe(323 * 241);
    expect(readBarcode(frames[7] ?? new Uint8Array(), 323, 241, 'gray')).toBe(7);
  });
});
