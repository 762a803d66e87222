// The backend process of the desktop app: started by the main process as an
// Electron utility process (a Node process without a window), it owns the case
// store and runs every API handler, so heavy work never blocks the main process.
// Batch scans belong here too: they are API methods like any other, and may in
// turn use worker threads or child processes of their own.
import { createContext, type AppContext } from '../../../app/context.js';
import { createDispatcher } from '../../../api/dispatcher.js';
import { handlers } from '../../../api/handlers.js';
import { resolveAnalyst, resolveDbPath } from '../../../config/paths.js';
import { startBackgroundProxies } from '../../../proxy/proxyQueue.js';
import { parentChannel, serveBackend } from './backendServer.js';

const parent = parentChannel();

function open(): AppContext | undefined {
  const dbPath = resolveDbPath(undefined);
  try {
    return createContext({
      dbPath,
      analyst: resolveAnalyst(undefined),
      emit: (event, payload) => parent.post({ type: 'event', event, payload }),
    });
  } catch (error) {
    const reason = (error as Error).message;
    const message = reason.startsWith('Cannot open the case database') ? reason : `Cannot open the case database ${dbPath}: ${reason}`;
    parent.post({ type: 'fatal', message: `${message} (set MICROMOMENT_DB or MICROMOMENT_DATA_DIR to a folder you can write to)` });
    // Give the message time to leave before exiting.
    setTimeout(() => process.exit(1), 200);
    return undefined;
  }
}

const ctx = open();
if (ctx) {
  serveBackend(parent, createDispatcher(ctx, handlers));
  parent.post({ type: 'ready' });
  // Review proxies the case still needs are made in the background, one at a time (as in `serve`).
  const proxies = startBackgroundProxies(ctx);
  const shutdown = () => {
    void proxies.close().finally(() => {
      ctx.close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('disconnect', shutdown);
}
