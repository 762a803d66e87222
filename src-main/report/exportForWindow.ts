import type { MethodResult } from '../../src-shared/api/contract.js';
import { REPORT_FORMAT_INFO, type ReportFormat } from '../../src-shared/report/formats.js';
import type { AppContext } from '../app/context.js';
import { buildReport, recordExport } from './exportReport.js';

/** report.export: the report's bytes for the window to save, and the export in the audit log. */
export async function exportReportForWindow(
  ctx: AppContext,
  recordingId: number,
  format: ReportFormat,
  options: { allowMismatch: boolean; redactNotes: boolean },
): Promise<MethodResult<'report.export'>> {
  const report = await buildReport(ctx, { recordingId, format, ...options });
  recordExport(ctx, report, `returned to the window as ${report.fileName}`);
  return {
    format,
    fileName: report.fileName,
    mimeType: REPORT_FORMAT_INFO[format].mimeType,
    size: report.bytes.length,
    sha256: report.sha256,
    data: report.bytes.toString('base64'),
    original: report.model.verification.state,
    notices: report.model.notices,
  };
}
