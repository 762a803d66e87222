import { useState } from 'react';
import type { CodingPassState } from './useCodingPass.js';

/**
 * Which set the analyst's decisions go to: the case's working set, or their
 * blind coding pass (the others' decisions hidden until they complete it).
 */
export function PassBar({ pass, onAgreement }: { pass: CodingPassState; onAgreement: () => void }) {
  const [hideEmotion, setHideEmotion] = useState(false);
  const open = pass.open;
  const completed = pass.all.filter((p) => p.completedAt !== null).length;
  return (
    <div className="pass-bar" data-testid="pass-bar">
      {open ? (
        <>
          <span>
            <strong>Pass #{open.id}</strong>, blind{open.hideSpotterEmotion ? ", spotter's emotion hidden" : ''}: your decisions only; the
            others stay hidden until you complete it.
          </span>
          <button
            type="button"
            onClick={() => {
              if (window.confirm(`Complete pass #${open.id}? Its decisions become final and the others' are shown.`)) void pass.complete();
            }}
          >
            Complete pass
          </button>
        </>
      ) : (
        <>
          <span className="subtle">Working set</span>
          <label>
            <input type="checkbox" checked={hideEmotion} onChange={(e) => setHideEmotion(e.target.checked)} /> hide the spotter&apos;s
            emotion
          </label>
          <button type="button" onClick={() => void pass.start({ hideSpotterEmotion: hideEmotion })}>
            Start a blind pass
          </button>
          {completed > 0 && (
            <button type="button" onClick={onAgreement}>
              Agreement ({completed} pass{completed === 1 ? '' : 'es'})
            </button>
          )}
        </>
      )}
      {pass.error && (
        <span className="error" role="alert">
          {pass.error}
        </span>
      )}
    </div>
  );
}
