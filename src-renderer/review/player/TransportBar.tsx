import { useState, type FormEvent } from 'react';
import { SPEED_CHOICES, speedLabel, type Speed } from '../../../src-shared/review/speeds.js';
import type { PlayerEngine, PlayerSnapshot } from './playerEngine.js';
import { parseGoToFrame } from '../../../src-shared/review/goToFrame.js';

/** Buttons for what the keys do, the speed, N for ±N steps, and go-to-frame. */
export function TransportBar({
  engine,
  snapshot,
  stepN,
  onStepN,
  onLoop,
  goToRef,
  frameCount,
}: {
  engine: PlayerEngine;
  frameCount: number;
  snapshot: PlayerSnapshot;
  stepN: number;
  onStepN: (n: number) => void;
  onLoop: () => void;
  goToRef: React.RefObject<HTMLInputElement | null>;
}) {
  const [goTo, setGoTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const request = parseGoToFrame(goTo, frameCount);
    if ('problem' in request) return setProblem(request.problem); // stays in the field to be corrected
    setProblem(null);
    engine.seek(request.frame);
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
            onChange={(e) => {
              setGoTo(e.target.value);
              setProblem(null);
            }}
            // The old number selected, so typing replaces it (G, then 400, after 300 is 400, not 300400).
            onFocus={(e) => e.currentTarget.select()}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setProblem(null);
                e.currentTarget.blur();
              }
            }}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'goto-problem' : undefined}
            inputMode="numeric"
            className="narrow"
            data-testid="goto-frame"
            placeholder="#"
          />
        </label>
        {problem && (
          <span id="goto-problem" className="goto-problem" role="alert" data-testid="goto-problem">
            {problem}
          </span>
        )}
      </form>
    </div>
  );
}

function parseSpeed(value: string): Speed {
  return value === 'frame' ? 'frame' : Number(value);
}
