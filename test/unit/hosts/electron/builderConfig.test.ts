// electron-builder cannot run here (it downloads Electron and packaging tools),
// so its configuration is checked against what the app expects of a package.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultModelsDir, MANIFEST_FILE, readManifest } from '../../../../src-main/analysis/models/manifest.js';
import { repoRoot, tempDir } from '../../../helpers/paths.js';

interface ExtraResource {
  from: string;
  to: string;
  filter: string[];
}
const config = parse(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: ExtraResource[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; files: string[] };
  win: { target: string[]; files: string[] };
  mac: { target: string[]; files: string[] };
};
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
};

describe('the packaging configuration', () => {
  it('builds AppImage and deb, an NSIS installer and a dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('starts the Electron main process that the build produces', () => {
    expect(pkg.main).toBe('dist/src-main/hosts/electron/main.js');
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**/*']));
  });

  it('packages no tools: the benchmarks and the model converter are built into dist-tools/, never into dist/', () => {
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['package.json', 'dist/**/*']);
    const built = path.join(repoRoot, 'dist');
    expect(fs.existsSync(path.join(built, 'src-main')), 'run npm run build first').toBe(true);
    const files = (fs.readdirSync(built, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/'));
    expect(
      files.filter((f) => /(^|\/)(tools|bench)\/|Bench|buildModels|convertModel|convertGraph|onnxProto|readTfjsModel/.test(f)),
    ).toEqual([]);
    expect(files.some((f) => f.startsWith('src-main/hosts/electron/main.js'))).toBe(true);
  });

  it('unpacks the native modules from the archive and rebuilds them for Electron', () => {
    for (const native of ['better-sqlite3', 'onnxruntime-node']) {
      expect(pkg.dependencies).toHaveProperty(native);
      expect(config.asarUnpack).toContain(`**/node_modules/${native}/**`);
    }
    expect(config.npmRebuild).toBe(true);
  });

  it('ships ffmpeg, ffprobe and every built model as extra resources where the app looks for them', () => {
    const to = (name: string) => config.extraResources.find((r) => r.filter.includes(name));
    expect(to('ffmpeg')).toMatchObject({ from: 'node_modules/@ffmpeg-installer/${platform}-${arch}/', to: 'ffmpeg' });
    expect(to('ffprobe.exe')).toMatchObject({ from: 'node_modules/@ffprobe-installer/${platform}-${arch}/', to: 'ffmpeg' });
    const models = to('manifest.json');
    expect(models).toMatchObject({ from: 'resources/models/', to: 'models' });
    expect(models!.filter).toContain('*.onnx');
    for (const model of readManifest(path.join(repoRoot, 'resources', 'models')).models) expect(model.onnx.file).toMatch(/\.onnx$/);
  });

  it("keeps only the running platform's onnxruntime binaries in each package", () => {
    expect(config.linux.files.join(' ')).toMatch(/darwin.*win32/);
    expect(config.win.files.join(' ')).toMatch(/darwin.*linux/);
    expect(config.mac.files.join(' ')).toMatch(/linux.*win32/);
  });

  it('flips the fuses that would let the binary run as plain Node or load another app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('models in a packaged app', () => {
  const processWithResources = process as NodeJS.Process & { resourcesPath?: string };
  afterEach(() => {
    Reflect.deleteProperty(process, 'resourcesPath');
  });

  it('are read from <resources>/models when the package has them there', () => {
    const resources = tempDir('mm-resources-');
    fs.mkdirSync(path.join(resources, 'models'));
    fs.copyFileSync(path.join(repoRoot, 'resources', 'models', MANIFEST_FILE), path.join(resources, 'models', MANIFEST_FILE));
    processWithResources.resourcesPath = resources;
    expect(defaultModelsDir()).toBe(path.join(resources, 'models'));
  });

  it('come from the checkout under Electron without a package (its resources hold no models)', () => {
    processWithResources.resourcesPath = tempDir('mm-electron-resources-');
    expect(defaultModelsDir()).toBe(path.join(repoRoot, 'resources', 'models'));
  });
});
