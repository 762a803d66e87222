// The desktop app's backend process for real: the built backendProcess.js is
// started as a separate Node process (as Electron starts it as a utility
// process), with a real case database, real ffmpeg and the real models, and
// driven through the same client the main process uses. Media are then served
// from a read-only connection, as the main process serves them.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackendClient, type BackendClient } from '../../src-main/hosts/electron/backend/backendClient.js';
import type { BackendChannel, FromBackend } from '../../src-main/hosts/electron/backend/backendMessages.js';
import { createAppProtocolHandler } from '../../src-main/hosts/electron/appProtocol.js';
import { createMediaHandler } from '../../src-main/media/mediaHandler.js';
import { storeMediaLookup } from '../../src-main/usecases/mediaLookup.js';
import { openStore } from '../../src-main/store/openStore.js';
import { realMediaDir, repoRoot, tempDir } from '../helpers/paths.js';

const backendJs = path.join(repoRoot, 'dist', 'src-main', 'hosts', 'electron', 'backend', 'backendProcess.js');
const original = path.join(realMediaDir, 'cap13_edit2.mp4');
const clients: BackendClient[] = [];
const pids: number[] = [];

function nodeBackend(env: Record<string, string>): () => BackendChannel {
  if (!fs.existsSync(backendJs)) throw new Error(`${backendJs} is missing: run \`npm run build\` first.`);
  return () => {
    const child = fork(backendJs, [], {
      env: { ...process.env, ...env },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (child.pid) pids.push(child.pid);
    return {
      post: (message) => child.send(message),
      onMessage: (listener) => child.on('message', (message) => listener(message as FromBackend)),
      onExit: (listener) => child.on('exit', (code, signal) => listener(code ?? (signal ? 128 : 1))),
      kill: () => child.kill(),
    };
  };
}

afterAll(() => {
  for (const client of clients) client.stop();
});

describe('the backend process', () => {
  const dir = tempDir('mm-backend-');
  const dbPath = path.join(dir, 'case.sqlite');
  const events: [string, unknown][] = [];
  const client = createBackendClient(nodeBackend({ MICROMOMENT_DB: dbPath, MICROMOMENT_ANALYST: 'Backend Test' }), (event, payload) =>
    events.push([event, payload]),
  );
  clients.push(client);

  it('runs the handlers in a process of its own, reporting the tools and models it uses', async () => {
    await client.ready();
    expect(pids.at(-1)).not.toBe(process.pid);
    const info = await client.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, result: { analyst: 'Backend Test', dbPath } });
    const result = (info as { result: { ffmpeg: unknown; models: { manifestSha256: string; models: { name: string }[] } } }).result;
    expect(result.ffmpeg).not.toBeNull();
    expect(result.models.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.models.models.map((m) => m.name).sort()).toEqual(['blazeface', 'emotion', 'facemesh']);
  });

  it('imports a real recording, sending progress events back, and validates like the dispatcher', async () => {
    const imported = await client.dispatch('library.import', { paths: [original] });
    expect(imported).toMatchObject({ ok: true, result: [{ status: 'imported', frames: 765 }] });
    expect(events.some(([event]) => event === 'import.progress')).toBe(true);
    expect(await client.dispatch('library.list', {})).toMatchObject({ ok: true, result: [{ id: 1 }] });
    expect(await client.dispatch('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await client.dispatch('library.get', { id: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('lets the main process serve the imported recording, by id with byte ranges, from a read-only connection', async () => {
    const db = openStore(dbPath, { readonly: true });
    try {
      const rendererDir = tempDir('mm-renderer-');
      fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
      const handle = createAppProtocolHandler({ rendererDir, media: createMediaHandler(storeMediaLookup(db)) });
      const response = await handle(new Request('micromoment://app/media/original/1', { headers: { range: 'bytes=1000-1999' } }));
      expect(response.status).toBe(206);
      expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(original).subarray(1000, 2000))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('is started afresh after it dies, and the case is intact', async () => {
    process.kill(pids.at(-1)!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    expect(await client.dispatch('library.list', {})).toMatchObject({
      ok: true,
      result: [{ id: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
    });
    expect(pids.length).toBe(2);
  });

  it('says why it cannot start when the case database cannot be opened', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const broken = createBackendClient(nodeBackend({ MICROMOMENT_DB: path.join(blocker, 'case.sqlite') }), () => {});
    clients.push(broken);
    const outcome = await broken.dispatch('library.list', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed' } });
    // The store's own reason (here: a file where the database's folder should be), naming the path.
    const message = (outcome as { error: { message: string } }).error.message;
    expect(message).toMatch(/^Cannot open the case database .*case\.sqlite: /);
    expect(message).toContain('MICROMOMENT_DB');
  });
});
