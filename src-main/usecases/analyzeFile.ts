import fs from 'node:fs';
import type { FrameTable } from '../../src-shared/time/frameTable.js';
import type { Probe } from '../../src-shared/domain/recording.js';
import { requireTool } from '../media/ffmpegLocator.js';
import { probeAndIndex } from '../media/probeAndIndex.js';
import { analyzeFrames, type AnalysisSummary, type RowSink } from '../analysis/pipeline/analyzeFrames.js';
import { createDefaultStages } from '../analysis/pipeline/defaultStages.js';
import { sourcePixelsPerFramePixel } from '../analysis/decode/analysisSize.js';
import { memorySink } from '../analysis/pipeline/memorySink.js';

export interface FileAnalysis {
  probe: Probe;
  table: FrameTable;
  summary: AnalysisSummary;
  /** Set when the first ffprobe crashed on the file and another was used. */
  fallback?: string;
}

/**
 * Analyses a recording that need not be in a case: index its frames, then
 * score every frame into `sink`. `beforeRows` runs once the frame table is
 * known (to open outputs), before the first row.
 */
export interface AnalyzeFileHooks {
  beforeRows?: (probe: Probe, table: FrameTable) => void | Promise<void>;
  onIndexProgress?: (done: number, expected: number) => void;
  onProgress?: (done: number, total: number) => void;
}

export async function analyzeFile(file: string, sink: RowSink, hooks: AnalyzeFileHooks = {}): Promise<FileAnalysis> {
  if (!fs.existsSync(file)) throw new Error('does not exist: check the path');
  const ffmpeg = requireTool('ffmpeg');
  const { probe, index, fallback } = await probeAndIndex(file, hooks.onIndexProgress);
  const table: FrameTable = { timeBase: index.timeBase, ptsTicks: index.ptsTicks };
  await hooks.beforeRows?.(probe, table);
  const stages = await createDefaultStages({
    intraOpNumThreads: 1,
    sourcePixelsPerFramePixel: sourcePixelsPerFramePixel(probe.width, probe.height),
  });
  try {
    const summary = await analyzeFrames(
      { ffmpegPath: ffmpeg.path, file, codec: probe.videoCodec, width: probe.width, height: probe.height, table },
      stages,
      sink,
      hooks.onProgress ? { onProgress: hooks.onProgress } : {},
    );
    return { probe, table, summary, ...(fallback ? { fallback } : {}) };
  } finally {
    await stages.close();
  }
}

/** The one-line summary printed on stderr after an analysis. */
export function describeSummary(summary: AnalysisSummary): string {
  const seconds = summary.elapsedMs / 1000;
  return (
    `${summary.frames} frames (${summary.faceFrames} with a face) in ${seconds.toFixed(1)} s, ${(summary.frames / seconds).toFixed(1)} frames/s` +
    (summary.missingFrames
      ? `; ${summary.missingFrames} frames of the frame table were not decoded this time (rows with face=0, decode_issue=1): ` +
        `the file may be damaged or cut short`
      : '') +
    (summary.decoderErrors
      ? `; the decoder reported ${summary.decoderErrors} errors (${summary.framesWithDecodeIssues} frames flagged decode_issue): ${summary.decoderMessages[0]}`
      : '')
  );
}

/** Analyses a file and keeps every row in memory (for the spotter): no case store involved. */
export async function analyzeFileInMemory(file: string, hooks: Omit<AnalyzeFileHooks, 'beforeRows'> = {}) {
  let sink: ReturnType<typeof memorySink> | undefined;
  const analysis = await analyzeFile(file, (row, landmarks) => sink!.write(row, landmarks), {
    ...hooks,
    beforeRows: (_probe, table) => {
      sink = memorySink(table.ptsTicks.length);
    },
  });
  return { ...analysis, values: sink!.values, landmarks: sink!.landmarks };
}
