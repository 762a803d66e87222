import type { Emotion } from '../../src-shared/analysis/emotions.js';
import type { FrameTable } from '../../src-shared/time/frameTable.js';
import { firstMillisecondAfter } from '../../src-shared/time/screenMilliseconds.js';
import { normaliseEmotion, isEmotion } from '../evaluation/emotionLabels.js';
import type { ImportedEvent } from './importedEvent.js';
import { frameAtMillisecond } from './timeToFrames.js';
import { childrenNamed, parseXml, type XmlElement } from './xmlTree.js';

/** How a tier is read: as one of the seven emotions, as events with no emotion, or not at all. */
export type TierMapping = Emotion | 'no emotion' | 'ignore';

/** The tiers Micromoment's own EAF writes for items that are not findings: read, and left out. */
const NOT_FINDINGS = new Set(['rejected', 'not reviewed']);

/**
 * The events of an ELAN file (EAF 2.x/3.0, times in milliseconds): every
 * time-aligned annotation of the tiers that name an emotion (by their name,
 * "fear" or "Fear (2)", or by `map`), mapped to frames of the recording as the
 * export maps them. A value starting "pending ·" (Micromoment's own) stays
 * pending. Events in time order. Problems are collected, each naming its annotation; the caller
 * refuses the file when there is any.
 */
export function readEaf(
  xml: string,
  table: FrameTable,
  map: ReadonlyMap<string, TierMapping>,
): { events: ImportedEvent[]; skipped: string[]; problems: string[] } {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    return { events: [], skipped: [], problems: [`it is not well-formed XML (${(err as Error).message.split('\n')[0]})`] };
  }
  if (root.name !== 'ANNOTATION_DOCUMENT')
    return { events: [], skipped: [], problems: [`its root element is ${root.name}, not ELAN's ANNOTATION_DOCUMENT`] };
  const problems: string[] = [];
  const skipped: string[] = [];
  const header = childrenNamed(root, 'HEADER')[0];
  const units = header?.attributes.TIME_UNITS ?? 'milliseconds';
  if (units !== 'milliseconds') problems.push(`its time units are ${units}: only milliseconds can be mapped to frames`);
  const slots = new Map<string, number | null>();
  for (const slot of childrenNamed(childrenNamed(root, 'TIME_ORDER')[0] ?? emptyElement(), 'TIME_SLOT')) {
    const value = slot.attributes.TIME_VALUE;
    slots.set(slot.attributes.TIME_SLOT_ID ?? '', value === undefined ? null : /^\d+$/.test(value) ? Number(value) : NaN);
  }
  const last = table.ptsTicks.length - 1;
  const endMs = firstMillisecondAfter(table, last);
  const events: ImportedEvent[] = [];
  for (const tier of childrenNamed(root, 'TIER')) {
    const name = tier.attributes.TIER_ID ?? '';
    const mapping = tierMapping(name, map);
    const annotations = childrenNamed(tier, 'ANNOTATION');
    if (mapping === 'ignore') {
      if (annotations.length)
        skipped.push(`tier "${name}" (${annotations.length} annotation${annotations.length === 1 ? '' : 's'}) left out`);
      continue;
    }
    if (mapping === null) {
      if (annotations.length)
        problems.push(`tier "${name}" names no emotion: rename it, or map it with --map (a line "${name},<emotion>" or "${name},ignore")`);
      continue;
    }
    for (const annotation of annotations) {
      const aligned = childrenNamed(annotation, 'ALIGNABLE_ANNOTATION')[0];
      const id = aligned?.attributes.ANNOTATION_ID ?? childrenNamed(annotation, 'REF_ANNOTATION')[0]?.attributes.ANNOTATION_ID ?? '?';
      const where = `annotation ${id} (tier "${name}")`;
      if (!aligned) {
        problems.push(`${where} is not aligned to time`);
        continue;
      }
      const start = slots.get(aligned.attributes.TIME_SLOT_REF1 ?? '');
      const end = slots.get(aligned.attributes.TIME_SLOT_REF2 ?? '');
      if (start === undefined || end === undefined) {
        problems.push(`${where} refers to a time slot the file does not have`);
        continue;
      }
      if (start === null || end === null || Number.isNaN(start) || Number.isNaN(end)) {
        problems.push(`${where} has a time slot without a time`);
        continue;
      }
      if (end <= start) {
        problems.push(`${where} ends (${end} ms) before it begins (${start} ms)`);
        continue;
      }
      if (end > endMs) {
        problems.push(`${where} ends at ${end} ms, after the recording (${endMs} ms)`);
        continue;
      }
      const onset = frameAtMillisecond(table, start);
      const offset = frameAtMillisecond(table, end - 1);
      if (onset === null || offset === null) {
        problems.push(`${where} is outside the recording`);
        continue;
      }
      const value = childrenNamed(aligned, 'ANNOTATION_VALUE')[0]?.text ?? '';
      events.push({
        onset,
        apex: null,
        offset,
        emotion: mapping === 'no emotion' ? null : mapping,
        verdict: /^pending\s·/.test(value) ? 'pending' : 'accepted',
        note: value,
        where,
      });
    }
  }
  events.sort((x, y) => x.onset - y.onset || x.offset - y.offset);
  return { events, skipped, problems };
}

function tierMapping(name: string, map: ReadonlyMap<string, TierMapping>): TierMapping | null {
  const given = map.get(name);
  if (given) return given;
  const base = name.replace(/\s*\(\d+\)$/, '').trim();
  const mapped = map.get(base);
  if (mapped) return mapped;
  if (NOT_FINDINGS.has(base.toLowerCase())) return 'ignore';
  if (base.toLowerCase() === 'no emotion') return 'no emotion';
  const emotion = normaliseEmotion(base);
  return isEmotion(emotion) ? emotion : null;
}

function emptyElement(): XmlElement {
  return { name: '', attributes: {}, children: [], text: '' };
}
