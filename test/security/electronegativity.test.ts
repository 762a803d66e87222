// Doyensec's electronegativity over the app's sources, offline. Any HIGH finding,
// or a source file it cannot parse (it would then not have been checked), fails.
// Lower findings are printed for review. A deliberately unsafe app proves the
// scan can fail.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFindings, scanWithElectronegativity } from '../helpers/electronegativity.js';
import { repoRoot, tempDir } from '../helpers/paths.js';

describe('electronegativity', () => {
  it('finds nothing of high severity in the app sources', async () => {
    const result = await scanWithElectronegativity(
      repoRoot,
      ['package.json', 'src-main', 'src-shared', 'src-renderer'],
      tempDir('mm-eneg-'),
    );
    console.log(`electronegativity: ${result.checks} checks over ${result.files} files; findings:\n${formatFindings(result.findings)}`);
    expect(result.checks).toBeGreaterThan(30);
    expect(result.files).toBeGreaterThan(50);
    expect(result.parseErrors).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
  });

  it('fails an app that turns off isolation and turns on Node in the page', async () => {
    const dir = tempDir('mm-eneg-bad-');
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'unsafe', devDependencies: { electron: '^41.7.1' } }));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(
      path.join(dir, 'src', 'main.ts'),
      [
        "import { app, BrowserWindow } from 'electron';",
        'app.whenReady().then(() => {',
        '  const win = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false } });',
        "  void win.loadURL('https://example.com/');",
        '});',
      ].join('\n'),
    );
    const result = await scanWithElectronegativity(dir, ['package.json', 'src'], dir);
    const high = result.findings.filter((f) => f.severity === 'HIGH').map((f) => f.id);
    // No will-navigate or window-open handler either: LIMIT_NAVIGATION (our sources pass it through webGuards.ts).
    expect(high).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  });
});
