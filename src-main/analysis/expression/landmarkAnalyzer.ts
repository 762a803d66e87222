// Everything the stage derives from landmarks (and head yaw) alone, in frame
// order: align, measure, update the baseline, and compare. No model, so it is
// unit-tested on synthetic landmark sequences. Buffers are allocated once.
import type { ActionUnitEvidence } from '../../../src-shared/analysis/actionUnits.js';
import { actionUnitEvidence } from './actionUnitMeasures.js';
import { StreamingBaseline, type BaselineOptions, type BaselineSource, type BaselineState } from './neutralBaseline.js';
import { contemptEvidence, poseDiscountedEvidence } from './contempt.js';
import { alignLandmarks, type AlignMode } from './faceFrame.js';
import { FEATURE_COUNT, measureFeatures, measureOpenness, type Openness } from './geometry.js';
import { MESH_POINTS } from './meshIndices.js';

export interface LandmarkAnalyzerOptions {
  alignMode: AlignMode;
  baseline: BaselineOptions;
  /** A frame with a wider inner-lip gap (IOD units) is never taken as neutral (talking, AU25/26). */
  neutralMaxMouthOpen: number;
  /** Contempt evidence discount per degree of yaw away from the baseline's yaw (contempt.ts). */
  contemptYawSlope: number;
}

export interface LandmarkAnalysis extends Openness {
  aus: ActionUnitEvidence;
  /** Contempt evidence e' (contempt.ts: asymmetry, pose-discounted), IOD units. */
  contemptEvidence: number;
  /** Inter-ocular distance in frame pixels; 0 when the landmarks give no face frame (then everything is 0). */
  iod: number;
  baselineSource: BaselineSource;
}

export interface FrameJudgement {
  /** Head yaw, degrees (the face stage's pose). */
  yaw: number;
  /** Geometry trustworthy enough to enter the baseline (not turnedAway, not tooSmall). */
  usable: boolean;
  /** The classifier's top class is neutral and the pose near-frontal; the analyser adds the closed-mouth condition. */
  neutral: boolean;
}

/** The baseline's vector: the geometric features, then the yaw (so the baseline's pose is known). */
const YAW = FEATURE_COUNT;

/**
 * One frame's measurement (step 1), held until the classifier has judged the
 * frame (step 2). A value of its own, so several frames can be in flight while
 * their classifier runs elsewhere; step 2 still takes them in frame order.
 */
export interface LandmarkMeasurement {
  /** The geometric features, then the yaw. */
  readonly features: Float64Array;
  readonly valid: boolean;
  readonly iod: number;
  readonly open: Openness;
}

export class LandmarkAnalyzer {
  private readonly aligned = new Float32Array(MESH_POINTS * 3);
  private readonly reference = new Float64Array(FEATURE_COUNT + 1);
  private readonly baseline: StreamingBaseline;

  constructor(private readonly options: LandmarkAnalyzerOptions) {
    this.baseline = new StreamingBaseline(FEATURE_COUNT + 1, options.baseline);
  }

  reset(): void {
    this.baseline.reset();
  }

  /** What is carried from frame to frame: the baseline only (the other buffers are rewritten on every frame). */
  snapshot(): BaselineState {
    return this.baseline.snapshot();
  }

  restore(state: BaselineState): void {
    this.baseline.restore(state);
  }

  /** Both steps at once. */
  analyse(frameIndex: number, landmarks: Float32Array, judgement: FrameJudgement): LandmarkAnalysis {
    return this.compare(frameIndex, this.measure(landmarks, judgement.yaw), judgement);
  }

  /**
   * Step 1: measures the landmarks (the caller may reuse its array at once).
   * Pure with respect to the analyser's history: no baseline is touched.
   */
  measure(landmarks: Float32Array, yaw: number): LandmarkMeasurement {
    if (landmarks.length < MESH_POINTS * 3)
      throw new RangeError(`expected ${MESH_POINTS} landmarks (x, y, z), got ${landmarks.length} values`);
    const { iod } = alignLandmarks(landmarks, this.options.alignMode, this.aligned);
    const features = new Float64Array(FEATURE_COUNT + 1);
    measureFeatures(this.aligned, features);
    features[YAW] = yaw;
    let valid = iod > 0;
    for (let i = 0; i < FEATURE_COUNT && valid; i++) valid = Number.isFinite(features[i]);
    return {
      features,
      valid,
      iod: valid ? iod : 0,
      open: valid ? measureOpenness(this.aligned) : { eyeOpenLeft: 0, eyeOpenRight: 0, mouthOpen: 0 },
    };
  }

  /**
   * Step 2, once the classifier has judged the frame: updates the baseline and
   * compares the measured frame with it. Frames must come in order.
   */
  compare(frameIndex: number, measured: LandmarkMeasurement, judgement: Omit<FrameJudgement, 'yaw'>): LandmarkAnalysis {
    const { valid, open, features } = measured;
    const yaw = features[YAW] ?? Number.NaN;
    // An unknown yaw keeps the frame out of the baseline (its median must stay finite); its contempt discount is total.
    const usable = valid && judgement.usable && Number.isFinite(yaw);
    this.baseline.push(frameIndex, features, usable, usable && judgement.neutral && open.mouthOpen <= this.options.neutralMaxMouthOpen);
    const baselineSource = this.baseline.estimate(features, this.reference);
    // Landmarks that give no face frame carry no action: compare the frame with itself.
    if (!valid) this.reference.set(features);
    const { aus, pullLeft, pullRight } = actionUnitEvidence(features, this.reference);
    const evidence = valid
      ? poseDiscountedEvidence(contemptEvidence(pullLeft, pullRight), yaw - (this.reference[YAW] ?? 0), this.options.contemptYawSlope)
      : 0;
    return { aus, contemptEvidence: evidence, iod: measured.iod, baselineSource, ...open };
  }
}
