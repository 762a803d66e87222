import type { Command } from 'commander';
import { createRequire } from 'node:module';
import { locateTool, type LocatedTool } from '../../media/ffmpegLocator.js';
import { appVersion, dataDir, resolveDbPath } from '../../config/paths.js';
import { EXIT } from '../exitCodes.js';
import { printable } from '../printable.js';

/** Which ffmpeg, ffprobe, database and runtimes this installation uses, and why. */
export function describeEnvironment(): { lines: string[]; ok: boolean } {
  const lines: string[] = [`micromoment ${appVersion()} on Node ${process.versions.node} (${process.platform}-${process.arch})`];
  let ok = true;
  for (const name of ['ffmpeg', 'ffprobe'] as const) {
    let tool: LocatedTool | null;
    try {
      tool = locateTool(name);
    } catch (err) {
      lines.push(`${name}: ERROR ${printable((err as Error).message)}`);
      ok = false;
      continue;
    }
    if (!tool) {
      lines.push(`${name}: NOT FOUND (set MICROMOMENT_${name.toUpperCase()}, or install ffmpeg)`);
      ok = false;
    } else {
      lines.push(
        `${name}: ${printable(tool.path)} (version ${printable(tool.version)}; ` +
          `found by ${{ setting: 'explicit setting', bundled: 'bundled npm package', path: 'PATH' }[tool.source]})`,
      );
    }
  }
  lines.push(`data folder: ${printable(dataDir())}`);
  lines.push(`case database: ${printable(resolveDbPath(undefined))}`);
  const require = createRequire(import.meta.url);
  for (const pkg of ['better-sqlite3', 'onnxruntime-node']) {
    try {
      lines.push(`${pkg}: ${(require(`${pkg}/package.json`) as { version: string }).version}`);
    } catch {
      lines.push(`${pkg}: NOT INSTALLED`);
      ok = false;
    }
  }
  return { lines, ok };
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('show which ffmpeg/ffprobe (and versions), database and runtimes are used')
    .action(() => {
      const { lines, ok } = describeEnvironment();
      process.stdout.write(lines.join('\n') + '\n');
      process.exitCode = ok ? EXIT.ok : EXIT.environment;
    });
}
