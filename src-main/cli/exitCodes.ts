/** Exit codes of every command, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Some files failed (import, scan) or verification found a difference. */
  someFailed: 1,
  /** The command line was wrong (unknown option, missing argument). */
  usage: 2,
  /** The tool itself could not run: no ffmpeg, database cannot be opened. */
  environment: 3,
} as const;
