import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discover } from '../../../src-main/scan/discover.js';
import { realMediaDir, repoRoot, tempDir } from '../../helpers/paths.js';

const clip = path.join(realMediaDir, 'cap13_edit2.mp4');

/** A folder with every kind of thing a seized drive holds, besides recordings. */
function messyFolder(): string {
  const root = tempDir('mm-discover-');
  const sub = path.join(root, 'Vernehmung 2024 – „Müller“');
  fs.mkdirSync(path.join(sub, 'deeper'), { recursive: true });
  fs.copyFileSync(clip, path.join(root, '-starts with a dash.mp4'));
  fs.copyFileSync(clip, path.join(sub, 'it\'s "quoted" ü.MOV'));
  fs.copyFileSync(clip, path.join(sub, 'deeper', 'no extension at all'));
  fs.writeFileSync(path.join(root, 'notes.txt'), 'Interview began at 10:04.\n');
  fs.writeFileSync(path.join(root, 'renamed.mp4'), 'this is text with a video name\n');
  fs.writeFileSync(path.join(root, 'report.pdf'), '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  fs.copyFileSync(path.join(realMediaDir, 'face.jpg'), path.join(root, 'photo.jpg'));
  fs.writeFileSync(path.join(root, 'unknown.bin'), Buffer.from([0, 0, 0, 1, 0x67, 0x42, 0, 0x1e, 0xff, 0x00]));
  fs.writeFileSync(path.join(root, 'empty.avi'), '');
  fs.symlinkSync('..', path.join(sub, 'loop back'));
  fs.symlinkSync('missing-target.mp4', path.join(root, 'dangling.mp4'));
  fs.symlinkSync('nowhere', path.join(root, 'dangling.txt'));
  fs.symlinkSync('self.mkv', path.join(root, 'self.mkv'));
  fs.linkSync(path.join(root, '-starts with a dash.mp4'), path.join(root, 'hard link.mp4'));
  spawnSync('mkfifo', [path.join(root, 'a pipe')]);
  return root;
}

describe('walking the folders of a scan', () => {
  it('finds recordings by name and by content, and says why everything else is left out', async () => {
    const root = messyFolder();
    const found = await discover([root]);
    const rel = (p: string) => path.relative(root, p);
    expect(found.files.map((f) => [rel(f.path), f.claimsVideo])).toEqual([
      ['-starts with a dash.mp4', true],
      ['Vernehmung 2024 – „Müller“/deeper/no extension at all', true],
      ['Vernehmung 2024 – „Müller“/it\'s "quoted" ü.MOV', true],
      ['empty.avi', true],
      ['renamed.mp4', true],
      ['unknown.bin', false],
    ]);
    expect(found.files[0]!.sizeBytes).toBe(fs.statSync(clip).size);
    expect(found.failed.map((f) => [rel(f.path), f.error])).toEqual([
      ['dangling.mp4', 'is a symbolic link to something that does not exist'],
      ['self.mkv', 'is a symbolic link loop'],
    ]);
    expect(Object.fromEntries(found.ignored.map((i) => [rel(i.path), i.reason]))).toEqual({
      'Vernehmung 2024 – „Müller“/loop back': `a link to a folder already scanned (${fs.realpathSync(root)})`,
      'a pipe': 'not a regular file (a pipe, socket or device)',
      'dangling.txt': 'is a symbolic link to something that does not exist',
      'hard link.mp4': `the same file as ${path.join(root, '-starts with a dash.mp4')} (a link to it), scanned once`,
      'notes.txt': 'not a video (text)',
      'photo.jpg': 'not a video (JPEG image)',
      'report.pdf': 'not a video (PDF document)',
    });
  });

  it('takes a file named on the command line as a recording, whatever it is, and fails a missing one', async () => {
    const root = tempDir('mm-discover-');
    const text = path.join(root, 'statement.txt');
    fs.writeFileSync(text, 'not a video');
    const found = await discover([text, path.join(root, 'missing.mp4'), text]);
    expect(found.files).toEqual([{ path: text, sizeBytes: 11, claimsVideo: true }]);
    expect(found.failed).toEqual([{ path: path.join(root, 'missing.mp4'), error: 'does not exist: check the path' }]);
    expect(found.ignored).toEqual([{ path: text, reason: `the same file as ${text} (a link to it), scanned once` }]);
  });

  it('reports a folder it cannot read as failed, not as empty', async () => {
    const root = tempDir('mm-discover-');
    fs.chmodSync(root, 0o755);
    const locked = path.join(root, 'locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, 'inside.mp4'), 'x');
    fs.chmodSync(locked, 0o000);
    // Root reads every folder whatever its mode: walk as an ordinary user, with the built module.
    const script =
      `import(${JSON.stringify(pathToFileURL(path.join(repoRoot, 'dist/src-main/scan/discover.js')).href)}).then(async (m) => ` +
      `console.log(JSON.stringify(await m.discover([${JSON.stringify(root)}]))))`;
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', ...asUser });
    expect(run.stderr).toBe('');
    const found = JSON.parse(run.stdout) as Awaited<ReturnType<typeof discover>>;
    expect(found.files).toEqual([]);
    expect(found.failed).toEqual([
      { path: locked, error: 'folder cannot be read (permission denied): its files were not scanned; ask for read access' },
    ]);
  });
});
