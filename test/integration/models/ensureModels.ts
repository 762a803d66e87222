// Every model test starts from the real build: convert into resources/models
// (skipped when the files already have the manifest's hashes) and fail on a hash mismatch.
import { buildModels } from '../../../tools/models/buildModels.js';

export function ensureModels(): void {
  buildModels({ check: true });
}
