import type { Probe } from '../../src-shared/domain/recording.js';
import { ffmpegInputName, lastErrorLine, runProcess } from './runProcess.js';
import { ToolCrashedError } from './toolCrash.js';

interface FfprobeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  coded_width?: number;
  coded_height?: number;
  sample_aspect_ratio?: string;
  display_aspect_ratio?: string;
  time_base?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  start_time?: string;
  pix_fmt?: string;
  field_order?: string;
  channels?: number;
  sample_rate?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; start_time?: string };
}

/** A recording that ffprobe cannot read, or that is not a video: the message is for the analyst. */
export class ProbeError extends Error {}

/** Reads container and stream facts with ffprobe. Throws ProbeError with a plain message. */
export async function probeRecording(ffprobePath: string, absolutePath: string): Promise<Probe & { videoStreamIndex: number }> {
  const result = await runProcess(
    ffprobePath,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ffmpegInputName(absolutePath)],
    { timeoutMs: 120_000 },
  );
  if (result.signal) throw new ToolCrashedError(ffprobePath, result.signal);
  if (result.code !== 0) {
    // ffprobe prefixes its message with the input's name: the reason says what, the caller says which file.
    const reason = lastErrorLine(result.stderr).replace(`${ffmpegInputName(absolutePath)}: `, '');
    throw new ProbeError(`not a recording ffmpeg can read (${reason})`);
  }
  let parsed: FfprobeOutput;
  try {
    parsed = JSON.parse(result.stdout.toString('utf8')) as FfprobeOutput;
  } catch {
    throw new ProbeError('ffprobe gave output that is not JSON: check the ffprobe binary (micromoment doctor)');
  }
  return probeFromFfprobe(parsed);
}

/** Pure mapping from ffprobe's JSON to our Probe, separate so it can be tested on examples. */
export function probeFromFfprobe(parsed: FfprobeOutput): Probe & { videoStreamIndex: number } {
  const streams = parsed.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video) {
    const hasAudio = streams.some((s) => s.codec_type === 'audio');
    throw new ProbeError(hasAudio ? 'has audio but no video stream: only video recordings can be analysed' : 'has no video stream');
  }
  const format = parsed.format?.format_name ?? '';
  // ffmpeg will "decode" a text file as ANSI art and a photo as a one-frame video: neither is a recording.
  if (format === 'tty' || video.codec_name === 'ansi') throw new ProbeError('is a text file, not a recording');
  if (format === 'image2' || format.endsWith('_pipe')) throw new ProbeError('is a still image, not a recording');
  if (!video.width || !video.height) throw new ProbeError('its video stream has no picture size: the file may be damaged');
  const rotation = displayRotation(video);
  const swap = rotation === 90 || rotation === 270;
  const fieldOrder = video.field_order ?? 'unknown';
  return {
    videoStreamIndex: video.index,
    container: parsed.format?.format_name ?? 'unknown',
    videoCodec: video.codec_name ?? 'unknown',
    codedWidth: video.width,
    codedHeight: video.height,
    width: swap ? video.height : video.width,
    height: swap ? video.width : video.height,
    rotation,
    sampleAspect: video.sample_aspect_ratio ?? '1:1',
    displayAspect: video.display_aspect_ratio ?? `${video.width}:${video.height}`,
    timeBase: video.time_base ?? 'unknown',
    nominalFrameRate: video.r_frame_rate ?? '0/0',
    averageFrameRate: video.avg_frame_rate ?? '0/0',
    durationS: numberOrNull(video.duration ?? parsed.format?.duration),
    startTimeS: numberOrNull(video.start_time ?? parsed.format?.start_time),
    pixelFormat: video.pix_fmt ?? null,
    fieldOrder,
    interlaced: ['tt', 'bb', 'tb', 'bt'].includes(fieldOrder),
    audioStreams: streams
      .filter((s) => s.codec_type === 'audio')
      .map((s) => ({
        codec: s.codec_name ?? 'unknown',
        channels: s.channels ?? 0,
        sampleRate: Number(s.sample_rate ?? 0) || 0,
      })),
  };
}

/**
 * Clockwise display rotation in degrees. ffprobe reports the display matrix's
 * rotation counter-clockwise (a file tagged rotate=90 shows rotation -90).
 */
export function displayRotation(stream: Pick<FfprobeStream, 'side_data_list' | 'tags'>): number {
  const matrix = stream.side_data_list?.find((d) => d.side_data_type === 'Display Matrix' && typeof d.rotation === 'number');
  let clockwise = 0;
  if (matrix?.rotation !== undefined) clockwise = -matrix.rotation;
  else if (stream.tags?.rotate) clockwise = Number(stream.tags.rotate) || 0;
  const normalised = (((Math.round(clockwise / 90) * 90) % 360) + 360) % 360;
  return normalised;
}

function numberOrNull(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
