import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDecodeWorkerCore, type RunDecoder } from '../../../src-renderer/review/player/playerDecodeWorkerCore.js';
import type { FromDecodeWorker } from '../../../src-renderer/review/player/playerDecodeProtocol.js';
import type { DecodedFrame, DecodeStats } from '../../../src-renderer/review/player/frameDecoder.js';
import {
  CONTINUE_GAP,
  continuesOpenDecode,
  LOW_LATENCY_MAX_FROM_KEY,
  seeksWithLowLatency,
} from '../../../src-shared/review/frameCachePlan.js';

const STATS: DecodeStats = {
  seeked: true,
  passed: 0,
  converted: 0,
  waitMs: 0,
  convertMs: 0,
  firstFrameMs: null,
  marks: null,
  fromKey: null,
};
const bitmap = (frame: number) => ({ frame, close() {} }) as unknown as ImageBitmap;
const settle = () => new Promise((r) => setTimeout(r, 0));

/**
 * A stand-in decoder for the worker's message handling (the real one is
 * WebCodecs in Chromium, proven by the e2e barcode tests): it yields the
 * frames of a run one per macrotask and honours the signal like FrameDecoder.
 */
function fakeDecoder(calls: { from: number; to: number; abortedAtStart: boolean }[], fail?: string): RunDecoder {
  return {
    info: { codec: 'avc1.test', width: 4, height: 2, offset: 0 },
    unmatched: 0,
    async decode(from: number, to: number, onFrame: (f: DecodedFrame) => void, signal: AbortSignal) {
      calls.push({ from, to, abortedAtStart: signal.aborted });
      if (fail) throw new Error(fail);
      const stats = { ...STATS };
      for (let f = from; f <= to && !signal.aborted; f++) {
        await settle();
        if (signal.aborted) break;
        onFrame({ frame: f, bitmap: bitmap(f) });
        stats.converted += 1;
      }
      return stats;
    },
    async close() {},
  };
}

function harness(decoder: (calls: { from: number; to: number; abortedAtStart: boolean }[]) => Promise<RunDecoder>) {
  const posted: { message: FromDecodeWorker; transfer?: Transferable[] }[] = [];
  const calls: { from: number; to: number; abortedAtStart: boolean }[] = [];
  const handle = createDecodeWorkerCore(
    () => decoder(calls),
    (message, transfer) => posted.push({ message, transfer }),
  );
  handle({ type: 'open', url: 'http://x/media/1', pts: new Float64Array([0, 0.04]), maxSide: 1280 });
  return { handle, posted, calls, messages: () => posted.map((p) => p.message) };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await settle();
  expect(check()).toBe(true);
}

describe('decode worker core', () => {
  it('transfers each frame of a run, then ends the run after its frames', async () => {
    const h = harness(async (calls) => fakeDecoder(calls));
    h.handle({ type: 'decode', run: 1, from: 5, to: 7 });
    await until(() => h.messages().some((m) => m.type === 'run-end'));
    const types = h.messages().map((m) => (m.type === 'frame' ? `frame ${m.frame}` : m.type));
    expect(types).toEqual(['opened', 'frame 5', 'frame 6', 'frame 7', 'run-end']);
    const frame = h.posted.find((p) => p.message.type === 'frame');
    expect(frame?.transfer).toEqual([(frame?.message as { bitmap: ImageBitmap }).bitmap]);
    expect(h.messages().at(-1)).toMatchObject({ type: 'run-end', run: 1, cancelled: false, stats: { converted: 3 } });
  });

  it('a cancel stops the running run at once and the next run starts (a seek does not wait behind the cache filling)', async () => {
    const h = harness(async (calls) => fakeDecoder(calls));
    h.handle({ type: 'decode', run: 1, from: 0, to: 10_000 });
    await until(() => h.messages().filter((m) => m.type === 'frame').length >= 2);
    h.handle({ type: 'cancel', run: 1 });
    h.handle({ type: 'decode', run: 2, from: 500, to: 501 });
    await until(() => h.messages().some((m) => m.type === 'run-end' && m.run === 2));
    const m = h.messages();
    const end1 = m.findIndex((x) => x.type === 'run-end' && x.run === 1);
    expect(m[end1]).toMatchObject({ cancelled: true });
    expect(m.filter((x) => x.type === 'frame' && x.run === 1).length).toBeLessThan(10);
    // Every frame of run 1 came before its end, and run 2's frames after it.
    m.forEach((x, i) => {
      if (x.type === 'frame') expect(x.run === 1 ? i < end1 : i > end1).toBe(true);
    });
    expect(m.filter((x) => x.type === 'frame' && x.run === 2).map((x) => (x as { frame: number }).frame)).toEqual([500, 501]);
  });

  it('a run cancelled while queued starts already stopped and yields no frame', async () => {
    const h = harness(async (calls) => fakeDecoder(calls));
    h.handle({ type: 'decode', run: 1, from: 0, to: 3 });
    h.handle({ type: 'decode', run: 2, from: 40, to: 60 });
    h.handle({ type: 'cancel', run: 2 });
    await until(() => h.messages().some((m) => m.type === 'run-end' && m.run === 2));
    expect(h.calls[1]).toEqual({ from: 40, to: 60, abortedAtStart: true });
    expect(h.messages().some((m) => m.type === 'frame' && m.run === 2)).toBe(false);
    expect(h.messages().find((m) => m.type === 'run-end' && m.run === 2)).toMatchObject({ cancelled: true });
  });

  it('reports a recording that cannot be opened, and fails its runs with a reason', async () => {
    const h = harness(async () => {
      throw new Error("This window cannot decode the recording's video (hev1): it needs a review proxy.");
    });
    h.handle({ type: 'decode', run: 1, from: 0, to: 3 });
    await until(() => h.messages().some((m) => m.type === 'run-failed'));
    expect(h.messages()[0]).toEqual({
      type: 'open-failed',
      message: "This window cannot decode the recording's video (hev1): it needs a review proxy.",
    });
    expect(h.messages()[1]).toEqual({ type: 'run-failed', run: 1, message: 'The recording is not open.' });
  });

  it("a decoder error fails only its run, with the decoder's message", async () => {
    const h = harness(async (calls) => fakeDecoder(calls, 'Decoding error: corrupt slice'));
    h.handle({ type: 'decode', run: 7, from: 0, to: 3 });
    await until(() => h.messages().some((m) => m.type === 'run-failed'));
    expect(h.messages().at(-1)).toEqual({ type: 'run-failed', run: 7, message: 'Decoding error: corrupt slice' });
  });
});

describe('continuing the open decode', () => {
  it('continues only forward, within CONTINUE_GAP, and never without an open decode (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: -1, max: 500 }), fc.nat({ max: 500 }), (open, next, from) => {
        const c = continuesOpenDecode(open, next, from);
        expect(c).toBe(open && from >= next && from - next <= CONTINUE_GAP);
      }),
    );
    expect(continuesOpenDecode(true, 100, 100)).toBe(true);
    expect(continuesOpenDecode(true, 101, 100)).toBe(false);
    expect(continuesOpenDecode(true, 100, 100 + CONTINUE_GAP + 1)).toBe(false);
  });
});

describe('low-latency decoding for seeks', () => {
  it('only for seeks within LOW_LATENCY_MAX_FROM_KEY pictures of their keyframe, never when unknown (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 500 }), (fromKey) => {
        expect(seeksWithLowLatency(fromKey)).toBe(fromKey >= 0 && fromKey <= LOW_LATENCY_MAX_FROM_KEY);
      }),
    );
    expect(seeksWithLowLatency(null)).toBe(false);
    // A 1080p proxy (keyframe every 6 frames): always; an original with a keyframe every 60: only near its keyframes.
    for (let d = 0; d <= 5; d++) expect(seeksWithLowLatency(d)).toBe(true);
    expect(seeksWithLowLatency(30)).toBe(false);
  });
});
