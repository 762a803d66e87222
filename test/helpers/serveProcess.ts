import { spawn, type ChildProcess } from 'node:child_process';
import { cliBin } from './paths.js';

export interface ServeProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `micromoment serve` as a user would and waits for the URL it prints. */
export function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, 'serve', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve printed no URL in 20 s: ${out}${err}`));
    }, 20_000);
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      err += t;
    });
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      out += t;
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        const url = match[1];
        resolve({
          url,
          origin: new URL(url).origin,
          child,
          stop: () =>
            new Promise((done) => {
              child.once('close', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}): ${err}`));
    });
  });
}
