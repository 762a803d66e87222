// Everything the stage derives from landmarks alone, in frame order: align,
// measure, update the baseline, and compare. No model, so it is unit-tested on
// synthetic landmark sequences. Buffers are allocated once per analyser.
import type { ActionUnitEvidence } from '../../../src-shared/analysis/actionUnits.js';
import { actionUnitEvidence } from './actionUnits.js';
import { StreamingBaseline, type BaselineOptions, type BaselineSource } from './baseline.js';
import { contemptEvidence } from './contempt.js';
import { alignLandmarks, type AlignMode } from './faceFrame.js';
import { FEATURE_COUNT, measureFeatures, measureOpenness, type Openness } from './geometry.js';
import { MESH_POINTS } from './meshIndices.js';

export interface LandmarkAnalysis extends Openness {
  aus: ActionUnitEvidence;
  /** Contempt evidence e (contempt.ts), IOD units. */
  contemptEvidence: number;
  /** Inter-ocular distance in frame pixels; 0 when the landmarks give no face frame (then everything is 0). */
  iod: number;
  baselineSource: BaselineSource;
}

export interface FrameJudgement {
  /** Geometry trustworthy enough to enter the baseline (not turnedAway, not tooSmall). */
  usable: boolean;
  /** Classifier's top class is neutral and the pose near-frontal. */
  neutral: boolean;
}

export class LandmarkAnalyzer {
  private readonly aligned = new Float32Array(MESH_POINTS * 3);
  private readonly features = new Float64Array(FEATURE_COUNT);
  private readonly reference = new Float64Array(FEATURE_COUNT);
  private readonly baseline: StreamingBaseline;

  constructor(
    private readonly alignMode: AlignMode,
    baselineOptions: BaselineOptions,
  ) {
    this.baseline = new StreamingBaseline(FEATURE_COUNT, baselineOptions);
  }

  reset(): void {
    this.baseline.reset();
  }

  analyse(frameIndex: number, landmarks: Float32Array, judgement: FrameJudgement): LandmarkAnalysis {
    if (landmarks.length < MESH_POINTS * 3) throw new RangeError(`expected ${MESH_POINTS} landmarks (x, y, z), got ${landmarks.length} values`);
    const { iod } = alignLandmarks(landmarks, this.alignMode, this.aligned);
    measureFeatures(this.aligned, this.features);
    let valid = iod > 0;
    for (let i = 0; i < FEATURE_COUNT && valid; i++) valid = Number.isFinite(this.features[i]);
    this.baseline.push(frameIndex, this.features, valid && judgement.usable, valid && judgement.usable && judgement.neutral);
    const baselineSource = this.baseline.estimate(this.features, this.reference);
    // Landmarks that give no face frame carry no action: compare the frame with itself.
    if (!valid) this.reference.set(this.features);
    const { aus, pullLeft, pullRight } = actionUnitEvidence(this.features, this.reference);
    const open = valid ? measureOpenness(this.aligned) : { eyeOpenLeft: 0, eyeOpenRight: 0, mouthOpen: 0 };
    return { aus, contemptEvidence: valid ? contemptEvidence(pullLeft, pullRight) : 0, iod: valid ? iod : 0, baselineSource, ...open };
  }
}
