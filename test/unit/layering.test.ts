import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { repoRoot } from '../helpers/paths.js';

// The lint rules are the architecture's guard rails; these tests prove each rail
// catches what it should, so `npm test` fails on a layering violation.
const eslint = new ESLint({ cwd: repoRoot });

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering', () => {
  it.each([
    ["import fs from 'node:fs';", /no-restricted-imports/],
    ["import { ipcRenderer } from 'electron';", /no-restricted-imports/],
    ["import Database from 'better-sqlite3';", /no-restricted-imports/],
    ["import { useState } from 'react';", /no-restricted-imports/],
    ["import { openStore } from '../src-main/store/openStore.js';", /no-restricted-imports/],
    ['export const w = window.innerWidth;', /no-restricted-globals/],
    ['export const e = process.env.HOME;', /no-restricted-globals/],
  ])('src-shared refuses %s', async (code, rule) => {
    const errors = await errorsFor('src-shared/layering-probe.ts', code);
    expect(errors.join('\n')).toMatch(rule);
  });

  it.each([
    "import fs from 'node:fs';",
    "import { ipcRenderer } from 'electron';",
    "import { openStore } from '../src-main/store/openStore.js';",
    "import { handlers } from '../../src-main/api/handlers.js';",
  ])('the renderer refuses %s', async (code) => {
    const errors = await errorsFor('src-renderer/library/layering-probe.ts', code);
    expect(errors.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('allows what each layer may use', async () => {
    expect(await errorsFor('src-shared/layering-probe.ts', "import { z } from 'zod';\nexport const s = z.string();")).toEqual([]);
    expect(
      await errorsFor(
        'src-renderer/library/layering-probe.ts',
        "import { methods } from '../../src-shared/api/contract.js';\nexport const m = methods;",
      ),
    ).toEqual([]);
    expect(await errorsFor('src-main/layering-probe.ts', "import fs from 'node:fs';\nexport const f = fs;")).toEqual([]);
  });

  describe('inside src-main, each folder imports only its own layer and those below', async () => {
    const { MAIN_LAYERS } = (await import(pathToFileURL(path.join(repoRoot, 'eslint.config.js')).href)) as { MAIN_LAYERS: string[][] };
    // Every pair of a folder and one in a layer above it, from a file at the folder's top and one two levels down.
    const upward = MAIN_LAYERS.flatMap((layer, rank) =>
      layer.flatMap((folder) =>
        MAIN_LAYERS.slice(0, rank)
          .flat()
          .map((higher) => [folder, higher] as const),
      ),
    );

    it('knows every folder of src-main', () => {
      const folders = fs
        .readdirSync(path.join(repoRoot, 'src-main'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      expect(MAIN_LAYERS.flat().sort()).toEqual(folders);
    });

    it.each(upward)('src-main/%s refuses to import src-main/%s', async (folder, higher) => {
      expect(
        (await errorsFor(`src-main/${folder}/probe.ts`, `import { x } from '../${higher}/anything.js';\nexport const y = x;`)).join('\n'),
      ).toMatch(/no-restricted-imports: .*a layer above it/);
      expect(
        (
          await errorsFor(`src-main/${folder}/a/b/probe.ts`, `import { x } from '../../../${higher}/a/anything.js';\nexport const y = x;`)
        ).join('\n'),
      ).toMatch(/no-restricted-imports: .*a layer above it/);
    });

    it('lets a folder import its own layer, the layers below, its own subfolders and src-shared', async () => {
      expect(
        await errorsFor(
          'src-main/usecases/probe.ts',
          "import { a } from '../report/x.js';\nimport { b } from '../store/y.js';\n" +
            "import { c } from '../../src-shared/time/index.js';\nexport const d = [a, b, c];",
        ),
      ).toEqual([]);
      expect(
        await errorsFor(
          'src-main/analysis/face/probe.ts',
          "import { a } from '../expression/x.js';\nimport { b } from '../../media/y.js';\nexport const d = [a, b];",
        ),
      ).toEqual([]);
      expect(
        await errorsFor(
          'src-main/cli/commands/probe.ts',
          "import { a } from '../../hosts/x.js';\nimport { b } from '../program.js';\nexport const d = [a, b];",
        ),
      ).toEqual([]);
    });

    it('keeps tools/ out of the product', async () => {
      expect(
        (await errorsFor('src-main/cli/probe.ts', "import { a } from '../../tools/bench/x.js';\nexport const d = a;")).join('\n'),
      ).toMatch(/may not import tools/);
      expect(
        (
          await errorsFor(
            'src-main/analysis/models/probe.ts',
            "import { a } from '../../../tools/models/convertModel.js';\nexport const d = a;",
          )
        ).join('\n'),
      ).toMatch(/may not import tools/);
    });
  });
});

describe('formatting', () => {
  it('Prettier, with the project config, refuses an unformatted file and accepts the formatted tree', async () => {
    const prettier = await import('prettier');
    const file = path.join(repoRoot, 'src-main/config/paths.ts');
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    expect(await prettier.check(fs.readFileSync(file, 'utf8'), options)).toBe(true);
    expect(await prettier.check('export const  x = {a:1,b:"two"}\n', options)).toBe(false);
  });

  it('lint refuses a line over 160 characters', async () => {
    const long = `export const s = '${'x'.repeat(150)}';`;
    expect((await errorsFor('src-main/config/probe.ts', long)).join('\n')).toMatch(/max-len/);
  });
});
