import type { EventName, EventPayload } from '../../src-shared/api/contract.js';
import { requireTool, toolCandidates, type LocatedTool } from '../media/ffmpegLocator.js';
import { openStore, type Db } from '../store/openStore.js';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Everything a handler needs, built once per process (CLI command, host). */
export interface AppContext {
  db: Db;
  dbPath: string;
  analyst: string;
  /** Located lazily: `micromoment --help` must work even where no ffmpeg exists. */
  tools(): { ffmpeg: LocatedTool; ffprobe: LocatedTool };
  /** ffprobe binaries to try in order (see media/probeAndIndex.ts). */
  ffprobeCandidates(): LocatedTool[];
  emit: EmitEvent;
  close(): void;
}

export function createContext(options: {
  dbPath: string;
  analyst: string;
  ffmpeg?: string;
  ffprobe?: string;
  emit?: EmitEvent;
}): AppContext {
  const db = openStore(options.dbPath);
  let tools: { ffmpeg: LocatedTool; ffprobe: LocatedTool } | null = null;
  return {
    db,
    dbPath: options.dbPath,
    analyst: options.analyst,
    tools() {
      tools ??= { ffmpeg: requireTool('ffmpeg', options.ffmpeg), ffprobe: requireTool('ffprobe', options.ffprobe) };
      return tools;
    },
    ffprobeCandidates() {
      return options.ffprobe ? [requireTool('ffprobe', options.ffprobe)] : toolCandidates('ffprobe');
    },
    emit: options.emit ?? (() => {}),
    close() {
      db.close();
    },
  };
}
