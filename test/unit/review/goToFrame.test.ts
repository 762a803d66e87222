import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseGoToFrame } from '../../../src-shared/review/goToFrame.js';

describe('the go-to-frame field', () => {
  it('takes a frame of the recording', () => {
    expect(parseGoToFrame('400', 765)).toEqual({ frame: 400 });
    expect(parseGoToFrame(' 0 ', 765)).toEqual({ frame: 0 });
    expect(parseGoToFrame('764', 765)).toEqual({ frame: 764 });
  });

  it('refuses a frame outside the recording with its range, instead of showing another frame', () => {
    expect(parseGoToFrame('300400', 765)).toEqual({ problem: 'Frame 300400 is outside this recording: its frames are 0–764.' });
    expect(parseGoToFrame('765', 765)).toEqual({ problem: 'Frame 765 is outside this recording: its frames are 0–764.' });
    expect(parseGoToFrame('-3', 765)).toEqual({ problem: '“-3” is not a frame number: type digits only.' });
    expect(parseGoToFrame('12.5', 765)).toEqual({ problem: '“12.5” is not a frame number: type digits only.' });
    expect(parseGoToFrame('', 765)).toEqual({ problem: 'Type a frame number.' });
    expect('problem' in parseGoToFrame('9'.repeat(40), 765)).toBe(true);
  });

  it('gives a frame exactly when the text is the digits of one inside the recording', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.integer({ min: 1, max: 10_000_000 }), (text, count) => {
        const r = parseGoToFrame(text, count);
        const valid = /^\s*\d+\s*$/.test(text) && Number(text.trim()) < count;
        expect('frame' in r).toBe(valid);
        if ('frame' in r) expect(r.frame).toBe(Number(text.trim()));
      }),
    );
  });
});
