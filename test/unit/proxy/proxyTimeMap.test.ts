import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchFrameTables, offsetSeconds, proxyTicksFor, proxyTimeMapFor } from '../../../src-main/proxy/proxyTimeMap.js';

const timeBaseArb = fc.oneof(
  fc.constantFrom(
    { num: 1, den: 90000 },
    { num: 1, den: 12800 },
    { num: 1, den: 1000 },
    { num: 1, den: 25 },
    { num: 1001, den: 30000 },
    { num: 1, den: 30000 },
  ),
  fc.record({ num: fc.integer({ min: 1, max: 1001 }), den: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }),
);

const tableArb = fc
  .record({
    timeBase: timeBaseArb,
    start: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
    gaps: fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 300 }),
  })
  .map(({ timeBase, start, gaps }) => {
    const ptsTicks = [start];
    for (const g of gaps) ptsTicks.push((ptsTicks[ptsTicks.length - 1] as number) + g);
    return { timeBase, ptsTicks };
  });

/** The proxy table an exact encode gives: each original tick mapped, in the proxy's time base. */
function mapped(table: { timeBase: { num: number; den: number }; ptsTicks: number[] }) {
  const map = proxyTimeMapFor(table);
  return { map, proxy: { timeBase: map.proxyTimeBase, ptsTicks: table.ptsTicks.map((t) => Number(proxyTicksFor(map, t))) } };
}

describe('the proxy time map (examples)', () => {
  it('MPEG-PS: 1/90000, starting at 0.54 s: the proxy starts at 0 in 1/90000', () => {
    const table = { timeBase: { num: 1, den: 90000 }, ptsTicks: [48600, 52200, 55800] };
    const map = proxyTimeMapFor(table);
    expect(map).toEqual({ sourceTimeBase: { num: 1, den: 90000 }, offsetTicks: 48600, proxyTimeBase: { num: 1, den: 90000 } });
    expect(table.ptsTicks.map((t) => proxyTicksFor(map, t))).toEqual([0n, 3600n, 7200n]);
    expect(offsetSeconds(map)).toBe(0.54);
  });
  it('AVI at 1001/30000: one original tick is 1001 proxy ticks of 1/30000', () => {
    const map = proxyTimeMapFor({ timeBase: { num: 1001, den: 30000 }, ptsTicks: [0, 1, 2] });
    expect(map.proxyTimeBase).toEqual({ num: 1, den: 30000 });
    expect(proxyTicksFor(map, 2)).toBe(2002n);
  });
  it('refuses time bases an MP4 track cannot hold', () => {
    expect(() => proxyTimeMapFor({ timeBase: { num: 1, den: 2 ** 31 }, ptsTicks: [0] })).toThrow(/finer than an MP4 track/);
    expect(() => proxyTimeMapFor({ timeBase: { num: 1, den: 1000 }, ptsTicks: [] })).toThrow(/empty/);
  });
  it('names the first frame that differs, and a different frame count', () => {
    const table = { timeBase: { num: 1, den: 1000 }, ptsTicks: [500, 540, 580, 620] };
    const { map, proxy } = mapped(table);
    expect(matchFrameTables(table, map, proxy)).toEqual({ ok: true });
    expect(matchFrameTables(table, map, { ...proxy, ptsTicks: [0, 40, 81, 120] })).toEqual({
      ok: false,
      reason: 'frame 2 is at 0.081000 s in the proxy but 0.080000 s after frame 0 in the original',
    });
    expect(matchFrameTables(table, map, { ...proxy, ptsTicks: [0, 40, 80] })).toEqual({
      ok: false,
      reason: 'the proxy has 3 frames, the original 4',
    });
  });
});

describe('the proxy time map (properties)', () => {
  it('an exact encode matches, whatever the time base, start (negative too) and gaps', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const { map, proxy } = mapped(table);
        expect(proxy.ptsTicks[0]).toBe(0);
        expect(matchFrameTables(table, map, proxy)).toEqual({ ok: true });
      }),
    );
  });

  it('a proxy in any finer time base that keeps the times matches too (comparison is by rational value)', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 2, max: 1000 }), (table, k) => {
        const { map, proxy } = mapped(table);
        const finer = { timeBase: { num: 1, den: proxy.timeBase.den * k }, ptsTicks: proxy.ptsTicks.map((t) => t * k) };
        fc.pre(finer.ptsTicks.every(Number.isSafeInteger) && Number.isSafeInteger(finer.timeBase.den));
        expect(matchFrameTables(table, map, finer)).toEqual({ ok: true });
      }),
    );
  });

  it('one tick off anywhere is caught, at that frame', () => {
    fc.assert(
      fc.property(tableArb, fc.nat(), fc.constantFrom(-1, 1), (table, at, delta) => {
        const { map, proxy } = mapped(table);
        const i = at % proxy.ptsTicks.length;
        const wrong = { ...proxy, ptsTicks: proxy.ptsTicks.map((t, j) => (j === i ? t + delta : t)) };
        const result = matchFrameTables(table, map, wrong);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toMatch(new RegExp(`^frame ${i} `));
      }),
    );
  });

  it('a dropped or duplicated frame is caught', () => {
    fc.assert(
      fc.property(tableArb, fc.nat(), fc.boolean(), (table, at, drop) => {
        const { map, proxy } = mapped(table);
        const i = at % proxy.ptsTicks.length;
        const ticks = [...proxy.ptsTicks];
        if (drop) ticks.splice(i, 1);
        else ticks.splice(i, 0, ticks[i] as number);
        expect(matchFrameTables(table, map, { ...proxy, ptsTicks: ticks }).ok).toBe(false);
      }),
    );
  });

  it('proxy seconds equal the original seconds minus frame 0 seconds, exactly', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const { map } = mapped(table);
        const { num, den } = table.timeBase;
        for (const t of table.ptsTicks) {
          // (t − t0)·num/den  ==  proxy·1/den
          expect((BigInt(t) - BigInt(table.ptsTicks[0] as number)) * BigInt(num)).toBe(proxyTicksFor(map, t));
        }
        expect(den).toBe(map.proxyTimeBase.den);
      }),
    );
  });
});
