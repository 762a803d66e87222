/**
 * How a child process (ffmpeg, ffprobe) ended, in words for a message. A
 * process killed by a signal has no exit code (Node gives null), so "exited
 * with code null" said nothing: the signal is named instead, which tells a
 * crash (SIGSEGV) or an outside kill (SIGKILL, e.g. out of memory) apart.
 */
export function describeExit(tool: string, code: number | null, signal: string | null): string {
  if (signal) return `${tool} was killed by signal ${signal}`;
  if (code === null) return `${tool} ended with neither an exit code nor a signal`;
  return `${tool} exited with code ${code}`;
}
