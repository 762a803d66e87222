import type { AnnotationFields } from '../domain/annotation.js';

/**
 * Why a set of annotation fields cannot be stored, in words an analyst can act
 * on, or null when it can. Checked before anything is written, so a refused
 * change leaves the store as it was.
 */
export function intervalProblem(f: Pick<AnnotationFields, 'onsetFrame' | 'apexFrame' | 'offsetFrame'>, frameCount: number): string | null {
  const last = frameCount - 1;
  for (const [name, value] of [
    ['onset', f.onsetFrame],
    ['apex', f.apexFrame],
    ['offset', f.offsetFrame],
  ] as const) {
    if (value !== null && (value < 0 || value > last)) return `The ${name} (frame ${value}) is outside the recording (frames 0–${last}).`;
  }
  if (f.onsetFrame > f.offsetFrame) {
    return `The onset (frame ${f.onsetFrame}) would come after the offset (frame ${f.offsetFrame}): move the offset first.`;
  }
  if (f.apexFrame !== null && (f.apexFrame < f.onsetFrame || f.apexFrame > f.offsetFrame)) {
    return `The apex (frame ${f.apexFrame}) must lie between the onset (${f.onsetFrame}) and the offset (${f.offsetFrame}).`;
  }
  return null;
}

const FIELD_WORDS: Record<keyof AnnotationFields, string> = {
  verdict: 'verdict',
  emotion: 'emotion',
  onsetFrame: 'onset',
  apexFrame: 'apex',
  offsetFrame: 'offset',
  note: 'note',
};

/** A short description of a change, for the undo/redo labels and the audit log. */
export function describeChange(subject: string, before: AnnotationFields | null, after: AnnotationFields): string {
  if (!before)
    return (
      `${subject}: ${after.verdict === 'pending' ? 'opened' : after.verdict}${after.emotion ? ` as ${after.emotion}` : ''}, ` +
      `frames ${after.onsetFrame}–${after.offsetFrame}`
    );
  const parts: string[] = [];
  for (const key of Object.keys(FIELD_WORDS) as (keyof AnnotationFields)[]) {
    if (before[key] === after[key]) continue;
    if (key === 'verdict') parts.push(after.verdict === 'pending' ? 'reopened' : after.verdict);
    else if (key === 'note') parts.push('note edited');
    else parts.push(`${FIELD_WORDS[key]} ${after[key] ?? 'cleared'}`);
  }
  return `${subject}: ${parts.length ? parts.join(', ') : 'no change'}`;
}
