import type { RefObject } from 'react';
import type { QueueItem } from '../../../src-shared/review/reviewQueue.js';
import { explainCandidate } from '../../../src-shared/review/candidateExplanation.js';
import type { ActionHandlers } from '../keys/useShortcuts.js';
import { DecisionButtons } from './DecisionButtons.js';
import { NoteEditor } from './NoteEditor.js';
import { Filmstrip } from './Filmstrip.js';

/** The selected item: its frames, emotion, verdict, who changed it last, and its note (Enter to edit). */
export function AnnotationDetails({
  item,
  noteRef,
  onSaveNote,
  markStart,
  handlers,
  durationMs,
  recordingId,
  current,
  onSeek,
}: {
  item: QueueItem | null;
  handlers: ActionHandlers;
  /** On screen from the onset to the end of the offset frame (the frame table's times, as in the reports). */
  durationMs: (item: QueueItem) => number;
  recordingId: number;
  /** The frame on screen, marked in the filmstrip. */
  current: number | null;
  onSeek: (frame: number) => void;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onSaveNote: (note: string) => void;
  markStart: number | null;
}) {
  return (
    <section className="details" data-testid="annotation-details" aria-label="Selected">
      {markStart !== null && (
        <p className="marking" role="status">
          Marking from frame {markStart}: press M at the offset (Esc cancels).
        </p>
      )}
      {!item ? (
        <p className="subtle">Nothing selected.</p>
      ) : (
        <>
          <h3>
            {item.label} · {item.candidateIndex !== null ? 'candidate' : 'hand mark'} ·{' '}
            <span data-testid="details-verdict">{item.verdict}</span>
          </h3>
          <DecisionButtons item={item} handlers={handlers} />
          <dl>
            <div>
              <dt>Emotion</dt>
              <dd data-testid="details-emotion">
                {item.emotion ?? 'unlabelled'}
                {item.candidate && item.annotation && item.candidate.emotion !== item.emotion
                  ? ` (spotter: ${item.candidate.emotion})`
                  : ''}
              </dd>
            </div>
            <div>
              <dt>Onset · apex · offset</dt>
              <dd data-testid="details-frames">
                {item.onsetFrame} · {item.apexFrame ?? '–'} · {item.offsetFrame}
              </dd>
            </div>
            <div>
              <dt>Duration</dt>
              <dd data-testid="details-duration">
                {item.offsetFrame - item.onsetFrame + 1} frames, {durationMs(item).toFixed(0)} ms
              </dd>
            </div>
            {item.candidate && (
              <div>
                <dt>Spotter</dt>
                <dd data-testid="details-spotter">
                  {item.candidate.kind}, review score {item.candidate.score.toFixed(2)}
                </dd>
              </div>
            )}
            {item.candidate && <CandidateWhy candidate={item.candidate} />}
            {item.annotation && (
              <div>
                <dt>Last change</dt>
                <dd>
                  {item.annotation.updatedBy}, {new Date(item.annotation.updatedAt).toLocaleString()}
                </dd>
              </div>
            )}
          </dl>
          <Filmstrip
            recordingId={recordingId}
            onset={item.onsetFrame}
            apex={item.apexFrame}
            offset={item.offsetFrame}
            current={current}
            onSeek={onSeek}
          />
          <NoteEditor itemKey={item.key} stored={item.annotation?.note ?? ''} noteRef={noteRef} onSave={onSaveNote} />
        </>
      )}
    </section>
  );
}

/** Why the spotter proposed the candidate and what makes it doubtful, from its stored evidence. */
function CandidateWhy({ candidate }: { candidate: NonNullable<QueueItem['candidate']> }) {
  const { why, doubts, pose } = explainCandidate({ aus: candidate.aus ?? [], evidence: candidate.evidence, flags: candidate.flags });
  return (
    <>
      <div>
        <dt>Why</dt>
        <dd data-testid="details-why">
          {why.map((line) => (
            <span key={line} className="why-line">
              {line}
            </span>
          ))}
        </dd>
      </div>
      <div>
        <dt>Doubts</dt>
        <dd data-testid="details-doubts" className={doubts.length ? 'doubtful' : undefined}>
          {doubts.length ? doubts.join(', ') : 'none'}
          {pose ? <span className="why-line subtle">{pose}</span> : null}
        </dd>
      </div>
    </>
  );
}
