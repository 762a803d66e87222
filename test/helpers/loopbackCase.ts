import fs from 'node:fs';
import path from 'node:path';
import { createDispatcher, type Dispatch } from '../../src-main/api/dispatcher.js';
import { handlers } from '../../src-main/api/handlers.js';
import { importRecording } from '../../src-main/usecases/importRecording.js';
import { storeMediaLookup } from '../../src-main/usecases/mediaLookup.js';
import { createMediaHandler } from '../../src-main/media/mediaHandler.js';
import { startLoopbackHost, type LoopbackHost } from '../../src-main/hosts/http/loopbackHost.js';
import type { AppContext } from '../../src-main/app/context.js';
import { tempCase } from './caseStore.js';
import { realMediaDir, tempDir } from './paths.js';

export interface LoopbackCase {
  host: LoopbackHost;
  ctx: AppContext;
  /** The dispatcher the host routes to, for reading the case directly (never through the host under test). */
  dispatch: Dispatch;
  /** A recording of the case, imported from the real fixture. */
  recordingId: number;
  close(): Promise<void>;
}

/** The loopback host in this process over a case with one recording, and a page to serve with a <head>. */
export async function startLoopbackCase(): Promise<LoopbackCase> {
  const ctx = tempCase();
  const imported = await importRecording(ctx, path.join(realMediaDir, 'cap13_edit2.mp4'));
  if (imported.status !== 'imported') throw new Error(`the fixture was not imported: ${imported.status}`);
  const staticDir = tempDir('mm-static-');
  fs.writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><html><head><title>Micromoment</title></head><body><div id="root"></div></body></html>',
  );
  const dispatch = createDispatcher(ctx, handlers);
  const host = await startLoopbackHost({ dispatch, media: createMediaHandler(storeMediaLookup(ctx.db)), staticDir });
  return {
    host,
    ctx,
    dispatch,
    recordingId: imported.id!,
    async close() {
      await host.close();
      ctx.close();
    },
  };
}
