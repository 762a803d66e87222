import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandsForPaths, pathsFromArgv, sendMenuCommand } from '../../../../src-main/hosts/electron/sendMenuCommand.js';
import { droppedPaths } from '../../../../src-main/hosts/electron/dropBridge.js';
import { aboutText } from '../../../../src-main/hosts/electron/dialogs.js';
import { API_EVENT_CHANNEL } from '../../../../src-shared/api/contract.js';

describe('commands from drops and launches', () => {
  it('opens the files together and scans each folder', () => {
    const folders = new Set(['/cases/A', '/cases/B']);
    expect(commandsForPaths(['/cases/A', '/x/one.mp4', '/cases/B', '/x/two.avi'], (p) => folders.has(p))).toEqual([
      { command: 'open-recordings', paths: ['/x/one.mp4', '/x/two.avi'] },
      { command: 'import-folder', folder: '/cases/A' },
      { command: 'import-folder', folder: '/cases/B' },
    ]);
    expect(commandsForPaths([], () => false)).toEqual([]);
  });

  it('accepts only distinct absolute paths from a drop', () => {
    const abs = path.resolve('/evidence/a.mp4');
    expect(droppedPaths([abs, abs, 'relative.mp4', '', 7, null, `${abs}\0.txt`])).toEqual([abs]);
    expect(droppedPaths('not a list')).toEqual([]);
    expect(droppedPaths(Array.from({ length: 20_000 }, (_, i) => path.resolve(`/e/${i}.mp4`)))).toHaveLength(10_000);
  });

  it('takes the files of a second launch, not the executable, the app folder or switches', () => {
    expect(
      pathsFromArgv(
        ['/opt/Micromoment/micromoment', '--no-sandbox', 'a.mp4', '/b/c.avi'],
        '/home/j',
        '/opt/Micromoment/resources/app.asar',
      ),
    ).toEqual([path.resolve('/home/j/a.mp4'), path.resolve('/b/c.avi')]);
    expect(pathsFromArgv(['/usr/bin/electron', '.', '--inspect=0', 'x.mp4'], '/repo', '/repo')).toEqual([path.resolve('/repo/x.mp4')]);
  });

  it('checks a command against the contract before sending it, and never to a closed window', () => {
    const sent: unknown[] = [];
    const open = { send: (...a: unknown[]) => sent.push(a), isDestroyed: () => false };
    sendMenuCommand(open, { command: 'set-speed', speed: 0.25 });
    expect(sent).toEqual([[API_EVENT_CHANNEL, { event: 'menu.command', payload: { command: 'set-speed', speed: 0.25 } }]]);
    expect(() => sendMenuCommand(open, { command: 'set-speed', speed: -1 })).toThrow();
    expect(() => sendMenuCommand(open, { command: 'open-recordings', paths: [] })).toThrow();
    sendMenuCommand({ ...open, isDestroyed: () => true }, { command: 'export-report' });
    sendMenuCommand(undefined, { command: 'export-report' });
    expect(sent).toHaveLength(1);
  });
});

describe('the About text', () => {
  const info = {
    version: '0.1.0',
    dbPath: '/c/case.sqlite',
    analyst: 'J. Doe',
    ffmpeg: null,
    ffprobe: { path: '/usr/bin/ffprobe', source: 'path' as const, version: '7.1.1' },
    models: null,
    modelsError: 'Cannot read the model manifest /r/manifest.json: ENOENT',
  };
  it('names a missing ffmpeg and an unreadable manifest instead of hiding them', () => {
    const { message, detail } = aboutText(info, { electron: '41.7.1', chrome: '146', node: '24' });
    expect(message).toBe('Micromoment 0.1.0');
    expect(detail.split('\n')).toEqual([
      'ffmpeg: not found',
      'ffprobe 7.1.1 (path: /usr/bin/ffprobe)',
      'Models: Cannot read the model manifest /r/manifest.json: ENOENT',
      'Electron 41.7.1, Chromium 146, Node 24',
      'Case database: /c/case.sqlite',
      'Analyst: J. Doe',
    ]);
  });
});
