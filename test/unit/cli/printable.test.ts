import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { printable } from '../../../src-main/cli/printable.js';

/** Any string, including lone surrogates and every control character. */
const anyText = fc.string({ unit: 'binary', maxLength: 60 });
/** Text rich in what printable escapes, so the properties meet it often. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\n',
        '\r',
        '\t',
        '\\',
        '"',
        '\u0000',
        '\u001B',
        '\u007F',
        '\u0085',
        '\u009B',
        '\u2028',
        '\u2029',
        '\u202E',
        '\u2066',
        '\u200F',
        '\uD800',
        '\uDC00',
        'n',
        'x',
        'u',
      ),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
  )
  .map((parts) => parts.join(''));

// eslint-disable-next-line no-control-regex -- the controls are what is checked for
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]|\p{Cs}/u;

/** The reader's side: a quoted form decoded back, a plain one as it is. */
function decode(shown: string): string {
  if (!shown.startsWith('"')) return shown;
  expect(shown.endsWith('"') && shown.length >= 2).toBe(true);
  return shown.slice(1, -1).replace(/\\(x[0-9A-F]{2}|u[0-9A-F]{4}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    const short: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (!(e in short)) throw new Error(`unknown escape \\${e} in ${shown}`);
    return short[e]!;
  });
}

describe('printable: outside text in a CLI line', () => {
  it('leaves ordinary names and paths as they are, Windows backslashes included', () => {
    for (const s of ['/evidence/interview 01.mp4', 'C:\\Cases\\new\\x.mp4', 'Łódź Привет.mov', 'a "quoted" name', 'emoji \u{1F600}.mp4'])
      expect(printable(s)).toBe(s);
  });

  it('shows a line feed as \\n inside quotes, so a name cannot fake a line of output', () => {
    const name = '/tmp/x.mp4\nOK       audit log: 3 entries, chain intact';
    expect(printable(name)).toBe('"/tmp/x.mp4\\nOK       audit log: 3 entries, chain intact"');
    expect(printable('a\r\n\tb')).toBe('"a\\r\\n\\tb"');
    expect(printable('C:\\new\nline')).toBe('"C:\\\\new\\nline"');
    expect(printable('\u001B[2Jcleared')).toBe('"\\x1B[2Jcleared"');
    expect(printable('evil\u202Egpj.mp4')).toBe('"evil\\u202Egpj.mp4"');
    expect(printable('\u2028\u0085\uD800')).toBe('"\\u2028\\x85\\uD800"');
  });

  it('quotes an empty text and one that starts with a quote, so neither is mistaken for another', () => {
    expect(printable('')).toBe('""');
    expect(printable('"x\\ny"')).toBe('"\\"x\\\\ny\\""');
  });

  // Reading back to the exact text is also why two different texts never print alike.
  it('prints no control, separator or bidi character, and reads back to the exact text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hostileText), (s) => {
        const shown = printable(s);
        expect(shown).not.toMatch(UNSAFE);
        expect(decode(shown)).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });
});
