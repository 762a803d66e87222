import path from 'node:path';
import type { Command } from 'commander';
import { createDispatcher } from '../../api/dispatcher.js';
import { handlers } from '../../api/handlers.js';
import { createMediaHandler } from '../../media/mediaHandler.js';
import { storeMediaLookup } from '../../usecases/mediaLookup.js';
import { startBackgroundProxies } from '../../proxy/proxyQueue.js';
import { startLoopbackHost, type LoopbackHost } from '../../hosts/http/loopbackHost.js';
import { packageRoot } from '../../config/paths.js';
import { contextFrom, withCaseOptions, type CommonOptions } from '../commonOptions.js';
import { printable } from '../printable.js';

export function registerServe(program: Command): void {
  withCaseOptions(program.command('serve'))
    .description('run the review app on 127.0.0.1 and print its URL (with its access token)')
    .option('--port <n>', 'port to listen on (default: a free one)', (v) => parsePort(v))
    .action(async (options: CommonOptions & { port?: number }) => {
      // Events raised before the host is listening have nobody to go to.
      const hostRef: { current?: LoopbackHost } = {};
      const ctx = contextFrom(options, (event, payload) => hostRef.current?.emit(event, payload));
      const host = await startLoopbackHost({
        dispatch: createDispatcher(ctx, handlers),
        media: createMediaHandler(storeMediaLookup(ctx.db)),
        staticDir: path.join(packageRoot(), 'dist', 'renderer'),
        ...(options.port !== undefined ? { port: options.port } : {}),
      });
      hostRef.current = host;
      // Review proxies the case still needs are made in the background, one at a time.
      const proxies = startBackgroundProxies(ctx);
      process.stdout.write(`Micromoment is serving case ${printable(ctx.dbPath)}\nOpen: ${host.url}\n`);
      const stop = async () => {
        await proxies.close();
        await host.close();
        ctx.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${value}"`);
  return n;
}
