// The spotter's public surface.
export { spotCandidates } from './spot.js';
export { DEFAULT_SPOT_PARAMS, resolveSpotParams, type SpotParams } from './params.js';
export {
  REGIONS,
  type Candidate,
  type CandidateEvidence,
  type CandidateKind,
  type Region,
  type SpotInput,
  type SpotResult,
  type SuppressedCandidate,
  type SuppressionReason,
} from './types.js';
export { REQUIRED_COLUMNS } from './features.js';
