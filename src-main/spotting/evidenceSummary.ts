// What a candidate's interval holds, read from the evidence: each region's peak,
// and the action units that moved. Shared by naming, suppression and the
// candidate's explanation.
import { ACTION_UNITS, type ActionUnit } from '../../src-shared/analysis/actionUnits.js';
import { REGION_AUS, type FrameEvidence } from './evidence.js';
import type { SpotParams } from './params.js';
import { REGIONS, type Region } from './types.js';

const EYE_AUS: readonly ActionUnit[] = REGION_AUS.eyes;

/** Peak of each region's evidence over the interval (0 where nothing was measured). */
export function regionPeaks(ev: FrameEvidence, onset: number, offset: number): Record<Region, number> {
  const out = {} as Record<Region, number>;
  for (const r of REGIONS) {
    let best = 0;
    for (let t = onset; t <= offset; t++) {
      const v = ev.region[r][t] ?? Number.NaN;
      if (v > best) best = v;
    }
    out[r] = best;
  }
  return out;
}

/**
 * AUs whose z reached +auMovedZ somewhere in the interval (more of that action; eye AUs
 * not during blinks), in ACTION_UNITS order. A fall (less of the action, e.g. au04 when
 * the brows rise) is region evidence but not listed.
 */
export function movedAus(ev: FrameEvidence, onset: number, offset: number, params: SpotParams): ActionUnit[] {
  return ACTION_UNITS.filter((au) => {
    for (let t = onset; t <= offset; t++) {
      if (EYE_AUS.includes(au) && ev.blink[t]) continue;
      if ((ev.auZ[au][t] ?? Number.NaN) >= params.auMovedZ) return true;
    }
    return false;
  });
}
