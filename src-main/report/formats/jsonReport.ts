import type { ReportModel } from '../model/reportModel.js';

/** The report model as JSON: every statement of the PDF and HTML, for programs. Face images are not included. */
export function jsonReport(m: ReportModel): string {
  return JSON.stringify(m, null, 2) + '\n';
}
