import { matchIntervals } from '../evaluation/match.js';
import { cohenKappa, type KappaResult } from './cohenKappa.js';
import { krippendorffAlphaNominal, type AlphaResult } from './krippendorffAlpha.js';

/** One coded event of a pass: frames inclusive, the emotion named (null: none). */
export interface CodedEvent {
  onset: number;
  apex: number | null;
  offset: number;
  emotion: string | null;
  /** Where it is stored, for events of the case (its working set 'case', or a coding pass): what adjudication acts on. */
  ref?: { set: 'case' | number; annotationId: number };
}

/** Said for "no emotion" wherever a label is compared. */
export const NO_EMOTION = 'none';
/** Frame by frame: a frame in an event that names no emotion (outside every event is NO_EMOTION). */
export const UNLABELLED = 'event without emotion';

export interface PairAgreement {
  /** Events matched one to one by the MEGC rule (IoU ≥ minIoU, highest IoU first). */
  matched: { a: number; b: number; iou: number }[];
  onlyA: number[];
  onlyB: number[];
  /** B against A as the reference: precision = matched / B's events, recall = matched / A's events. */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Cohen's kappa of the emotions of the matched events. */
  emotionKappa: KappaResult;
  /** Frame by frame, per emotion: does each pass put this frame in an event of that emotion? */
  frameKappa: Record<string, KappaResult>;
  /** Mean absolute differences in frames over the matched events (apex: those with both apexes). */
  meanDifference: { onset: number | null; apex: number | null; offset: number | null };
}

const ratio = (num: number, den: number) => (den === 0 ? null : num / den);
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/**
 * How far two passes over one recording agree: which events both found, how
 * their emotions and boundaries compare, and frame by frame per emotion. F1,
 * the kappas and the differences are symmetric in A and B; precision and recall
 * swap. Pure.
 */
export function pairAgreement(
  a: readonly CodedEvent[],
  b: readonly CodedEvent[],
  frames: number,
  emotions: readonly string[],
  minIoU = 0.5,
): PairAgreement {
  const matched = matchIntervals(a, b, minIoU).map((m) => ({ a: m.truth, b: m.predicted, iou: m.iou }));
  const inA = new Set(matched.map((m) => m.a));
  const inB = new Set(matched.map((m) => m.b));
  const precision = ratio(matched.length, b.length);
  const recall = ratio(matched.length, a.length);
  const f1 = a.length + b.length === 0 ? null : (2 * matched.length) / (a.length + b.length);
  const label = (e: CodedEvent) => e.emotion ?? NO_EMOTION;
  const emotionKappa = cohenKappa(matched.map((m) => [label(a[m.a]!), label(b[m.b]!)] as const));
  const frameKappa: Record<string, KappaResult> = {};
  const labelsA = frameLabels(a, frames);
  const labelsB = frameLabels(b, frames);
  for (const emotion of emotions) {
    const pairs: [string, string][] = [];
    for (let f = 0; f < frames; f++) pairs.push([String(labelsA[f]!.has(emotion)), String(labelsB[f]!.has(emotion))]);
    frameKappa[emotion] = cohenKappa(pairs);
  }
  const diff = (pick: (e: CodedEvent) => number | null) =>
    mean(
      matched.flatMap((m) => {
        const x = pick(a[m.a]!);
        const y = pick(b[m.b]!);
        return x === null || y === null ? [] : [Math.abs(x - y)];
      }),
    );
  return {
    matched,
    onlyA: a.map((_, i) => i).filter((i) => !inA.has(i)),
    onlyB: b.map((_, j) => j).filter((j) => !inB.has(j)),
    precision,
    recall,
    f1,
    emotionKappa,
    frameKappa,
    meanDifference: { onset: diff((e) => e.onset), apex: diff((e) => e.apex), offset: diff((e) => e.offset) },
  };
}

/** The emotions each frame is in an event of (frames outside the recording ignored). */
function frameLabels(events: readonly CodedEvent[], frames: number): Set<string>[] {
  const out = Array.from({ length: frames }, () => new Set<string>());
  for (const e of events) for (let f = Math.max(0, e.onset); f <= Math.min(frames - 1, e.offset); f++) out[f]!.add(e.emotion ?? NO_EMOTION);
  return out;
}

/**
 * Krippendorff's alpha of two or more passes, frame by frame: each frame's
 * value is the emotion of the event it is in ("none" outside every event; the
 * first by onset when a pass has two there). Every pass codes every frame.
 */
export function frameAlpha(passes: readonly (readonly CodedEvent[])[], frames: number): AlphaResult {
  const perPass = passes.map((events) => {
    const labels: string[] = Array.from({ length: frames }, () => NO_EMOTION);
    // An event without an emotion is not "no event": it has its own value.
    for (const e of [...events].sort((x, y) => y.onset - x.onset))
      for (let f = Math.max(0, e.onset); f <= Math.min(frames - 1, e.offset); f++) labels[f] = e.emotion ?? UNLABELLED;
    return labels;
  });
  const units = Array.from({ length: frames }, (_, f) => perPass.map((labels) => labels[f]!));
  return krippendorffAlphaNominal(units);
}

/**
 * Krippendorff's alpha of the emotions of matched events, for two or more
 * coders: events of different coders matched by the MEGC rule (pair by pair)
 * are one unit (joined through any pair); each coder's value in a unit is the
 * emotion of its event there ("none" for an event without one), missing when it
 * has none there. Units found by one coder only carry no pairable value.
 */
export function emotionAlpha(coders: readonly (readonly CodedEvent[])[], minIoU = 0.5): AlphaResult {
  const offsets: number[] = [];
  let total = 0;
  for (const events of coders) {
    offsets.push(total);
    total += events.length;
  }
  const parent = Array.from({ length: total }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let x = 0; x < coders.length; x++)
    for (let y = x + 1; y < coders.length; y++)
      for (const m of matchIntervals(coders[x]!, coders[y]!, minIoU)) parent[find(offsets[x]! + m.truth)] = find(offsets[y]! + m.predicted);
  const units = new Map<number, (string | null)[]>();
  coders.forEach((events, c) =>
    events.forEach((e, i) => {
      const root = find(offsets[c]! + i);
      const unit = units.get(root) ?? Array.from({ length: coders.length }, () => null as string | null);
      unit[c] ??= e.emotion ?? NO_EMOTION;
      units.set(root, unit);
    }),
  );
  return krippendorffAlphaNominal([...units.values()]);
}
