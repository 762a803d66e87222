import { ffmpegInputName } from '../media/runProcess.js';
import type { ProxyTimeMap } from '../../src-shared/domain/proxy.js';
import { offsetSeconds } from './proxyTimeMap.js';
import { maxKeyframeIntervalFrames } from './proxyDecision.js';

/**
 * Everything that shapes a proxy's bytes besides the input and the ffmpeg build.
 * Bump `version` when the arguments change meaning: it is stored with every
 * proxy and is part of its file name's key.
 *
 * - H.264 (libx264, in both the bundled 2018 build and Debian's 5.1), 8-bit
 *   4:2:0, no B-frames (no reordering: decode order is presentation order, and
 *   a frame step back decodes the fewest frames), CRF 18 (visually lossless for
 *   review), preset veryfast.
 * - A key frame (IDR) every 0.5 s of presentation time. Measured by
 *   `npm run bench:proxy-seek` on a 720p30 clip in Chromium: median seek 23 ms
 *   and 5.7 MB, against 40 ms and 5.2 MB at 1 s, and 19 ms but 21.1 MB with
 *   every frame a key frame: nearly all-intra seeking for 10% more than 1 s.
 *   Large pictures get one sooner, after at most maxKeyframeIntervalFrames
 *   frames (6 at 1080p, 13 at 720p): what the review window decodes for a seek
 *   within 100 ms (proxyDecision.ts). Version 2 added that limit.
 * - Each picture cut into 4 slices (version 3). A seek decodes with
 *   WebCodecs' optimizeForLatency, and then Chromium's software H.264 decoder
 *   threads over the slices of one picture only (slice threading; frame
 *   threading would hold every picture back by one): with one slice a picture,
 *   one core did all the work. Measured in this Chromium on 2 cores, decoding a
 *   key frame and the 5 pictures after it at 1080p (p50 of 24, two runs): first
 *   picture 11.4–11.9 ms with 1 slice against 9.1–9.9 ms with 4, all six
 *   30.5–33.7 ms against 23.2–26.6 ms; 2 slices 7.7–8.6 and 21.6–25.6 ms,
 *   8 slices 9.1–10.2 and 23.9–26.8 ms. 4, not 2, so that a workstation with
 *   more cores can use them (not measurable on this 2-core machine); size
 *   +3.2% against 1 slice (2: +1.1%, 8: +6.3%).
 * - AAC audio of the first audio stream at 48 kHz, aligned to the video
 *   (see audioFilter).
 */
export const PROXY_PARAMS = {
  version: 3,
  videoCodec: 'libx264',
  preset: 'veryfast',
  crf: 18,
  bframes: 0,
  slicesPerPicture: 4,
  pixelFormat: 'yuv420p',
  keyframeIntervalS: 0.5,
  audioCodec: 'aac',
  audioBitrate: '160k',
  audioSampleRate: 48_000,
  /** ffmpeg's native AAC encoder starts every stream with this many samples of encoder delay. */
  aacPrimingSamples: 1024,
} as const;

export interface ProxyEncodePlan {
  /** Absolute path of the original (read only). */
  input: string;
  /** Absolute path of the temporary output, in the data folder. */
  output: string;
  map: ProxyTimeMap;
  /** Displayed size of the original (after rotation). */
  width: number;
  height: number;
  withAudio: boolean;
  /** `-fps_mode passthrough` or `-vsync passthrough`, as this ffmpeg understands (ffmpegCapabilities.ts). */
  passthroughArgs: readonly string[];
  /** Only for the seek benchmark, which compares spacings (seconds alone): proxies use PROXY_PARAMS.keyframeIntervalS and the size's frame limit. */
  keyframeIntervalS?: number;
}

/** H.264 4:2:0 needs even sides: odd ones get one column / row of black, right / bottom. */
export function paddedSize(width: number, height: number): { width: number; height: number } {
  return { width: width + (width % 2), height: height + (height % 2) };
}

/**
 * The video filter chain. ffmpeg's automatic rotation runs before it, so the
 * proxy is stored upright, as displayed (and the analysis decodes): no display
 * matrix is left to honour. `setpts` subtracts frame 0's tick in the original
 * time base: exact integer arithmetic, no rounding.
 */
export function videoFilter(plan: Pick<ProxyEncodePlan, 'map' | 'width' | 'height'>): string {
  const filters = [`setpts=PTS-(${plan.map.offsetTicks})`];
  const padded = paddedSize(plan.width, plan.height);
  if (padded.width !== plan.width || padded.height !== plan.height) filters.push(`pad=${padded.width}:${padded.height}:0:0`);
  return filters.join(',');
}

/**
 * The audio filter chain: to 48 kHz, times made relative to the video's frame
 * 0, then trimmed or padded with silence so the first sample handed to the
 * encoder is at exactly `aacPrimingSamples`. The encoder's delay then brings
 * its first packet to time 0, nothing is negative, and no edit list is needed
 * (the 2018 build's edit lists cut off the last video frame, whose duration it
 * does not know). Measured: clicks in the audio land within 0.05 ms of their
 * place relative to the frames.
 */
export function audioFilter(plan: Pick<ProxyEncodePlan, 'map'>): string {
  const rate = PROXY_PARAMS.audioSampleRate;
  return [
    `aresample=${rate}`,
    `asetpts=PTS-${offsetSeconds(plan.map).toFixed(9)}/TB`,
    `aresample=async=1:min_hard_comp=0:first_pts=${PROXY_PARAMS.aacPrimingSamples}`,
  ].join(',');
}

/**
 * Key frames every `intervalS` of output time, the first frame included (0:
 * every frame), and also whenever `maxFrames` frames have passed since the last
 * one (frames, not seconds: it holds for variable frame rates too).
 */
export function keyframeExpression(intervalS: number = PROXY_PARAMS.keyframeIntervalS, maxFrames?: number): string {
  const byFrames = maxFrames === undefined ? '' : `+gte(n,prev_forced_n+${Math.max(1, Math.floor(maxFrames))})`;
  return `expr:if(isnan(prev_forced_t),1,gte(t,prev_forced_t+${intervalS})${byFrames})`;
}

/** The full ffmpeg command line (after the program name). Progress goes to stdout as key=value lines. */
export function proxyEncodeArgs(plan: ProxyEncodePlan): string[] {
  const p = PROXY_PARAMS;
  const padded = paddedSize(plan.width, plan.height);
  return [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-nostats',
    '-progress',
    'pipe:1',
    // Timestamps exactly as demuxed: no shift to zero, no start-time games.
    '-copyts',
    '-i',
    ffmpegInputName(plan.input),
    '-map',
    '0:v:0',
    ...(plan.withAudio ? ['-map', '0:a:0'] : []),
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
    '-sn',
    '-dn',
    '-filter:v',
    videoFilter(plan),
    ...plan.passthroughArgs,
    // The encoder keeps the original's time base, so no timestamp is rounded to a frame-rate grid.
    '-enc_time_base:v',
    '-1',
    '-c:v',
    p.videoCodec,
    '-preset',
    p.preset,
    '-crf',
    String(p.crf),
    '-bf',
    String(p.bframes),
    '-slices',
    String(p.slicesPerPicture),
    '-pix_fmt',
    p.pixelFormat,
    '-forced-idr',
    '1',
    '-force_key_frames',
    plan.keyframeIntervalS === undefined
      ? keyframeExpression(p.keyframeIntervalS, maxKeyframeIntervalFrames(padded.width, padded.height))
      : keyframeExpression(plan.keyframeIntervalS),
    '-video_track_timescale',
    String(plan.map.proxyTimeBase.den),
    ...(plan.withAudio ? ['-filter:a', audioFilter(plan), '-c:a', p.audioCodec, '-b:a', p.audioBitrate] : []),
    '-use_editlist',
    '0',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    '-y',
    ffmpegInputName(plan.output),
  ];
}
