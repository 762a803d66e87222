import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { formatPtsSeconds } from '../../../src-shared/time/index.js';
import { requireTool } from '../../media/ffmpegLocator.js';
import { probeAndIndex } from '../../media/probeAndIndex.js';
import { analyzeFrames } from '../../analysis/pipeline/analyzeFrames.js';
import { createDefaultStages } from '../../analysis/pipeline/defaultStages.js';
import { sourcePixelsPerFramePixel } from '../../analysis/decode/analysisSize.js';
import { csvRowWriter, jsonRowWriter, type RowWriter } from '../../analysis/output/rowWriters.js';
import { terminalProgress } from '../progress.js';
import { EXIT } from '../exitCodes.js';

interface AnalyzeCliOptions {
  format: 'csv' | 'json';
  out?: string;
  threads?: number;
}

export function registerAnalyze(program: Command): void {
  program.command('analyze')
    .description('score every frame of a video: face, pose, 8 expression classes, action units, quality (one row per decoded frame)')
    .argument('<video>', 'the recording (read only; it need not be imported)')
    .option('--format <format>', 'csv or json', (v) => {
      if (v !== 'csv' && v !== 'json') throw new Error(`--format must be csv or json, not "${v}"`);
      return v;
    }, 'csv')
    .option('--out <file>', 'write here instead of stdout')
    .action(async (video: string, options: AnalyzeCliOptions) => {
      const file = path.resolve(video);
      const progress = terminalProgress();
      let out: fs.WriteStream | NodeJS.WriteStream = process.stdout;
      let writer: RowWriter | undefined;
      try {
        if (!fs.existsSync(file)) throw new Error('does not exist: check the path');
        const ffmpeg = requireTool('ffmpeg');
        const { probe, index, fallback } = await probeAndIndex(file, (n, expected) => progress.update('indexing frames', n, expected));
        if (fallback) process.stderr.write(`note: ${fallback}\n`);
        const table = { timeBase: index.timeBase, ptsTicks: index.ptsTicks };
        if (options.out) out = fs.createWriteStream(path.resolve(options.out), { flags: 'w' });
        writer = options.format === 'json'
          ? jsonRowWriter(out, { file, frames: table.ptsTicks.length, width: probe.width, height: probe.height, timeBase: `${table.timeBase.num}/${table.timeBase.den}` })
          : csvRowWriter(out);
        const stages = await createDefaultStages({ intraOpNumThreads: 1, sourcePixelsPerFramePixel: sourcePixelsPerFramePixel(probe.width, probe.height) });
        try {
          const w = writer;
          const summary = await analyzeFrames({ ffmpegPath: ffmpeg.path, file, codec: probe.videoCodec, width: probe.width, height: probe.height, table },
            stages, (row) => w.write(row, formatPtsSeconds(table, row[0]!)), { onProgress: (done, total) => progress.update('analysing', done, total) });
          await writer.end();
          progress.stop();
          const seconds = summary.elapsedMs / 1000;
          process.stderr.write(`${summary.frames} frames (${summary.faceFrames} with a face) in ${seconds.toFixed(1)} s, ${(summary.frames / seconds).toFixed(1)} frames/s` +
            (summary.missingFrames ? `; ${summary.missingFrames} frames of the frame table were not decoded this time (rows with face=0, decode_issue=1): the file may be damaged or cut short` : '') +
            (summary.decoderErrors ? `; the decoder reported ${summary.decoderErrors} errors (${summary.framesWithDecodeIssues} frames flagged decode_issue): ${summary.decoderMessages[0]}` : '') + '\n');
        } finally {
          await stages.close();
        }
      } catch (err) {
        progress.stop();
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        process.stderr.write(`micromoment analyze: ${file}: ${message}\n`);
        process.exitCode = EXIT.someFailed;
      } finally {
        if (out !== process.stdout) await new Promise<void>((resolve) => (out as fs.WriteStream).end(resolve));
      }
    });
}
