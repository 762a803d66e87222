import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../../src-main/hosts/electron/appProtocol.js';
import { APP_CSP } from '../../../../src-main/hosts/electron/contentSecurityPolicy.js';
import { isAppUrl } from '../../../../src-main/hosts/electron/appScheme.js';
import { createMediaHandler } from '../../../../src-main/media/mediaHandler.js';
import { tempDir } from '../../../helpers/paths.js';

function setUp() {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  const evidence = path.join(dir, 'interview.mp4');
  fs.writeFileSync(evidence, Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)));
  const lookups: number[] = [];
  const media = createMediaHandler((_kind, id) => {
    lookups.push(id);
    return id === 1 ? { path: evidence, sizeBytes: 1000, contentType: 'video/mp4' } : undefined;
  });
  return { handle: createAppProtocolHandler({ rendererDir, media }), lookups };
}

describe('the app scheme handler', () => {
  it('serves the renderer with the CSP and nosniff', async () => {
    const { handle } = setUp();
    const page = await handle(new Request('micromoment://app/index.html'));
    expect(page.status).toBe(200);
    expect(Object.fromEntries(page.headers)).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(await page.text()).toContain('id="root"');
    const script = await handle(new Request('micromoment://app/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const head = await handle(new Request('micromoment://app/index.html', { method: 'HEAD' }));
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('never serves a file outside the renderer folder', async () => {
    const { handle } = setUp();
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/%00']) {
      const response = await handle(new Request(`micromoment://app${p}`));
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('serves media by registered id with byte ranges, through the shared media handler', async () => {
    const { handle, lookups } = setUp();
    const part = await handle(new Request('micromoment://app/media/original/1', { headers: { range: 'bytes=10-19' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const whole = await handle(new Request('micromoment://app/media/original/1'));
    expect([whole.status, (await whole.arrayBuffer()).byteLength]).toEqual([200, 1000]);
    expect((await handle(new Request('micromoment://app/media/original/2'))).status).toBe(404);
    expect((await handle(new Request('micromoment://app/media/original/1', { headers: { range: 'bytes=2000-' } }))).status).toBe(416);
    // A path is never a media id: the handler refuses it before any lookup.
    const before = lookups.length;
    expect((await handle(new Request('micromoment://app/media/original/%2Fetc%2Fpasswd'))).status).toBe(404);
    expect(lookups.length).toBe(before);
  });

  it('answers a malformed address with 404, never an exception', async () => {
    const { handle, lookups } = setUp();
    for (const p of ['/%E0%A4%A', '/%', '/assets/%zz.js', '/media/%E0%A4%A', '/media/original/%31', '/media/original/1%']) {
      const response = await handle(new Request(`micromoment://app${p}`));
      expect(response.status, p).toBe(404);
    }
    expect(lookups).toEqual([]);
  });

  it('answers only our host and only GET or HEAD', async () => {
    const { handle } = setUp();
    expect((await handle(new Request('micromoment://other/index.html'))).status).toBe(404);
    expect((await handle(new Request('micromoment://app/index.html', { method: 'PUT', body: 'x' }))).status).toBe(405);
    expect((await handle(new Request('micromoment://app/media/original/1', { method: 'DELETE' }))).status).toBe(405);
  });

  it('recognises our origin by its parts', () => {
    expect(isAppUrl('micromoment://app/index.html')).toBe(true);
    expect(isAppUrl('micromoment://app.evil/index.html')).toBe(false);
    expect(isAppUrl('micromoment://user@app/index.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('has a CSP that allows nothing from outside our origin', () => {
    const directives: Record<string, string[]> = Object.fromEntries(
      APP_CSP.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    for (const sources of Object.values(directives))
      for (const s of sources) expect(s).toMatch(/^('self'|'none'|'unsafe-inline'|data:|blob:)$/);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
  });
});
