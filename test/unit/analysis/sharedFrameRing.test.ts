import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateSharedFrameRing, FrameRingConsumer, FrameRingProducer } from '../../../src-main/analysis/decode/sharedFrameRing.js';

/** Frame k's bytes: k in every byte offset by the position, so misplaced bytes show. */
function frameBytes(k: number, size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, i) => (k * 31 + i) & 0xff);
}

describe('the shared frame ring between the decode worker and the analysis', () => {
  it('delivers every frame whole, in order, with its PTS, whatever the chunking and the pace of each side', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }), // frame size
        fc.integer({ min: 2, max: 5 }), // slots
        fc.integer({ min: 1, max: 25 }), // frames
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 20 }), // chunk sizes, cycled
        fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), // consume now or later, cycled
        (size, slots, frames, chunkSizes, consumeNow) => {
          const buffers = allocateSharedFrameRing(size, slots);
          const producer = new FrameRingProducer(buffers);
          const consumer = new FrameRingConsumer(buffers);
          const stream = new Uint8Array(size * frames);
          for (let k = 0; k < frames; k++) stream.set(frameBytes(k, size), k * size);
          const received: number[] = [];
          let offset = 0;
          let step = 0;
          const consumeOne = () => {
            const frame = consumer.take();
            if (!frame) return false;
            const k = received.length;
            expect(frame.ptsTicks).toBe(1000 + 3 * k);
            expect(frame.decodeIssue).toBe(k % 4 === 1);
            expect(Array.from(frame.data)).toEqual(Array.from(frameBytes(k, size)));
            received.push(k);
            consumer.release();
            return true;
          };
          while (offset < stream.length || producer.unpublished > 0) {
            const n = chunkSizes[step % chunkSizes.length]!;
            const taken = producer.write(stream.subarray(offset, Math.min(stream.length, offset + n)));
            offset += taken;
            while (producer.unpublished > 0) producer.publish(1000 + 3 * producer.published, producer.published % 4 === 1);
            // Never more frames in the ring than it has slots.
            expect(producer.published - producer.consumed).toBeLessThanOrEqual(slots);
            if (consumeNow[step % consumeNow.length] || taken === 0) consumeOne();
            step += 1;
          }
          while (consumeOne());
          expect(received).toEqual(Array.from({ length: frames }, (_, k) => k));
          expect(producer.partialBytes).toBe(0);
        },
      ),
    );
  });

  it('takes no bytes while every slot holds a frame not yet released', () => {
    const buffers = allocateSharedFrameRing(4, 2);
    const producer = new FrameRingProducer(buffers);
    expect(producer.write(new Uint8Array(12))).toBe(8);
    expect(producer.write(new Uint8Array(1))).toBe(0);
    const consumer = new FrameRingConsumer(buffers);
    expect(consumer.take()).toBeNull(); // complete but not published: no PTS yet
    producer.publish(0, false);
    expect(consumer.take()).not.toBeNull();
    expect(producer.write(new Uint8Array(1))).toBe(0); // taken is still in use
    consumer.release();
    expect(producer.write(new Uint8Array(4))).toBe(4);
  });

  it('lets the analysis hold several frames at once, intact until released, oldest first', () => {
    const buffers = allocateSharedFrameRing(3, 4);
    const producer = new FrameRingProducer(buffers);
    const consumer = new FrameRingConsumer(buffers);
    producer.write(Uint8Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]));
    for (let k = 0; k < 4; k++) producer.publish(k, false);
    const held = [consumer.take()!, consumer.take()!, consumer.take()!];
    expect(consumer.held).toBe(3);
    expect(held.map((f) => f.ptsTicks)).toEqual([0, 1, 2]);
    // One slot comes free per release, the oldest frame's: the others keep their bytes.
    consumer.release();
    expect(producer.write(Uint8Array.from([4, 4, 4, 5, 5, 5]))).toBe(3);
    expect(Array.from(held[1]!.data)).toEqual([1, 1, 1]);
    expect(Array.from(held[2]!.data)).toEqual([2, 2, 2]);
    consumer.release();
    consumer.release();
    expect(consumer.held).toBe(0);
    expect(() => consumer.release()).toThrow(/no frame is held/);
  });

  it('refuses to publish a frame whose bytes are incomplete, and reports the partial bytes', () => {
    const producer = new FrameRingProducer(allocateSharedFrameRing(4, 2));
    producer.write(new Uint8Array(3));
    expect(producer.publish(0, false)).toBe(false);
    expect(producer.partialBytes).toBe(3);
  });

  it('wakes the producer when a frame is released, and the consumer when one is published or the ring closes', async () => {
    const buffers = allocateSharedFrameRing(2, 2);
    const producer = new FrameRingProducer(buffers);
    const consumer = new FrameRingConsumer(buffers);
    producer.write(new Uint8Array(4));
    producer.publish(1, false);
    producer.publish(2, false);
    const released = producer.releasedSince(producer.consumed);
    consumer.take();
    consumer.release();
    await released;
    expect(producer.consumed).toBe(1);

    const published = consumer.publishedSince(2);
    producer.write(new Uint8Array(2));
    producer.publish(3, false);
    await published;
    expect(consumer.published).toBe(3);

    const closed = consumer.publishedSince(3);
    producer.close();
    await closed;
    expect(consumer.closed).toBe(true);
  });

  it('needs two slots and a positive frame size', () => {
    expect(() => allocateSharedFrameRing(4, 1)).toThrow(RangeError);
    expect(() => allocateSharedFrameRing(0, 3)).toThrow(RangeError);
  });
});
