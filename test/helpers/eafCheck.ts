/**
 * What ELAN requires of an .eaf file, checked the way its EAF 3.0 schema
 * (EAFv3.0.xsd) and its reader define it, without the schema file itself:
 * - ANNOTATION_DOCUMENT with AUTHOR, DATE (xsd:dateTime) and VERSION required,
 *   FORMAT "3.0", children in the schema's sequence: LICENSE*, HEADER,
 *   TIME_ORDER, TIER*, LINGUISTIC_TYPE*, LOCALE*, LANGUAGE*, CONSTRAINT*,
 *   CONTROLLED_VOCABULARY*, LEXICON_REF*, REF_LINK_SET*, EXTERNAL_REF*;
 * - HEADER: MEDIA_DESCRIPTOR* (MEDIA_URL and MIME_TYPE required),
 *   LINKED_FILE_DESCRIPTOR*, PROPERTY*; TIME_UNITS one of the three units;
 * - TIME_ORDER: TIME_SLOT* with TIME_SLOT_ID (xsd:ID) and TIME_VALUE (xsd:unsignedInt);
 * - TIER: TIER_ID unique (xsd:key) and LINGUISTIC_TYPE_REF naming a
 *   LINGUISTIC_TYPE_ID (xsd:keyref); ANNOTATION children holding one
 *   ALIGNABLE_ANNOTATION (ANNOTATION_ID xsd:ID, TIME_SLOT_REF1/2 xsd:IDREF,
 *   one ANNOTATION_VALUE);
 * - xsd:ID values are NCNames, unique in the whole document;
 * - CONSTRAINT STEREOTYPE one of ELAN's four;
 * and ELAN's own rules for a top-level tier: each annotation ends after it
 * begins, and annotations of one tier do not overlap.
 */
import { childrenNamed, parseXml, type XmlElement } from './xmlTree.js';

export interface EafAnnotation {
  id: string;
  startMs: number;
  endMs: number;
  value: string;
}

export interface EafReading {
  problems: string[];
  tiers: Map<string, EafAnnotation[]>;
  root: XmlElement | null;
}

const ORDER = [
  'LICENSE',
  'HEADER',
  'TIME_ORDER',
  'TIER',
  'LINGUISTIC_TYPE',
  'LOCALE',
  'LANGUAGE',
  'CONSTRAINT',
  'CONTROLLED_VOCABULARY',
  'LEXICON_REF',
  'REF_LINK_SET',
  'EXTERNAL_REF',
];
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const NC_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const STEREOTYPES = ['Time_Subdivision', 'Symbolic_Subdivision', 'Symbolic_Association', 'Included_In'];

export function readEaf(xml: string): EafReading {
  const problems: string[] = [];
  const tiers = new Map<string, EafAnnotation[]>();
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    return { problems: [`not well-formed XML: ${(err as Error).message}`], tiers, root: null };
  }
  const need = (e: XmlElement, attr: string) => {
    if (e.attributes[attr] === undefined) problems.push(`${e.name} lacks ${attr}`);
    return e.attributes[attr] ?? '';
  };
  if (root.name !== 'ANNOTATION_DOCUMENT') problems.push(`root is ${root.name}`);
  need(root, 'AUTHOR');
  need(root, 'VERSION');
  if (!DATE_TIME.test(need(root, 'DATE'))) problems.push(`DATE ${root.attributes.DATE} is not an xsd:dateTime`);
  if (root.attributes.FORMAT !== '3.0') problems.push(`FORMAT is ${root.attributes.FORMAT}`);
  if (!/EAFv3\.0\.xsd$/.test(root.attributes['xsi:noNamespaceSchemaLocation'] ?? '')) problems.push('no EAFv3.0.xsd schema location');

  let last = -1;
  for (const c of root.children) {
    const at = ORDER.indexOf(c.name);
    if (at < 0) problems.push(`unknown element ${c.name} in ANNOTATION_DOCUMENT`);
    else if (at < last) problems.push(`${c.name} out of the schema's order`);
    last = Math.max(last, at);
  }
  for (const once of ['HEADER', 'TIME_ORDER'])
    if (childrenNamed(root, once).length !== 1) problems.push(`${once} must appear exactly once`);

  const ids = new Set<string>();
  const id = (value: string, what: string) => {
    if (!NC_NAME.test(value)) problems.push(`${what} ${value} is not an NCName`);
    if (ids.has(value)) problems.push(`ID ${value} is not unique`);
    ids.add(value);
  };

  const header = childrenNamed(root, 'HEADER')[0];
  if (header) {
    if (header.attributes.TIME_UNITS && !['milliseconds', 'NTSC-frames', 'PAL-frames'].includes(header.attributes.TIME_UNITS))
      problems.push('bad TIME_UNITS');
    let h = -1;
    for (const c of header.children) {
      const at = ['MEDIA_DESCRIPTOR', 'LINKED_FILE_DESCRIPTOR', 'PROPERTY'].indexOf(c.name);
      if (at < h || at < 0) problems.push(`${c.name} out of place in HEADER`);
      h = Math.max(h, at);
    }
    for (const md of childrenNamed(header, 'MEDIA_DESCRIPTOR')) {
      if (/\s/.test(need(md, 'MEDIA_URL'))) problems.push('MEDIA_URL is not a URI (white space)');
      need(md, 'MIME_TYPE');
    }
  }

  const slots = new Map<string, number>();
  for (const slot of childrenNamed(root, 'TIME_ORDER')[0]?.children ?? []) {
    if (slot.name !== 'TIME_SLOT') problems.push(`${slot.name} in TIME_ORDER`);
    const sid = need(slot, 'TIME_SLOT_ID');
    id(sid, 'TIME_SLOT_ID');
    const v = slot.attributes.TIME_VALUE;
    if (v !== undefined && (!/^\d+$/.test(v) || Number(v) > 4294967295)) problems.push(`TIME_VALUE ${v} is not an xsd:unsignedInt`);
    slots.set(sid, Number(v));
  }

  const types = new Set(childrenNamed(root, 'LINGUISTIC_TYPE').map((t) => need(t, 'LINGUISTIC_TYPE_ID')));
  if (types.size !== childrenNamed(root, 'LINGUISTIC_TYPE').length) problems.push('LINGUISTIC_TYPE_ID not unique');
  for (const c of childrenNamed(root, 'CONSTRAINT'))
    if (!STEREOTYPES.includes(need(c, 'STEREOTYPE'))) problems.push(`bad STEREOTYPE ${c.attributes.STEREOTYPE}`);

  let maxAnnotation = 0;
  for (const tier of childrenNamed(root, 'TIER')) {
    const tierId = need(tier, 'TIER_ID');
    if (tiers.has(tierId)) problems.push(`TIER_ID ${tierId} is not unique`);
    if (!types.has(need(tier, 'LINGUISTIC_TYPE_REF'))) problems.push(`tier ${tierId} refers to an undeclared linguistic type`);
    const list: EafAnnotation[] = [];
    for (const ann of tier.children) {
      if (ann.name !== 'ANNOTATION' || ann.children.length !== 1) {
        problems.push(`tier ${tierId}: ${ann.name} is not an ANNOTATION with one child`);
        continue;
      }
      const a = ann.children[0]!;
      if (a.name !== 'ALIGNABLE_ANNOTATION') {
        problems.push(`tier ${tierId}: ${a.name} in a top-level tier`);
        continue;
      }
      const aid = need(a, 'ANNOTATION_ID');
      id(aid, 'ANNOTATION_ID');
      maxAnnotation = Math.max(maxAnnotation, Number(/\d+$/.exec(aid)?.[0] ?? 0));
      const [r1, r2] = [need(a, 'TIME_SLOT_REF1'), need(a, 'TIME_SLOT_REF2')];
      if (!slots.has(r1) || !slots.has(r2)) problems.push(`annotation ${aid} refers to a missing time slot`);
      const values = childrenNamed(a, 'ANNOTATION_VALUE');
      if (values.length !== 1 || a.children.length !== 1) problems.push(`annotation ${aid} needs exactly one ANNOTATION_VALUE`);
      const item = { id: aid, startMs: slots.get(r1) ?? NaN, endMs: slots.get(r2) ?? NaN, value: values[0]?.text ?? '' };
      if (!(item.endMs > item.startMs)) problems.push(`annotation ${aid} does not end after it begins (${item.startMs}–${item.endMs})`);
      list.push(item);
    }
    const sorted = [...list].sort((x, y) => x.startMs - y.startMs);
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.startMs < sorted[i - 1]!.endMs) problems.push(`tier ${tierId}: ${sorted[i - 1]!.id} and ${sorted[i]!.id} overlap`);
    tiers.set(tierId, list);
  }
  const lastUsed = header ? childrenNamed(header, 'PROPERTY').find((p) => p.attributes.NAME === 'lastUsedAnnotationId') : undefined;
  if (lastUsed && Number(lastUsed.text) < maxAnnotation)
    problems.push(`lastUsedAnnotationId ${lastUsed.text} is below the annotation ids used (${maxAnnotation})`);
  return { problems, tiers, root };
}
