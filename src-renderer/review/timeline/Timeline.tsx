import { useCallback, useEffect, useState } from 'react';
import { EMOTIONS } from '../../../src-shared/analysis/emotions.js';
import { clampView, followFrame, zoomView, type StripView } from '../../../src-shared/review/timelineView.js';
import { CurveToggles } from './CurveToggles.js';
import { CurveReadout } from './CurveReadout.js';
import { TimelineCanvas } from './TimelineCanvas.js';
import type { TimelineMarker } from './drawTimeline.js';
import { useEnvelope } from './useEnvelope.js';
import { rememberOverviewWidth } from './overviewAhead.js';

export interface TimelineHandle {
  zoom(factor: number): void;
}

/**
 * The whole recording (overview) and a zoomable strip down to single frames,
 * both with candidate and annotation markers and the per-frame curves; click
 * or drag either to seek. The strip follows the current frame.
 */
export function Timeline({
  recordingId,
  frameCount,
  hasAnalysis,
  markers,
  cursor,
  onSeek,
  zoomRequest,
}: {
  recordingId: number;
  frameCount: number;
  hasAnalysis: boolean;
  markers: readonly TimelineMarker[];
  cursor: number | null;
  onSeek: (f: number) => void;
  zoomRequest: { factor: number; seq: number } | null;
}) {
  const [shown, setShown] = useState<Set<string>>(() => new Set(['neutral', ...EMOTIONS]));
  const [overviewWidth, setOverviewWidth] = useState(0);
  const [stripWidth, setStripWidth] = useState(0);
  const [strip, setStrip] = useState<StripView>({ from: 0, to: Math.min(frameCount, 250) });
  const [pointer, setPointer] = useState<number | null>(null);
  const overview = { from: 0, to: frameCount };

  // The benchmark measures from here to the overview's first complete drawing.
  useEffect(() => {
    performance.mark('micromoment:timeline-mount');
  }, []);
  // The readout asks the host for per-frame values only once the overview is drawn: asked at mount, its
  // request competed with the overview's envelope for the host's first read of a long analysis.
  const [overviewDrawn, setOverviewDrawn] = useState(false);
  const markReady = useCallback(() => {
    performance.mark('micromoment:timeline-ready');
    setOverviewDrawn(true);
  }, []);
  useEffect(() => {
    if (overviewWidth > 0) rememberOverviewWidth(overviewWidth);
  }, [overviewWidth]);
  const overviewEnv = useEnvelope(recordingId, hasAnalysis, 0, frameCount, overviewWidth);
  const stripEnv = useEnvelope(recordingId, hasAnalysis, strip.from, strip.to, stripWidth);

  useEffect(() => {
    if (cursor !== null && stripWidth > 0)
      setStrip((v) => followFrame(clampView(v, frameCount, stripWidth), cursor, frameCount, stripWidth));
  }, [cursor, frameCount, stripWidth]);

  const zoom = useCallback(
    (factor: number, anchor: number) => setStrip((v) => zoomView(v, factor, anchor, frameCount, Math.max(1, stripWidth))),
    [frameCount, stripWidth],
  );
  useEffect(() => {
    // A zoom request (a key) is acted on once, when it arrives.
    if (zoomRequest) zoom(zoomRequest.factor, cursor ?? strip.from);
  }, [zoomRequest]);

  return (
    <section className="timeline" aria-label="Timeline">
      <TimelineCanvas
        label="Whole recording"
        testId="timeline-overview"
        view={overview}
        envelope={overviewEnv}
        shown={shown}
        markers={markers}
        cursor={cursor}
        height={70}
        onSeek={onSeek}
        onWidth={setOverviewWidth}
        onDrawn={markReady}
        onHover={setPointer}
      />
      <div className="strip-range" data-testid="strip-range">
        Frames {strip.from}–{strip.to - 1} ({strip.to - strip.from} shown; wheel, = and - zoom)
      </div>
      <TimelineCanvas
        label="Zoomed strip"
        testId="timeline-strip"
        view={strip}
        envelope={stripEnv}
        shown={shown}
        markers={markers}
        cursor={cursor}
        height={130}
        onSeek={onSeek}
        onWidth={setStripWidth}
        onWheelZoom={zoom}
        onHover={setPointer}
      />
      {hasAnalysis ? (
        <>
          <CurveReadout
            recordingId={recordingId}
            shown={shown}
            cursor={overviewDrawn ? cursor : null}
            pointer={overviewDrawn ? pointer : null}
          />
          <CurveToggles shown={shown} onChange={setShown} />
        </>
      ) : (
        <p className="subtle">No analysis yet: curves appear once the recording is analysed.</p>
      )}
    </section>
  );
}
