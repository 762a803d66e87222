/**
 * Krippendorff's alpha for nominal labels, any number of coders, missing
 * values allowed (Krippendorff 2011, "Computing Krippendorff's Alpha-
 * Reliability"): 1 − observed disagreement / disagreement expected by chance,
 * both from the coincidence matrix of the values paired within each unit.
 * Units coded by fewer than two coders carry no pairable value and are left
 * out. Pure.
 *
 * Null when fewer than two pairable values exist, or when every pairable value
 * is the same (expected disagreement 0): undefined, not a number.
 */
export interface AlphaResult {
  alpha: number | null;
  /** Units with at least two values. */
  units: number;
  /** Values in those units (n in Krippendorff's notation). */
  values: number;
}

/** `units[u][c]`: the label coder c gave unit u, or null when c did not code it. */
export function krippendorffAlphaNominal(units: readonly (readonly (string | null)[])[]): AlphaResult {
  // The coincidence matrix o[c][k]: each ordered pair of values within a unit, weighted 1/(m_u − 1).
  const o = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    const row = o.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    o.set(c, row);
  };
  let pairable = 0;
  let values = 0;
  for (const unit of units) {
    const present = unit.filter((v): v is string => v !== null);
    const m = present.length;
    if (m < 2) continue;
    pairable += 1;
    values += m;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(present[i]!, present[j]!, 1 / (m - 1));
  }
  if (values < 2) return { alpha: null, units: pairable, values };
  const totals = new Map<string, number>();
  for (const [c, row] of o)
    totals.set(
      c,
      [...row.values()].reduce((s, v) => s + v, 0),
    );
  let observedDisagreement = 0;
  for (const [c, row] of o) for (const [k, v] of row) if (c !== k) observedDisagreement += v;
  let expectedDisagreement = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expectedDisagreement += nc * nk;
  expectedDisagreement /= values - 1;
  if (expectedDisagreement === 0) return { alpha: null, units: pairable, values };
  return { alpha: 1 - observedDisagreement / expectedDisagreement, units: pairable, values };
}
