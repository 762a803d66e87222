import type { FrameTable } from '../../../src-shared/time/index.js';
import { formatPtsSeconds, frameToClock, frameToTimecode } from '../../../src-shared/time/index.js';
import { speedLabel } from '../../../src-shared/review/speeds.js';
import type { PlayerSnapshot } from './playerEngine.js';

/**
 * What is on screen, always: the frame number, its PTS and timecode, for the
 * frame actually drawn (never the one merely asked for), and whether a proxy
 * rather than the original is playing.
 */
export function FrameReadout({ table, snapshot, proxy }: { table: FrameTable; snapshot: PlayerSnapshot; proxy: boolean }) {
  const f = snapshot.displayed;
  return (
    <dl className="frame-readout" data-testid="frame-readout">
      <div>
        <dt>Frame</dt>
        <dd data-testid="readout-frame">{f ?? '–'}</dd>
      </div>
      <div>
        <dt>PTS</dt>
        <dd data-testid="readout-pts">{f === null ? '–' : `${formatPtsSeconds(table, f)} s`}</dd>
      </div>
      <div>
        <dt>Timecode</dt>
        <dd data-testid="readout-timecode">{f === null ? '–' : frameToTimecode(table, f)}</dd>
      </div>
      <div>
        <dt>Clock</dt>
        <dd>{f === null ? '–' : frameToClock(table, f)}</dd>
      </div>
      <div>
        <dt>Speed</dt>
        <dd data-testid="readout-speed">
          {speedLabel(snapshot.speed)}
          {snapshot.playing ? ' ▶' : ''}
          {snapshot.loop ? ' ⟲' : ''}
        </dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd data-testid="readout-source" className={proxy ? 'proxy-badge' : ''}>
          {proxy ? 'PROXY (not the original)' : 'original'}
        </dd>
      </div>
    </dl>
  );
}
