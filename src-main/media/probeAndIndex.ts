import type { Probe } from '../../src-shared/domain/recording.js';
import { toolCandidates, type LocatedTool } from './ffmpegLocator.js';
import { indexFrames, type DecodedFrameIndex } from './frameIndex.js';
import { probeRecording } from './probe.js';
import { ToolCrashedError } from './toolCrash.js';
import type { StepControl } from './stepControl.js';

export interface ProbedRecording {
  probe: Probe & { videoStreamIndex: number };
  index: DecodedFrameIndex;
  /** The ffprobe that produced both. */
  ffprobe: LocatedTool;
  /** Set when an earlier ffprobe in the order crashed on this file and the next one was used. */
  fallback?: string;
}

/**
 * Probes a recording and decodes its frame table with the same ffprobe. Some
 * static builds crash on some containers (the bundled 2023 ffprobe segfaults on
 * every MPEG-TS file): then, and only then, the next ffprobe in the documented
 * order is tried, and the result says so. An explicit setting is never
 * second-guessed.
 */
export async function probeAndIndex(
  file: string,
  onIndexProgress?: (frames: number, expected: number) => void,
  candidates: LocatedTool[] = toolCandidates('ffprobe'),
  control: StepControl = {},
): Promise<ProbedRecording> {
  if (candidates.length === 0)
    throw new Error('No ffprobe found: reinstall Micromoment (it bundles one), install ffmpeg, or set MICROMOMENT_FFPROBE to its path.');
  const crashes: string[] = [];
  for (const ffprobe of candidates) {
    try {
      const probe = await probeRecording(ffprobe.path, file);
      const expected = probe.durationS && probe.averageFrameRate ? estimateFrames(probe.durationS, probe.averageFrameRate) : 0;
      const index = await indexFrames(
        ffprobe.path,
        file,
        probe.videoStreamIndex,
        probe.timeBase,
        (n) => onIndexProgress?.(n, Math.max(n, expected)),
        control,
      );
      return { probe, index, ffprobe, ...(crashes.length ? { fallback: crashes.join('; ') + `; used ${ffprobe.path} instead` } : {}) };
    } catch (err) {
      if (!(err instanceof ToolCrashedError)) throw err;
      crashes.push(`${ffprobe.path} (${ffprobe.source}, ${ffprobe.version}) crashed (${err.signal})`);
    }
  }
  throw new Error(
    `every ffprobe available crashed reading it: ${crashes.join('; ')}. Install a current ffmpeg (e.g. apt-get install ffmpeg) or set MICROMOMENT_FFPROBE`,
  );
}

/**
 * Only the probe (container and streams, a few reads at the file's start), with
 * the same fallback when an ffprobe crashes: enough to tell that a file is no
 * recording before anything reads it whole. `null` when every ffprobe crashed
 * on it (the full import then says so). A ProbeError says it is no recording.
 */
export async function probeOnly(file: string, candidates: LocatedTool[] = toolCandidates('ffprobe')): Promise<Probe | null> {
  for (const ffprobe of candidates) {
    try {
      return await probeRecording(ffprobe.path, file);
    } catch (err) {
      if (!(err instanceof ToolCrashedError)) throw err;
    }
  }
  return null;
}

function estimateFrames(durationS: number, rate: string): number {
  const [n, d] = rate.split('/').map(Number);
  return n && d ? Math.round((durationS * n) / d) : 0;
}
