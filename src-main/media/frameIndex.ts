import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { ffmpegInputName, lastErrorLine } from './runProcess.js';
import { ToolCrashedError } from './toolCrash.js';
import type { StepControl } from './stepControl.js';

export interface DecodedFrameIndex {
  timeBase: { num: number; den: number };
  /** best_effort_timestamp of each decoded frame in time-base ticks: what ffmpeg uses as the frame's PTS. */
  ptsTicks: number[];
  /** Indices of frames the decoder marks as key frames. */
  keyFrames: number[];
}

export class FrameIndexError extends Error {}

/**
 * Decodes every frame of the first video stream with ffprobe and records its
 * presentation time exactly as the decoder gives it. Nothing is estimated from a
 * frame rate: this table is the identity of time for the recording. While
 * `control.hold` is paused, ffprobe's output is not read, so ffprobe stops on
 * its full pipe (lines already read are still counted).
 */
export function indexFrames(
  ffprobePath: string,
  absolutePath: string,
  streamIndex: number,
  timeBase: string,
  onProgress?: (framesDone: number) => void,
  control: StepControl = {},
): Promise<DecodedFrameIndex> {
  const { signal, hold } = control;
  const [num, den] = timeBase.split('/').map(Number);
  if (!num || !den) return Promise.reject(new FrameIndexError(`the video stream has no usable time base (${timeBase})`));
  return new Promise((resolve, reject) => {
    const child = spawn(
      ffprobePath,
      [
        '-v',
        'error',
        '-select_streams',
        String(streamIndex),
        '-show_entries',
        'frame=key_frame,best_effort_timestamp,pts',
        '-of',
        'compact=p=0:nk=0',
        ffmpegInputName(absolutePath),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true },
    );
    const ptsTicks: number[] = [];
    const keyFrames: number[] = [];
    let stderr = '';
    let failure: string | null = null;
    // A cancelled scan must not wait for a long recording to be decoded to its end.
    const onAbort = () => {
      failure ??= 'indexing was cancelled';
      child.kill('SIGKILL');
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (t: string) => {
      stderr = (stderr + t).slice(-16 * 1024);
    });
    const lines = readline.createInterface({ input: child.stdout });
    let held = false;
    lines.on('line', (line) => {
      if (hold?.paused && !held) {
        held = true;
        child.stdout.pause();
        // A cancel meanwhile kills ffprobe (onAbort): the close handler reports it.
        hold.wait(signal).then(
          () => {
            held = false;
            child.stdout.resume();
          },
          () => undefined,
        );
      }
      if (failure || !line) return;
      const fields = Object.fromEntries(line.split('|').map((kv) => kv.split('=') as [string, string]));
      const raw = fields.best_effort_timestamp !== 'N/A' ? fields.best_effort_timestamp : fields.pts;
      const ticks = Number(raw);
      if (raw === undefined || raw === 'N/A' || !Number.isSafeInteger(ticks)) {
        failure = `frame ${ptsTicks.length} has no timestamp: the recording cannot be indexed exactly`;
        child.kill('SIGKILL');
        return;
      }
      const previous = ptsTicks[ptsTicks.length - 1];
      if (previous !== undefined && ticks <= previous) {
        failure = `frame ${ptsTicks.length} has a timestamp (${ticks}) not after the previous one (${previous}): timestamps are out of order or repeated`;
        child.kill('SIGKILL');
        return;
      }
      if (fields.key_frame === '1') keyFrames.push(ptsTicks.length);
      ptsTicks.push(ticks);
      if (onProgress && ptsTicks.length % 250 === 0) onProgress(ptsTicks.length);
    });
    child.on('error', (err) => reject(new FrameIndexError(`ffprobe could not be started: ${err.message}`)));
    child.on('close', (code, exitSignal) => {
      lines.close();
      signal?.removeEventListener('abort', onAbort);
      if (exitSignal && !failure) return reject(new ToolCrashedError(ffprobePath, exitSignal));
      if (failure) return reject(new FrameIndexError(failure));
      if (code !== 0) return reject(new FrameIndexError(`decoding failed (${lastErrorLine(stderr)})`));
      if (ptsTicks.length === 0)
        return reject(new FrameIndexError('no video frame could be decoded: the file may be truncated or damaged'));
      onProgress?.(ptsTicks.length);
      resolve({ timeBase: { num, den }, ptsTicks, keyFrames });
    });
  });
}
