import { decodePipelineState } from '../analysis/pipeline/resumeState.js';
import type { AnalysisRow, ResumePoint } from '../store/analysesRepo.js';
import { canonicalJson } from '../store/canonicalJson.js';

/**
 * Why an analysis a dead process left running cannot be continued by this
 * process, or null when it can. The rows it stored and those this process
 * would add must be one computation: the same fingerprint (pipeline version,
 * model files, every parameter), the same bytes, the same Micromoment (the code
 * between the rows, and the layout of the saved state) and the same ffmpeg (it
 * decodes the frames), with a state saved after exactly the frames stored.
 */
export function whyNotResumable(
  row: AnalysisRow,
  point: ResumePoint | undefined,
  next: { fingerprint: string; provenance: Record<string, unknown> },
): string | null {
  const before = row.provenance;
  if (row.fingerprint !== next.fingerprint) return 'it was made by other models, parameters or pipeline version';
  if (before.sha256 !== next.provenance.sha256) return 'it was made from other bytes';
  if (!same(before.tool, next.provenance.tool)) return 'it was made by another version of Micromoment';
  if (!same(before.ffmpeg, next.provenance.ffmpeg)) return 'it was decoded by another ffmpeg';
  if (!point || point.frame !== row.framesDone) return 'no state was saved after its stored frames';
  if (decodePipelineState(point.state)?.frame !== point.frame) return 'its saved state is not one this version reads';
  return null;
}

function same(a: unknown, b: unknown): boolean {
  return a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b);
}
