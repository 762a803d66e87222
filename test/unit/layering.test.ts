import path from 'node:path';
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
    expect(await errorsFor('src-renderer/library/layering-probe.ts', "import { methods } from '../../src-shared/api/contract.js';\nexport const m = methods;")).toEqual([]);
    expect(await errorsFor('src-main/layering-probe.ts', "import fs from 'node:fs';\nexport const f = fs;")).toEqual([]);
  });
});
