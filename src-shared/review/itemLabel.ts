/**
 * The one name of a review item, the same in the queue, the details, the undo
 * text, the audit log's descriptions and the reports: C3 is the third candidate
 * (in time) of the spotting run, H17 the hand mark stored as annotation 17.
 * Neither changes when items are added, sorted or filtered: a candidate's index
 * is fixed by its run, an annotation's id by the case, and annotations are never
 * deleted (only hidden).
 */
export function itemLabel(item: { candidateIndex: number | null; annotationId: number | null }): string {
  if (item.candidateIndex !== null) return `C${item.candidateIndex + 1}`;
  return item.annotationId !== null ? `H${item.annotationId}` : 'H?';
}

/** How the label is said in full, for a title or a report's origin column. */
export function itemOrigin(item: { candidateIndex: number | null; spottingRunId: number | null }): string {
  return item.candidateIndex !== null
    ? `candidate ${item.candidateIndex + 1} of spotting run ${item.spottingRunId ?? '?'}`
    : 'marked by hand';
}
