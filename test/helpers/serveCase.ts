import path from 'node:path';
import { TOKEN_HEADER } from '../../src-shared/api/loopbackAuth.js';
import { startServe, type ServeProcess } from './serveProcess.js';
import { tempDir } from './paths.js';

export interface ServedCase {
  server: ServeProcess;
  token: string;
  /** An API call as a program makes it (the token in its header, JSON), to set up and to check. */
  call<T>(method: string, args: unknown): Promise<T>;
}

/** `micromoment serve` on a new case in a temporary folder (its data folder there too). */
export async function serveNewCase(prefix: string): Promise<ServedCase> {
  const work = tempDir(prefix);
  const server = await startServe(['--db', path.join(work, 'case.sqlite')], {
    MICROMOMENT_DATA_DIR: path.join(work, 'data'),
    MICROMOMENT_ANALYST: 'E2E Analyst',
  });
  const token = new URL(server.url).searchParams.get('token')!;
  return {
    server,
    token,
    async call<T>(method: string, args: unknown): Promise<T> {
      const res = await fetch(`${server.origin}/api/call/${method}`, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      const body = (await res.json()) as { result?: T; error?: { message: string } };
      if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
      return body.result as T;
    },
  };
}
