/**
 * Frame buffers shared between the decode worker (the one producer) and the
 * analysis thread (the one consumer), in SharedArrayBuffers so frames cross
 * threads without a copy. The worker fills slots in order from ffmpeg's pipe
 * and publishes a frame once its bytes and its PTS are both known; the analysis
 * takes published frames in order and releases them in order when done. At most
 * `slots` frames exist at once, so memory stays flat; when all are in use the
 * worker pauses ffmpeg's pipe (back-pressure).
 *
 * Counters only grow (published, consumed), so "how many are waiting" is a
 * difference and a wrap of the slot index never confuses the two sides.
 */
export interface SharedFrameRingBuffers {
  frameBytes: number;
  slots: number;
  /** Int32: [published, consumed, closed]. */
  control: SharedArrayBuffer;
  /** Float64 per slot: [pts ticks, decode issue (0/1)]. */
  meta: SharedArrayBuffer;
  frames: SharedArrayBuffer;
}

export const PUBLISHED = 0;
export const CONSUMED = 1;
export const CLOSED = 2;

/** Bound on one wait for a frame: a close landing between check and wait notifies before we wait. */
const CLOSE_POLL_MS = 50;

export function allocateSharedFrameRing(frameBytes: number, slots: number): SharedFrameRingBuffers {
  if (slots < 2) throw new RangeError('a frame ring needs at least two slots');
  if (frameBytes <= 0) throw new RangeError('a frame needs at least one byte');
  return {
    frameBytes,
    slots,
    control: new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT),
    meta: new SharedArrayBuffer(slots * 2 * Float64Array.BYTES_PER_ELEMENT),
    frames: new SharedArrayBuffer(frameBytes * slots),
  };
}

class RingViews {
  readonly control: Int32Array;
  readonly meta: Float64Array;
  readonly slotViews: Uint8Array[];

  constructor(readonly buffers: SharedFrameRingBuffers) {
    this.control = new Int32Array(buffers.control);
    this.meta = new Float64Array(buffers.meta);
    this.slotViews = Array.from(
      { length: buffers.slots },
      (_, i) => new Uint8Array(buffers.frames, i * buffers.frameBytes, buffers.frameBytes),
    );
  }

  get published(): number {
    return Atomics.load(this.control, PUBLISHED);
  }
  get consumed(): number {
    return Atomics.load(this.control, CONSUMED);
  }
  get closed(): boolean {
    return Atomics.load(this.control, CLOSED) === 1;
  }
}

/** The worker's side: copies pipe bytes into free slots and publishes frames. */
export class FrameRingProducer extends RingViews {
  /** Frames whose bytes are complete (published or waiting for their PTS). */
  private filled = 0;
  private writeOffset = 0;

  /** Copies as much of the chunk as fits into free slots; returns the bytes taken. */
  write(chunk: Uint8Array): number {
    const { frameBytes, slots } = this.buffers;
    let taken = 0;
    while (taken < chunk.length && this.filled - this.consumed < slots) {
      const slot = this.slotViews[this.filled % slots]!;
      const n = Math.min(frameBytes - this.writeOffset, chunk.length - taken);
      slot.set(chunk.subarray(taken, taken + n), this.writeOffset);
      this.writeOffset += n;
      taken += n;
      if (this.writeOffset === frameBytes) {
        this.filled += 1;
        this.writeOffset = 0;
      }
    }
    return taken;
  }

  /** Complete frames not yet published (they wait for their PTS). */
  get unpublished(): number {
    return this.filled - this.published;
  }

  /** Bytes of an incomplete frame (non-zero at the end means the output was cut short). */
  get partialBytes(): number {
    return this.writeOffset;
  }

  /** Publishes the oldest complete frame with its PTS; false when no complete frame waits. */
  publish(ptsTicks: number, decodeIssue: boolean): boolean {
    const index = this.published;
    if (index >= this.filled) return false;
    const slot = index % this.buffers.slots;
    this.meta[slot * 2] = ptsTicks;
    this.meta[slot * 2 + 1] = decodeIssue ? 1 : 0;
    Atomics.store(this.control, PUBLISHED, index + 1);
    Atomics.notify(this.control, PUBLISHED);
    return true;
  }

  /** No more frames will be published; wakes a consumer waiting for one. */
  close(): void {
    Atomics.store(this.control, CLOSED, 1);
    Atomics.notify(this.control, PUBLISHED);
  }

  /** Resolves when the consumer has released a frame since it had released `seen`. */
  async releasedSince(seen: number): Promise<void> {
    const result = Atomics.waitAsync(this.control, CONSUMED, seen);
    if (result.async) await result.value;
  }
}

export interface SharedFrame {
  ptsTicks: number;
  decodeIssue: boolean;
  /** A view of the slot: valid until release(). */
  data: Uint8Array;
}

/**
 * The analysis side: takes published frames in order and releases them in the
 * same order when done. Several may be held at once (frames whose expression
 * is still being judged on another thread); each stays intact until released.
 */
export class FrameRingConsumer extends RingViews {
  /** Frames taken so far (the next take is frame number `taken`). */
  private taken = 0;

  /** Frames taken and not yet released. */
  get held(): number {
    return this.taken - this.consumed;
  }

  /** The oldest published frame not yet taken, or null when none is published. */
  take(): SharedFrame | null {
    const index = this.taken;
    if (index >= this.published) return null;
    const slot = index % this.buffers.slots;
    this.taken += 1;
    return { ptsTicks: this.meta[slot * 2]!, decodeIssue: this.meta[slot * 2 + 1] === 1, data: this.slotViews[slot]! };
  }

  /** Releases the oldest held frame: its slot may be refilled at once. */
  release(): void {
    if (this.held <= 0) throw new Error('no frame is held: every frame taken was already released');
    Atomics.add(this.control, CONSUMED, 1);
    Atomics.notify(this.control, CONSUMED);
  }

  /** Resolves when a frame is published after `seen`, when the ring closes, or after a short bound. */
  async publishedSince(seen: number): Promise<void> {
    if (this.closed) return;
    const result = Atomics.waitAsync(this.control, PUBLISHED, seen, CLOSE_POLL_MS);
    if (result.async) await result.value;
  }
}
