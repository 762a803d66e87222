// The expression stage: per face frame, the eight-class scores, action-unit
// evidence against the subject's own baseline, quality flags and eye/mouth
// openness. One instance follows one subject through one recording, frame by
// frame in order; the working buffers are allocated once, here.
//
// Per frame: eye-line roll → upright grey crop (faceCrop.ts) → sharpness of
// that crop → landmark measurement → emotion model → quality flags → baseline,
// action units, contempt evidence → eight-class scores (contempt.ts).
//
// Frames may overlap: everything that reads the frame and the observation runs
// when process() is called (so the caller may move on to the next frame at
// once), and the steps after the model, which carry the subject's baseline
// from frame to frame, run strictly in the order process() was called. The
// numbers are the same as one frame at a time (tested). expressionThread.ts
// runs this stage on a worker thread beside the face mesh. The roll is measured on the landmarks, not
// taken from face.pose.roll, so the crop is upright in the landmarks' own terms
// whatever convention or smoothing the pose estimate has; pose yaw and pitch
// are used for the quality flags, the neutral judgement and the contempt discount.
import type { ExpressionResult, ExpressionStage, FaceObservation, RgbFrame } from '../types.js';
import type { BaselineSource, BaselineState } from './neutralBaseline.js';
import { combineScores, contemptProbability, FER_CLASSES, FER_NEUTRAL } from './contempt.js';
import { createEmotionClassifier, EMOTION_INPUT_SIZE } from './emotionClassifier.js';
import { cropSquare, sampleGreyCrop } from './faceCrop.js';
import { eyeLineRollDeg } from './faceFrame.js';
import { FEATURES } from './geometry.js';
import { LandmarkAnalyzer } from './landmarkAnalyzer.js';
import { MESH, MESH_POINTS } from './meshIndices.js';
import { resolveOptions, type ExpressionStageOptions } from './options.js';
import { qualityFlags } from './quality.js';
import { laplacianSharpness } from './sharpness.js';

/** The manifest's labels, in the order FER_CLASSES maps them. */
const EXPECTED_LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];

export interface ExpressionStageHandle extends ExpressionStage {
  /** Every threshold and constant in use, for the analysis record. */
  parameters(): Record<string, unknown>;
  /** Where the last frame's baseline came from: the neutral ring, the recent ring, or the frame itself (nothing usable yet). */
  baselineSource(): BaselineSource;
  /** Forgets the baseline (a new subject or recording). */
  reset(): void;
  /**
   * The baseline as it is once every frame passed so far is judged, before any
   * frame passed later (in order, like everything else): what an analysis
   * resumed after that point starts from (pipeline/resumeState.ts).
   */
  snapshot(): Promise<BaselineState>;
  /** Puts a snapshot back; before the first frame only. */
  restore(state: BaselineState): void;
  close(): Promise<void>;
}

export async function createExpressionStage(options: ExpressionStageOptions = {}): Promise<ExpressionStageHandle> {
  const o = resolveOptions(options);
  const classifier = await createEmotionClassifier({
    intraOpNumThreads: o.intraOpNumThreads,
    ...(o.modelsDir ? { modelsDir: o.modelsDir } : {}),
  });
  if (classifier.labels.join() !== EXPECTED_LABELS.join()) {
    await classifier.close();
    throw new Error(`The emotion model's labels are ${classifier.labels.join(', ')}; the stage maps ${EXPECTED_LABELS.join(', ')}`);
  }
  const analyzer = new LandmarkAnalyzer({
    alignMode: o.alignMode,
    baseline: {
      neutralFrames: o.baselineNeutralFrames,
      recentFrames: o.baselineRecentFrames,
      minNeutralFrames: o.baselineMinNeutralFrames,
      neutralMaxAgeFrames: o.baselineNeutralMaxAgeFrames,
    },
    neutralMaxMouthOpen: o.neutralMaxMouthOpen,
    contemptYawSlope: o.contemptYawSlope,
  });
  const contempt = { midpoint: o.contemptMidpoint, width: o.contemptWidth };
  let lastSource: BaselineSource = 'current';
  /** The previous frame's judgement: each frame's baseline step waits for it. */
  let previous: Promise<unknown> = Promise.resolve();
  let inFlight = 0;

  /** The synchronous part: reads the frame and the observation, starts the model. */
  function processFrame(frame: RgbFrame, face: FaceObservation): Promise<ExpressionResult> {
    const { index } = frame;
    const { box, landmarks } = face;
    const pose = { ...face.pose };
    const faceWidth = box.w;
    if (landmarks.length < MESH_POINTS * 3)
      throw new RangeError(`expected ${MESH_POINTS} landmarks (x, y, z), got ${landmarks.length} values`);
    const crop = cropSquare(landmarks, box.x + box.w / 2, box.y + box.h / 2, eyeLineRollDeg(landmarks), o.cropScale);
    const input = new Float32Array(EMOTION_INPUT_SIZE * EMOTION_INPUT_SIZE);
    sampleGreyCrop(frame, crop, EMOTION_INPUT_SIZE, input);
    const sharpness = laplacianSharpness(input, EMOTION_INPUT_SIZE);
    const measured = analyzer.measure(landmarks, pose.yaw);
    const quality = qualityFlags(faceWidth, pose, sharpness, o);
    const fer = classifier.run(input);
    inFlight += 1;
    const judged = Promise.all([fer, previous])
      .then(([probabilities]) => {
        const neutral =
          isTop(probabilities, FER_NEUTRAL) && Math.abs(pose.yaw) <= o.neutralPoseDeg && Math.abs(pose.pitch) <= o.neutralPoseDeg;
        const geometry = analyzer.compare(index, measured, { usable: !quality.turnedAway && !quality.tooSmall, neutral });
        lastSource = geometry.baselineSource;
        return {
          scores: combineScores(probabilities, contemptProbability(geometry.contemptEvidence, contempt)),
          aus: geometry.aus,
          quality,
          eyeOpenLeft: geometry.eyeOpenLeft,
          eyeOpenRight: geometry.eyeOpenRight,
          mouthOpen: geometry.mouthOpen,
        };
      })
      .finally(() => {
        inFlight -= 1;
      });
    // The next frame waits for this one to be judged, failed or not (its own failure is reported by its own promise).
    previous = judged.catch(() => undefined);
    return judged;
  }

  return {
    process(frame, face) {
      try {
        return processFrame(frame, face);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    parameters() {
      return {
        ...o,
        modelsDir: o.modelsDir ?? null,
        model: {
          name: 'emotion',
          file: classifier.file,
          sha256: classifier.sha256,
          labels: classifier.labels,
          mappedTo: FER_CLASSES,
          inputSize: EMOTION_INPUT_SIZE,
        },
        crop: {
          framing: 'landmark extent turned upright by the eye-line roll; side = larger extent × cropScale',
          grey: [0.2989, 0.587, 0.114],
          normalisation: '(grey - 0.5) * 2',
          antialias: '2x2 bilinear taps when a crop pixel spans more than 2 frame pixels',
          outside: 'mid-grey',
        },
        sharpness: 'variance of the 4-neighbour Laplacian / variance of intensity, over the 64x64 crop',
        contempt:
          "e = max(0, max(pL, pR) - max(0, min(pL, pR))); e' = max(0, e - contemptYawSlope·|yaw - baseline yaw|); " +
          "p = (σ((e' - midpoint)/width) - σ(-midpoint/width)) / (1 - σ(-midpoint/width)); the other seven × (1 - p)",
        baselineRule:
          'per-feature median of the neutral ring (top class neutral, |yaw| and |pitch| ≤ neutralPoseDeg, inner-lip gap ≤ neutralMaxMouthOpen; ' +
          'entries no older than baselineNeutralMaxAgeFrames) when it holds ≥ baselineMinNeutralFrames, ' +
          'else of the recent ring of usable frames (not turnedAway, not tooSmall)',
        features: FEATURES,
        meshIndices: MESH,
      };
    },
    baselineSource: () => lastSource,
    snapshot() {
      const taken = previous.then(() => analyzer.snapshot());
      previous = taken.catch(() => undefined);
      return taken;
    },
    restore(state) {
      if (inFlight > 0) throw new Error('ExpressionStage.restore() was called with frames in flight: restore before the first frame');
      analyzer.restore(state);
    },
    reset() {
      // In order like everything else: frames asked for before the reset are judged against the old baseline.
      const forget = () => {
        analyzer.reset();
        lastSource = 'current';
      };
      if (inFlight === 0) forget();
      else previous = previous.then(forget);
    },
    close: () => classifier.close(),
  };
}

function isTop(values: ArrayLike<number>, index: number): boolean {
  const v = values[index] ?? 0;
  for (let i = 0; i < values.length; i++) if (i !== index && (values[i] ?? 0) > v) return false;
  return true;
}
