// `prepare`: what npm runs after `npm ci` in this checkout, and again when
// `npx micromoment` is called in it.
//
// npm 11's exec, asked for a command that the project's own package.json
// provides, links the checkout into npm's exec cache and runs its `prepare`
// there (it does not look in node_modules/.bin first). Rebuilding then made the
// first `npx micromoment` after an install spend 15-50 s silently. So under
// exec an existing build is used as it is; every other time (npm ci, npm
// install) everything is built. The command is also linked into
// node_modules/.bin, for scripts and for `npm exec` in other setups.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const built = Object.values(pkg.bin).every((target) => fs.existsSync(path.join(root, target)));

if (process.env.npm_command === 'exec' && built) process.exit(0);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const binDir = path.join(root, 'node_modules', '.bin');
fs.mkdirSync(binDir, { recursive: true });
for (const [name, target] of Object.entries(pkg.bin)) {
  const link = path.join(binDir, name);
  const relative = path.relative(binDir, path.join(root, target));
  fs.rmSync(link, { force: true });
  if (process.platform === 'win32') fs.writeFileSync(`${link}.cmd`, `@node "%~dp0\\${relative.split('/').join('\\')}" %*\r\n`);
  else fs.symlinkSync(relative, link);
}
