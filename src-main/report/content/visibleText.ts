/**
 * Invisible characters that change how the characters around them look:
 * C0/C1 controls (other than line feed and tab) and the explicit bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can
 * make a note read differently from what it holds ("evil" shown as "live").
 * In the PDF and HTML reports each is shown as its code, e.g. [U+202E], so the
 * reader sees what is there; the JSON, CSV and EAF keep the exact text.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}
