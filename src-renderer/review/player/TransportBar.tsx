import { useState, type FormEvent } from 'react';
import { SPEED_CHOICES, speedLabel, type Speed } from '../../../src-shared/review/speeds.js';
import type { PlayerEngine, PlayerSnapshot } from './playerEngine.js';

/** Buttons for what the keys do, the speed, N for ±N steps, and go-to-frame. */
export function TransportBar({
  engine,
  snapshot,
  stepN,
  onStepN,
  onLoop,
  goToRef,
}: {
  engine: PlayerEngine;
  snapshot: PlayerSnapshot;
  stepN: number;
  onStepN: (n: number) => void;
  onLoop: () => void;
  goToRef: React.RefObject<HTMLInputElement | null>;
}) {
  const [goTo, setGoTo] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(goTo);
    if (Number.isInteger(n)) engine.seek(n);
    goToRef.current?.blur();
  };
  return (
    <div className="transport" role="toolbar" aria-label="Player">
      <button type="button" onClick={() => engine.step(-stepN)} title={`${stepN} frames back (Shift ←)`}>
        −{stepN}
      </button>
      <button type="button" onClick={() => engine.step(-1)} title="Previous frame (←)">
        ◀︎ 1
      </button>
      <button type="button" onClick={() => engine.toggle()} title="Play / pause (Space)">
        {snapshot.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => engine.step(1)} title="Next frame (→)">
        1 ▶︎
      </button>
      <button type="button" onClick={() => engine.step(stepN)} title={`${stepN} frames on (Shift →)`}>
        +{stepN}
      </button>
      <label>
        Speed{' '}
        <select value={String(snapshot.speed)} onChange={(e) => engine.setSpeed(parseSpeed(e.target.value))} data-testid="speed-select">
          {SPEED_CHOICES.map((s) => (
            <option key={String(s)} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        N{' '}
        <input
          type="number"
          min={2}
          max={10000}
          value={stepN}
          onChange={(e) => onStepN(Math.max(2, Math.min(10000, Number(e.target.value) || 2)))}
          className="narrow"
        />
      </label>
      <button type="button" onClick={onLoop} aria-pressed={snapshot.loop !== null} title="Loop the current candidate (L)">
        Loop
      </button>
      <form onSubmit={submit} className="goto">
        <label>
          Frame{' '}
          <input
            ref={goToRef}
            value={goTo}
            onChange={(e) => setGoTo(e.target.value)}
            inputMode="numeric"
            className="narrow"
            data-testid="goto-frame"
            placeholder="#"
          />
        </label>
      </form>
    </div>
  );
}

function parseSpeed(value: string): Speed {
  return value === 'frame' ? 'frame' : Number(value);
}
