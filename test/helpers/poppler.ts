import { runTool } from './ffmpeg.js';

/** Debian's poppler-utils: what a reader of a PDF sees, as text and as page images. */
export async function pdfText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return (await runTool('pdftotext', [...range, '-enc', 'UTF-8', file, '-'])).stdout.toString('utf8');
}

export async function pdfPageCount(file: string): Promise<number> {
  const info = (await runTool('pdfinfo', [file])).stdout.toString('utf8');
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/** Renders every page to `<prefix>-<n>.png` at `dpi`. */
export async function pdfToPngs(file: string, prefix: string, dpi = 60): Promise<void> {
  await runTool('pdftoppm', ['-r', String(dpi), '-png', file, prefix]);
}

export interface WordBox {
  page: number;
  pageWidth: number;
  xMin: number;
  xMax: number;
  word: string;
}

/** Every word with its box, from `pdftotext -bbox` (points, origin top-left). */
export async function pdfWordBoxes(file: string): Promise<WordBox[]> {
  const xhtml = (await runTool('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'])).stdout.toString('utf8');
  const boxes: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of xhtml.split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line);
    if (p) {
      page += 1;
      pageWidth = Number(p[1]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line);
    if (w) boxes.push({ page, pageWidth, xMin: Number(w[1]), xMax: Number(w[2]), word: w[3] ?? '' });
  }
  return boxes;
}

export async function pdfFonts(file: string): Promise<string> {
  return (await runTool('pdffonts', [file])).stdout.toString('utf8');
}
