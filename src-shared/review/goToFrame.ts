/** What the go-to-frame field asks for: a frame to show, or why it cannot. */
export type GoToRequest = { frame: number } | { problem: string };

/**
 * Reads the go-to-frame field. A frame outside the recording is refused with
 * the range, not clamped: an analyst who typed 300400 meant something else, and
 * silently showing the last frame would show the wrong one.
 */
export function parseGoToFrame(text: string, frameCount: number): GoToRequest {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'Type a frame number.' };
  if (!/^\d+$/.test(trimmed)) return { problem: `“${trimmed.slice(0, 20)}” is not a frame number: type digits only.` };
  const frame = Number(trimmed);
  const last = frameCount - 1;
  if (!Number.isSafeInteger(frame) || frame > last)
    return { problem: `Frame ${trimmed.slice(0, 20)} is outside this recording: its frames are 0–${last}.` };
  return { frame };
}
