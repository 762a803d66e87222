import type { ApiErrorBody } from '../api/contract.js';

/**
 * `report.export` refuses (code 'failed') when the original does not verify,
 * and its message says so and names `allowMismatch`. The window then offers
 * "export anyway (marked)"; any other failure is only shown. The wording is
 * the main side's (mismatchMessage); a unit test ties the two together.
 */
export function isMismatchRefusal(error: Pick<ApiErrorBody, 'code' | 'message'>): boolean {
  return error.code === 'failed' && /does not verify/.test(error.message) && /allowMismatch/.test(error.message);
}

/** The name a download gets: the exporter's suggestion, with anything a file system would refuse replaced. */
export function safeDownloadName(fileName: string): string {
  const cleaned = fileName
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_')
    .trim()
    .replace(/^[.\s]+/, '')
    .trim();
  return cleaned || 'report';
}
