import type { Migration } from './index.js';

export const m005AnalysisRunner: Migration = {
  version: 5,
  name: 'which process runs an analysis, so an interrupted one can be told from a live one',
  up(db) {
    // "host#pid" of the process that writes the analysis. A 'running' analysis whose
    // process is gone was interrupted (crash, kill -9, power loss); NULL for analyses
    // made before this column existed.
    db.exec('ALTER TABLE analyses ADD COLUMN runner TEXT');
  },
};
