import { ACTION_UNITS } from '../../../src-shared/analysis/actionUnits.js';
import { EXPRESSION_CLASSES } from '../../../src-shared/analysis/emotions.js';
import { auColor, CLASS_COLORS } from './colors.js';

/** Which curves the timelines draw: the eight scores and the action-unit traces, each on or off. */
export function CurveToggles({ shown, onChange }: { shown: ReadonlySet<string>; onChange: (next: Set<string>) => void }) {
  const toggle = (name: string) => {
    const next = new Set(shown);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    onChange(next);
  };
  return (
    <div className="curve-toggles" aria-label="Curves">
      {EXPRESSION_CLASSES.map((c) => (
        <label key={c} style={{ color: CLASS_COLORS[c] }}>
          <input type="checkbox" checked={shown.has(c)} onChange={() => toggle(c)} />
          {c}
        </label>
      ))}
      <span className="sep" />
      {ACTION_UNITS.map((au, i) => (
        <label key={au} style={{ color: auColor(i) }}>
          <input type="checkbox" checked={shown.has(au)} onChange={() => toggle(au)} />
          {au.replace('au', 'AU')}
        </label>
      ))}
    </div>
  );
}
