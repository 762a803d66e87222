import { FACE_BOX_COLUMNS } from '../../../src-shared/review/reviewColumns.js';
import type { Box } from '../../../src-shared/review/faceStabilizer.js';
import { api } from '../../api/client.js';
import { float32FromBase64 } from './base64.js';

const BLOCK = 4096;

/**
 * The subject's face box per frame, fetched a block of frames at a time as the
 * player moves (a three-hour recording's boxes are never all loaded).
 */
export class FaceTrack {
  private readonly blocks = new Map<number, Float32Array | 'loading'>();

  constructor(
    private readonly recordingId: number,
    private readonly onLoaded: () => void,
  ) {}

  /** The box of frame f, or null (no face, or its block not loaded yet; loading starts). */
  boxOf = (f: number): Box | null => {
    if (f < 0) return null;
    const b = Math.floor(f / BLOCK);
    const block = this.blocks.get(b);
    if (block === undefined) {
      this.load(b);
      return null;
    }
    if (block === 'loading') return null;
    const i = (f - b * BLOCK) * 4;
    if (i + 3 >= block.length) return null;
    const [x, y, w, h] = [block[i], block[i + 1], block[i + 2], block[i + 3]] as number[];
    return Number.isNaN(w) ? null : { x: x as number, y: y as number, w: w as number, h: h as number };
  };

  private load(b: number): void {
    this.blocks.set(b, 'loading');
    api
      .call('review.series', { id: this.recordingId, from: b * BLOCK, count: BLOCK, columns: [...FACE_BOX_COLUMNS] })
      .then((r) => {
        this.blocks.set(b, float32FromBase64(r.data));
        this.onLoaded();
      })
      .catch(() => this.blocks.delete(b));
  }
}
