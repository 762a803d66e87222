import type { Page } from 'playwright-core';
import { TOKEN_HEADER, TOKEN_META_NAME } from '../../src-shared/api/loopbackAuth.js';

/**
 * An API call made by the page served by `micromoment serve`, as the window's own
 * client makes it (src-renderer/api/client.ts): JSON, with the token the host
 * wrote into the page in a header. Throws the host's message on a refusal.
 */
export function callFromWindow<T>(page: Page, method: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, args, header, meta }) => {
      const token = document.querySelector(`meta[name="${meta}"]`)?.getAttribute('content') ?? '';
      const res = await fetch(`./api/call/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: token },
        body: JSON.stringify(args),
      });
      const body = (await res.json()) as { result?: unknown; error?: { message: string } };
      if (!res.ok || body.error) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
      return body.result;
    },
    { method, args, header: TOKEN_HEADER, meta: TOKEN_META_NAME },
  ) as Promise<T>;
}
