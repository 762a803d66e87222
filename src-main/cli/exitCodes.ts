/** Exit codes of every command, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Some files failed (import, scan) or verification found a difference. */
  someFailed: 1,
  /** The command line was wrong (unknown option, missing argument). */
  usage: 2,
  /** The tool itself could not run: no ffmpeg, database cannot be opened. */
  environment: 3,
  /**
   * A scan stopped before its end because the case database could not be written
   * (disk full, read-only, I/O error) or its workers could not start. What was
   * finished is kept; fix the cause and run the same scan again.
   */
  stopped: 4,
  /** A scan cancelled with Ctrl-C (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;
