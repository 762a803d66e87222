import type { AnalysisSection, CandidateLine, RecordingSection, SpottingSection } from './reportModel.js';

export interface MethodInputs {
  tool: { name: string; version: string };
  recording: RecordingSection;
  analysis: AnalysisSection | null;
  spotting: SpottingSection | null;
  candidates: CandidateLine[];
  /** Decisions and hand marks by person: what each reviewed. */
  decisions: { by: string; labels: string[] }[];
}

const short = (sha: string) => (sha.length > 16 ? `${sha.slice(0, 16)}…` : sha);

/**
 * How the findings were reached, in the order the work was done, in sentences
 * a reader outside the field can follow; every figure comes from the stored
 * records (the full hashes and parameters are in the appendices). Pure.
 */
export function methodStatement(m: MethodInputs): string[] {
  const r = m.recording;
  const out: string[] = [
    `The recording was imported into ${m.tool.name} ${m.tool.version}, which hashed its bytes (SHA-256) and had ffmpeg list the ` +
      `presentation time of every frame (the frame table: ${r.frames} frames). The original was never changed; every frame and time ` +
      'in this report comes from it through that table, and frame numbers count from 0.',
  ];
  const a = m.analysis;
  if (a) {
    const models = a.models.map((x) => `${x.name} (SHA-256 ${short(x.sha256)})`).join(', ');
    out.push(
      `Every frame was decoded with ffmpeg ${a.ffmpeg || '(version not recorded)'} and scored by the analysis (version ` +
        `${a.analysisVersion || '?'}): a face detector and a face mesh locate the face and its landmarks, and an expression ` +
        `classifier gives each frame a probability for each of the seven basic emotions. Models: ${models || 'none recorded'}. ` +
        `Analysis #${a.id}, run by ${a.startedBy}.`,
    );
  } else out.push('The recording was not analysed: no emotion curves exist and the spotter could not run.');
  const s = m.spotting;
  if (s) {
    const version = s.parameters.find((p) => p.name === 'spotterVersion')?.value ?? '?';
    out.push(
      `Candidate micro expressions were proposed by the spotter (version ${version}, run #${s.runId} by ${s.createdBy}): it follows ` +
        "the face's movement region by region after removing the head's pose, compares it with the person's own recent baseline, " +
        'groups departures into movements, and proposes those that rise and fall within half a second (and the onsets of longer ' +
        `ones), with a score and the reasons that lower it (blinks, speech, head movement). It proposed ${s.candidates} ` +
        `candidate${s.candidates === 1 ? '' : 's'}. ${parameterWords(s.changedFromDefaults)}`,
    );
  } else out.push('The spotter was not run: every event in this report was marked by hand.');
  out.push(
    'Candidates are reviewed in the review window, which shows the decoded frames of the original (or of a review copy checked ' +
      'frame for frame against it) at speeds from 1 down to 1/100 (analysts use 1/6 and slower) and frame by frame, with a magnifier that repeats pixels ' +
      'rather than smoothing them. A candidate becomes a finding only when an analyst accepts it; the analyst may change its ' +
      'emotion (relabelled) and its onset, apex and offset. Micromoment does not record which speeds were used for each decision.',
  );
  if (m.decisions.length === 0) out.push('No one has decided any candidate or marked any event on this recording.');
  else
    out.push(
      `Who reviewed what: ${m.decisions
        .map((d) => `${d.by} decided ${d.labels.length === 1 ? d.labels[0] : `${d.labels.length} items (${d.labels.join(', ')})`}`)
        .join('; ')}. Every decision is in the case's audit log, with its time, its author and the state it left.`,
    );
  return out;
}

function parameterWords(changed: string[]): string {
  if (changed.length === 0) return 'It ran with its default parameters (listed in the appendix).';
  const n = `${changed.length} parameter${changed.length === 1 ? '' : 's'}`;
  return `It ran with ${n} changed from its defaults: ${changed.join(', ')} (all are listed in the appendix).`;
}

/** The examiner's declaration above the signature line. */
export function declaration(examiner: string): string {
  return (
    `I, ${examiner}, declare that this report states the examination I made of the recording identified in it, that the ` +
    'findings are the events accepted after review as described in the method statement, that the limitations stated apply ' +
    'to them, and that the original recording was not altered by the examination.'
  );
}
