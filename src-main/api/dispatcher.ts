import { isMethodName, methods, type ApiErrorBody } from '../../src-shared/api/contract.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import type { AppContext } from '../app/context.js';
import type { Handlers } from './handlers.js';

export type DispatchOutcome = { ok: true; result: unknown } | { ok: false; error: ApiErrorBody };

/**
 * The one generic entry point both hosts call: looks the method up in the
 * contract, validates the arguments against its schema, runs the handler, and
 * turns any failure into an error body. Unexpected errors keep their message but
 * never a stack trace: the window is not trusted with internals.
 */
export function createDispatcher(ctx: AppContext, impl: Handlers) {
  return async function dispatch(method: string, rawArgs: unknown): Promise<DispatchOutcome> {
    if (!isMethodName(method)) return { ok: false, error: { code: 'unknown-method', message: `Unknown API method "${method}".` } };
    const parsed = methods[method].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
      return { ok: false, error: { code: 'invalid-arguments', message: `Invalid arguments for ${method}: ${issues}` } };
    }
    try {
      const handler = impl[method] as (c: AppContext, a: unknown) => unknown;
      const result = await handler(ctx, parsed.data);
      return { ok: true, result };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: err.toBody() };
      return { ok: false, error: { code: 'failed', message: err instanceof Error ? err.message : String(err) } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
