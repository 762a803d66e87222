/**
 * The export formats of a report, named once for the command line, the API
 * contract and the writers. `csv` has one row per annotation; `frames-csv` one
 * row per decoded frame (OpenFace-style), with the annotation covering it.
 */
export const REPORT_FORMATS = ['pdf', 'html', 'csv', 'frames-csv', 'json', 'eaf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFormatInfo {
  /** The file name ending the exporter suggests (without a dot). */
  extension: string;
  mimeType: string;
  description: string;
}

export const REPORT_FORMAT_INFO: Record<ReportFormat, ReportFormatInfo> = {
  pdf: { extension: 'pdf', mimeType: 'application/pdf', description: 'the printable report' },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8', description: 'the same report as one self-contained web page' },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', description: 'one row per annotation' },
  'frames-csv': { extension: 'frames.csv', mimeType: 'text/csv; charset=utf-8', description: 'one row per decoded frame' },
  json: { extension: 'json', mimeType: 'application/json', description: 'everything the report states, for programs' },
  eaf: { extension: 'eaf', mimeType: 'application/xml', description: "ELAN's annotation format (EAF 3.0)" },
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** The format a file name's ending names (`.frames.csv` before `.csv`), or null. */
export function reportFormatFromFileName(fileName: string): ReportFormat | null {
  const lower = fileName.toLowerCase();
  const byLongestEnding = [...REPORT_FORMATS].sort(
    (a, b) => REPORT_FORMAT_INFO[b].extension.length - REPORT_FORMAT_INFO[a].extension.length,
  );
  return byLongestEnding.find((f) => lower.endsWith(`.${REPORT_FORMAT_INFO[f].extension}`)) ?? (lower.endsWith('.htm') ? 'html' : null);
}
