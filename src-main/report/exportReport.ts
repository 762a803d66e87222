import crypto from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../src-shared/api/apiError.js';
import { REPORT_FORMAT_INFO, type ReportFormat } from '../../src-shared/report/formats.js';
import type { AppContext } from '../app/context.js';
import { appVersion } from '../config/paths.js';
import { latestAnalysis, latestCompleteAnalysis, readAnalysisValues } from '../store/analysesRepo.js';
import { appendAudit, verifyAuditChain } from '../store/auditLog.js';
import { checkSealedState } from '../store/stateCheck.js';
import { listAnnotations } from '../store/annotationsRepo.js';
import { getFrameTable, getRecording } from '../store/recordingsRepo.js';
import { auditEntriesOfRecording, auditHead } from '../store/reportReads.js';
import { latestSpottingRun } from '../store/spottingRepo.js';
import { annotationsCsv } from './formats/csvAnnotations.js';
import { framesCsv } from './formats/csvFrames.js';
import { eafReport } from './formats/eafReport.js';
import { htmlReport } from './formats/htmlReport.js';
import { jsonReport } from './formats/jsonReport.js';
import { pdfReport } from './formats/pdfReport.js';
import { readEmotionValues } from './gather/readEmotions.js';
import { mismatchMessage, verifyOriginal } from './gather/verifyOriginal.js';
import { collectGrabs } from './grabs/collectGrabs.js';
import { buildReportModel } from './model/buildReportModel.js';
import { machineTimeZone } from './model/localTime.js';
import { readCaseDetails } from '../store/caseDetailsRepo.js';
import { listPasses } from '../store/codingPassesRepo.js';
import { agreementAsData, agreementBetweenCoders } from '../usecases/agreementBetweenCoders.js';
import type { AuditEntry } from '../../src-shared/domain/audit.js';
import type { ReportModel } from './model/reportModel.js';

export interface ReportRequest {
  recordingId: number;
  format: ReportFormat;
  /** Make the report although the original does not verify; it then says so on every page. */
  allowMismatch: boolean;
  /** Leave the analysts' notes out; the report says so. */
  redactNotes?: boolean;
  onProgress?: (what: string, done: number, total: number) => void;
}

export interface BuiltReport {
  bytes: Buffer;
  sha256: string;
  format: ReportFormat;
  /** A file name to suggest: the recording's name and the format's ending. */
  fileName: string;
  model: ReportModel;
}

/** A report that must not be made as asked (the original does not verify): the message says what to do. */
export class ReportRefused extends ApiError {
  constructor(message: string) {
    super('failed', message);
  }
}

/**
 * Makes a report of one recording in one format. The original is re-hashed
 * first: when no copy verifies the report is refused unless allowMismatch, and
 * even then no frame is decoded from other bytes. Writes nothing; the caller
 * stores the bytes and then calls recordExport.
 */
export async function buildReport(ctx: AppContext, req: ReportRequest): Promise<BuiltReport> {
  const recording = getRecording(ctx.db, req.recordingId);
  const table = getFrameTable(ctx.db, req.recordingId);
  if (!recording || !table) throw new ApiError('not-found', `No recording with id ${req.recordingId} in this case.`);

  const check = await verifyOriginal(ctx.db, recording.id, recording.sha256, (p, done, total) =>
    req.onProgress?.(`hashing ${p}`, done, total),
  );
  const refusal = mismatchMessage(recording.id, recording.sha256, check);
  if (refusal && !req.allowMismatch) throw new ReportRefused(refusal);

  const analysis = latestCompleteAnalysis(ctx.db, recording.id) ?? null;
  const entries = auditEntriesOfRecording(ctx.db, recording.id);
  const model = buildReportModel({
    generatedAt: new Date().toISOString(),
    generatedBy: ctx.analyst,
    toolVersion: appVersion(),
    caseDatabase: ctx.dbPath,
    recording,
    table,
    verification: { at: check.at, locations: check.locations, mismatchAllowed: req.allowMismatch },
    analysis,
    newestAnalysisStatus: latestAnalysis(ctx.db, recording.id)?.status ?? null,
    spotting: latestSpottingRun(ctx.db, recording.id) ?? null,
    annotations: listAnnotations(ctx.db, recording.id),
    audit: {
      entries,
      chain: verifyAuditChain(ctx.db),
      stateProblems: checkSealedState(ctx.db).problems.map((p) => p.problem),
      head: auditHead(ctx.db),
    },
    emotions: analysis && needsCurves(req.format) ? readEmotionValues(ctx.db, analysis.id, analysis.frameCount) : null,
    caseDetails: readCaseDetails(ctx.db),
    reliability: reliabilityOf(ctx, recording.id, entries),
    timeZone: machineTimeZone(),
    redactNotes: Boolean(req.redactNotes),
  });

  let bytes: Buffer;
  if (req.format === 'pdf' || req.format === 'html') {
    const grabs = await collectGrabs(ctx, model, {
      verifiedPath: check.holds ? check.verifiedPath : null,
      table,
      analysisId: analysis?.id ?? null,
      onGrab: (done, total) => req.onProgress?.('decoding frames', done, total),
    });
    bytes = req.format === 'pdf' ? await pdfReport(model, grabs) : Buffer.from(htmlReport(model, grabs), 'utf8');
  } else if (req.format === 'csv') {
    bytes = Buffer.from(annotationsCsv(model), 'utf8');
  } else if (req.format === 'frames-csv') {
    bytes = Buffer.from(
      framesCsv({
        table,
        auditHead: model.audit.head,
        annotations: model.annotations,
        readValues: analysis ? (from, count) => readAnalysisValues(ctx.db, analysis.id, from, count) : null,
      }),
      'utf8',
    );
  } else if (req.format === 'json') {
    bytes = Buffer.from(jsonReport(model), 'utf8');
  } else {
    bytes = Buffer.from(eafReport(model), 'utf8');
  }
  return {
    bytes,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    format: req.format,
    fileName: suggestedFileName(recording.name, req.format),
    model,
  };
}

/** Agreement of the working set with every complete coding pass of the recording, or null when there is none. */
function reliabilityOf(ctx: AppContext, recordingId: number, entries: AuditEntry[]): ReportModel['reliability'] {
  const passes = listPasses(ctx.db, recordingId).filter((p) => p.completedAt !== null);
  if (passes.length === 0) return null;
  const f = agreementAsData(agreementBetweenCoders(ctx, recordingId, { files: [], withSpotter: false, minIoU: 0.5, passes: 'all' }));
  const imports = new Map(
    entries
      .filter((e) => e.action === 'pass.imported')
      .map((e) => e.after as { passId: number; file: string; sha256: string })
      .map((a) => [a.passId, { file: a.file, sha256: a.sha256 }]),
  );
  return {
    passes: passes.map((p) => ({
      id: p.id,
      analyst: p.analyst,
      blind: p.blind,
      hideSpotterEmotion: p.hideSpotterEmotion,
      startedAt: p.startedAt,
      completedAt: p.completedAt!,
      events: f.coders.find((c) => c.name === `pass ${p.id}`)?.events ?? 0,
      importedFrom: imports.get(p.id) ?? null,
    })),
    pairs: f.pairs.map(({ a, b, matched, onlyA, onlyB, f1, kappa, disagreements }) => ({
      a,
      b,
      matched,
      onlyA,
      onlyB,
      f1,
      kappa,
      disagreements: disagreements.length,
    })),
    alpha: f.alpha,
    emotionAlpha: f.emotionAlpha,
    minIoU: f.minIoU,
    adjudications: entries.filter((e) => e.action === 'annotation.adjudicated').length,
  };
}

/** JSON carries the curves for programs; the figures need them; CSV and EAF do not. */
function needsCurves(format: ReportFormat): boolean {
  return format === 'pdf' || format === 'html' || format === 'json';
}

export function suggestedFileName(recordingName: string, format: ReportFormat): string {
  const base =
    path
      .parse(recordingName)
      .name.replace(/[^\p{L}\p{N}._ -]+/gu, '_')
      .slice(0, 100) || 'recording';
  return `${base}.report.${REPORT_FORMAT_INFO[format].extension}`;
}

/** The audit entry of an export: what was exported, its SHA-256 and where it went. */
export function recordExport(ctx: AppContext, report: BuiltReport, destination: string): void {
  const m = report.model;
  ctx.db.transaction(() => {
    appendAudit(ctx.db, {
      actor: ctx.analyst,
      action: 'report.exported',
      target: `recording:${m.recording.id}`,
      after: {
        format: report.format,
        sha256: report.sha256,
        bytes: report.bytes.length,
        destination,
        original: m.verification.state,
        mismatchAllowed: !m.verification.holds && m.verification.mismatchAllowed,
        annotations: m.counts.total,
        accepted: m.counts.accepted,
        auditHead: m.audit.head,
      },
    });
  })();
}
