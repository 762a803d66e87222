import { useEffect, useState } from 'react';
import type { Agreement } from '../../../src-shared/domain/agreement.js';
import { api } from '../../api/client.js';

const KIND_WORDS = { 'only-a': 'found by', 'only-b': 'found by', emotion: 'another emotion', boundaries: 'boundaries apart' } as const;
const fmt = (x: number | null) => (x === null ? 'undefined' : x.toFixed(2));

type Pair = Agreement['pairs'][number];
type Side = Pair['disagreements'][number]['a'];

function side(name: string, e: Side): string {
  return e ? `${name}: ${e.emotion ?? 'no emotion'} ${e.onset}–${e.offset}` : `${name}: nothing`;
}

/** What each disagreement is, in words: who found it, or what differs. */
function describe(p: Pair, d: Pair['disagreements'][number]): string {
  if (d.kind === 'only-a') return `${KIND_WORDS[d.kind]} ${p.a} only (${side(p.a, d.a)})`;
  if (d.kind === 'only-b') return `${KIND_WORDS[d.kind]} ${p.b} only (${side(p.b, d.b)})`;
  return `${KIND_WORDS[d.kind]}: ${side(p.a, d.a)}; ${side(p.b, d.b)}`;
}

/**
 * How far the working set and the complete passes agree (agreement.get), and
 * every disagreement; a click on one shows its first frame.
 */
export function AgreementDialog({
  recordingId,
  analyst,
  onSeek,
  onAdjudicated,
  onClose,
}: {
  recordingId: number;
  analyst: string;
  onSeek: (frame: number) => void;
  /** The findings (the working set) changed. */
  onAdjudicated: () => void;
  onClose: () => void;
}) {
  const [figures, setFigures] = useState<Agreement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    api.call('agreement.get', { recordingId, analyst }).then(setFigures, (e: Error) => setError(e.message));
  }, [recordingId, analyst, asked]);
  /** Resolves a disagreement into the findings with one side's decision (both originals kept). */
  function take(d: Pair['disagreements'][number], choose: 'a' | 'b') {
    api.call('adjudication.decide', { recordingId, analyst, a: d.a?.ref ?? null, b: d.b?.ref ?? null, choose }).then(
      () => {
        setError(null);
        onAdjudicated();
        setAsked((n) => n + 1);
      },
      (e: Error) => setError(e.message),
    );
  }
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <section
        className="modal agreement-dialog"
        role="dialog"
        aria-label="Agreement"
        data-testid="agreement-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2>Agreement between coders</h2>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {figures && figures.pairs.length === 0 && <p>Only one coding so far: complete a pass to compare.</p>}
        {figures?.pairs.map((p) => (
          <div key={`${p.a}|${p.b}`}>
            <h3>
              {p.a} and {p.b}
            </h3>
            <p className="subtle">
              {p.matched} matched, {p.onlyA} only in {p.a}, {p.onlyB} only in {p.b}; F1 {fmt(p.f1)}, emotion kappa {fmt(p.kappa)}
            </p>
            {p.disagreements.length === 0 ? (
              <p>No disagreement.</p>
            ) : (
              <ol className="disagreements" data-testid="disagreements">
                {p.disagreements.map((d) => (
                  <li key={`${d.kind}-${d.onset}-${d.offset}`}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        onSeek(d.onset);
                        onClose();
                      }}
                    >
                      frames {d.onset}–{d.offset}
                    </button>{' '}
                    {describe(p, d)}{' '}
                    {(d.a?.ref || d.b?.ref) && (
                      <span className="adjudicate">
                        <button type="button" onClick={() => take(d, 'a')}>
                          Take {p.a}
                        </button>
                        <button type="button" onClick={() => take(d, 'b')}>
                          Take {p.b}
                        </button>
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))}
        {figures && (
          <p className="subtle">
            Krippendorff&apos;s alpha of all codings: frame by frame {fmt(figures.alpha)}; the emotions of matched events{' '}
            {fmt(figures.emotionAlpha)}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </section>
    </div>
  );
}
