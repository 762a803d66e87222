import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeSecondsLeft, playbackSummary, secondsLeft } from '../../../src-shared/app/libraryLabels.js';
import type { Playback, ProxyInfo } from '../../../src-shared/domain/proxy.js';

const proxy = (over: Partial<ProxyInfo>): ProxyInfo => ({
  status: 'not-needed',
  reasons: [],
  error: null,
  sizeBytes: null,
  madeAt: null,
  ...over,
});
const playback = (over: Partial<Playback>): Playback => ({
  source: 'original',
  isProxy: false,
  path: '/media/original/1',
  contentType: 'video/mp4',
  firstFrameMediaTimeS: 0,
  playable: true,
  ...over,
});

describe('the library’s labels', () => {
  it('says what plays and why', () => {
    expect(playbackSummary(proxy({}), playback({})).text).toBe('original');
    const copy = playbackSummary(
      proxy({ status: 'ready', reasons: [{ code: 'codec', message: 'Chromium cannot decode mpeg2video' }] }),
      playback({ source: 'proxy', isProxy: true }),
    );
    expect(copy).toEqual({
      text: 'review copy',
      why: 'A frame-exact review copy plays, because the original does not play well: Chromium cannot decode mpeg2video.',
    });
    const waiting = playbackSummary(
      proxy({ status: 'making', reasons: [{ code: 'codec', message: 'Chromium cannot decode mpeg2video' }] }),
      playback({ playable: false }),
    );
    expect(waiting.text).toBe('not playable yet');
    expect(
      playbackSummary(
        proxy({ status: 'failed', error: 'disk full', reasons: [{ code: 'long-gop', message: 'key frames 10 s apart' }] }),
        playback({}),
      ).why,
    ).toBe('The original plays, though key frames 10 s apart; making its review copy failed (disk full).');
  });

  it('time left: none until enough has happened, then the rest at the rate seen', () => {
    expect(secondsLeft({ atMs: 0, done: 0 }, { atMs: 1000, done: 50 }, 1000)).toBeNull(); // under 2 s
    expect(secondsLeft({ atMs: 0, done: 0 }, { atMs: 10_000, done: 250 }, 1000)).toBe(30);
    expect(describeSecondsLeft(30)).toBe('about 30 s left');
    expect(describeSecondsLeft(5)).toBe('under 10 s left');
    expect(describeSecondsLeft(600)).toBe('about 10 min left');
  });

  it('time left never negative, and zero when all is done', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 2001, max: 1e7 }),
        (total, d, ms) => {
          const done = Math.min(total, d);
          const left = secondsLeft({ atMs: 0, done: 0 }, { atMs: ms, done }, total);
          if (left !== null) expect(left).toBeGreaterThanOrEqual(0);
          if (done === total && left !== null) expect(left).toBe(0);
        },
      ),
    );
  });
});
