import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultWorkerCount, WORKER_MEMORY_BYTES } from '../../../src-main/scan/defaultWorkers.js';

const GiB = 1024 ** 3;

describe('default number of scan workers', () => {
  it('is one per two cores, bounded by memory, and at least one', () => {
    expect(defaultWorkerCount(2, 24 * GiB)).toBe(1);
    expect(defaultWorkerCount(8, 64 * GiB)).toBe(4);
    expect(defaultWorkerCount(16, 1 * GiB)).toBe(2);
    expect(defaultWorkerCount(1, 512 * 1024 ** 2)).toBe(1);
  });

  it('never asks for more than the cores or the memory hold, nor fewer than one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 256 }), fc.double({ min: 1e8, max: 1e13, noNaN: true }), (cores, memory) => {
        const n = defaultWorkerCount(cores, memory);
        expect(Number.isInteger(n)).toBe(true);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(Math.max(1, Math.floor(cores / 2)));
        expect(n).toBeLessThanOrEqual(Math.max(1, Math.floor(memory / WORKER_MEMORY_BYTES)));
      }),
    );
  });
});
