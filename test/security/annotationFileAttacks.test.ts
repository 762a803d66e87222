/**
 * Threat: an annotation file handed over by someone else (an ELAN .eaf, a CSV)
 * is read by `agreement` and, later, imported as a coder's pass. A hostile file
 * must not expand entities without end (billion laughs), read other files
 * through external entities (XXE), exhaust memory by size, or smuggle in events
 * by malformed parts: it is refused whole, quickly, reading nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnnotationFile, MAX_ANNOTATION_FILE_BYTES } from '../../src-main/annotationFiles/readAnnotationFile.js';
import { AnnotationFileRefused } from '../../src-main/annotationFiles/importedEvent.js';
import type { FrameTable } from '../../src-shared/time/frameTable.js';
import { tempDir } from '../helpers/paths.js';

const dir = tempDir('mm-annotation-attacks-');
const table: FrameTable = { timeBase: { num: 1, den: 25 }, ptsTicks: Array.from({ length: 100 }, (_, i) => i) };
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const refusal = (file: string): string => {
  try {
    readAnnotationFile(file, table);
  } catch (err) {
    expect(err).toBeInstanceOf(AnnotationFileRefused);
    return (err as Error).message;
  }
  throw new Error('the file was read');
};
const document = (doctype: string, value: string) =>
  `<?xml version="1.0"?>${doctype}<ANNOTATION_DOCUMENT><HEADER TIME_UNITS="milliseconds"/><TIME_ORDER>` +
  '<TIME_SLOT TIME_SLOT_ID="t1" TIME_VALUE="40"/><TIME_SLOT TIME_SLOT_ID="t2" TIME_VALUE="200"/></TIME_ORDER>' +
  `<TIER TIER_ID="fear"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="t1" TIME_SLOT_REF2="t2">` +
  `<ANNOTATION_VALUE>${value}</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER></ANNOTATION_DOCUMENT>`;

describe('hostile annotation files', () => {
  it('does not expand nested entities (billion laughs): refused at once', () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const file = write('laughs.eaf', document(`<!DOCTYPE ANNOTATION_DOCUMENT [<!ENTITY l0 "lol">${levels}]>`, '&l10;'));
    expect(refusal(file)).toMatch(/not well-formed XML/);
  });

  it('never reads another file through an external entity (XXE)', () => {
    const secret = write('secret.txt', 'TOP-SECRET-CONTENT');
    const file = write('xxe.eaf', document(`<!DOCTYPE ANNOTATION_DOCUMENT [<!ENTITY x SYSTEM "file://${secret}">]>`, '&x;'));
    const message = refusal(file);
    expect(message).toMatch(/not well-formed XML/);
    expect(message).not.toContain('TOP-SECRET-CONTENT');
  });

  it('refuses a file larger than any annotation file before reading it', () => {
    const file = path.join(dir, 'huge.csv');
    fs.writeFileSync(file, 'onset,offset,emotion\n');
    fs.truncateSync(file, MAX_ANNOTATION_FILE_BYTES + 1); // sparse: no disk used
    expect(refusal(file)).toContain(`more than an annotation file can be (${MAX_ANNOTATION_FILE_BYTES})`);
  });

  it('takes nothing from a file with one bad part among good ones, and treats formulas as unknown labels', () => {
    const file = write('mixed.csv', 'onset,offset,emotion\n1,4,fear\n5,9,=HYPERLINK("http://x.invalid")\n10,12,anger\n');
    expect(refusal(file)).toContain('line 3: emotion "=HYPERLINK("http://x.invalid")" is none of the seven');
  });
});
