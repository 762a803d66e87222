import type { CodedEvent, PairAgreement } from './eventAgreement.js';

/** Where two coders differ, with the frames to look at. */
export interface Disagreement {
  /** Found by one coder only; named emotions differ; both found it but the boundaries are further apart than allowed. */
  kind: 'only-a' | 'only-b' | 'emotion' | 'boundaries';
  /** The frames to open: the union of both events' frames. */
  onset: number;
  offset: number;
  a: CodedEvent | null;
  b: CodedEvent | null;
}

/**
 * Every disagreement of a pair, in time order: events found by one coder only,
 * matched events named with another emotion, and matched events whose onset
 * or offset differ by more than `boundaryFrames`. Pure.
 */
export function disagreements(
  pair: Pick<PairAgreement, 'matched' | 'onlyA' | 'onlyB'>,
  a: readonly CodedEvent[],
  b: readonly CodedEvent[],
  boundaryFrames = 2,
): Disagreement[] {
  const out: Disagreement[] = [];
  for (const i of pair.onlyA) out.push({ kind: 'only-a', onset: a[i]!.onset, offset: a[i]!.offset, a: a[i]!, b: null });
  for (const j of pair.onlyB) out.push({ kind: 'only-b', onset: b[j]!.onset, offset: b[j]!.offset, a: null, b: b[j]! });
  for (const m of pair.matched) {
    const x = a[m.a]!;
    const y = b[m.b]!;
    const place = { onset: Math.min(x.onset, y.onset), offset: Math.max(x.offset, y.offset), a: x, b: y };
    if ((x.emotion ?? null) !== (y.emotion ?? null)) out.push({ kind: 'emotion', ...place });
    else if (Math.abs(x.onset - y.onset) > boundaryFrames || Math.abs(x.offset - y.offset) > boundaryFrames)
      out.push({ kind: 'boundaries', ...place });
  }
  return out.sort((p, q) => p.onset - q.onset || p.offset - q.offset);
}
