import { z } from 'zod';
import { ImportResultSchema, RecordingSchema } from '../domain/recording.js';
import { AuditEntrySchema } from '../domain/audit.js';
import { BatchFileSchema, BatchProgressSchema, BatchStatusSchema, MAX_BATCH_WORKERS } from '../domain/batch.js';
import { PlaybackSchema, ProxyInfoSchema, ProxyStatusSchema } from '../domain/proxy.js';
import { AnnotationChangeSchema, AnnotationStateSchema } from '../domain/annotation.js';
import { CaseDetailsChangeSchema, CaseDetailsSchema } from '../domain/caseDetails.js';
import { CodingPassSchema } from '../domain/codingPass.js';
import { AgreementSchema, EventRefSchema } from '../domain/agreement.js';
import { REVIEW_COLUMNS } from '../review/reviewColumns.js';
import { REPORT_FORMATS } from '../report/formats.js';

/**
 * The one API between the window and the main side. Both hosts (Electron IPC and
 * the loopback HTTP host) are generic adapters over this object: adding a method
 * here and a handler in src-main is all it takes to expose it through both.
 * Arguments are validated against `args` by the hosts before a handler runs.
 */
const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

const RecordingId = z.object({ id: z.number().int().positive() });

export const ToolInfoSchema = z.object({
  path: z.string(),
  /** Where the binary was found: 'setting' (env var or option), 'bundled' (npm package) or 'path'. */
  source: z.enum(['setting', 'bundled', 'path']),
  version: z.string(),
});

/** Which models analyses run with: the manifest's own SHA-256, and each model's source and ONNX hash. */
export const ModelsInfoSchema = z.object({
  manifestSha256: z.string(),
  models: z.array(z.object({ name: z.string(), source: z.string(), onnxSha256: z.string() })),
});

export const AppInfoSchema = z.object({
  version: z.string(),
  dbPath: z.string(),
  analyst: z.string(),
  ffmpeg: ToolInfoSchema.nullable(),
  ffprobe: ToolInfoSchema.nullable(),
  /** Null when the manifest cannot be read (the message says why). */
  models: ModelsInfoSchema.nullable(),
  modelsError: z.string().optional(),
});

/**
 * A command from the desktop shell (its menus, a drop of files or folders, a file
 * passed to a second launch) for the window to carry out. Only the Electron host
 * sends it; each command is what the analyst asked for, not yet done.
 */
export const MenuCommandSchema = z.discriminatedUnion('command', [
  /** Import these recordings (File > Open recording…, files dropped on the window). */
  z.object({ command: z.literal('open-recordings'), paths: z.array(z.string().min(1)).min(1) }),
  /** Scan this folder (File > Import folder…, a folder dropped on the window). */
  z.object({ command: z.literal('import-folder'), folder: z.string().min(1) }),
  /** File > Export report…: the window asks what to export and where. */
  z.object({ command: z.literal('export-report') }),
  /** View > Speed: play at this fraction of real time (1, 1/2, 1/4, 1/6, …). */
  z.object({ command: z.literal('set-speed'), speed: z.number().positive().max(4) }),
  /** Help > Keyboard shortcuts: show the shortcut sheet. */
  z.object({ command: z.literal('show-shortcuts') }),
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const FrameTableDtoSchema = z.object({
  timeBase: z.object({ num: z.number().int(), den: z.number().int() }),
  ptsTicks: z.array(z.number()),
  keyFrames: z.array(z.number().int()),
});

export const AnalysisInfoSchema = z.object({
  id: z.number().int(),
  recordingId: z.number().int(),
  status: z.enum(['running', 'complete', 'failed']),
  fingerprint: z.string(),
  provenance: z.record(z.string(), z.unknown()),
  frameCount: z.number().int(),
  framesDone: z.number().int(),
  summary: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  startedBy: z.string(),
});

export const FrameValuesSchema = z.object({
  analysisId: z.number().int(),
  /** Column names, as in src-shared/analysis/frameColumns STORED_COLUMNS. */
  columns: z.array(z.string()),
  from: z.number().int(),
  count: z.number().int(),
  /** Frame-major values (count x columns); null where there is no value. */
  values: z.array(z.number().nullable()),
});

export const SpotCandidateSchema = z.object({
  onsetFrame: z.number().int(),
  apexFrame: z.number().int(),
  offsetFrame: z.number().int(),
  onsetS: z.number(),
  apexS: z.number(),
  offsetS: z.number(),
  durationS: z.number(),
  /** onset-of-macro: a brief rise that goes on into an expression held for longer. */
  kind: z.enum(['micro', 'macro', 'onset-of-macro']),
  emotion: z.string(),
  score: z.number(),
  aus: z.array(z.string()),
  /** What made it (spotter 3 and later; runs of older spotters have none). */
  evidence: z
    .object({
      regions: z.record(z.string(), z.number()),
      moved: z.array(z.string()),
      classRise: z.record(z.string(), z.number()),
      auZ: z.record(z.string(), z.number()),
      peak: z.number(),
    })
    .optional(),
  /** What near it makes it doubtful; each lowers the score. */
  flags: z
    .object({
      blinkNear: z.boolean(),
      speechNear: z.boolean(),
      headMoving: z.boolean(),
      yawDeg: z.number(),
      faceSizePx: z.number(),
    })
    .optional(),
});

export const SpotResultSchema = z.object({
  fps: z.number(),
  frames: z.number().int(),
  candidates: z.array(SpotCandidateSchema),
  params: z.record(z.string(), z.unknown()),
  analysisId: z.number().int(),
  spottingRunId: z.number().int(),
  /** Why there is little or nothing to spot (no face, too short), in plain sentences. */
  notes: z.array(z.string()).optional(),
});

/** A recording as the library lists it: what was imported, its review proxy, and what the player should load. */
export const RecordingEntrySchema = RecordingSchema.extend({
  proxy: ProxyInfoSchema,
  playback: PlaybackSchema,
});

/** Who acts: the analyst's name, asked once by the window and recorded with each action. */
const Analyst = z.string().trim().min(1, 'the analyst name is empty: enter your name').max(200);
const PassId = z.number().int().positive().nullable().default(null);
const ReviewColumnList = z
  .array(z.enum(REVIEW_COLUMNS))
  .min(1)
  .default([...REVIEW_COLUMNS]);

/** What the library shows besides the recording itself: how far its analysis and review are. */
export const RecordingStateSchema = z.object({
  id: z.number().int(),
  analysis: z
    .object({ status: z.enum(['running', 'complete', 'failed']), framesDone: z.number().int(), frameCount: z.number().int() })
    .nullable(),
  /** Candidates of the latest spotting run, or null when it was never spotted. */
  candidates: z.number().int().nullable(),
  annotations: z.object({
    total: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    pending: z.number().int(),
    /** The analyst asking codes this recording blind: the counts are not shown (zeros). */
    hidden: z.boolean().optional(),
  }),
});

/**
 * What the player plays for a recording. The one place that decides it: today
 * the original; a review proxy (for codecs the window cannot decode) switches
 * `kind` and `url` here and nowhere else. `url` is relative to the host's media
 * root (ApiClient.mediaUrl resolves it).
 */
export const ReviewMediaSchema = z.object({
  kind: z.enum(['original', 'proxy']),
  url: z.string(),
  codec: z.string(),
  container: z.string(),
  /** False when the window cannot decode it (and there is no proxy yet); `note` says why. */
  playable: z.boolean(),
  note: z.string().nullable(),
});

/** Per-frame values, float32 little-endian, frame-major (count × columns), base64: compact for long ranges. */
export const ReviewSeriesSchema = z.object({
  analysisId: z.number().int(),
  columns: z.array(z.string()),
  from: z.number().int(),
  count: z.number().int(),
  data: z.string(),
});

/** Min/max per bucket (bucket-major: buckets × columns), float32 little-endian base64; NaN where no value. */
export const ReviewEnvelopeSchema = z.object({
  analysisId: z.number().int(),
  columns: z.array(z.string()),
  from: z.number().int(),
  to: z.number().int(),
  buckets: z.number().int(),
  min: z.string(),
  max: z.string(),
});

/**
 * A report of one recording, returned as bytes rather than written by the main
 * side: the window never names a path for the main side to write (as it never
 * names one to read), and the same call works in Electron and in a browser.
 * The window offers the bytes as a download under `fileName` (Electron shows
 * its save dialog); the export is in the audit log with `sha256`.
 */
export const ReportExportSchema = z.object({
  format: z.enum(REPORT_FORMATS),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** The file's bytes, base64. */
  data: z.string(),
  /** How the original compared at report time ('identical' unless allowMismatch was needed). */
  original: z.enum(['identical', 'changed', 'missing', 'unreadable']),
  /** What the report says is missing or unusual (no analysis, no annotations, a mismatch). */
  notices: z.array(z.string()),
});

export const methods = {
  'app.info': method(z.object({}), AppInfoSchema),
  'library.list': method(z.object({}), z.array(RecordingEntrySchema)),
  'library.get': method(RecordingId, RecordingEntrySchema),
  'library.import': method(
    z.object({ paths: z.array(z.string().min(1)).min(1).max(100_000), analyst: Analyst.optional() }),
    z.array(ImportResultSchema),
  ),
  /** Imports every recording file (by extension) in a folder and its subfolders, in path order. */
  'library.importFolder': method(
    z.object({ path: z.string().min(1), analyst: Analyst.optional() }),
    z.object({ results: z.array(ImportResultSchema), skipped: z.number().int() }),
  ),
  /** With the analyst: a recording they code blind shows no counts of decisions (annotations.hidden). */
  'library.states': method(z.object({ analyst: Analyst.optional() }), z.array(RecordingStateSchema)),
  'library.frameTable': method(RecordingId, FrameTableDtoSchema),
  'analysis.run': method(z.object({ id: z.number().int().positive(), force: z.boolean().default(false) }), AnalysisInfoSchema),
  'analysis.latest': method(RecordingId, AnalysisInfoSchema.nullable()),
  'analysis.frames': method(
    z.object({ id: z.number().int().positive(), from: z.number().int().min(0), count: z.number().int().min(1).max(200_000) }),
    FrameValuesSchema,
  ),
  'spot.run': method(RecordingId.extend({ analyst: Analyst.optional() }), SpotResultSchema),
  /**
   * Batch scan of files and folders (recursively): import, analyse and spot each,
   * in worker threads. One batch at a time per case; progress comes as events.
   * `workers` defaults to what the machine can bear (see the README).
   */
  'batch.start': method(
    z.object({ paths: z.array(z.string().min(1)).min(1).max(10_000), workers: z.number().int().min(1).max(MAX_BATCH_WORKERS).optional() }),
    BatchStatusSchema,
  ),
  /** The current (or last) batch since the host started, with every file; null when none was started. */
  'batch.status': method(z.object({}), BatchStatusSchema.nullable()),
  /** No new file starts; running analyses wait before their next frame. */
  'batch.pause': method(z.object({}), BatchStatusSchema),
  'batch.resume': method(z.object({}), BatchStatusSchema),
  /** Stops the batch: running files are abandoned (their analyses closed as failed), queued ones are not started. */
  'batch.cancel': method(z.object({}), BatchStatusSchema),
  /**
   * Queues a review proxy (made in the background, one at a time; progress and
   * state come as events). `force` makes one even where the original plays
   * well, or makes it again. Returns the state once queued.
   */
  'proxy.make': method(z.object({ id: z.number().int().positive(), force: z.boolean().default(false) }), ProxyInfoSchema),
  /** The stored result of the latest spotting run (never runs the spotter), or null. */
  /** With the analyst: while they code blind in a pass that hides the spotter's emotion, candidates come without it. */
  'spot.latest': method(RecordingId.extend({ analyst: Analyst.optional() }), SpotResultSchema.nullable()),
  'review.media': method(RecordingId, ReviewMediaSchema),
  'review.series': method(
    z.object({
      id: z.number().int().positive(),
      from: z.number().int().min(0),
      count: z.number().int().min(1).max(1_000_000),
      columns: ReviewColumnList,
    }),
    ReviewSeriesSchema,
  ),
  /**
   * The face from onset to offset as pictures of the original (every frame up to
   * 16, else 16 spread evenly with onset, apex and offset), each decoded by ffmpeg
   * and checked against the frame table; PNG, base64.
   */
  'review.filmstrip': method(
    z.object({
      id: z.number().int().positive(),
      onset: z.number().int().min(0),
      offset: z.number().int().min(0),
      apex: z.number().int().min(0).nullable(),
    }),
    z.object({
      frames: z.array(z.number().int()),
      cells: z.array(z.string().nullable()),
      region: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }).nullable(),
      scale: z.number(),
      cellWidth: z.number().int(),
      cellHeight: z.number().int(),
      complete: z.boolean(),
      problem: z.string().nullable(),
    }),
  ),
  'review.envelope': method(
    z.object({
      id: z.number().int().positive(),
      from: z.number().int().min(0),
      to: z.number().int().min(1),
      buckets: z.number().int().min(1).max(20_000),
      columns: ReviewColumnList,
    }),
    ReviewEnvelopeSchema,
  ),
  /** passId: a coding pass's set (null or absent: the case's working set). An analyst coding blind sees only their pass. */
  'annotations.list': method(
    z.object({ recordingId: z.number().int().positive(), analyst: Analyst, passId: PassId }),
    AnnotationStateSchema,
  ),
  'annotations.apply': method(
    z.object({ recordingId: z.number().int().positive(), analyst: Analyst, change: AnnotationChangeSchema, passId: PassId }),
    AnnotationStateSchema,
  ),
  'annotations.undo': method(
    z.object({ recordingId: z.number().int().positive(), analyst: Analyst, passId: PassId }),
    AnnotationStateSchema,
  ),
  'annotations.redo': method(
    z.object({ recordingId: z.number().int().positive(), analyst: Analyst, passId: PassId }),
    AnnotationStateSchema,
  ),
  /** The coding passes of a recording. */
  'passes.list': method(z.object({ recordingId: z.number().int().positive() }), z.array(CodingPassSchema)),
  /** Starts the analyst's pass (one open at a time); blind hides the other decisions and notes until it is complete. */
  'passes.start': method(
    z.object({
      recordingId: z.number().int().positive(),
      analyst: Analyst,
      blind: z.boolean().default(true),
      hideSpotterEmotion: z.boolean().default(false),
    }),
    CodingPassSchema,
  ),
  /**
   * How far the working set, the complete passes and (on request) the spotter agree, with every
   * disagreement. Refused to an analyst coding the recording blind.
   */
  'agreement.get': method(
    z.object({
      recordingId: z.number().int().positive(),
      analyst: Analyst,
      spotter: z.boolean().default(false),
      minIoU: z.number().gt(0).max(1).default(0.5),
      boundaryFrames: z.number().int().min(0).max(1000).default(2),
    }),
    AgreementSchema,
  ),
  /**
   * Resolves a disagreement into the findings (the working set): the chosen side's event
   * accepted there, or rejected when the chosen side found nothing. Both originals are kept;
   * audited as annotation.adjudicated, naming both.
   */
  'adjudication.decide': method(
    z.object({
      recordingId: z.number().int().positive(),
      analyst: Analyst,
      a: EventRefSchema.nullable(),
      b: EventRefSchema.nullable(),
      choose: z.enum(['a', 'b']),
    }),
    AnnotationStateSchema,
  ),
  /** Marks the analyst's pass complete: its decisions become final. */
  'passes.complete': method(z.object({ passId: z.number().int().positive(), analyst: Analyst }), CodingPassSchema),
  /** Refused (code 'failed', saying what to do) when the original does not verify, unless allowMismatch. */
  'report.export': method(
    z.object({
      id: z.number().int().positive(),
      format: z.enum(REPORT_FORMATS),
      allowMismatch: z.boolean().default(false),
      /** A version without the analysts' notes (e.g. for disclosure); the report says they were left out. */
      redactNotes: z.boolean().default(false),
      analyst: Analyst.optional(),
    }),
    ReportExportSchema,
  ),
  /** The case's details that reports carry (case number, exhibit, requester, request, question, reviewer). */
  'case.get': method(z.object({}), CaseDetailsSchema),
  /** Changes the fields given (one audit entry, case.details-set); returns the details as stored. */
  'case.set': method(z.object({ analyst: Analyst, details: CaseDetailsChangeSchema }), CaseDetailsSchema),
  'audit.list': method(
    z.object({ afterSeq: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10_000).default(500) }),
    z.array(AuditEntrySchema),
  ),
} as const;

export const events = {
  /** Progress of a long import step, for progress bars. */
  'import.progress': z.object({
    path: z.string(),
    phase: z.enum(['hashing', 'probing', 'indexing', 'storing']),
    done: z.number(),
    total: z.number(),
  }),
  /** Progress of a folder import: files done of the files found. */
  'import.files': z.object({ folder: z.string(), done: z.number().int(), total: z.number().int(), current: z.string().nullable() }),
  'analysis.progress': z.object({ recordingId: z.number().int(), done: z.number().int(), total: z.number().int() }),
  /** Desktop shell only (see MenuCommandSchema); the loopback host never sends it. */
  'menu.command': MenuCommandSchema,
  /** The batch as a whole, at most four times a second and at every change of state. */
  'batch.progress': BatchProgressSchema,
  /** A file of the batch changed status (started, done, skipped, failed, ignored, cancelled). */
  'batch.file': z.object({ batchId: z.number().int(), file: BatchFileSchema }),
  /** Encoding (frames written), checking the original (bytes hashed) or verifying (proxy frames indexed). */
  'proxy.progress': z.object({
    recordingId: z.number().int(),
    phase: z.enum(['encoding', 'checking-original', 'verifying']),
    done: z.number(),
    total: z.number(),
  }),
  /** A recording's proxy changed state (queued, making, ready, failed): refresh it with library.get. */
  'proxy.state': z.object({ recordingId: z.number().int(), status: ProxyStatusSchema, error: z.string().nullable() }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type MethodParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const isMethodName = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(methods, name);
export const isEventName = (name: string): name is EventName => Object.prototype.hasOwnProperty.call(events, name);

/** What every host returns when a call fails: a code for programs, a sentence for people. */
export const ApiErrorSchema = z.object({
  code: z.enum(['invalid-arguments', 'unknown-method', 'not-found', 'failed', 'unauthorized']),
  message: z.string(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

/** The client side of the contract, as the renderer sees it whichever host it runs in. */
export interface ApiClient {
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The absolute URL, in this host, of a media path the API returned (e.g. review.media's `url`). */
  mediaUrl(path: string): string;
}

/** The name of the single IPC channel / HTTP path prefix the hosts use. */
export const API_CHANNEL = 'micromoment:api';
export const API_EVENT_CHANNEL = 'micromoment:event';
