/** Messages between the analysis thread and the emotion model's worker thread. */
export type EmotionThreadRequest =
  | { type: 'run'; id: number; crop: Float32Array }
  | { type: 'close' };

export type EmotionThreadReply =
  | { type: 'ready'; file: string; sha256: string; labels: string[] }
  | { type: 'load-failed'; name: string; message: string }
  | { type: 'result'; id: number; probabilities: Float32Array }
  | { type: 'failed'; id: number; message: string };
