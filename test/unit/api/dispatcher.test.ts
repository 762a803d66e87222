import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/api/dispatcher.js';
import { handlers, type Handlers } from '../../../src-main/api/handlers.js';
import { methods } from '../../../src-shared/api/contract.js';
import { ApiError } from '../../../src-shared/api/apiError.js';
import type { AppContext } from '../../../src-main/app/context.js';

// A handler table that records calls: the code around the handlers is under test here.
function recordingHandlers(calls: unknown[]): Handlers {
  return Object.fromEntries(
    Object.keys(methods).map((name) => [
      name,
      (_ctx: unknown, args: unknown) => {
        calls.push({ name, args });
        if (name === 'library.get') throw new ApiError('not-found', 'No recording with id 7 in this case.');
        return [];
      },
    ]),
  ) as unknown as Handlers;
}

describe('dispatcher', () => {
  const ctx = {} as AppContext;

  it('has a handler for every contract method and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(methods).sort());
  });

  it('validates arguments before a handler runs', async () => {
    const calls: unknown[] = [];
    const dispatch = createDispatcher(ctx, recordingHandlers(calls));
    const outcome = await dispatch('library.import', { paths: [] });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const wrongType = await dispatch('library.get', { id: '1; DROP TABLE recordings' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(calls).toEqual([]);
  });

  it('refuses unknown methods, including inherited property names', async () => {
    const dispatch = createDispatcher(ctx, recordingHandlers([]));
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('applies defaults and passes parsed arguments', async () => {
    const calls: { name: string; args: unknown }[] = [];
    const dispatch = createDispatcher(ctx, recordingHandlers(calls));
    expect(await dispatch('audit.list', {})).toEqual({ ok: true, result: [] });
    expect(calls[0]).toEqual({ name: 'audit.list', args: { afterSeq: 0, limit: 500 } });
  });

  it('turns ApiErrors into error bodies', async () => {
    const dispatch = createDispatcher(ctx, recordingHandlers([]));
    expect(await dispatch('library.get', { id: 7 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No recording with id 7 in this case.' },
    });
  });
});
