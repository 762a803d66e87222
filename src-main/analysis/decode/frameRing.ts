/**
 * A few frame-sized buffers between ffmpeg's pipe and the analysis. The pipe
 * holds only 64 KB, a fraction of one frame: without somewhere to put the next
 * frames, ffmpeg would wait for every frame the analysis is still working on.
 * With `slots` buffers it decodes ahead by up to slots - 1 frames, and memory
 * stays bounded (the caller pauses the pipe when write() cannot take a chunk).
 */
export class FrameRing {
  private readonly slots: Uint8Array[];
  /** Slot being filled, and how far. */
  private writeSlot = 0;
  private writeOffset = 0;
  /** Oldest complete frame not yet taken. */
  private readSlot = 0;
  private full = 0;
  private inUse = false;

  constructor(readonly frameBytes: number, slotCount = 3) {
    if (slotCount < 2) throw new RangeError('a frame ring needs at least two slots');
    this.slots = Array.from({ length: slotCount }, () => new Uint8Array(frameBytes));
  }

  /** Copies as much of the chunk as fits; returns the bytes taken (less than its length when the ring is full). */
  write(chunk: Uint8Array): number {
    let taken = 0;
    while (taken < chunk.length && this.canWrite()) {
      const slot = this.slots[this.writeSlot]!;
      const n = Math.min(this.frameBytes - this.writeOffset, chunk.length - taken);
      slot.set(chunk.subarray(taken, taken + n), this.writeOffset);
      this.writeOffset += n;
      taken += n;
      if (this.writeOffset === this.frameBytes) {
        this.full += 1;
        this.writeSlot = (this.writeSlot + 1) % this.slots.length;
        this.writeOffset = 0;
      }
    }
    return taken;
  }

  /** The oldest complete frame, now in use until release(); null when none is complete. */
  take(): Uint8Array | null {
    if (this.inUse) throw new Error('release the frame in use before taking the next');
    if (this.full === 0) return null;
    this.inUse = true;
    return this.slots[this.readSlot]!;
  }

  release(): void {
    if (!this.inUse) return;
    this.inUse = false;
    this.full -= 1;
    this.readSlot = (this.readSlot + 1) % this.slots.length;
  }

  /** Bytes of an incomplete frame (non-zero at the end means the output was cut short). */
  get partialBytes(): number {
    return this.writeOffset;
  }

  private canWrite(): boolean {
    // Slots fill in order behind readSlot; the frame in use counts as full until
    // released, so the slot being written is free exactly when not all are full.
    return this.full < this.slots.length;
  }
}
