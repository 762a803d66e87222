// The 7-class FER2013 model (resources/models/manifest.json, "emotion"), one
// face per run. The input tensor wraps one Float32Array that the stage fills in
// place each frame, so nothing big is allocated per frame.
import ort from 'onnxruntime-node';
import { loadModel } from '../models/loadModel.js';

export const EMOTION_INPUT_SIZE = 64;

export interface EmotionClassifier {
  /** The model input, 64*64 normalised grey values; fill it, then call run(). */
  readonly input: Float32Array;
  /** Probabilities in the manifest's label order (FER_CLASSES). */
  run(): Promise<Float32Array>;
  readonly file: string;
  readonly sha256: string;
  readonly labels: readonly string[];
  close(): Promise<void>;
}

export async function createEmotionClassifier(options: { modelsDir?: string; intraOpNumThreads: number }): Promise<EmotionClassifier> {
  const model = await loadModel('emotion', options);
  const inputName = model.entry.inputs[0]?.name ?? 'grey';
  const outputName = model.entry.outputs[0]?.name ?? 'probabilities';
  const input = new Float32Array(EMOTION_INPUT_SIZE * EMOTION_INPUT_SIZE);
  const feeds = { [inputName]: new ort.Tensor('float32', input, [1, EMOTION_INPUT_SIZE, EMOTION_INPUT_SIZE, 1]) };
  return {
    input,
    file: model.file,
    sha256: model.sha256,
    labels: model.entry.outputs[0]?.labels ?? [],
    async run() {
      const probabilities = (await model.session.run(feeds))[outputName]?.data;
      if (!(probabilities instanceof Float32Array) || probabilities.length !== 7) throw new Error(`The emotion model gave no 7 float probabilities in "${outputName}"`);
      return probabilities;
    },
    close: () => model.session.release(),
  };
}
