import crypto from 'node:crypto';
import { canonicalJson } from '../../store/canonicalJson.js';
import { MAX_ANALYSIS_SIDE } from '../decode/analysisSize.js';
import { DECODE_ISSUE_WINDOW } from '../decode/frameStream.js';

/**
 * Bumped whenever the pipeline's own logic changes what a row holds (2: head pose from rigid points;
 * 3: landmarks stored with their depth): analyses made by another version are then stale and are redone, not mixed.
 */
export const ANALYSIS_VERSION = 3;

/** What makes two analyses the same computation: code version, models, parameters. */
export function analysisIdentity(
  models: Record<string, string>,
  stageParameters: Record<string, unknown>,
): { fingerprint: string; identity: Record<string, unknown> } {
  const identity = {
    analysisVersion: ANALYSIS_VERSION,
    models,
    parameters: { ...stageParameters, pipeline: { maxAnalysisSide: MAX_ANALYSIS_SIDE, decodeIssueWindow: DECODE_ISSUE_WINDOW } },
  };
  return { fingerprint: crypto.createHash('sha256').update(canonicalJson(identity)).digest('hex'), identity };
}
