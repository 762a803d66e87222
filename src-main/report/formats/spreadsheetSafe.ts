/**
 * Spreadsheet programs evaluate a cell that begins with = + - @ (or a tab or
 * carriage return before one) as a formula, which can run commands or fetch
 * URLs. Free text (notes, names, paths) that begins so is written with a
 * leading apostrophe, which those programs show as text and never evaluate
 * (OWASP's advice on CSV injection). Numbers are never passed through here; the
 * JSON export keeps every text exactly as typed.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
