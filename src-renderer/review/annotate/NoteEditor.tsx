import { useEffect, useState, type RefObject } from 'react';

/**
 * The selected item's note. Enter saves; Esc leaves, but typed text is never
 * thrown away on one key: with unsaved text, the first Esc asks, a second
 * discards (the buttons do the same by mouse).
 */
export function NoteEditor({
  itemKey,
  stored,
  noteRef,
  onSave,
}: {
  itemKey: string;
  stored: string;
  noteRef: RefObject<HTMLTextAreaElement | null>;
  onSave: (note: string) => void;
}) {
  const [draft, setDraft] = useState(stored);
  const [asking, setAsking] = useState(false);
  // Another item: its note. The same item's stored note changing (an undo, a reply arriving
  // late) replaces the draft only when the analyst is not typing in it.
  useEffect(() => {
    setDraft(stored);
    setAsking(false);
  }, [itemKey]);
  useEffect(() => {
    if (document.activeElement !== noteRef.current) setDraft(stored);
  }, [stored, noteRef]);
  const unsaved = draft !== stored;
  const save = () => {
    onSave(draft);
    setAsking(false);
    noteRef.current?.blur();
  };
  const discard = () => {
    setDraft(stored);
    setAsking(false);
    noteRef.current?.blur();
  };
  return (
    <>
      <label htmlFor="annotation-note">Note</label>
      <textarea
        id="annotation-note"
        ref={noteRef}
        value={draft}
        rows={2}
        onChange={(e) => {
          setDraft(e.target.value);
          setAsking(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            save();
          }
          if (e.key === 'Escape') {
            if (unsaved && !asking) return setAsking(true);
            discard();
          }
        }}
      />
      {unsaved && (
        <div className="note-actions">
          {asking && (
            <span role="alert" data-testid="note-discard-question">
              Discard the note you typed? Esc again discards it, Enter saves it.
            </span>
          )}
          <button type="button" onClick={save} data-testid="note-save">
            Save note <kbd>Enter</kbd>
          </button>
          <button type="button" onClick={discard} data-testid="note-discard">
            Discard
          </button>
        </div>
      )}
    </>
  );
}
