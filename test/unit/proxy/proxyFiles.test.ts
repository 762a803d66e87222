import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proxyRelPath, proxyTempPath, resolveProxyPath } from '../../../src-main/proxy/proxyFiles.js';

const sha = 'a'.repeat(64);
const data = path.resolve('/data/micromoment');

describe('proxy file names', () => {
  it('are keyed by the original and the proxy content, relative to the data folder', () => {
    expect(proxyRelPath(sha, 'b'.repeat(64))).toBe(`proxies/${sha}-${'b'.repeat(16)}.mp4`);
    expect(resolveProxyPath(data, proxyRelPath(sha, 'b'.repeat(64)))).toBe(path.join(data, 'proxies', `${sha}-${'b'.repeat(16)}.mp4`));
  });
  it('never resolve outside the proxy folder, nor to anything but a finished proxy name', () => {
    for (const bad of [
      '../case.sqlite',
      `proxies/../../${sha}-${'b'.repeat(16)}.mp4`,
      '/etc/passwd',
      'proxies/x.mp4',
      `proxies/sub/${sha}-${'b'.repeat(16)}.mp4`,
      `proxies/.tmp-${sha.slice(0, 16)}-1-abcd.mp4`,
    ]) {
      expect(resolveProxyPath(data, bad), bad).toBeNull();
    }
  });
  it('work files are hidden temporary names in the proxy folder', () => {
    const temp = proxyTempPath(data, sha);
    expect(path.dirname(temp)).toBe(path.join(data, 'proxies'));
    expect(path.basename(temp)).toMatch(/^\.tmp-a{16}-\d+-[0-9a-f]{8}\.mp4$/);
    expect(resolveProxyPath(data, `proxies/${path.basename(temp)}`)).toBeNull();
  });
});
