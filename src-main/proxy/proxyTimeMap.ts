/**
 * How a proxy's timestamps relate to the original's, exactly.
 *
 * A proxy starts at 0: its frame N is at the original's PTS of frame N minus
 * the PTS of frame 0 (the frame table's "elapsed" time, which is what players
 * show). Its track time scale is the original time base's denominator, so every
 * original tick maps to a whole number of proxy ticks:
 *
 *   proxyTicks(N) = (ptsTicks(N) − ptsTicks(0)) × num        in 1/den
 *
 * Verification compares as rationals with BigInt arithmetic, so it holds
 * whatever time base the proxy file ends up with, and nothing is rounded.
 */
import type { ProxyTimeMap, TimeBase } from '../../src-shared/domain/proxy.js';

/** An MP4 track time scale is an unsigned 32-bit integer; ffmpeg takes it as a signed int. */
const MAX_TIMESCALE = 2 ** 31 - 1;

export function proxyTimeMapFor(table: { timeBase: TimeBase; ptsTicks: ArrayLike<number> }): ProxyTimeMap {
  const first = table.ptsTicks[0];
  if (first === undefined) throw new Error('the frame table is empty');
  const { num, den } = table.timeBase;
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num <= 0 || den <= 0)
    throw new Error(`the time base ${num}/${den} is not usable`);
  if (den > MAX_TIMESCALE) throw new Error(`the time base 1/${den} is finer than an MP4 track can hold`);
  return { sourceTimeBase: { num, den }, offsetTicks: first, proxyTimeBase: { num: 1, den } };
}

/** The proxy tick the original tick lands on (exact: an integer by construction). */
export function proxyTicksFor(map: ProxyTimeMap, sourceTicks: number): bigint {
  const { num, den } = map.sourceTimeBase;
  const numer = (BigInt(sourceTicks) - BigInt(map.offsetTicks)) * BigInt(num) * BigInt(map.proxyTimeBase.den);
  const denom = BigInt(den) * BigInt(map.proxyTimeBase.num);
  if (numer % denom !== 0n) throw new Error(`tick ${sourceTicks} does not fall on a proxy tick`);
  return numer / denom;
}

/** The offset in seconds, for filters that work in seconds (audio): a float, within a microsecond. */
export function offsetSeconds(map: ProxyTimeMap): number {
  return (map.offsetTicks * map.sourceTimeBase.num) / map.sourceTimeBase.den;
}

export type FrameTableMatch = { ok: true } | { ok: false; reason: string };

/**
 * Whether the proxy's decoded frame table is the original's, mapped: the same
 * number of frames and, for every frame, proxy time = original time − frame 0's
 * time, as exact rationals. The reason names the first frame that differs.
 */
export function matchFrameTables(
  source: { timeBase: TimeBase; ptsTicks: ArrayLike<number> },
  map: ProxyTimeMap,
  proxy: { timeBase: TimeBase; ptsTicks: ArrayLike<number> },
): FrameTableMatch {
  if (proxy.ptsTicks.length !== source.ptsTicks.length) {
    return { ok: false, reason: `the proxy has ${proxy.ptsTicks.length} frames, the original ${source.ptsTicks.length}` };
  }
  const sNum = BigInt(source.timeBase.num);
  const sDen = BigInt(source.timeBase.den);
  const pNum = BigInt(proxy.timeBase.num);
  const pDen = BigInt(proxy.timeBase.den);
  const offset = BigInt(map.offsetTicks);
  for (let i = 0; i < source.ptsTicks.length; i++) {
    // (s − offset) × sNum / sDen  ==  p × pNum / pDen
    const expected = (BigInt(source.ptsTicks[i] as number) - offset) * sNum * pDen;
    const actual = BigInt(proxy.ptsTicks[i] as number) * pNum * sDen;
    if (expected !== actual) {
      const seconds = (t: bigint, d: bigint) => (Number(t) / Number(d)).toFixed(6);
      return {
        ok: false,
        reason: `frame ${i} is at ${seconds(actual, pDen * sDen)} s in the proxy but ${seconds(expected, pDen * sDen)} s after frame 0 in the original`,
      };
    }
  }
  return { ok: true };
}
