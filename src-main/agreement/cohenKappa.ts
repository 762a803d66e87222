/**
 * Cohen's kappa between two coders who each gave one nominal label to the same
 * items: (observed agreement − agreement expected by chance from each coder's
 * own label frequencies) / (1 − chance agreement). 1 is perfect agreement, 0 is
 * what chance gives, below 0 worse than chance. Pure.
 *
 * When both coders used one and the same label for every item, chance
 * agreement is 1 and kappa is undefined: null, not a number that would look
 * like a finding.
 */
export interface KappaResult {
  kappa: number | null;
  /** Share of items given the same label. */
  observed: number;
  /** Agreement expected by chance. */
  expected: number;
  items: number;
}

export function cohenKappa(pairs: readonly (readonly [string, string])[]): KappaResult {
  const n = pairs.length;
  if (n === 0) return { kappa: null, observed: 0, expected: 0, items: 0 };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let same = 0;
  for (const [a, b] of pairs) {
    if (a === b) same += 1;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = same / n;
  let expected = 0;
  for (const [label, count] of first) expected += (count / n) * ((second.get(label) ?? 0) / n);
  const kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, items: n };
}
