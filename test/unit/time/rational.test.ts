import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRational, parseRational, rationalToNumber } from '../../../src-shared/time/index.js';

describe('parseRational', () => {
  it.each([
    ['30000/1001', { num: 30000, den: 1001 }],
    ['1/90000', { num: 1, den: 90000 }],
    ['25', { num: 25, den: 1 }],
    ['25/1', { num: 25, den: 1 }],
    ['0/1', { num: 0, den: 1 }],
    ['-0/1', { num: 0, den: 1 }],
    ['-1/2', { num: -1, den: 2 }],
    ['60/2', { num: 60, den: 2 }],
  ])('parses %s', (text, expected) => {
    expect(parseRational(text)).toEqual(expected);
  });

  it.each([
    '0/0',
    '1/0',
    '25/-1',
    '-25/-1',
    '',
    '/',
    '1/',
    '/2',
    'abc',
    '1.5',
    '30000/1001/2',
    ' 25',
    '25 ',
    '1e3',
    '+25',
    '0x10',
    '9007199254740992/1',
    '1/9007199254740992',
  ])('rejects %j', (text) => {
    expect(parseRational(text)).toBeNull();
  });

  it('gives back what formatRational printed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (num, den) => {
        expect(parseRational(formatRational({ num, den }))).toEqual({ num, den });
      }),
    );
  });
});

describe('formatRational / rationalToNumber', () => {
  it('prints num/den even for whole numbers, as ffprobe does', () => {
    expect(formatRational({ num: 25, den: 1 })).toBe('25/1');
    expect(formatRational({ num: 30000, den: 1001 })).toBe('30000/1001');
  });

  it('converts to a float', () => {
    expect(rationalToNumber({ num: 30000, den: 1001 })).toBeCloseTo(29.97003, 5);
    expect(rationalToNumber({ num: 1, den: 4 })).toBe(0.25);
  });
});
