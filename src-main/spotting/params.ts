// Every constant of the spotter, with its default. The whole object is returned
// with each result, so a report can state exactly how candidates were found.
// Durations and windows are in seconds (never frames), so 10, 25, 30, 60 fps and
// variable frame rates behave alike. The table with the reasons is in README.md.

/**
 * The spotter's code, as a number: raised whenever a change of its code (not of
 * a parameter) can change its candidates, so stored runs made by older code are
 * recognised as stale (they are compared by their parameters, which include it).
 * 2: sharp cores cut out of longer movements; clear emotions kept through head movements.
 * 3: region motion with the head's pose taken out in 3-D; departures per channel grouped into movements;
 *    emotions named with their action units; held expressions, blinks, speech and head movements by new
 *    rules; onset-of-macro; evidence and quality flags with each candidate; a review score.
 */
export const SPOTTER_VERSION = 3;

export interface SpotParams {
  /** The spotter's code version (SPOTTER_VERSION): recorded with every result, not a setting. */
  spotterVersion: number;
  // --- reliable face ---
  /** A frame whose face_conf is below this is not a reliable face. */
  minFaceConf: number;
  /** Quality gaps (face kept, flagged) up to this long are bridged by the baseline; longer ones, and any frame without a face, start a new segment (s). */
  bridgeGapS: number;
  /** A candidate with an unreliable frame within this time of its interval is dropped (s). */
  edgeGuardS: number;

  // --- local baseline and scale ---
  /** Half width of the baseline window: median over [t − this, t + this] (s). */
  baselineHalfWindowS: number;
  /** Frames closer than this to t are left out of t's baseline, so an expression is not its own baseline (s). */
  baselineGuardS: number;
  /** A frame whose baseline window holds fewer reliable frames than this much time gets no evidence (s). */
  minBaselineS: number;
  /** Half width of the window of the robust scale (1.4826 × median absolute departure) (s). */
  scaleHalfWindowS: number;
  /** The scale is computed every this many seconds and interpolated between (s). */
  scaleStepS: number;
  /** Smallest scale of an action unit (inter-ocular distances). */
  auScaleFloor: number;
  /** Smallest scale of a class probability. */
  classScaleFloor: number;
  /** Smallest scale of a landmark region's displacement (inter-ocular distances). */
  landmarkScaleFloor: number;

  // --- evidence and peaks ---
  /** Weight of the classifier's evidence (z of the largest class rise) added to the facial motion evidence. */
  classWeight: number;
  /** A candidate's apex has combined evidence at least this (robust z). */
  onThreshold: number;
  /** A candidate's interval extends while the evidence stays at least this (robust z)… */
  lowThreshold: number;
  /** …and at least this fraction of its apex evidence (but never more than onThreshold). */
  boundaryFraction: number;
  /** A region (brows, eyes, nose, mouth) counts as moved when its peak z in the interval reaches this. */
  regionMovedZ: number;
  /** An action unit is listed as moved when its peak z in the interval reaches this (more of the action). */
  auMovedZ: number;
  /** Departures of one channel (a region, or the classifier) at most this far apart are fragments of one movement (s). */
  fragmentGapS: number;
  /** Fragments joined that way last at most this long together: a brief movement's pieces, not a long one's (s). */
  fragmentMaxS: number;
  /** A departure of one channel joins a movement whose span it overlaps by at least this intersection over union. */
  groupMinIoU: number;
  /** A sharp core of a long interval: the frames around the apex with evidence ≥ this fraction of the apex's (sharpCores.ts). */
  sharpCoreFraction: number;
  /** The core is cut out as its own candidate when no longer than microMaxS and its apex is ≥ this many times the rest of the interval's evidence. */
  sharpCoreProminence: number;

  // --- kind ---
  /** Longest micro expression (s). */
  microMaxS: number;
  /** Longest macro expression; longer departures are not expressions (s). */
  macroMaxS: number;

  // --- suppression ---
  /** Both eyes' openness below (1 − this) × their baseline marks a closing eye. */
  blinkDropFraction: number;
  /** A closing of both eyes up to this long is a blink (s). */
  blinkMaxS: number;
  /** Eye evidence is ignored this long before and after a blink (s). */
  blinkMarginS: number;
  /** A head rotation (yaw, pitch or roll) changing by this much within headTurnWindowS… (degrees) */
  headTurnDeg: number;
  /** …anywhere in the candidate ± headMarginS marks a head turn (s). */
  headTurnWindowS: number;
  /**
   * A candidate during a head turn is kept when its emotion's class probability rises at least this much
   * (a turn alone does not make the classifier see an emotion).
   */
  headTurnKeepClassRise: number;
  /** Time around a candidate searched for head turns (s). */
  headMarginS: number;
  /** Window around the apex (± this) searched for mouth oscillation (s). */
  speechWindowS: number;
  /** Openings of the mouth in that window that make it speech. */
  speechMinOpenings: number;
  /** Smallest mouth_open range in that window that can be speech (inter-ocular distances). */
  speechMinAmplitude: number;
  /** A mouth-only candidate during speech is kept when its emotion's class probability rises at least this much. */
  speechKeepClassRise: number;
  /** A blink's lids and brows settle this long after it: a candidate of eyes and brows alone this close is the blink's (s). */
  blinkRecoveryS: number;
  /** A candidate near a blink is kept when its emotion's class probability rises at least this much. */
  blinkKeepClassRise: number;

  // --- the course of an expression ---
  /** The course is read on the named emotion's probability when it rose at least this much at the apex, else on the AU that moved most. */
  courseClassRise: number;
  /** The level before the candidate: the median over this long before its onset (s). */
  courseBeforeS: number;
  /** An expression still there this long after the offset is held: the candidate is the onset of a longer one (s). */
  heldMinS: number;
  /**
   * Held: the level after the offset keeps at least (1 − this) of the rise. Already present: the apex rose less
   * than this fraction of its height above the lower of the levels before and after (the candidate is a
   * fluctuation or the fading of a longer expression).
   */
  heldFraction: number;
  /** Neutral's probability rising this much while the named emotion's does not is the face returning to neutral, not an expression. */
  fadingNeutralRise: number;
  /** A class at least this probable, the classifier's top before, at and after a candidate, is an expression held all around it. */
  heldClassMin: number;
  /** A region whose landmarks move this far (robust z, face's own frame) is a clear expression even when no AU or class says which. */
  clearLandmarkZ: number;
  /** …and one moving this far is clear when an action unit of that region, required by the emotion, reached auRequiredZ too. */
  agreeLandmarkZ: number;

  // --- naming and score ---
  /** Each robust z of an emotion's action-unit pattern counts as this much class-probability rise when naming the emotion. */
  auSupportPerZ: number;
  /** An emotion is named from a face that moved only when one of its required action units reaches this z at the apex (classify.ts). */
  auRequiredZ: number;
  /** Contempt needs its one-sided lip corner at this z (the asymmetry of au12_14_left and _right)… */
  contemptMinZ: number;
  /** …with the head not turning and turned at most this far (degrees). */
  contemptMaxYawDeg: number;
  /** The score is multiplied by this for each doubt: a blink near, speech around, the head moving, no facial region moving. */
  doubtFactor: number;
  /** Apex evidence at which the score is 0.5 (score = 1 − 2^(−evidence / this)). */
  scoreHalfZ: number;
}

export const DEFAULT_SPOT_PARAMS: Readonly<SpotParams> = Object.freeze({
  spotterVersion: SPOTTER_VERSION,
  minFaceConf: 0.5,
  bridgeGapS: 0.2,
  edgeGuardS: 0.2,

  baselineHalfWindowS: 5,
  baselineGuardS: 0.5,
  minBaselineS: 1,
  scaleHalfWindowS: 30,
  scaleStepS: 1,
  auScaleFloor: 0.003,
  classScaleFloor: 0.02,
  landmarkScaleFloor: 0.004,

  classWeight: 0.5,
  onThreshold: 6,
  lowThreshold: 2.5,
  boundaryFraction: 0.25,
  regionMovedZ: 4,
  auMovedZ: 4,
  fragmentGapS: 0.2,
  fragmentMaxS: 1,
  groupMinIoU: 0.3,
  sharpCoreFraction: 0.5,
  sharpCoreProminence: 2,

  microMaxS: 0.5,
  macroMaxS: 4,

  blinkDropFraction: 0.3,
  blinkMaxS: 0.5,
  blinkMarginS: 0.08,
  headTurnDeg: 6,
  headTurnWindowS: 0.5,
  headTurnKeepClassRise: 0.35,
  headMarginS: 0.2,
  speechWindowS: 1,
  speechMinOpenings: 2,
  speechMinAmplitude: 0.03,
  speechKeepClassRise: 0.35,
  blinkRecoveryS: 0.3,
  blinkKeepClassRise: 0.35,

  courseClassRise: 0.2,
  courseBeforeS: 1,
  heldMinS: 2,
  heldFraction: 0.3,
  fadingNeutralRise: 0.3,
  heldClassMin: 0.7,
  clearLandmarkZ: 8,
  agreeLandmarkZ: 6,

  auSupportPerZ: 0.02,
  auRequiredZ: 2,
  contemptMinZ: 4,
  contemptMaxYawDeg: 15,
  doubtFactor: 0.75,
  scoreHalfZ: 6,
});

/** Defaults overridden by `overrides`; refuses values that cannot work, naming the parameter. */
export function resolveSpotParams(overrides: Partial<SpotParams> = {}): SpotParams {
  const params: SpotParams = { ...DEFAULT_SPOT_PARAMS };
  for (const [key, value] of Object.entries(overrides) as [keyof SpotParams, unknown][]) {
    if (!(key in DEFAULT_SPOT_PARAMS)) throw new Error(`unknown spotter parameter "${String(key)}"`);
    if (value === undefined) continue;
    if (key === 'spotterVersion' && value !== SPOTTER_VERSION)
      throw new Error(`spotterVersion is not a setting: it names the spotter's code (this one is version ${SPOTTER_VERSION})`);
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(`spotter parameter ${key} must be a finite number, got ${String(value)}`);
    params[key] = value;
  }
  for (const key of Object.keys(params) as (keyof SpotParams)[]) {
    if (params[key] < 0) throw new Error(`spotter parameter ${key} must not be negative, got ${params[key]}`);
  }
  const positive: (keyof SpotParams)[] = [
    'baselineHalfWindowS',
    'scaleHalfWindowS',
    'scaleStepS',
    'auScaleFloor',
    'classScaleFloor',
    'landmarkScaleFloor',
    'onThreshold',
    'microMaxS',
    'scoreHalfZ',
    'headTurnWindowS',
  ];
  for (const key of positive) {
    if (!(params[key] > 0)) throw new Error(`spotter parameter ${key} must be greater than 0, got ${params[key]}`);
  }
  if (params.baselineGuardS >= params.baselineHalfWindowS) {
    throw new Error(
      `spotter parameter baselineGuardS (${params.baselineGuardS}) must be smaller than baselineHalfWindowS (${params.baselineHalfWindowS})`,
    );
  }
  if (params.macroMaxS < params.microMaxS)
    throw new Error(`spotter parameter macroMaxS (${params.macroMaxS}) must be at least microMaxS (${params.microMaxS})`);
  if (params.lowThreshold > params.onThreshold)
    throw new Error(`spotter parameter lowThreshold (${params.lowThreshold}) must not exceed onThreshold (${params.onThreshold})`);
  if (params.boundaryFraction > 1) throw new Error(`spotter parameter boundaryFraction must be at most 1, got ${params.boundaryFraction}`);
  if (params.sharpCoreFraction > 1)
    throw new Error(`spotter parameter sharpCoreFraction must be at most 1, got ${params.sharpCoreFraction}`);
  if (params.blinkDropFraction > 1)
    throw new Error(`spotter parameter blinkDropFraction must be at most 1, got ${params.blinkDropFraction}`);
  return params;
}
