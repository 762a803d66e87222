import type { MethodResult } from '../../src-shared/api/contract.js';
import type { Recording } from '../../src-shared/domain/recording.js';
import { describeSecondsLeft, playbackSummary, secondsLeft } from '../../src-shared/app/libraryLabels.js';
import type { ProgressSamples } from './LibraryView.js';
import { reviewHash } from '../app/route.js';
import { formatDuration } from './formatDuration.js';
import { requestExport } from '../report/exportRequests.js';
import { recordingShortfall } from '../../src-shared/domain/shortfall.js';

type RecordingState = MethodResult<'library.states'>[number];
type RecordingEntry = MethodResult<'library.list'>[number];

/** How far the analysis is: with its share done and time left while it runs, never a bare "working…". */
function analysisLabel(state: RecordingState | undefined, samples: ProgressSamples, id: number, spotting: boolean): string {
  const a = state?.analysis;
  if (a?.status === 'running') {
    const sample = samples.get(id);
    const left = sample ? secondsLeft(sample.first, sample.latest, a.frameCount) : null;
    return (
      `analysing ${Math.round((100 * a.framesDone) / Math.max(1, a.frameCount))}%` +
      (left === null ? '' : ` · ${describeSecondsLeft(left)}`)
    );
  }
  if (spotting) return a?.status === 'complete' ? 'spotting…' : 'starting the analysis…';
  if (!a) return 'not analysed';
  return a.status === 'complete' ? 'analysed' : 'analysis failed';
}

export function RecordingTable({
  recordings,
  states,
  samples,
  onSpot,
  spotting,
}: {
  recordings: RecordingEntry[];
  states: Map<number, RecordingState>;
  samples: ProgressSamples;
  onSpot: (id: number) => void;
  spotting: ReadonlySet<number>;
}) {
  if (recordings.length === 0)
    return (
      <p className="empty" data-testid="library-empty">
        No recordings in this case yet. Start by importing: type the path of a recording (or a folder) above and press{' '}
        <strong>Import</strong>, or scan a whole folder under <a href="#/batch">Batch scan</a>. Each recording is hashed and indexed as it
        is imported; nothing is written to it.
      </p>
    );
  return (
    <table className="recordings" data-testid="recordings">
      <thead>
        <tr>
          <th>#</th>
          <th>Name</th>
          <th>Duration</th>
          <th>Frames</th>
          <th>fps</th>
          <th>Size</th>
          <th>Codec</th>
          <th>SHA-256</th>
          <th>Plays</th>
          <th>Analysis</th>
          <th>Candidates</th>
          <th>Reviewed</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {recordings.map((r) => {
          const s = states.get(r.id);
          const reviewed = s ? s.annotations.accepted + s.annotations.rejected : 0;
          return (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td title={r.locations.join('\n')}>
                {r.name}
                <ShortfallBadge recording={r} />
              </td>
              <td>{formatDuration(r.durationS)}</td>
              <td className="num">{r.frames}</td>
              <td className="num">
                {r.fps.toFixed(3)}
                {r.vfr ? ' VFR' : ''}
              </td>
              <td>
                {r.probe.width}×{r.probe.height}
              </td>
              <td>{r.probe.videoCodec}</td>
              <td>
                <code title={r.sha256}>{r.sha256.slice(0, 12)}</code>
              </td>
              <PlaysCell recording={r} />
              <td data-testid="analysis-state">{analysisLabel(s, samples, r.id, spotting.has(r.id))}</td>
              <td className="num">{s?.candidates ?? '–'}</td>
              <td className="num">
                {!s
                  ? '–'
                  : s.annotations.hidden
                    ? 'hidden (blind pass)'
                    : `${reviewed} (${s.annotations.accepted} ✓ ${s.annotations.rejected} ✗)`}
              </td>
              <td className="row-actions">
                <a href={reviewHash(r.id)} className="button">
                  Review
                </a>
                <button type="button" onClick={() => requestExport(r.id)} title="Export a report of this recording">
                  Report…
                </button>
                <button
                  type="button"
                  disabled={spotting.has(r.id)}
                  onClick={() => onSpot(r.id)}
                  title="Analyse every frame (if not done) and spot candidates"
                >
                  {s?.candidates === null || s?.candidates === undefined ? 'Analyse & spot' : 'Spot again'}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A recording that decodes to much less video than its file declares is marked where the analyst picks it. */
function ShortfallBadge({ recording }: { recording: Recording }) {
  const warning = recordingShortfall(recording);
  return warning ? (
    <span className="warning badge" data-testid="recording-warning" title={`WARNING: ${warning}`}>
      {' '}
      ⚠ incomplete?
    </span>
  ) : null;
}

/** What the review window plays (the original or its review copy), the reason on hover. */
function PlaysCell({ recording }: { recording: RecordingEntry }) {
  const { text, why } = playbackSummary(recording.proxy, recording.playback);
  return (
    <td title={why} data-testid="plays">
      {text}
    </td>
  );
}
