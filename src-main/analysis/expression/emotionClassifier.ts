// The 7-class FER2013 model (resources/models/manifest.json, "emotion"), one
// face per run, on the calling thread (onnxruntime-node runs inference
// synchronously on the thread that calls it).
import ort from 'onnxruntime-node';
import { loadModel } from '../models/loadModel.js';

export const EMOTION_INPUT_SIZE = 64;

export interface EmotionModelOptions {
  modelsDir?: string;
  intraOpNumThreads: number;
}

export interface EmotionClassifier {
  /**
   * Probabilities in the manifest's label order (FER_CLASSES) for one crop of
   * 64*64 normalised grey values. The model reads the crop during the run: the
   * caller must not change it until the promise settles.
   */
  run(crop: Float32Array): Promise<Float32Array>;
  readonly file: string;
  readonly sha256: string;
  readonly labels: readonly string[];
  close(): Promise<void>;
}

/** Loads the model (checked against the manifest) and runs it where it is called. */
export async function createEmotionClassifier(options: EmotionModelOptions): Promise<EmotionClassifier> {
  const model = await loadModel('emotion', options);
  const inputName = model.entry.inputs[0]?.name ?? 'grey';
  const outputName = model.entry.outputs[0]?.name ?? 'probabilities';
  return {
    file: model.file,
    sha256: model.sha256,
    labels: model.entry.outputs[0]?.labels ?? [],
    async run(crop) {
      if (crop.length !== EMOTION_INPUT_SIZE * EMOTION_INPUT_SIZE)
        throw new RangeError(`the emotion model takes ${EMOTION_INPUT_SIZE}x${EMOTION_INPUT_SIZE} values, got ${crop.length}`);
      const feeds = { [inputName]: new ort.Tensor('float32', crop, [1, EMOTION_INPUT_SIZE, EMOTION_INPUT_SIZE, 1]) };
      const probabilities = (await model.session.run(feeds))[outputName]?.data;
      if (!(probabilities instanceof Float32Array) || probabilities.length !== 7)
        throw new Error(`The emotion model gave no 7 float probabilities in "${outputName}"`);
      return probabilities;
    },
    close: () => model.session.release(),
  };
}
