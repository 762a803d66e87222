import { insertAnalysis } from '../../../src-main/store/analysesRepo.js';
import { insertFrameTable, insertRecording } from '../../../src-main/store/recordingsRepo.js';
import { insertSpottingRun } from '../../../src-main/store/spottingRepo.js';
import type { AppContext } from '../../../src-main/app/context.js';

/** A recording of `frames` frames at 25 fps and a spotting run with the given candidates, written straight to a real store. */
export function seedRecordingWithCandidates(
  ctx: AppContext,
  frames: number,
  candidates: { onsetFrame: number; apexFrame: number; offsetFrame: number; emotion: string }[],
  sha256 = 'a'.repeat(64),
) {
  const probe = {
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    videoCodec: 'h264',
    codedWidth: 320,
    codedHeight: 240,
    width: 320,
    height: 240,
    rotation: 0,
    sampleAspect: '1:1',
    displayAspect: '4:3',
    timeBase: '1/12800',
    nominalFrameRate: '25/1',
    averageFrameRate: '25/1',
    durationS: frames / 25,
    startTimeS: 0,
    pixelFormat: 'yuv420p',
    fieldOrder: 'progressive',
    interlaced: false,
    audioStreams: [],
  };
  const recordingId = insertRecording(ctx.db, {
    sha256,
    sizeBytes: 1000,
    path: '/evidence/interview.mp4',
    frames,
    fps: 25,
    durationS: frames / 25,
    vfr: false,
    probe,
    importedAt: new Date().toISOString(),
    importedBy: 'seed',
  });
  insertFrameTable(ctx.db, recordingId, {
    timeBase: { num: 1, den: 12800 },
    ptsTicks: Array.from({ length: frames }, (_, i) => i * 512),
    keyFrames: [0],
  });
  const analysisId = insertAnalysis(ctx.db, { recordingId, fingerprint: 'seed', provenance: {}, frameCount: frames, startedBy: 'seed' });
  const spottingRunId = insertSpottingRun(ctx.db, {
    recordingId,
    analysisId,
    params: {},
    createdBy: 'seed',
    candidates: candidates.map((c) => ({
      ...c,
      onsetS: c.onsetFrame / 25,
      apexS: c.apexFrame / 25,
      offsetS: c.offsetFrame / 25,
      durationS: (c.offsetFrame - c.onsetFrame + 1) / 25,
      kind: 'micro',
      score: 7,
      aus: [],
    })),
  });
  return { recordingId, spottingRunId };
}
