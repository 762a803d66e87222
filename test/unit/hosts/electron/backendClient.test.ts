import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBackendClient } from '../../../../src-main/hosts/electron/backend/backendClient.js';
import type { BackendChannel, FromBackend, ToBackend } from '../../../../src-main/hosts/electron/backend/backendMessages.js';

/** A backend played by the test: it sees each message and answers when told. */
function scriptedBackend() {
  const started: {
    channel: BackendChannel;
    received: ToBackend[];
    say(m: FromBackend): void;
    exit(code: number): void;
    killed: boolean;
  }[] = [];
  const start = (): BackendChannel => {
    const emitter = new EventEmitter();
    const entry = {
      received: [] as ToBackend[],
      killed: false,
      say: (m: FromBackend) => emitter.emit('message', m),
      exit: (code: number) => emitter.emit('exit', code),
      channel: {
        post: (m: ToBackend) => entry.received.push(m),
        onMessage: (l: (m: FromBackend) => void) => emitter.on('message', l),
        onExit: (l: (code: number) => void) => emitter.on('exit', l),
        kill: () => {
          entry.killed = true;
          emitter.emit('exit', 0);
        },
      },
    };
    started.push(entry);
    return entry.channel;
  };
  return { start, started };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the backend client', () => {
  it('starts the backend lazily, waits until it is ready, and matches answers to calls by id', async () => {
    const backend = scriptedBackend();
    const client = createBackendClient(backend.start, () => {});
    expect(backend.started).toHaveLength(0);
    const first = client.dispatch('library.list', {});
    const second = client.dispatch('library.get', { id: 2 });
    await tick();
    expect(backend.started).toHaveLength(1);
    expect(backend.started[0]!.received).toEqual([]); // nothing is sent before 'ready'
    backend.started[0]!.say({ type: 'ready' });
    await tick();
    const [a, b] = backend.started[0]!.received as { id: number }[];
    expect(backend.started[0]!.received).toMatchObject([
      { type: 'call', method: 'library.list', args: {} },
      { type: 'call', method: 'library.get', args: { id: 2 } },
    ]);
    backend.started[0]!.say({ type: 'result', id: b!.id, outcome: { ok: true, result: 'two' } });
    backend.started[0]!.say({ type: 'result', id: a!.id, outcome: { ok: true, result: 'one' } });
    expect(await first).toEqual({ ok: true, result: 'one' });
    expect(await second).toEqual({ ok: true, result: 'two' });
  });

  it('passes events on', async () => {
    const backend = scriptedBackend();
    const events: unknown[] = [];
    const client = createBackendClient(backend.start, (event, payload) => events.push([event, payload]));
    const ready = client.ready();
    backend.started[0]!.say({ type: 'ready' });
    await ready;
    backend.started[0]!.say({ type: 'event', event: 'import.progress', payload: { done: 1 } });
    expect(events).toEqual([['import.progress', { done: 1 }]]);
  });

  it('fails the calls in flight when the backend dies, and starts a new one for the next call', async () => {
    const backend = scriptedBackend();
    const client = createBackendClient(backend.start, () => {});
    const ready = client.ready();
    backend.started[0]!.say({ type: 'ready' });
    await ready;
    const inFlight = client.dispatch('analysis.run', { id: 1 });
    await tick();
    backend.started[0]!.exit(134);
    expect(await inFlight).toEqual({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('stopped unexpectedly (exit code 134)') },
    });
    const next = client.dispatch('library.list', {});
    await tick();
    expect(backend.started).toHaveLength(2);
    backend.started[1]!.say({ type: 'ready' });
    await tick();
    backend.started[1]!.say({
      type: 'result',
      id: (backend.started[1]!.received[0] as { id: number }).id,
      outcome: { ok: true, result: [] },
    });
    expect(await next).toEqual({ ok: true, result: [] });
  });

  it('reports why the backend could not start', async () => {
    const backend = scriptedBackend();
    const client = createBackendClient(backend.start, () => {});
    const call = client.dispatch('library.list', {});
    const ready = client.ready();
    await tick();
    backend.started[0]!.say({ type: 'fatal', message: 'Cannot open the case database /x/case.sqlite: permission denied' });
    backend.started[0]!.exit(1);
    expect(await call).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Cannot open the case database /x/case.sqlite: permission denied' },
    });
    await expect(ready).rejects.toThrow('permission denied');
  });

  it('stops the backend on request', async () => {
    const backend = scriptedBackend();
    const client = createBackendClient(backend.start, () => {});
    const ready = client.ready();
    backend.started[0]!.say({ type: 'ready' });
    await ready;
    client.stop();
    expect(backend.started[0]!.killed).toBe(true);
  });
});
