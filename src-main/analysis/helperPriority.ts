// The analysis thread is the critical path: the face mesh of frame n+1 needs
// the mesh of frame n. Everything else (ffmpeg, the thread that drains its
// pipe, the emotion model's thread) has slack, a few frames of it. Giving
// those helpers a lower scheduling priority keeps them from preempting the
// analysis thread in the middle of an inference on a machine with few cores:
// measured on the 2-core benchmark machine, 110 → 143 frames/s for 720p30
// (README, Benchmarks). Lowering priority needs no privilege and only ever
// makes the helpers yield, to the analysis and to the analyst's other programs.
import os from 'node:os';

/** Nice value for the helpers (0 is normal, 19 the lowest). */
export const HELPER_NICENESS = 5;

/**
 * Lowers the priority of a child process (ffmpeg). Its threads are created
 * after it starts reading the file and inherit the value. Best effort: a
 * platform that refuses leaves the default.
 */
export function lowerProcessPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    os.setPriority(pid, HELPER_NICENESS);
  } catch {
    // Not permitted or not supported: the analysis is as correct, only slower.
  }
}

/**
 * Lowers the priority of the calling worker thread only. Linux keeps a nice
 * value per thread (setpriority on "this process" from a thread affects that
 * thread); elsewhere the same call would lower the whole process, the
 * analysis thread included, so it is done on Linux only.
 */
export function lowerThisWorkerThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, HELPER_NICENESS);
  } catch {
    // As above: best effort.
  }
}
