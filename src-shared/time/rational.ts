// Rationals as ffprobe prints them ("30000/1001", "1/90000", "25").
//
// Frame rates and time bases are kept as integer pairs rather than floats so
// that tick arithmetic elsewhere can stay exact: 30000/1001 has no finite
// binary expansion, and every float conversion is a rounding we would then
// have to reason about.

export interface Rational {
  readonly num: number;
  readonly den: number;
}

// Strict form only: an optionally negative integer, optionally over a
// positive integer. No whitespace, decimals or exponents: ffprobe never
// prints those, so accepting them would only hide a caller's parsing bug.
const RATIONAL = /^(-?\d+)(?:\/(\d+))?$/;

/**
 * Parses "num/den" or a bare integer ("25" → 25/1). Returns null for
 * malformed text, for integers beyond the safe range, and for a zero
 * denominator — which includes ffprobe's "0/0", its way of saying "unknown".
 * The fraction is not reduced: "30000/1001" stays as written.
 */
export function parseRational(text: string): Rational | null {
  const match = RATIONAL.exec(text);
  if (match === null) return null;
  const num = Number(match[1]);
  const den = match[2] === undefined ? 1 : Number(match[2]);
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) return null;
  // Normalise "-0" so that callers comparing with === or toEqual are not surprised.
  return { num: num === 0 ? 0 : num, den };
}

/** The rational as a float, for display and approximate arithmetic only. */
export function rationalToNumber(r: Rational): number {
  return r.num / r.den;
}

/**
 * Always "num/den", even for whole numbers, as ffprobe prints r_frame_rate
 * ("25/1"), so that parseRational(formatRational(r)) gives back r.
 */
export function formatRational(r: Rational): string {
  return `${r.num}/${r.den}`;
}
