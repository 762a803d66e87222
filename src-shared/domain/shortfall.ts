/**
 * A file cut short whose index sits at its start (an MP4 with +faststart whose
 * copy failed part-way) still opens, and its frames decode up to the cut: it
 * would import as a shorter recording without a word. The container's declared
 * duration tells: when noticeably more is declared than decodes, the analyst is
 * warned. A second or 5% (whichever is more) is allowed for containers whose
 * declared duration counts a last frame, audio or an edit list differently.
 */
export function shortfallWarning(declaredS: number | null, decodedS: number): string | null {
  if (declaredS === null || !Number.isFinite(declaredS) || !Number.isFinite(decodedS)) return null;
  if (declaredS - decodedS <= Math.max(1, 0.05 * declaredS)) return null;
  return (
    `only ${decodedS.toFixed(3)} s of video decode, but the file declares ${declaredS.toFixed(3)} s: ` +
    `it may be cut short or damaged; compare it with its source`
  );
}

/** The shortfall warning of a stored recording (what the scan printed for it), or null. */
export function recordingShortfall(recording: { durationS: number; probe: { durationS: number | null } }): string | null {
  return shortfallWarning(recording.probe.durationS, recording.durationS);
}
