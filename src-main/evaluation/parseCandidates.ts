// The spotter's output, as `micromoment spot --json` prints it:
// {"fps","frames","candidates":[{onsetFrame,apexFrame,offsetFrame,…,kind,emotion,score,aus}]}.
import { normaliseEmotion } from './emotionLabels.js';
import { kindFromDuration, type PredictedInterval } from './intervals.js';

export interface ParsedCandidates {
  fps: number | null;
  frames: number | null;
  candidates: PredictedInterval[];
}

/** Parses the text (or an already parsed value); errors name the field, e.g. candidates[3].offsetFrame. */
export function parseCandidates(json: string | unknown): ParsedCandidates {
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (e) {
      throw new Error(`the candidates are not valid JSON: ${(e as Error).message}`, { cause: e });
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new Error('the candidates must be an object {"fps","frames","candidates":[…]} as `micromoment spot --json` prints');
  const o = data as Record<string, unknown>;
  let fps: number | null = null;
  if (o.fps !== undefined && o.fps !== null) {
    if (typeof o.fps !== 'number' || !(o.fps > 0) || !Number.isFinite(o.fps))
      throw new Error(`fps: expected a positive number, got ${JSON.stringify(o.fps)}`);
    fps = o.fps;
  }
  let frames: number | null = null;
  if (o.frames !== undefined && o.frames !== null) {
    if (typeof o.frames !== 'number' || !Number.isInteger(o.frames) || o.frames < 0)
      throw new Error(`frames: expected a whole number ≥ 0, got ${JSON.stringify(o.frames)}`);
    frames = o.frames;
  }
  if (!Array.isArray(o.candidates))
    throw new Error(`candidates: expected an array, got ${o.candidates === undefined ? 'nothing' : JSON.stringify(o.candidates)}`);
  const candidates = o.candidates.map((item: unknown, i): PredictedInterval => {
    const where = `candidates[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      throw new Error(`${where}: expected an object, got ${JSON.stringify(item)}`);
    const c = item as Record<string, unknown>;
    const frame = (name: string): number => {
      const v = c[name];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
        throw new Error(`${where}.${name}: expected a whole frame number ≥ 0, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
      if (frames !== null && v >= frames) throw new Error(`${where}.${name}: frame ${v} is beyond the recording's ${frames} frames`);
      return v;
    };
    const onset = frame('onsetFrame');
    const offset = frame('offsetFrame');
    if (offset < onset) throw new Error(`${where}.offsetFrame: ${offset} is before onsetFrame ${onset}`);
    const out: PredictedInterval = { onset, offset, kind: 'micro' };
    if (c.apexFrame !== undefined && c.apexFrame !== null) {
      const apex = frame('apexFrame');
      if (apex < onset || apex > offset)
        throw new Error(`${where}.apexFrame: ${apex} is outside onsetFrame..offsetFrame (${onset}..${offset})`);
      out.apex = apex;
    }
    if (c.kind === 'micro' || c.kind === 'macro') out.kind = c.kind;
    // The onset of a longer expression is scored as a macro expression, as MEGC has only the two kinds.
    else if (c.kind === 'onset-of-macro') out.kind = 'macro';
    else if (c.kind === undefined && fps !== null) out.kind = kindFromDuration(out, fps);
    else
      throw new Error(
        `${where}.kind: expected "micro", "macro" or "onset-of-macro", ` +
          `got ${c.kind === undefined ? 'nothing (and no fps to derive it)' : JSON.stringify(c.kind)}`,
      );
    if (c.emotion !== undefined && c.emotion !== null) {
      if (typeof c.emotion !== 'string') throw new Error(`${where}.emotion: expected text, got ${JSON.stringify(c.emotion)}`);
      const emotion = normaliseEmotion(c.emotion);
      if (emotion !== undefined) out.emotion = emotion;
    }
    if (c.score !== undefined && c.score !== null) {
      if (typeof c.score !== 'number' || !Number.isFinite(c.score))
        throw new Error(`${where}.score: expected a number, got ${JSON.stringify(c.score)}`);
      out.score = c.score;
    }
    return out;
  });
  return { fps, frames, candidates };
}
