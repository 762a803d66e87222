import type { Annotation } from '../../../src-shared/domain/annotation.js';
import type { AuditEntry } from '../../../src-shared/domain/audit.js';
import type { Recording } from '../../../src-shared/domain/recording.js';
import type { FrameTable } from '../../../src-shared/time/frameTable.js';
import type { ReportInputs } from '../../../src-main/report/model/buildReportModel.js';
import { CURVE_EMOTIONS } from '../../../src-main/report/model/reportModel.js';
import { EMPTY_CASE_DETAILS } from '../../../src-shared/domain/caseDetails.js';

/**
 * A variable-frame-rate table in 1/1000: 40 ms gaps, then 20 ms gaps from frame 50,
 * so any time computed from a nominal frame rate would be wrong after frame 50.
 */
export function vfrTable(frames = 100): FrameTable {
  const ticks: number[] = [];
  let t = 1000; // the first frame is at PTS 1.000 s: elapsed time starts there
  for (let f = 0; f < frames; f++) {
    ticks.push(t);
    t += f < 50 ? 40 : 20;
  }
  return { timeBase: { num: 1, den: 1000 }, ptsTicks: ticks };
}

export function recording(frames: number, overrides: Partial<Recording> = {}): Recording {
  return {
    id: 7,
    sha256: 'ab'.repeat(32),
    sizeBytes: 123_456,
    path: '/evidence/interview <1>.mp4',
    name: 'interview <1>.mp4',
    locations: ['/evidence/interview <1>.mp4'],
    frames,
    fps: 25,
    durationS: 3,
    vfr: true,
    importedAt: '2026-01-02T03:04:05.000Z',
    importedBy: 'I. Mporter',
    probe: {
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      videoCodec: 'h264',
      codedWidth: 640,
      codedHeight: 480,
      width: 640,
      height: 480,
      rotation: 0,
      sampleAspect: '1:1',
      displayAspect: '4:3',
      timeBase: '1/1000',
      nominalFrameRate: '25/1',
      averageFrameRate: '25/1',
      durationS: 3,
      startTimeS: 1,
      pixelFormat: 'yuv420p',
      fieldOrder: 'progressive',
      interlaced: false,
      audioStreams: [],
    },
    ...overrides,
  };
}

export function annotation(id: number, fields: Partial<Annotation>): Annotation {
  return {
    id,
    recordingId: 7,
    spottingRunId: null,
    candidateIndex: null,
    verdict: 'accepted',
    emotion: 'fear',
    onsetFrame: 10,
    apexFrame: 12,
    offsetFrame: 14,
    note: '',
    createdAt: '2026-01-02T04:00:00.000Z',
    createdBy: 'A. Analyst',
    updatedAt: '2026-01-02T04:00:00.000Z',
    updatedBy: 'A. Analyst',
    ...fields,
  };
}

export function entry(seq: number, actor: string, action: string, target: string): AuditEntry {
  return {
    seq,
    at: `2026-01-02T0${seq % 10}:00:00.000Z`,
    actor,
    action,
    target,
    before: null,
    after: null,
    prevHash: '0'.repeat(64),
    hash: String(seq).padStart(64, '0'),
  };
}

/** Emotion probabilities of `frames` frames: `fill` everywhere, NaN (no face) where `noFace` says. */
export function emotions(
  frames: number,
  fill: (frame: number, emotion: string) => number,
  noFace: (frame: number) => boolean = () => false,
) {
  const values = new Float32Array(frames * CURVE_EMOTIONS.length);
  for (let f = 0; f < frames; f++) {
    CURVE_EMOTIONS.forEach((e, c) => {
      values[f * CURVE_EMOTIONS.length + c] = noFace(f) ? NaN : fill(f, e);
    });
  }
  return { frames, values };
}

export function inputs(overrides: Partial<ReportInputs> = {}): ReportInputs {
  const table = overrides.table ?? vfrTable();
  const frames = table.ptsTicks.length;
  return {
    generatedAt: '2026-02-03T10:00:00.000Z',
    generatedBy: 'R. Eporter',
    toolVersion: '9.9.9',
    caseDatabase: '/cases/case.sqlite',
    recording: recording(frames),
    table,
    verification: {
      at: '2026-02-03T09:59:59.000Z',
      locations: [{ path: '/evidence/interview <1>.mp4', state: 'identical', sha256: 'ab'.repeat(32) }],
      mismatchAllowed: false,
    },
    analysis: null,
    newestAnalysisStatus: null,
    spotting: null,
    annotations: [],
    audit: {
      entries: [entry(1, 'I. Mporter', 'recording.imported', 'recording:7')],
      chain: { rows: 1, problems: [] },
      stateProblems: [],
      head: { seq: 1, hash: 'f'.repeat(64) },
    },
    emotions: null,
    caseDetails: { ...EMPTY_CASE_DETAILS },
    timeZone: 'UTC',
    redactNotes: false,
    ...overrides,
  };
}
