// End to end on a real smiling face: BlazeFace finds the face in astronaut.png,
// its box (widened a little) is cropped, and the emotion model must call it happy.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type LoadedModel } from '../../../src-main/analysis/models/loadModel.js';
import { topDetection } from './blazefaceTop.js';
import { cropRgb, letterboxRgb } from './decodeImage.js';
import { ensureModels } from './ensureModels.js';
import { astronautPath, pngSize, squareCrop } from './media.js';
import { runOnnx } from './onnxRun.js';
import { blazefaceInput, emotionBatch } from './tensors.js';

let detector: LoadedModel;
let emotion: LoadedModel;

beforeAll(async () => {
  ensureModels();
  detector = await loadModel('blazeface', { intraOpNumThreads: 2 });
  emotion = await loadModel('emotion', { intraOpNumThreads: 2 });
});

describe('astronaut.png', () => {
  it('is detected as a face and scores happy first', async () => {
    const { width, height } = pngSize(astronautPath);
    const found = topDetection(await runOnnx(detector, blazefaceInput(await letterboxRgb(astronautPath, 256), 256)), 256);
    console.log(`astronaut: top detection ${JSON.stringify(found)}`);
    expect(found.score).toBeGreaterThan(0.5);

    // Undo the letterbox (scale to fit, centre the rest) to get the box in image pixels.
    const scale = Math.min(256 / width, 256 / height);
    const padX = (256 - width * scale) / 2;
    const padY = (256 - height * scale) / 2;
    const box = {
      file: astronautPath,
      imageWidth: width,
      imageHeight: height,
      left: (found.cx - found.width / 2 - padX) / scale,
      top: (found.cy - found.height / 2 - padY) / scale,
      width: found.width / scale,
      height: found.height / scale,
    };
    const crop = squareCrop(box, 1.2);
    const output = await runOnnx(emotion, emotionBatch([await cropRgb(astronautPath, crop, 64)], 64));
    const probabilities = Array.from(output.probabilities ?? []);
    const labels = emotion.entry.outputs[0]?.labels ?? [];
    const ranked = labels.map((label, i) => ({ label, p: probabilities[i] ?? 0 })).sort((a, b) => b.p - a.p);
    console.log(
      `astronaut: face ${found.score.toFixed(3)} at crop ${JSON.stringify(crop)}; ${ranked.map((r) => `${r.label} ${r.p.toFixed(3)}`).join(', ')}`,
    );
    expect(ranked[0]?.label).toBe('happy');
  });
});
