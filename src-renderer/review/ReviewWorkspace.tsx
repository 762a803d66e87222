import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EMOTIONS } from '../../src-shared/analysis/emotions.js';
import type { AnnotationFields } from '../../src-shared/domain/annotation.js';
import { buildQueue, moveInQueue, nextPending, type QueueItem } from '../../src-shared/review/reviewQueue.js';
import { NO_FILTER, pendingCount, viewQueue, type QueueFilter } from '../../src-shared/review/queueView.js';
import { spanMilliseconds } from '../../src-shared/time/screenMilliseconds.js';
import { DEFAULT_REVIEW_SPEED, stepSpeed } from '../../src-shared/review/speeds.js';
import { api } from '../api/client.js';
import { rememberPlace } from '../app/route.js';
import type { ReviewData } from './data/useReviewData.js';
import { usePlayerEngine, usePlayerSnapshot } from './player/usePlayer.js';
import { PlayerCanvas } from './player/PlayerCanvas.js';
import { FrameReadout } from './player/FrameReadout.js';
import { TransportBar } from './player/TransportBar.js';
import { Magnifier } from './player/Magnifier.js';
import { Timeline } from './timeline/Timeline.js';
import type { TimelineMarker } from './timeline/drawTimeline.js';
import { useCodingPass } from './annotate/useCodingPass.js';
import { PassBar } from './annotate/PassBar.js';
import { AgreementDialog } from './annotate/AgreementDialog.js';
import { useAnnotations } from './annotate/useAnnotations.js';
import { CandidateQueue } from './annotate/CandidateQueue.js';
import { useQueueSort } from './annotate/useQueueSort.js';
import { AnnotationDetails } from './annotate/AnnotationDetails.js';
import { useShortcuts, type ActionHandlers } from './keys/useShortcuts.js';
import { ShortcutSheet } from './keys/ShortcutSheet.js';
import { loopRangeFor } from './loopRange.js';
import { recordingShortfall } from '../../src-shared/domain/shortfall.js';
import { requestExport } from '../report/exportRequests.js';
import { shortcutsRequest, speedRequest } from '../app/windowRequests.js';

/** Steps per second while a step key is held. */
const HOLD_RATE_HZ = 15;

/** The review workspace: player, magnifier, timeline and annotation queue, all on the keyboard. */
export function ReviewWorkspace({
  data,
  analyst,
  initialFrame,
  initialItem,
}: {
  data: ReviewData;
  analyst: string;
  initialFrame: number;
  initialItem: string | null;
}) {
  const { recording, table, media, spot } = data;
  const engine = usePlayerEngine(
    data.elapsed,
    data.ptsSeconds,
    data.keyFrames,
    media.playable ? api.mediaUrl(media.url) : null,
    initialFrame,
  );
  const snap = usePlayerSnapshot(engine);
  const pass = useCodingPass(recording.id, analyst);
  const annotations = useAnnotations(recording.id, analyst, pass.loaded ? (pass.open?.id ?? null) : undefined);
  const [selected, setSelected] = useState<string | null>(initialItem);
  const [stepN, setStepN] = useState(10);
  const [markStart, setMarkStart] = useState<number | null>(null);
  const [sheet, setSheet] = useState(false);
  const [agreementOpen, setAgreementOpen] = useState(false);
  const [zoomRequest, setZoomRequest] = useState<{ factor: number; seq: number } | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const goToRef = useRef<HTMLInputElement>(null);
  const hasAnalysis = data.analysis?.status === 'complete';
  const shortfall = recordingShortfall(recording);

  const { sort, byColumn, toggleTimeScore } = useQueueSort();
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  const allItems = useMemo(
    () => buildQueue(spot?.candidates ?? [], spot?.spottingRunId ?? null, annotations.state?.annotations ?? []),
    [spot, annotations.state],
  );
  const durationMs = useCallback((it: QueueItem) => spanMilliseconds(table, it.onsetFrame, it.offsetFrame), [table]);
  // What the queue shows and N / P walk through; the timeline and the details keep every item.
  const queue = useMemo(() => viewQueue(allItems, sort, filter, durationMs), [allItems, sort, filter, durationMs]);
  const item: QueueItem | null = allItems.find((q) => q.key === selected) ?? null;

  // Keep the frame and the selected item in the address so a reload comes back to them.
  useEffect(() => {
    if (snap.playing || snap.displayed === null) return;
    const f = snap.displayed;
    const t = window.setTimeout(() => rememberPlace(recording.id, f, selected), 300);
    return () => window.clearTimeout(t);
  }, [snap.displayed, snap.playing, recording.id, selected]);

  const select = useCallback(
    (it: QueueItem | undefined) => {
      if (!it) return;
      setSelected(it.key);
      if (engine.getSnapshot().loop) engine.setLoop(loopRangeFor(table, it.onsetFrame, it.offsetFrame));
      else engine.seek(it.onsetFrame);
    },
    [engine, table],
  );

  const change = useCallback(
    (set: Partial<AnnotationFields>) => {
      if (!item) return;
      if (item.candidateIndex !== null && spot)
        return void annotations.apply({ kind: 'candidate', spottingRunId: spot.spottingRunId, candidateIndex: item.candidateIndex, set });
      if (item.annotation) return void annotations.apply({ kind: 'update', annotationId: item.annotation.id, set });
    },
    [item, spot, annotations],
  );

  const here = () => engine.getSnapshot().displayed;
  const withItem = (fn: () => void) => () => (item ? fn() : setNotice('Select a candidate first (N / P), or mark an interval (M).'));
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (notice) {
      const t = setTimeout(() => setNotice(null), 4000);
      return () => clearTimeout(t);
    }
  }, [notice]);

  const handlers: ActionHandlers = {
    play: () => engine.toggle(),
    stepForward: () => engine.step(1),
    stepBack: () => engine.step(-1),
    stepForwardN: () => engine.step(stepN),
    stepBackN: () => engine.step(-stepN),
    slower: () => engine.setSpeed(stepSpeed(engine.getSnapshot().speed, 1)),
    faster: () => engine.setSpeed(stepSpeed(engine.getSnapshot().speed, -1)),
    reviewSpeed: () => engine.setSpeed(DEFAULT_REVIEW_SPEED),
    firstFrame: () => engine.seek(0),
    lastFrame: () => engine.seek(recording.frames - 1),
    loop: withItem(() =>
      engine.setLoop(
        engine.getSnapshot().loop ? null : loopRangeFor(table, (item as QueueItem).onsetFrame, (item as QueueItem).offsetFrame),
      ),
    ),
    goToFrame: () => goToRef.current?.focus(),
    next: () => select(queue[moveInQueue(queue, selected, 1)]),
    previous: () => select(queue[moveInQueue(queue, selected, -1)]),
    nextPending: () => select(queue[nextPending(queue, selected)]),
    queueOrder: toggleTimeScore,
    accept: withItem(() => change({ verdict: 'accepted' })),
    reject: withItem(() => change({ verdict: 'rejected' })),
    setOnset: withItem(() => {
      const f = here();
      if (f !== null) change({ onsetFrame: f });
    }),
    setApex: withItem(() => {
      const f = here();
      if (f !== null) change({ apexFrame: f });
    }),
    setOffset: withItem(() => {
      const f = here();
      if (f !== null) change({ offsetFrame: f });
    }),
    mark: () => {
      const f = here();
      if (f === null) return;
      if (markStart === null) return setMarkStart(f);
      setMarkStart(null);
      void annotations
        .apply({ kind: 'manual', set: { onsetFrame: Math.min(f, markStart), offsetFrame: Math.max(f, markStart) } })
        .then((s) => {
          if (s?.changedId) setSelected(`a${s.changedId}`);
        });
    },
    cancel: () => {
      setMarkStart(null);
      setSheet(false);
    },
    note: withItem(() => noteRef.current?.focus()),
    deleteAnnotation: withItem(() => {
      if (item?.annotation && item.candidateIndex === null) void annotations.apply({ kind: 'delete', annotationId: item.annotation.id });
      else setNotice('Only hand marks are removed; reject a candidate instead (R).');
    }),
    undo: () => void annotations.undo(),
    redo: () => void annotations.redo(),
    zoomIn: () => setZoomRequest((z) => ({ factor: 0.5, seq: (z?.seq ?? 0) + 1 })),
    zoomOut: () => setZoomRequest((z) => ({ factor: 2, seq: (z?.seq ?? 0) + 1 })),
    help: () => setSheet((s) => !s),
  };
  EMOTIONS.forEach((emotion, i) => {
    handlers[`label${i + 1}` as keyof ActionHandlers] = withItem(() => change({ emotion }));
  });
  // The shell's View > Speed and Help > Keyboard shortcuts act here while a recording is open.
  useEffect(() => speedRequest.register((speed) => engine.setSpeed(speed)), [engine]);
  useEffect(() => shortcutsRequest.register(() => setSheet(true)), []);
  useShortcuts(handlers, { rateHz: HOLD_RATE_HZ, ready: () => engine.settled() });

  const markers = useMemo<TimelineMarker[]>(
    () =>
      allItems.map((q) => ({
        key: q.key,
        from: q.onsetFrame,
        to: q.offsetFrame,
        emotion: q.emotion,
        kind: q.annotation ? 'annotation' : 'candidate',
        rejected: q.verdict === 'rejected',
        selected: q.key === selected,
      })),
    [allItems, selected],
  );

  return (
    <div className="review" data-testid="review">
      <div className="review-head">
        <a href="#/" className="back">
          ← Library
        </a>
        <h2 title={recording.locations.join('\n')}>{recording.name}</h2>
        <span className="subtle">
          {recording.frames} frames · {recording.fps.toFixed(3)} fps{recording.vfr ? ' VFR' : ''} · {recording.probe.videoCodec} ·{' '}
          <code>{recording.sha256.slice(0, 12)}</code>
        </span>
        <span className="subtle">
          Analyst: <strong data-testid="review-analyst">{analyst}</strong>
        </span>
        <button type="button" className="help-button" onClick={() => setSheet(true)} title="Keyboard shortcuts (?)">
          ? Shortcuts
        </button>
        <button type="button" onClick={() => requestExport(recording.id)} title="Export a report of this recording">
          Export report…
        </button>
      </div>
      {!media.playable && (
        <p className="error" role="alert">
          {media.note}
        </p>
      )}
      {shortfall && (
        <p className="warning" role="alert" data-testid="recording-warning">
          WARNING: {shortfall}.
        </p>
      )}
      <div className="review-grid">
        <div className="review-main">
          <PlayerCanvas engine={engine} snapshot={snap} aspect={recording.probe.width / recording.probe.height} />
          <FrameReadout table={table} snapshot={snap} proxy={media.kind === 'proxy'} />
          <TransportBar
            engine={engine}
            frameCount={recording.frames}
            snapshot={snap}
            stepN={stepN}
            onStepN={setStepN}
            goToRef={goToRef}
            onLoop={() => handlers.loop?.()}
          />
          <Timeline
            recordingId={recording.id}
            frameCount={recording.frames}
            hasAnalysis={hasAnalysis}
            markers={markers}
            cursor={snap.displayed}
            onSeek={(f) => engine.seek(f)}
            zoomRequest={zoomRequest}
          />
        </div>
        <aside className="review-side">
          <Magnifier
            engine={engine}
            recordingId={recording.id}
            displayed={snap.displayed}
            sourceWidth={recording.probe.width}
            enabled={hasAnalysis}
            proxy={media.kind === 'proxy'}
          />
          <AnnotationDetails
            item={item}
            noteRef={noteRef}
            markStart={markStart}
            onSaveNote={(note) => change({ note })}
            handlers={handlers}
            durationMs={durationMs}
            recordingId={recording.id}
            current={snap.displayed}
            onSeek={(f) => engine.seek(f)}
          />
          <PassBar pass={pass} onAgreement={() => setAgreementOpen(true)} />
          {agreementOpen && (
            <AgreementDialog
              recordingId={recording.id}
              analyst={analyst}
              onSeek={(f) => engine.seek(f)}
              onAdjudicated={annotations.reload}
              onClose={() => setAgreementOpen(false)}
            />
          )}
          <div className="undo-line">
            <button type="button" disabled={!annotations.state?.undo} onClick={() => void annotations.undo()} title="Ctrl Z">
              Undo
            </button>
            <span className="subtle" data-testid="undo-label">
              {annotations.state?.undo ?? 'nothing to undo'}
            </span>
            <button type="button" disabled={!annotations.state?.redo} onClick={() => void annotations.redo()} title="Ctrl Shift Z">
              Redo
            </button>
          </div>
          {(annotations.error || notice) && (
            <p className="error" role="alert" data-testid="annotation-error">
              {annotations.error ?? notice}
            </p>
          )}
          <CandidateQueue
            items={queue}
            total={allItems.length}
            pending={pendingCount(allItems)}
            selected={selected}
            onSelect={(key) => select(queue.find((q) => q.key === key))}
            sort={sort}
            onSort={byColumn}
            filter={filter}
            onFilter={setFilter}
            durationMs={durationMs}
          />
        </aside>
      </div>
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
    </div>
  );
}
