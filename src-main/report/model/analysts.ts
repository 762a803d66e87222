import type { AuditEntry } from '../../../src-shared/domain/audit.js';
import type { Annotation } from '../../../src-shared/domain/annotation.js';
import type { AnalystLine } from './reportModel.js';

const ROLE_OF: Record<string, string> = {
  'recording.imported': 'imported the recording',
  'recording.location-added': 'recorded another location of it',
  'analysis.started': 'ran the analysis',
  'analysis.completed': 'ran the analysis',
  'analysis.failed': 'ran the analysis',
  'spotting.completed': 'ran the spotter',
  'report.exported': 'exported reports',
};

/**
 * Everyone who acted on this recording, from its audit entries (the record of
 * who did what) and the annotations' authors, with what each did.
 */
export function analystLines(entries: AuditEntry[], annotations: Annotation[], reportAuthor: string): AnalystLine[] {
  const roles = new Map<string, Set<string>>();
  const annotationActions = new Map<string, number>();
  const add = (name: string, role: string) => {
    if (!roles.has(name)) roles.set(name, new Set());
    roles.get(name)!.add(role);
  };
  for (const e of entries) {
    if (e.action.startsWith('annotation.')) annotationActions.set(e.actor, (annotationActions.get(e.actor) ?? 0) + 1);
    else add(e.actor, ROLE_OF[e.action] ?? e.action);
  }
  for (const [actor, n] of annotationActions) add(actor, `${n} annotation action${n === 1 ? '' : 's'}`);
  for (const a of annotations) {
    if (!annotationActions.has(a.createdBy)) add(a.createdBy, 'created annotations');
    if (!annotationActions.has(a.updatedBy)) add(a.updatedBy, 'changed annotations');
  }
  add(reportAuthor, 'made this report');
  return [...roles].sort((a, b) => a[0].localeCompare(b[0])).map(([name, set]) => ({ name, roles: [...set] }));
}
