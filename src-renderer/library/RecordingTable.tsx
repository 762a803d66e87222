import type { Recording } from '../../src-shared/domain/recording.js';
import { formatDuration } from './formatDuration.js';

export function RecordingTable({ recordings }: { recordings: Recording[] }) {
  if (recordings.length === 0) return <p className="empty">No recordings in this case yet.</p>;
  return (
    <table className="recordings" data-testid="recordings">
      <thead>
        <tr><th>#</th><th>Name</th><th>Duration</th><th>Frames</th><th>fps</th><th>Size</th><th>Codec</th><th>SHA-256</th></tr>
      </thead>
      <tbody>
        {recordings.map((r) => (
          <tr key={r.id}>
            <td>{r.id}</td>
            <td title={r.locations.join('\n')}>{r.name}</td>
            <td>{formatDuration(r.durationS)}</td>
            <td className="num">{r.frames}</td>
            <td className="num">{r.fps.toFixed(3)}{r.vfr ? ' VFR' : ''}</td>
            <td>{r.probe.width}×{r.probe.height}</td>
            <td>{r.probe.videoCodec}</td>
            <td><code title={r.sha256}>{r.sha256.slice(0, 12)}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
