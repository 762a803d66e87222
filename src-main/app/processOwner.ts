import os from 'node:os';

/**
 * The process that holds something in the case (a scan's lease on a file, a
 * running analysis), stored as "host#pid" so another process can tell whether
 * it still runs. It dies with its process: kill -9 and power loss included.
 */
export const THIS_PROCESS = `${os.hostname()}#${process.pid}`;

/**
 * - `this-process`: this very process;
 * - `alive`: a process with that pid runs on this computer (a reused pid keeps it alive: the safe side);
 * - `gone`: no such process on this computer;
 * - `unknowable`: another computer's process (or an owner not written by us): this one cannot check it.
 */
export type OwnerState = 'this-process' | 'alive' | 'gone' | 'unknowable';

export function ownerState(owner: string): OwnerState {
  if (owner === THIS_PROCESS) return 'this-process';
  const { host, pid } = parseOwner(owner);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return 'unknowable';
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? 'alive' : 'gone';
  }
}

/** "pid 4242 on host lab-3", for messages. */
export function describeOwner(owner: string): string {
  const { host, pid } = parseOwner(owner);
  return `pid ${Number.isInteger(pid) ? pid : '?'} on host ${host || '?'}`;
}

function parseOwner(owner: string): { host: string; pid: number } {
  const hash = owner.lastIndexOf('#');
  return { host: hash === -1 ? '' : owner.slice(0, hash), pid: Number(owner.slice(hash + 1)) };
}
