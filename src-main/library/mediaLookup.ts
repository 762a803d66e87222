import fs from 'node:fs';
import type { Db } from '../store/openStore.js';
import { listLocations } from '../store/recordingsRepo.js';
import { contentTypeForContainer, type MediaLookup } from '../media/mediaHandler.js';

/** Resolves a registered recording id to the first of its known locations that still exists. */
export function storeMediaLookup(db: Db): MediaLookup {
  return (_kind, id) => {
    const row = db.prepare('SELECT size_bytes, probe_json FROM recordings WHERE id = ?').get(id) as { size_bytes: number; probe_json: string } | undefined;
    if (!row) return undefined;
    const container = (JSON.parse(row.probe_json) as { container: string }).container;
    const locations = listLocations(db, id);
    const present = locations.find((l) => fs.existsSync(l.path)) ?? locations[0];
    if (!present) return undefined;
    return { path: present.path, sizeBytes: row.size_bytes, contentType: contentTypeForContainer(container) };
  };
}
