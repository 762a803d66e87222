/**
 * Text from outside (a file name, a path given on the command line, an error
 * that quotes one) as the CLI prints it in a human-readable line. A name may
 * hold a line feed, a carriage return, terminal escape sequences or invisible
 * bidirectional overrides, and printed raw it could fake a line of output
 * ("OK       audit log: …") or read as something else. Such text is printed in
 * double quotes with every one of those characters as a visible escape
 * (`\n`, `\r`, `\t`, `\xHH`, `\uHHHH`), and `\` and `"` escaped inside the
 * quotes. Text that holds none of them, and does not start with a quote, is
 * printed as it is, so ordinary paths (Windows ones included) read unchanged.
 * Two different texts never print alike: a quoted form always starts with `"`
 * and a plain one never does. The JSON outputs keep every text exact.
 */

// C0 controls, DEL, C1 controls; the Arabic letter mark, left-to-right and
// right-to-left marks; the line and paragraph separators; the bidirectional
// embeddings, overrides and isolates; and lone surrogates (a terminal shows
// each as U+FFFD, so two different names would print alike).
// eslint-disable-next-line no-control-regex -- the controls are what is looked for
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]|\p{Cs}/u;
// eslint-disable-next-line no-control-regex -- as above, plus the two characters escaped inside quotes
const ESCAPED_IN_QUOTES = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069"\\]|\p{Cs}/gu;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

export function printable(text: string): string {
  if (text !== '' && !text.startsWith('"') && !UNPRINTABLE.test(text)) return text;
  return `"${text.replace(ESCAPED_IN_QUOTES, escapeOne)}"`;
}

function escapeOne(c: string): string {
  const short = SHORT[c];
  if (short) return short;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
