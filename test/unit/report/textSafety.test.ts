import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, html, SafeHtml, trusted } from '../../../src-main/report/formats/htmlText.js';
import { xmlAttribute, xmlSafe, xmlText } from '../../../src-main/report/formats/xmlText.js';
import { visibleText } from '../../../src-main/report/content/visibleText.js';
import { spreadsheetSafe } from '../../../src-main/report/formats/spreadsheetSafe.js';
import { parseXml } from '../../helpers/xmlTree.js';

const HOSTILE = `<script>alert("x")</script><img src=x onerror='alert(1)'> & &amp; ]]> ${'W'.repeat(2000)}`;
/** Any string, including lone surrogates and every control character. */
const anyText = fc.string({ unit: 'binary', maxLength: 80 });
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('HTML text', () => {
  it('turns every interpolated value into text, and only SafeHtml into markup', () => {
    const out = html`<p title="${HOSTILE}">${HOSTILE}</p>
      ${trusted('<br>')}${[1, '<i>', html`<b>${'&'}</b>`]}${null}${false}`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).not.toMatch(/<script|<img|onerror='/);
    expect(out.value).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out.value.endsWith('<br>1&lt;i&gt;<b>&amp;</b>')).toBe(true);
  });

  it('round-trips any text through a strict parser, in content and in attributes (property)', () => {
    fc.assert(
      fc.property(
        anyText.filter((s) => XML_CHARS.test(s) && !s.includes('\r')),
        (s) => {
          const doc = parseXml(`<p a="${escapeHtml(s).replace(/\t|\n/g, (c) => (c === '\t' ? '&#9;' : '&#10;'))}">${escapeHtml(s)}</p>`);
          expect(doc.text).toBe(s);
          expect(doc.attributes.a).toBe(s);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('shows invisible controls by their codes, so a note cannot read as something else', () => {
    expect(visibleText('a\u202Elive\u202C b\u0007c\nd\te')).toBe('a[U+202E]live[U+202C] b[U+0007]c\nd\te');
    expect(html`${'x\u2066y'}`.value).toBe('x[U+2066]y');
    fc.assert(
      fc.property(anyText, (s) => {
        const v = visibleText(s);
        // eslint-disable-next-line no-control-regex -- the controls are what is checked for
        expect(v).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
        expect(visibleText(v)).toBe(v);
      }),
    );
  });
});

describe('XML text (EAF)', () => {
  it('escapes markup and keeps characters XML can carry exactly (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const doc = parseXml(`<v a="${xmlAttribute(s)}">${xmlText(s)}</v>`);
        expect(doc.text).toBe(xmlSafe(s));
        expect(doc.attributes.a).toBe(xmlSafe(s));
        // u-mode: a lone surrogate is a code point outside every allowed range.
        expect(xmlSafe(s) === s).toBe(XML_CHARS.test(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('replaces what XML 1.0 cannot hold with U+FFFD and keeps paired surrogates', () => {
    expect(xmlSafe('a\u0000b\u001Fc\uFFFEd\uD800e\uDC00f\u{1F600}')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\u{1F600}');
    expect(xmlText(HOSTILE)).not.toContain('<');
  });
});

describe('spreadsheet-safe CSV cells', () => {
  const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  /** Text rich in formula starts, white space before them, and numbers. */
  const cellText = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc
      .tuple(
        fc.constantFrom('', ' ', '  ', '\t', '\n', '\r', '\u00A0', '\u0000'),
        fc.constantFrom('=', '+', '-', '@', '', 'a', '1'),
        fc.string(),
      )
      .map((p) => p.join('')),
    fc.double({ noNaN: true }).map(String),
  );

  it('guards formula starts after white space too, and leaves plain numbers and other text alone', () => {
    expect(spreadsheetSafe('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(spreadsheetSafe("  =2+5+cmd|' /C calc'!A0")).toBe("'  =2+5+cmd|' /C calc'!A0");
    expect(spreadsheetSafe('\n@SUM(1)')).toBe("'\n@SUM(1)");
    expect(spreadsheetSafe('\tnote')).toBe("'\tnote");
    expect(spreadsheetSafe('-1+2')).toBe("'-1+2");
    expect(spreadsheetSafe('-1')).toBe('-1');
    expect(spreadsheetSafe('+3.5e-2')).toBe('+3.5e-2');
    expect(spreadsheetSafe('note = fine')).toBe('note = fine');
  });

  it('never lets a cell start as a formula, even after white space, and changes nothing else (property)', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const safe = spreadsheetSafe(s);
        // eslint-disable-next-line no-control-regex -- NUL is one of the guarded starts
        if (!PLAIN_NUMBER.test(safe)) expect(safe).not.toMatch(/^[\t\r\u0000]|^\s*[=+\-@]/);
        expect(safe === s || safe === `'${s}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
