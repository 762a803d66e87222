/**
 * Spreadsheet programs evaluate a cell that begins with = + - @ as a formula,
 * which can run commands (`=cmd|' /C calc'!A0`) or fetch URLs. OWASP's advice
 * on CSV injection: a cell that begins with = + - @, a tab or a carriage
 * return gets a leading apostrophe, which those programs show as text and
 * never evaluate. Some programs skip leading white space before they look, so
 * the first character that is not white space (spaces, line feeds, …) counts
 * too; a NUL first is guarded as well (OWASP ASVS). A plain number ("-1.5",
 * "+3") is left as it is: it reads as that number and nothing is evaluated.
 * Only free text (notes, names) is passed through here, never the numeric
 * columns; the JSON export keeps every text exactly as typed.
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the guarded starts
const FORMULA_START = /^[\t\r\u0000]|^\s*[=+\-@]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
