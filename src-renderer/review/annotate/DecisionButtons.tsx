import { EMOTIONS } from '../../../src-shared/analysis/emotions.js';
import type { QueueItem } from '../../../src-shared/review/reviewQueue.js';
import { SHORTCUTS, type ActionId } from '../keys/keymap.js';
import type { ActionHandlers } from '../keys/useShortcuts.js';
import { emotionColor } from '../timeline/colors.js';

const keyOf = (id: ActionId): string => SHORTCUTS.find((s) => s.id === id)?.label ?? '';

/**
 * Every decision on the selected item by mouse, each button showing its key:
 * the verdict, the emotion, and onset, apex and offset set to the frame on
 * screen. The buttons call the same handlers as the keys, so both do the same.
 */
export function DecisionButtons({ item, handlers }: { item: QueueItem; handlers: ActionHandlers }) {
  const button = (id: ActionId, text: string, pressed?: boolean, extra?: { swatch?: string }) => (
    <button
      type="button"
      key={id}
      onClick={() => handlers[id]?.()}
      aria-pressed={pressed}
      title={`${text} (${keyOf(id)})`}
      data-testid={`decide-${id}`}
    >
      {extra?.swatch && <span className="swatch" style={{ background: extra.swatch }} />}
      {text} <kbd>{keyOf(id)}</kbd>
    </button>
  );
  return (
    <div className="decisions" role="group" aria-label="Decide">
      <div className="decision-row">
        {button('accept', 'Accept', item.verdict === 'accepted')}
        {button('reject', 'Reject', item.verdict === 'rejected')}
      </div>
      <div className="decision-row emotions">
        {EMOTIONS.map((emotion, i) =>
          button(`label${i + 1}` as ActionId, emotion, item.emotion === emotion, { swatch: emotionColor(emotion) }),
        )}
      </div>
      <div className="decision-row">
        {button('setOnset', 'Onset here')}
        {button('setApex', 'Apex here')}
        {button('setOffset', 'Offset here')}
      </div>
    </div>
  );
}
