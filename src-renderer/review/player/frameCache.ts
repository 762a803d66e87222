import { evictionOrder, type CacheWindow } from '../../../src-shared/review/frameCachePlan.js';

/** Bitmaps a cache may hold, in bytes: about 100 frames of 1280x720, or every frame of a short small clip. */
export const CACHE_BYTES = 384 * 1024 * 1024;

/** How many frames of this size fit the budget (at least 24, at most 1500). */
export function cacheCapacity(width: number, height: number, budget = CACHE_BYTES): number {
  return Math.max(24, Math.min(1500, Math.floor(budget / (width * height * 4))));
}

/**
 * Decoded pictures by frame index. Bitmaps hold memory outside the JavaScript
 * heap, so every one that leaves the cache is closed.
 */
export class FrameCache {
  private readonly frames = new Map<number, ImageBitmap>();

  constructor(readonly capacity: number) {}

  has(frame: number): boolean {
    return this.frames.has(frame);
  }

  get(frame: number): ImageBitmap | undefined {
    return this.frames.get(frame);
  }

  get size(): number {
    return this.frames.size;
  }

  put(frame: number, bitmap: ImageBitmap): void {
    this.frames.get(frame)?.close();
    this.frames.set(frame, bitmap);
  }

  /** Drops frames outside the window (farthest from `current` first) until the cache fits its capacity. */
  trim(window: CacheWindow, current: number, keep: number | null): void {
    if (this.frames.size <= this.capacity) return;
    for (const f of evictionOrder(this.frames.keys(), window, current)) {
      if (this.frames.size <= this.capacity) break;
      if (f === keep) continue;
      this.frames.get(f)?.close();
      this.frames.delete(f);
    }
  }

  clear(): void {
    for (const b of this.frames.values()) b.close();
    this.frames.clear();
  }
}
