// Finds the installed npm package a model is converted from and checks it is
// the version the manifest pins: the ONNX hashes hold for that version only.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export interface SourcePackage {
  name: string;
  version: string;
  dir: string;
}

/**
 * The folder of an installed package. `require.resolve('<pkg>/package.json')`
 * is tried first; packages whose "exports" hide package.json (as
 * @vladmandic/human does) are looked up along Node's own search path instead.
 */
export function resolvePackageDir(name: string, from: string = import.meta.url): string {
  const require = createRequire(from);
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw notInstalled(name, error);
  }
  for (const nodeModules of require.resolve.paths(name) ?? []) {
    const candidate = path.join(nodeModules, name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw notInstalled(name);
}

export function readSourcePackage(name: string, from?: string): SourcePackage {
  const dir = resolvePackageDir(name, from);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
  if (pkg.name !== name || !pkg.version) throw new Error(`${dir}/package.json is not the package ${name}`);
  return { name, version: pkg.version, dir };
}

/** The package, if its installed version is the pinned one; otherwise an error saying what to do. */
export function pinnedSourcePackage(name: string, pinned: string, from?: string): SourcePackage {
  const pkg = readSourcePackage(name, from);
  if (pkg.version !== pinned) {
    throw new Error(
      `The model manifest pins ${name}@${pinned}, but ${name}@${pkg.version} is installed (${pkg.dir}). ` +
        `Install the pinned version (npm ci), or move the pin on purpose and re-record the hashes with --write-manifest.`,
    );
  }
  return pkg;
}

function notInstalled(name: string, cause?: unknown): Error {
  return new Error(`The package ${name} is not installed, and the models are converted from it: run npm ci.`, { cause });
}
