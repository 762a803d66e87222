import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eafReport } from '../../../src-main/report/formats/eafReport.js';
import { xmlSafe } from '../../../src-main/report/formats/xmlText.js';
import { buildReportModel } from '../../../src-main/report/model/buildReportModel.js';
import { readEaf } from '../../helpers/eafCheck.js';
import { childrenNamed } from '../../helpers/xmlTree.js';
import { annotation, inputs } from './modelInputs.js';

const HOSTILE = `</ANNOTATION_VALUE><script>x</script> "q" 'a' & ]]> \u0000\u0008 ${'W'.repeat(5000)}`;

describe('ELAN export (EAF 3.0)', () => {
  it('writes what ELAN requires, a tier per emotion and one of the rejected, times in ms from the frame table', () => {
    const m = buildReportModel(
      inputs({
        annotations: [
          annotation(1, { onsetFrame: 48, apexFrame: 50, offsetFrame: 52, emotion: 'fear', note: HOSTILE }),
          annotation(2, { onsetFrame: 50, apexFrame: null, offsetFrame: 60, emotion: 'fear', verdict: 'pending', updatedBy: 'B. Böhm' }),
          annotation(3, { onsetFrame: 5, offsetFrame: 5, apexFrame: 5, emotion: 'contempt', verdict: 'rejected' }),
          annotation(4, { onsetFrame: 70, offsetFrame: 99, apexFrame: null, emotion: null }),
        ],
      }),
    );
    const xml = eafReport(m);
    const eaf = readEaf(xml);
    expect(eaf.problems).toEqual([]);
    expect([...eaf.tiers.keys()]).toEqual(['fear', 'fear (2)', 'no emotion', 'rejected']);
    // Frames 48–52 of the VFR table: 1920 ms to the first millisecond of frame 53 (2060 ms).
    expect(eaf.tiers.get('fear')).toEqual([
      { id: 'a2', startMs: 1920, endMs: 2060, value: `accepted · H1 · A. Analyst · ${xmlSafe(HOSTILE)}` },
    ]);
    expect(eaf.tiers.get('fear (2)')).toEqual([{ id: 'a3', startMs: 2000, endMs: 2220, value: 'pending · H2 · B. Böhm' }]);
    expect(eaf.tiers.get('rejected')).toEqual([{ id: 'a1', startMs: 200, endMs: 240, value: 'rejected · contempt · H3 · A. Analyst' }]);
    // The last frame (99) ends one gap (20 ms) after it starts: the recording's end.
    expect(eaf.tiers.get('no emotion')![0]).toMatchObject({ startMs: 2400, endMs: 3000 });
    const header = childrenNamed(eaf.root!, 'HEADER')[0]!;
    expect(childrenNamed(header, 'MEDIA_DESCRIPTOR')[0]!.attributes).toEqual({
      MEDIA_URL: 'file:///evidence/interview%20%3C1%3E.mp4',
      MIME_TYPE: 'video/mp4',
      RELATIVE_MEDIA_URL: './interview%20%3C1%3E.mp4',
    });
    expect(eaf.root!.attributes).toMatchObject({ AUTHOR: 'R. Eporter', DATE: '2026-02-03T10:00:00Z', FORMAT: '3.0', VERSION: '3.0' });
  });

  it('stays valid whatever the notes and names hold, and keeps them word for word (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            note: fc.string({ unit: 'binary', maxLength: 60 }),
            by: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
            onset: fc.nat(90),
            length: fc.nat(9),
          }),
          { maxLength: 6 },
        ),
        (specs) => {
          const m = buildReportModel(
            inputs({
              generatedBy: specs[0]?.by ?? 'x',
              annotations: specs.map((s, i) =>
                annotation(i + 1, { onsetFrame: s.onset, apexFrame: null, offsetFrame: s.onset + s.length, note: s.note, updatedBy: s.by }),
              ),
            }),
          );
          const eaf = readEaf(eafReport(m));
          expect(eaf.problems).toEqual([]);
          const values = [...eaf.tiers.values()]
            .flat()
            .map((a) => a.value)
            .sort();
          expect(values).toEqual(
            m.annotations.map((a) => xmlSafe(`accepted · ${a.label} · ${a.updatedBy}${a.note.trim() ? ` · ${a.note}` : ''}`)).sort(),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is a valid document with no tier at all when there are no annotations', () => {
    const eaf = readEaf(eafReport(buildReportModel(inputs())));
    expect(eaf.problems).toEqual([]);
    expect(eaf.tiers.size).toBe(0);
  });
});
