import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

export type ToolName = 'ffmpeg' | 'ffprobe';
export type ToolSource = 'setting' | 'bundled' | 'path';

export interface LocatedTool {
  name: ToolName;
  path: string;
  source: ToolSource;
  version: string;
}

const ENV_VAR: Record<ToolName, string> = { ffmpeg: 'MICROMOMENT_FFMPEG', ffprobe: 'MICROMOMENT_FFPROBE' };
const BUNDLED_PACKAGE: Record<ToolName, string> = { ffmpeg: '@ffmpeg-installer/ffmpeg', ffprobe: '@ffprobe-installer/ffprobe' };

/**
 * Finds ffmpeg or ffprobe in a fixed, documented order:
 *   1. an explicit setting (option, or MICROMOMENT_FFMPEG / MICROMOMENT_FFPROBE),
 *   2. the binary bundled with the app (extra resources of a packaged build, or
 *      the npm package that installs one offline),
 *   3. the first one on PATH.
 * An explicit setting that does not exist is an error, never silently skipped:
 * the analyst asked for that binary and must know it is not the one used.
 */
export function locateTool(name: ToolName, explicit?: string, env: NodeJS.ProcessEnv = process.env): LocatedTool | null {
  const setting = explicit ?? env[ENV_VAR[name]];
  if (setting) {
    const resolved = path.resolve(setting);
    if (!isExecutable(resolved)) {
      throw new Error(
        `${name} set to ${resolved} (by ${explicit ? 'option' : ENV_VAR[name]}), but no executable is there. Fix the setting or unset it.`,
      );
    }
    return { name, path: resolved, source: 'setting', version: toolVersion(resolved) };
  }
  const bundled = bundledPath(name);
  if (bundled) return { name, path: bundled, source: 'bundled', version: toolVersion(bundled) };
  const onPath = searchPath(name, env);
  if (onPath) return { name, path: onPath, source: 'path', version: toolVersion(onPath) };
  return null;
}

/**
 * Every usable binary in the documented order: the explicit setting alone when
 * there is one; otherwise the bundled one, then the one on PATH. Callers fall
 * back along this list only when a binary crashes on a file.
 */
export function toolCandidates(name: ToolName, env: NodeJS.ProcessEnv = process.env): LocatedTool[] {
  const first = locateTool(name, undefined, env);
  if (!first) return [];
  if (first.source === 'setting') return [first];
  const out = [first];
  const onPath = searchPath(name, env);
  if (onPath && onPath !== first.path) out.push({ name, path: onPath, source: 'path', version: toolVersion(onPath) });
  return out;
}

/** Like locateTool, but a missing tool is an error that says what to do. */
export function requireTool(name: ToolName, explicit?: string): LocatedTool {
  const tool = locateTool(name, explicit);
  if (!tool) {
    throw new Error(`No ${name} found: reinstall Micromoment (it bundles one), install ffmpeg, or set ${ENV_VAR[name]} to its path.`);
  }
  return tool;
}

function bundledPath(name: ToolName): string | null {
  // A packaged Electron app carries its own binaries among its resources.
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) {
    const packaged = path.join(resourcesPath, 'ffmpeg', process.platform === 'win32' ? `${name}.exe` : name);
    if (isExecutable(packaged)) return packaged;
  }
  try {
    const require = createRequire(import.meta.url);
    const mod = require(BUNDLED_PACKAGE[name]) as { path?: string };
    if (mod.path && isExecutable(mod.path)) return mod.path;
  } catch {
    // The package has no binary for this platform: fall through to PATH.
  }
  return null;
}

function searchPath(name: ToolName, env: NodeJS.ProcessEnv): string | null {
  const exe = process.platform === 'win32' ? `${name}.exe` : name;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const versionCache = new Map<string, string>();

/** The first line of `-version`, trimmed to what identifies the build. */
function toolVersion(file: string): string {
  const cached = versionCache.get(file);
  if (cached) return cached;
  let version = 'unknown';
  try {
    const out = execFileSync(file, ['-hide_banner', '-version'], { encoding: 'utf8', timeout: 15_000 });
    const match = /version\s+(\S+)/.exec(out.split('\n')[0] ?? '');
    if (match?.[1]) version = match[1];
  } catch {
    version = 'unknown (it did not run: check the binary)';
  }
  versionCache.set(file, version);
  return version;
}
