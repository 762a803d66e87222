import fs from 'node:fs';
import type { Db } from '../store/openStore.js';
import { listLocations } from '../store/recordingsRepo.js';
import { latestReadyProxy } from '../store/proxiesRepo.js';
import { dataDir as defaultDataDir } from '../config/paths.js';
import { contentTypeForContainer, type MediaLookup } from '../media/mediaHandler.js';
import { resolveProxyPath } from '../proxy/proxyFiles.js';

/**
 * Resolves a registered recording id: `original` to the first of its known
 * locations that still exists; `proxy` to its newest verified proxy in the data
 * folder (none until one is ready: the window then plays the original).
 */
export function storeMediaLookup(db: Db, dataDir: string = defaultDataDir()): MediaLookup {
  return (kind, id) => {
    if (kind === 'proxy') {
      const proxy = latestReadyProxy(db, id);
      const file = proxy?.relPath ? resolveProxyPath(dataDir, proxy.relPath) : null;
      if (!proxy || !file || proxy.sizeBytes === null) return undefined;
      return { path: file, sizeBytes: proxy.sizeBytes, contentType: 'video/mp4' };
    }
    const row = db.prepare('SELECT size_bytes, probe_json FROM recordings WHERE id = ?').get(id) as
      { size_bytes: number; probe_json: string } | undefined;
    if (!row) return undefined;
    const container = (JSON.parse(row.probe_json) as { container: string }).container;
    const locations = listLocations(db, id);
    const present = locations.find((l) => fs.existsSync(l.path)) ?? locations[0];
    if (!present) return undefined;
    return { path: present.path, sizeBytes: row.size_bytes, contentType: contentTypeForContainer(container) };
  };
}
