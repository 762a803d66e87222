import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseByteRange } from '../../../src-main/media/byteRange.js';

describe('parseByteRange', () => {
  it('serves the whole resource without a Range header', () => {
    expect(parseByteRange(null, 100)).toEqual({ kind: 'whole' });
  });
  it('parses closed, open and suffix ranges', () => {
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(parseByteRange('bytes=50-500', 100)).toEqual({ kind: 'partial', start: 50, end: 99 });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
  });
  it('refuses ranges outside the resource', () => {
    expect(parseByteRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=20-10', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
  });
  it('ignores what it does not serve (several ranges, other units, garbage)', () => {
    expect(parseByteRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'whole' });
    expect(parseByteRange('items=0-1', 100)).toEqual({ kind: 'whole' });
    expect(parseByteRange('bytes=abc', 100)).toEqual({ kind: 'whole' });
  });
  it('never returns a range outside [0, size)', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.option(fc.nat(20_000)),
        fc.option(fc.nat(20_000)),
        fc.integer({ min: 1, max: 10_000 }),
        (_, a, b, size) => {
          const header = `bytes=${a ?? ''}-${b ?? ''}`;
          const r = parseByteRange(header, size);
          if (r.kind === 'partial') {
            expect(r.start).toBeGreaterThanOrEqual(0);
            expect(r.end).toBeLessThan(size);
            expect(r.start).toBeLessThanOrEqual(r.end);
          }
        },
      ),
    );
  });
});
