/**
 * Audit actions as a reader says them ("imported the recording"), for the
 * reports; the appendix and the JSON keep the action names the log stores.
 */
const SENTENCES: Record<string, string> = {
  'case.created': 'created the case',
  'case.sealed': 'sealed the case as found (upgrade)',
  'case.details-set': "set the case's details",
  'case.resealed': 'sealed the annotations again after an upgrade',
  'pass.started': 'started a coding pass',
  'pass.completed': 'completed a coding pass',
  'pass.imported': "imported another coder's annotation file as a pass",
  'recording.imported': 'imported the recording',
  'recording.location-added': 'recorded another location of the recording',
  'analysis.started': 'started the analysis',
  'analysis.resumed': 'resumed an interrupted analysis',
  'analysis.interrupted': 'had an analysis interrupted',
  'analysis.completed': 'completed the analysis',
  'analysis.failed': 'had the analysis fail',
  'spotting.completed': 'ran the spotter',
  'proxy.started': 'started making a review copy',
  'proxy.made': 'made a review copy (checked frame by frame)',
  'proxy.failed': 'failed to make a review copy',
  'annotation.created': 'made a decision or a hand mark',
  'annotation.updated': 'changed a decision or a hand mark',
  'annotation.deleted': 'removed a hand mark',
  'annotation.undone': 'undid a change',
  'annotation.redone': 'redid a change',
  'annotation.adjudicated': 'resolved a disagreement between codings',
  'report.exported': 'exported a report',
};

export function auditSentence(action: string): string {
  return SENTENCES[action] ?? `did "${action}"`;
}
