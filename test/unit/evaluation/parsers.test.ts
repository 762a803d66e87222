import { describe, expect, it } from 'vitest';
import { parseTruth } from '../../../src-main/evaluation/parseTruth.js';
import { parseCandidates } from '../../../src-main/evaluation/parseCandidates.js';
import { evaluateSpotting } from '../../../src-main/evaluation/metrics.js';
import { spotCandidates } from '../../../src-main/spotting/spot.js';
import { calmFace, inject } from '../spotting/synthetic.js';

describe('parseTruth (CSV)', () => {
  it('reads onset, offset, apex, emotion and kind, in any column order, with extra columns', () => {
    const csv = [
      '# converted from CAS(ME)^2',
      'video,Onset,apex,offset,emotion,kind',
      's15_0101,10,12,15,happiness,micro',
      's15_0101,100,110,160,Disgust,macro-expression',
      '"s15, 0102",200,-1,205,,ME',
      '',
    ].join('\r\n');
    expect(parseTruth(csv, 'csv')).toEqual([
      { onset: 10, apex: 12, offset: 15, emotion: 'enjoyment', kind: 'micro' },
      { onset: 100, apex: 110, offset: 160, emotion: 'disgust', kind: 'macro' },
      { onset: 200, offset: 205, kind: 'micro' },
    ]);
  });

  it('derives a missing kind from the duration at the given fps, and converts 1-based frame numbers', () => {
    const csv = 'onset_frame;offset_frame;label\n1;15;others\n1;16;fear\n';
    expect(parseTruth(csv, 'csv', { fps: 30 })).toEqual([
      { onset: 1, offset: 15, emotion: 'others', kind: 'micro' },
      { onset: 1, offset: 16, emotion: 'fear', kind: 'macro' },
    ]);
    expect(parseTruth(csv, 'csv', { fps: 30, frameBase: 1 })[0]).toMatchObject({ onset: 0, offset: 14 });
    expect(parseTruth('Onset\tOffset\tType\n5\t9\tMicro - 1/2\n', 'csv')).toEqual([{ onset: 5, offset: 9, kind: 'micro' }]);
  });

  it('says which line and field is wrong', () => {
    expect(() => parseTruth('', 'csv')).toThrow(/empty: it needs a header line/);
    expect(() => parseTruth('start,stop\n1,2\n', 'csv')).toThrow(/line 1: the header has no "offset" column \(found: start, stop\)/);
    expect(() => parseTruth('onset,offset,kind\n1,2,micro\nx,5,micro\n', 'csv')).toThrow(
      /line 3: onset must be a whole frame number, got "x"/,
    );
    expect(() => parseTruth('onset,offset,kind\n1,2,micro\n9,5,micro\n', 'csv')).toThrow(/line 3: offset 5 is before onset 9/);
    expect(() => parseTruth('onset,offset,kind\n1,2.5,micro\n', 'csv')).toThrow(/line 2: offset must be a whole frame number, got "2.5"/);
    expect(() => parseTruth('onset,offset,kind\n1,2,mini\n', 'csv')).toThrow(/line 2: kind must be micro or macro, got "mini"/);
    expect(() => parseTruth('onset,offset\n1,2\n', 'csv')).toThrow(/line 2: no kind, and no fps/);
    expect(() => parseTruth('onset,offset,apex,kind\n1,5,9,micro\n', 'csv')).toThrow(/line 2: apex 9 is outside onset..offset \(1..5\)/);
    expect(() => parseTruth('onset,offset,kind\n0,5,micro\n', 'csv', { frameBase: 1 })).toThrow(
      /line 2: onset 0 is before the first frame \(1\)/,
    );
    expect(() => parseTruth('onset,offset,kind\n"1,5,micro\n', 'csv')).toThrow(/line 2: a quoted field is not closed/);
    expect(() => parseTruth('onset,offset,kind\n1,5,micro\n', 'xml' as never)).toThrow(/unknown ground-truth format "xml"/);
  });
});

describe('parseTruth (JSON)', () => {
  it('reads an array, or {"fps","intervals"} with the fps used for missing kinds', () => {
    expect(parseTruth('[{"onset":3,"offset":4,"kind":"macro","emotion":"Sad"}]', 'json')).toEqual([
      { onset: 3, offset: 4, kind: 'macro', emotion: 'sadness' },
    ]);
    expect(parseTruth('{"fps":25,"intervals":[{"onsetFrame":0,"apexFrame":2,"offsetFrame":11},{"onset":0,"offset":12}]}', 'json')).toEqual([
      { onset: 0, apex: 2, offset: 11, kind: 'micro' },
      { onset: 0, offset: 12, kind: 'macro' },
    ]);
  });

  it('says which item and field is wrong', () => {
    expect(() => parseTruth('{"a":', 'json')).toThrow(/not valid JSON/);
    expect(() => parseTruth('{"a":1}', 'json')).toThrow(/array of intervals or an object with an "intervals" array/);
    expect(() => parseTruth('[{"onset":1,"offset":2,"kind":"micro"},{"onset":"1","offset":2,"kind":"micro"}]', 'json')).toThrow(
      /\[1\]: onset must be a whole frame number, got "1"/,
    );
    expect(() => parseTruth('{"intervals":[{"offset":2,"kind":"micro"}]}', 'json')).toThrow(
      /intervals\[0\]: onset must be a whole frame number, got nothing/,
    );
    expect(() => parseTruth('[3]', 'json')).toThrow(/\[0\]: expected an object with onset and offset, got 3/);
    expect(() => parseTruth('[{"onset":1,"offset":2,"kind":5}]', 'json')).toThrow(/\[0\]: kind must be micro or macro, got 5/);
    expect(() => parseTruth('{"fps":-1,"intervals":[]}', 'json')).toThrow(/fps: expected a positive number/);
  });
});

describe('parseCandidates', () => {
  it('reads what the spotter produces, and evaluating it against its own truth is perfect', () => {
    const s = calmFace({ seconds: 30, seed: 9 });
    inject(s, 'au01_02', 200, 3, 0.04);
    inject(s, 'au06_12', 450, 30, 0.05, (n, k) => Math.min(1, (k + 1) / 4, (n - k) / 4));
    const result = spotCandidates(s.input());
    const json = JSON.stringify({ fps: s.fps, frames: s.frames, candidates: result.candidates });
    const parsed = parseCandidates(json);
    expect(parsed.fps).toBe(25);
    expect(parsed.frames).toBe(s.frames);
    expect(parsed.candidates.map((c) => c.kind)).toEqual(['micro', 'macro']);
    expect(parsed.candidates[0]).toMatchObject({
      onset: result.candidates[0]?.onsetFrame,
      offset: result.candidates[0]?.offsetFrame,
      apex: result.candidates[0]?.apexFrame,
      emotion: result.candidates[0]?.emotion,
      score: result.candidates[0]?.score,
    });
    const truth = parseTruth(json.replace('"candidates"', '"intervals"'), 'json');
    expect(evaluateSpotting(truth, parsed.candidates, s.frames).overall.f1).toBe(1);
    expect(parseCandidates(JSON.parse(json) as unknown)).toEqual(parsed);
  });

  it('says which candidate and field is wrong', () => {
    expect(() => parseCandidates('nope')).toThrow(/not valid JSON/);
    expect(() => parseCandidates('[]')).toThrow(/must be an object/);
    expect(() => parseCandidates('{"fps":25}')).toThrow(/candidates: expected an array, got nothing/);
    expect(() => parseCandidates('{"fps":"25","candidates":[]}')).toThrow(/fps: expected a positive number, got "25"/);
    expect(() => parseCandidates('{"candidates":[{"onsetFrame":1,"offsetFrame":0,"kind":"micro"}]}')).toThrow(
      /candidates\[0\].offsetFrame: 0 is before onsetFrame 1/,
    );
    expect(() => parseCandidates('{"candidates":[{"onsetFrame":1.5,"offsetFrame":2,"kind":"micro"}]}')).toThrow(
      /candidates\[0\].onsetFrame: expected a whole frame number ≥ 0, got 1.5/,
    );
    expect(() => parseCandidates('{"frames":10,"candidates":[{"onsetFrame":1,"offsetFrame":10,"kind":"micro"}]}')).toThrow(
      /candidates\[0\].offsetFrame: frame 10 is beyond the recording's 10 frames/,
    );
    expect(() => parseCandidates('{"candidates":[{"onsetFrame":1,"offsetFrame":2}]}')).toThrow(
      /candidates\[0\].kind: expected "micro", "macro" or "onset-of-macro", got nothing \(and no fps/,
    );
    expect(() => parseCandidates('{"candidates":[{"onsetFrame":1,"offsetFrame":2,"kind":"micro","apexFrame":7}]}')).toThrow(
      /candidates\[0\].apexFrame: 7 is outside/,
    );
    expect(() => parseCandidates('{"candidates":[{"onsetFrame":1,"offsetFrame":2,"kind":"micro","score":"high"}]}')).toThrow(
      /candidates\[0\].score: expected a number/,
    );
    expect(parseCandidates('{"fps":10,"candidates":[{"onsetFrame":0,"offsetFrame":5}]}').candidates[0]?.kind).toBe('macro');
  });
});
