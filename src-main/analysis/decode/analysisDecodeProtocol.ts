/** What the analysis thread gives the decode worker, and what the worker says back. */
export interface DecodeWorkerData {
  ffmpegPath: string;
  file: string;
  width: number;
  height: number;
  codec: string;
}

export type DecodeWorkerMessage =
  | { type: 'decoder-error'; message: string }
  | {
      type: 'end';
      code: number | null;
      /** The signal that killed ffmpeg (its code is then null), or null. */
      signal: string | null;
      /** The last decoder message (damaged data), for the error when ffmpeg fails. */
      lastError: string;
      /** Non-empty when ffmpeg could not be started. */
      spawnError: string;
      stdoutError: string;
      /** Bytes of an incomplete last frame: non-zero means the output was cut short. */
      partialBytes: number;
      /** Complete frames whose PTS never arrived on stderr. */
      framesWithoutPts: number;
    };
