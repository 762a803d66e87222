import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EnvelopeAhead, expectedWidth, type EnvelopeRequest } from '../../../src-renderer/review/timeline/envelopeAhead.js';
import type { EnvelopeData } from '../../../src-renderer/review/timeline/drawTimeline.js';

const envelopeOf = (r: EnvelopeRequest): EnvelopeData => ({
  from: r.from,
  to: r.to,
  buckets: r.buckets,
  columns: ['neutral'],
  min: new Float32Array(r.buckets),
  max: new Float32Array(r.buckets),
});

function recorder() {
  const asked: EnvelopeRequest[] = [];
  const ahead = new EnvelopeAhead(async (r) => {
    asked.push(r);
    return envelopeOf(r);
  });
  return { asked, ahead };
}

describe('the overview envelope asked for ahead', () => {
  it('hands the envelope over once to a request for exactly the same, and asks the host only once', async () => {
    const { asked, ahead } = recorder();
    const request = { id: 3, from: 0, to: 324000, buckets: 1192 };
    ahead.start(request);
    const taken = ahead.take({ ...request });
    expect(taken).not.toBeNull();
    expect(await taken).toMatchObject({ from: 0, to: 324000, buckets: 1192 });
    expect(ahead.take(request)).toBeNull();
    expect(asked).toHaveLength(1);
  });

  it('gives nothing for another recording, range or width, and keeps only the latest one asked for (property)', () => {
    const req = fc.record({ id: fc.nat(5), from: fc.nat(3), to: fc.integer({ min: 4, max: 6 }), buckets: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.array(req, { minLength: 1, maxLength: 4 }), req, (started, wanted) => {
        const { ahead } = recorder();
        for (const r of started) ahead.start(r);
        const last = started[started.length - 1] as EnvelopeRequest;
        const same = last.id === wanted.id && last.from === wanted.from && last.to === wanted.to && last.buckets === wanted.buckets;
        expect(ahead.take(wanted) !== null).toBe(same);
      }),
    );
  });

  it('passes a failure to whoever takes it, and none goes unhandled before', async () => {
    const ahead = new EnvelopeAhead(async () => {
      throw new Error('Recording #3 has no complete analysis');
    });
    ahead.start({ id: 3, from: 0, to: 10, buckets: 5 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(ahead.take({ id: 3, from: 0, to: 10, buckets: 5 })).rejects.toThrow('no complete analysis');
  });
});

describe('the overview width expected at a window width', () => {
  it('is the width remembered at the same window width, and nothing otherwise', () => {
    expect(expectedWidth({ windowWidth: 1400, width: 1192 }, 1400)).toBe(1192);
    expect(expectedWidth({ windowWidth: 1400, width: 1192 }, 1401)).toBeNull();
    for (const bad of [
      null,
      'x',
      7,
      {},
      { windowWidth: 1400 },
      { windowWidth: 1400, width: 0 },
      { windowWidth: 1400, width: 10.5 },
      { windowWidth: '1400', width: 9 },
    ]) {
      expect(expectedWidth(bad, 1400)).toBeNull();
    }
  });
});
