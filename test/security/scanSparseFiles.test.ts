// Attack: files of many gigabytes that are no recording, dropped into a folder
// the analyst scans (a sparse disk image costs the attacker no disk), to make
// the scan read every byte of them before it decides they are not video (a
// 20 GB one held a worker for 84 s). Promise: a scan looks at a file (name,
// first bytes, and where those do not settle it, ffprobe) before it reads it
// whole; a file that is no recording is ignored, or failed with ffprobe's
// reason when its name claims video, without being hashed.
//
// "Never hashed" is checked without timing: the file never reaches the hashing
// step in the scan's own events, and the scan's process reads far fewer bytes
// than the files hold (/proc/self/io counts what every thread of the process
// reads; ffprobe, a child process, is not counted).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../src-shared/api/contract.js';
import type { BatchFile } from '../../src-shared/domain/batch.js';
import { createContext } from '../../src-main/app/context.js';
import { ScanBatch } from '../../src-main/scan/scanBatch.js';
import type { WorkerInit, WorkerLike } from '../../src-main/scan/workerProtocol.js';
import { repoRoot, tempDir } from '../helpers/paths.js';

const SPARSE_BYTES = 4 * 1024 ** 3;
const scanWorkerJs = path.join(repoRoot, 'dist', 'src-main', 'scan', 'scanWorker.js');

/** Bytes this process (every thread) has read through read() and its kin so far. */
function bytesReadByThisProcess(): number {
  const io = fs.readFileSync('/proc/self/io', 'utf8');
  return Number(/^rchar:\s*(\d+)/m.exec(io)![1]);
}

function sparseFile(file: string): string {
  fs.writeFileSync(file, '');
  fs.truncateSync(file, SPARSE_BYTES);
  return file;
}

describe.runIf(fs.existsSync('/proc/self/io'))('a scan meets huge files that are no recording', () => {
  it('ignores or fails them on a look at their start, without reading them whole', async () => {
    const dir = tempDir('mm-sparse-');
    const evidence = path.join(dir, 'evidence');
    fs.mkdirSync(evidence);
    const image = sparseFile(path.join(evidence, 'disk.img'));
    const fakeVideo = sparseFile(path.join(evidence, 'interview.mp4'));

    const phasesSeen = new Map<string, Set<string>>();
    const note = (f: BatchFile) => {
      if (!f.phase) return;
      const set = phasesSeen.get(f.path) ?? new Set<string>();
      set.add(f.phase);
      phasesSeen.set(f.path, set);
    };
    let batch: ScanBatch | null = null;
    const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
      const files =
        event === 'batch.file'
          ? [(payload as EventPayload<'batch.file'>).file]
          : event === 'batch.progress'
            ? (payload as EventPayload<'batch.progress'>).running
            : [];
      for (const f of files) {
        note(f);
        // Found reading it whole: stop there rather than wait for gigabytes to be hashed.
        if (f.phase === 'hashing') batch?.cancel();
      }
    };
    const ctx = createContext({ dbPath: path.join(dir, 'case.sqlite'), analyst: 'test-analyst', emit });
    try {
      const readBefore = bytesReadByThisProcess();
      batch = new ScanBatch(ctx, {
        roots: [evidence],
        workers: 1,
        spawnWorker: (init: WorkerInit) => new Worker(scanWorkerJs, { workerData: init }) as unknown as WorkerLike,
      });
      const status = await batch.start();
      const read = bytesReadByThisProcess() - readBefore;

      expect(phasesSeen.get(image)).not.toContain('hashing');
      expect(phasesSeen.get(fakeVideo)).not.toContain('hashing');
      expect(status.state).toBe('finished');
      const byName = Object.fromEntries(status.files.map((f) => [path.basename(f.path), f]));
      // Zeros say nothing by name or by bytes: ffprobe decides (here its image reader takes the .img name), and it is ignored.
      expect(byName['disk.img']).toMatchObject({
        status: 'ignored',
        sha256: null,
        error: expect.stringMatching(/not a recording/) as unknown,
      });
      // The name claims video: failed, with ffprobe's reason.
      expect(byName['interview.mp4']).toMatchObject({
        status: 'failed',
        sha256: null,
        error: expect.stringMatching(/^not a recording ffmpeg can read \(.+\)$/) as unknown,
      });
      // Two files of 4 GiB each; the scan itself (models, database, sniffing) reads a few tens of MB.
      expect(read).toBeLessThan(SPARSE_BYTES / 8);
      expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM recordings').get()).toEqual({ n: 0 });
    } finally {
      ctx.close();
    }
  });
});
