import { SHORTCUTS } from './keymap.js';

/** The shortcut sheet (?): every action with its key, from the one keymap. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <section className="modal shortcut-sheet" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <div className="shortcut-groups">
          {groups.map((g) => (
            <table key={g}>
              <caption>{g}</caption>
              <tbody>
                {SHORTCUTS.filter((s) => s.group === g).map((s) => (
                  <tr key={s.id}>
                    <td>
                      <kbd>{s.label}</kbd>
                    </td>
                    <td>{s.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
        <button type="button" onClick={onClose}>
          Close (Esc)
        </button>
      </section>
    </div>
  );
}
