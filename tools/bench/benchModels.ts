// Prints how long one inference of each model takes in onnxruntime-node (CPU).
// A script that prints figures, not a test: timings depend on the machine.
//   npm run bench:models -- [--runs 30] [--threads 2] [--batch 1]
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import ort from 'onnxruntime-node';
import { loadModel } from '../../src-main/analysis/models/loadModel.js';
import { MODEL_NAMES } from '../../src-main/analysis/models/manifest.js';

export interface BenchResult {
  name: string;
  batch: number;
  medianMs: number;
  minMs: number;
}

export async function benchModels(runs: number, threads: number, batch: number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const name of MODEL_NAMES) {
    const model = await loadModel(name, { intraOpNumThreads: threads });
    const feeds: Record<string, ort.Tensor> = {};
    for (const input of model.entry.inputs) {
      const shape = input.shape.map((d) => (typeof d === 'number' ? d : batch));
      const size = shape.reduce((a, b) => a * b, 1);
      feeds[input.name] = new ort.Tensor(
        'float32',
        Float32Array.from({ length: size }, (_, i) => Math.sin(i) * 0.5),
        shape,
      );
    }
    for (let i = 0; i < 3; i++) await model.session.run(feeds); // warm-up: first runs allocate
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await model.session.run(feeds);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const fixedBatch = model.entry.inputs.every((t) => t.shape.every((d) => typeof d === 'number'));
    results.push({ name, batch: fixedBatch ? 1 : batch, medianMs: times[Math.floor(times.length / 2)] ?? 0, minMs: times[0] ?? 0 });
    await model.session.release();
  }
  return results;
}

const invokedAs = process.argv[1];
if (invokedAs && import.meta.url === pathToFileURL(fs.realpathSync(invokedAs)).href) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '30' },
      threads: { type: 'string', default: '2' },
      batch: { type: 'string', default: '1' },
    },
    strict: true,
  });
  const [runs, threads, batch] = [Number(values.runs), Number(values.threads), Number(values.batch)];
  benchModels(runs, threads, batch).then(
    (results) => {
      console.log(`onnxruntime-node ${ort.env.versions.node}, CPU, ${threads} intra-op threads, ${runs} runs after 3 warm-up runs`);
      for (const r of results)
        console.log(`${r.name.padEnd(10)} batch ${r.batch}: median ${r.medianMs.toFixed(2)} ms, min ${r.minMs.toFixed(2)} ms`);
    },
    (error: unknown) => {
      console.error((error as Error).message);
      process.exitCode = 1;
    },
  );
}
