import type { AnalysisRow } from '../../store/analysesRepo.js';
import type { SpottingRunRow } from '../../store/spottingRepo.js';
import { DEFAULT_SPOT_PARAMS } from '../../spotting/params.js';
import type { AnalysisSection, SpottingSection } from './reportModel.js';

/** Nested settings as `a.b.c = value` lines, in a stable order, so every value is shown and none is lost. */
export function flattenSettings(value: unknown, prefix = ''): { name: string; value: string }[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.keys(value as Record<string, unknown>)
      .sort()
      .flatMap((key) => flattenSettings((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key));
  }
  return [{ name: prefix || '(value)', value: typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined') }];
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

/** What ran to produce an analysis, from the provenance stored with it. */
export function analysisSection(a: AnalysisRow): AnalysisSection {
  const p = a.provenance;
  const tool = record(p.tool);
  const ffmpeg = record(p.ffmpeg);
  return {
    id: a.id,
    status: a.status,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    startedBy: a.startedBy,
    fingerprint: a.fingerprint,
    analysisVersion: text(p.analysisVersion),
    toolVersion: text(tool.version),
    ffmpeg: [text(ffmpeg.version), ffmpeg.source ? `(${text(ffmpeg.source)})` : ''].filter(Boolean).join(' '),
    models: Object.entries(record(p.models))
      .map(([name, sha256]) => ({ name, sha256: text(sha256) }))
      .sort((x, y) => x.name.localeCompare(y.name)),
    parameters: flattenSettings(p.parameters ?? {}),
    summary: a.summary ? flattenSettings(a.summary) : [],
  };
}

export function spottingSection(run: SpottingRunRow): SpottingSection {
  const parameters = flattenSettings(run.params);
  const defaults = new Map(flattenSettings(DEFAULT_SPOT_PARAMS).map((p) => [p.name, p.value]));
  return {
    runId: run.id,
    createdAt: run.createdAt,
    createdBy: run.createdBy,
    candidates: run.candidates.length,
    parameters,
    changedFromDefaults: parameters
      .filter((p) => p.name !== 'spotterVersion' && defaults.has(p.name) && defaults.get(p.name) !== p.value)
      .map((p) => `${p.name} ${p.value} (default ${defaults.get(p.name)})`),
  };
}
