// CPU time of this process (all its threads) and of its finished children
// (ffmpeg), so the benchmark can say where a frame's CPU goes. Linux only
// (/proc/self/stat); elsewhere the account is null and the figures are omitted.
import fs from 'node:fs';

export interface CpuSeconds {
  /** This process: every thread (analysis, decode-pipe and expression workers, onnxruntime). */
  self: number;
  /** Children that have exited and been waited for (each ffmpeg run, once it ends). */
  children: number;
}

/** Clock ticks per second of /proc's counters: 100 on every Linux this runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

export function readCpuSeconds(): CpuSeconds | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may contain spaces) start at state (field 3).
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const [utime, stime, cutime, cstime] = [fields[11], fields[12], fields[13], fields[14]];
    if ([utime, stime, cutime, cstime].some((v) => v === undefined || !Number.isFinite(v))) return null;
    return { self: (utime! + stime!) / TICKS_PER_SECOND, children: (cutime! + cstime!) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** CPU milliseconds per frame between two readings, or null when either is missing. */
export function cpuMsPerFrame(before: CpuSeconds | null, after: CpuSeconds | null, frames: number): CpuSeconds | null {
  if (!before || !after || frames <= 0) return null;
  return { self: ((after.self - before.self) * 1000) / frames, children: ((after.children - before.children) * 1000) / frames };
}
