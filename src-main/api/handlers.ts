import type { MethodName, MethodParsedArgs, MethodResult } from '../../src-shared/api/contract.js';
import { ApiError } from '../../src-shared/api/apiError.js';
import type { AppContext } from '../app/context.js';
import { appVersion } from '../config/paths.js';
import { locateTool } from '../media/ffmpegLocator.js';
import { importRecordings } from '../library/importRecording.js';
import { listAudit } from '../store/auditLog.js';
import { getFrameTable, getRecording, listRecordings } from '../store/recordingsRepo.js';

export type Handlers = { [M in MethodName]: (ctx: AppContext, args: MethodParsedArgs<M>) => Promise<MethodResult<M>> | MethodResult<M> };

/** The implementation of every contract method. The hosts only route to these. */
export const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: appVersion(),
    dbPath: ctx.dbPath,
    analyst: ctx.analyst,
    ffmpeg: safeLocate('ffmpeg'),
    ffprobe: safeLocate('ffprobe'),
  }),
  'library.list': (ctx) => listRecordings(ctx.db),
  'library.get': (ctx, { id }) => getRecording(ctx.db, id) ?? notFound(id),
  'library.import': (ctx, { paths }) => importRecordings(ctx, paths),
  'library.frameTable': (ctx, { id }) => getFrameTable(ctx.db, id) ?? notFound(id),
  'audit.list': (ctx, { afterSeq, limit }) => listAudit(ctx.db, afterSeq, limit),
};

function notFound(id: number): never {
  throw new ApiError('not-found', `No recording with id ${id} in this case.`);
}

function safeLocate(name: 'ffmpeg' | 'ffprobe') {
  try {
    return locateTool(name);
  } catch {
    return null;
  }
}
