import { STORED_COLUMNS, STORED_INDEX } from '../../src-shared/analysis/frameColumns.js';
import { EXPRESSION_CLASSES } from '../../src-shared/analysis/emotions.js';
import { ACTION_UNITS } from '../../src-shared/analysis/actionUnits.js';
import { LANDMARK_SUBSET } from '../../src-shared/analysis/landmarkSubset.js';
import { CHUNK_FRAMES, finishAnalysis, insertAnalysis, insertChunk } from '../../src-main/store/analysesRepo.js';
import { insertFrameTable, insertRecording } from '../../src-main/store/recordingsRepo.js';
import type { Db } from '../../src-main/store/openStore.js';

/**
 * A long recording's per-frame data for the timeline benchmark, written
 * straight into a case: a recording row, its frame table and a complete
 * analysis with random-walk scores and action units (the timeline's cost does
 * not depend on what the values mean, only on how many there are). The
 * recording's file does not exist: the player says so; the timeline is what
 * is measured.
 */
export function seedLongRecording(db: Db, frames: number, fps: number): number {
  const probe = {
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    videoCodec: 'h264',
    codedWidth: 1280,
    codedHeight: 720,
    width: 1280,
    height: 720,
    rotation: 0,
    sampleAspect: '1:1',
    displayAspect: '16:9',
    timeBase: `1/${fps * 512}`,
    nominalFrameRate: `${fps}/1`,
    averageFrameRate: `${fps}/1`,
    durationS: frames / fps,
    startTimeS: 0,
    pixelFormat: 'yuv420p',
    fieldOrder: 'progressive',
    interlaced: false,
    audioStreams: [],
  };
  return db.transaction(() => {
    const id = insertRecording(db, {
      sha256: 'b'.repeat(64),
      sizeBytes: 1,
      path: '/nonexistent/three-hour-interview.mp4',
      frames,
      fps,
      durationS: frames / fps,
      vfr: false,
      probe,
      importedAt: new Date().toISOString(),
      importedBy: 'bench',
    });
    insertFrameTable(db, id, {
      timeBase: { num: 1, den: fps * 512 },
      ptsTicks: Array.from({ length: frames }, (_, i) => i * 512),
      keyFrames: [0],
    });
    const analysisId = insertAnalysis(db, {
      recordingId: id,
      fingerprint: 'bench',
      provenance: { bench: true },
      frameCount: frames,
      startedBy: 'bench',
    });
    const width = STORED_COLUMNS.length;
    const walk = new Float64Array(EXPRESSION_CLASSES.length + ACTION_UNITS.length);
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const landmarks = new Int16Array(CHUNK_FRAMES * LANDMARK_SUBSET.length * 2).fill(-32768);
    for (let chunk = 0, first = 0; first < frames; chunk++, first += CHUNK_FRAMES) {
      const count = Math.min(CHUNK_FRAMES, frames - first);
      const values = new Float32Array(count * width).fill(NaN);
      for (let f = 0; f < count; f++) {
        const row = f * width;
        values[row + STORED_INDEX.face] = 1;
        values[row + STORED_INDEX.face_x] = 560 + random() * 4;
        values[row + STORED_INDEX.face_y] = 200 + random() * 4;
        values[row + STORED_INDEX.face_w] = 180;
        values[row + STORED_INDEX.face_h] = 200;
        let sum = 0;
        for (let c = 0; c < walk.length; c++) walk[c] = Math.max(0, Math.min(1, (walk[c] as number) * 0.98 + (random() - 0.5) * 0.05));
        for (let c = 0; c < EXPRESSION_CLASSES.length; c++) sum += (walk[c] as number) + 0.01;
        EXPRESSION_CLASSES.forEach((name, c) => {
          values[row + STORED_INDEX[name]] = ((walk[c] as number) + 0.01) / sum;
        });
        ACTION_UNITS.forEach((name, c) => {
          values[row + STORED_INDEX[name]] = ((walk[EXPRESSION_CLASSES.length + c] as number) - 0.5) * 0.2;
        });
      }
      insertChunk(db, analysisId, chunk, first, count, values, landmarks.subarray(0, count * LANDMARK_SUBSET.length * 2));
    }
    finishAnalysis(db, analysisId, 'complete', { bench: true }, null);
    return id;
  })();
}
