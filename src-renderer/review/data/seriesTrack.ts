import type { ReviewColumn } from '../../../src-shared/review/reviewColumns.js';
import { api } from '../../api/client.js';
import { float32FromBase64 } from './base64.js';

const BLOCK = 4096;

/**
 * Per-frame values of some analysis columns, fetched a block of frames at a
 * time as they are asked for (a three-hour recording's values are never all
 * loaded). `onLoaded` is called when a block arrives, so a view can draw again.
 */
export class SeriesTrack {
  private readonly blocks = new Map<number, Float32Array | 'loading'>();

  constructor(
    private readonly recordingId: number,
    readonly columns: readonly ReviewColumn[],
    private readonly onLoaded: () => void,
  ) {}

  /** Frame f's values in `columns` order (NaN where there is none), or null while its block loads (loading starts). */
  valuesAt(f: number): Float32Array | null {
    if (f < 0 || !Number.isInteger(f)) return null;
    const b = Math.floor(f / BLOCK);
    const block = this.blocks.get(b);
    if (block === undefined) {
      this.load(b);
      return null;
    }
    if (block === 'loading') return null;
    const n = this.columns.length;
    const i = (f - b * BLOCK) * n;
    return i + n <= block.length ? block.subarray(i, i + n) : null;
  }

  private load(b: number): void {
    this.blocks.set(b, 'loading');
    api
      .call('review.series', { id: this.recordingId, from: b * BLOCK, count: BLOCK, columns: [...this.columns] })
      .then((r) => {
        this.blocks.set(b, float32FromBase64(r.data));
        this.onLoaded();
      })
      .catch(() => this.blocks.delete(b));
  }
}
