import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * DejaVu Sans, from the dejavu-fonts-ttf package, embedded (subset) in every
 * PDF: the PDF standard fonts know only Western European letters, and notes and
 * names in evidence are written in any script. DejaVu covers Latin, Greek,
 * Cyrillic, Armenian, Georgian, Hebrew and Arabic letters among others; a
 * character it lacks (CJK, emoji) shows as an empty box in the PDF, while the
 * HTML, CSV, JSON and EAF exports keep every character.
 */
export interface PdfFontFiles {
  body: string;
  bold: string;
  mono: string;
}

export function pdfFontFiles(): PdfFontFiles {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return {
    body: path.join(dir, 'DejaVuSans.ttf'),
    bold: path.join(dir, 'DejaVuSans-Bold.ttf'),
    mono: path.join(dir, 'DejaVuSansMono.ttf'),
  };
}
