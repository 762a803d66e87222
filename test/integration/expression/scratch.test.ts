import { it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { sharedMediaDir } from '../../helpers/paths.js';
import { createMeshHelper, decodeImage } from './meshHelper.js';
it('scratch', async () => {
  const h = await createMeshHelper();
  const f = await decodeImage(path.join(sharedMediaDir, 'faces', 'astronaut.png'));
  const o = await h.observe(f);
  if (!o) throw new Error('no face');
  const pts = Array.from(o.landmarks, (v) => Math.round(v * 100) / 100);
  const rows: string[] = [];
  for (let i = 0; i < 468; i++) rows.push(`    ${pts[i * 3]}, ${pts[i * 3 + 1]}, ${pts[i * 3 + 2]}`);
  fs.writeFileSync('/tmp/mesh.json', `{\n  "source": "astronaut.png (512x512, public domain, NASA; ../shared/media/faces), landmarks from resources/models facemesh via test/integration/expression/meshHelper.ts, frame pixels, rounded to 0.01",\n  "landmarks": [\n${rows.join(',\n')}\n  ]\n}\n`);
  await h.close();
}, 600000);
