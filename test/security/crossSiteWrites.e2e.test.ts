// Attack, in a real browser: writes from another site on the same machine. The
// analyst has the window open (`micromoment serve`, its URL opened once with the
// token, so the browser holds the host's cookie). A page from another port of
// 127.0.0.1, open in the same browser, then tries to plant an accepted annotation
// under a made-up analyst name: a fetch() with mode 'no-cors' and credentials
// (JSON sent as text/plain), and auto-submitted HTML forms (enctype text/plain
// crafted so that the body is JSON, and urlencoded). Chromium sends the cookie
// with each of them: another port is the same site, SameSite=Strict lets it go.
//
// Promise: none of these writes anything. The host refuses each (403: it comes
// from another site's page, and it carries no token header and no JSON content
// type), the audit log is unchanged and no annotation is added; the analyst's
// own window keeps working in the same browser.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { AuditEntry } from '../../src-shared/domain/audit.js';
import type { AnnotationState } from '../../src-shared/domain/annotation.js';
import { launchChromium } from '../helpers/browser.js';
import { recordNetwork } from '../helpers/networkLog.js';
import { startOtherSite, type OtherSite } from '../helpers/otherSite.js';
import { realMediaDir } from '../helpers/paths.js';
import { serveNewCase, type ServedCase } from '../helpers/serveCase.js';
import { callFromWindow } from '../helpers/windowApi.js';

let app: ServedCase;
let other: OtherSite;
let browser: Browser;
let context: BrowserContext;
let recordingId: number;

/** The write the attack planted: an accepted annotation by a made-up analyst. */
const planted = () => ({
  recordingId,
  analyst: 'Made-up Analyst',
  change: {
    kind: 'manual',
    set: { onsetFrame: 10, apexFrame: 12, offsetFrame: 14, emotion: 'fear', verdict: 'accepted', note: 'planted' },
  },
});
const target = () => `${app.server.origin}/api/call/annotations.apply`;

/** An auto-submitted form of the other site; with text/plain the body is `name=value`, so both halves make JSON. */
function formPage(enctype: string): string {
  const json = JSON.stringify({ ...planted(), pad: '' });
  const [name, value] = [json.slice(0, -2), '"}']; // body: {"…","pad":"="}
  const quote = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  return (
    `<!doctype html><form method="post" enctype="${enctype}" action="${target()}"><input name='${quote(name)}' value='${quote(value)}'></form>` +
    `<script>document.forms[0].submit()</script>`
  );
}

beforeAll(async () => {
  app = await serveNewCase('mm-cross-site-writes-');
  const source = path.join(realMediaDir, 'cap13_edit2.mp4');
  expect(fs.existsSync(source)).toBe(true);
  const [imported] = await app.call<{ id: number; status: string }[]>('library.import', { paths: [source] });
  recordingId = imported!.id;
  other = await startOtherSite({
    '/form-text-plain.html': formPage('text/plain'),
    '/form-urlencoded.html': formPage('application/x-www-form-urlencoded'),
  });
  browser = await launchChromium();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
  await other?.close();
  await app?.server.stop();
});

const annotations = () => app.call<AnnotationState>('annotations.list', { recordingId, analyst: 'Auditor' }).then((s) => s.annotations);
const auditLog = () => app.call<AuditEntry[]>('audit.list', { limit: 10_000 });

describe("another site's page in the analyst's browser", () => {
  it('cannot write: no-cors fetch and form posts are refused, the audit log and annotations unchanged', async () => {
    // The analyst opens the window: the browser now holds the host's cookie.
    const analystWindow = await context.newPage();
    await analystWindow.goto(app.server.url);
    await expect.poll(() => analystWindow.getByTestId('recordings').textContent(), { timeout: 30_000 }).toContain('cap13_edit2.mp4');
    expect((await context.cookies(app.server.origin)).map((c) => c.name)).toEqual([expect.stringMatching(/^mm_token_\d+$/)]);

    // The host makes this recording's review copy in the background (its own audit entries): let it finish first.
    await expect
      .poll(async () => (await app.call<{ proxy: { status: string } }>('library.get', { id: recordingId })).proxy.status, {
        timeout: 120_000,
      })
      .toMatch(/^(ready|not-needed|failed)$/);
    const [annotationsBefore, auditBefore] = [await annotations(), await auditLog()];
    const attacker = await context.newPage();
    const network = await recordNetwork(attacker);

    // 1. fetch() with mode 'no-cors' and credentials, the JSON sent as text/plain.
    await attacker.goto(`${other.origin}/`);
    const outcome = await attacker.evaluate(
      async ({ url, body }) => {
        try {
          return (await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body })).type;
        } catch {
          return 'network error';
        }
      },
      { url: target(), body: JSON.stringify(planted()) },
    );
    // Never readable: opaque, or (Cross-Origin-Resource-Policy: same-origin) a network error.
    expect(['opaque', 'network error']).toContain(outcome);

    // 2 and 3. Auto-submitted forms, text/plain (its body is JSON) and urlencoded: top-level navigations to the host.
    for (const form of ['form-text-plain.html', 'form-urlencoded.html']) {
      const [answer] = await Promise.all([
        attacker.waitForResponse((r) => r.url().startsWith(target())),
        attacker.goto(`${other.origin}/${form}`),
      ]);
      expect(answer.status(), form).toBe(403);
      expect(await answer.text()).toMatch(/Refused/);
    }

    // Each attack reached the host with the analyst's cookie, and each was refused.
    await expect.poll(() => network.to(target()).filter((r) => r.status !== 0).length).toBe(3);
    const sent = network.to(target());
    expect(sent.map((r) => [r.method, r.contentType])).toEqual([
      ['POST', expect.stringMatching(/^text\/plain/)],
      ['POST', 'text/plain'],
      ['POST', 'application/x-www-form-urlencoded'],
    ]);
    for (const r of sent) {
      expect(r.cookie).toMatch(/mm_token_\d+=/);
      expect(r.status).toBe(403);
    }

    // Nothing was written.
    expect(await auditLog()).toEqual(auditBefore);
    expect(await annotations()).toEqual(annotationsBefore);

    // The analyst's own window, in the same browser, still calls the API.
    await analystWindow.reload();
    await expect.poll(() => analystWindow.getByTestId('recordings').textContent(), { timeout: 30_000 }).toContain('cap13_edit2.mp4');
    expect(await callFromWindow<unknown[]>(analystWindow, 'audit.list', {})).toHaveLength(auditBefore.length);
  });
});
