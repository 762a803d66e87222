/**
 * The decode worker's picture conversion (src-renderer/review/player/pictureConverter.ts)
 * in Debian's Chromium: what copyTo + createImageBitmap make must be the picture
 * drawImage makes of the same VideoFrame (what the window showed before, and
 * what Chromium itself would show), for the frame shapes decoders hand over:
 * 1080p H.264 (coded 1088 lines, 1080 visible) scaled down, in BT.709, BT.601,
 * full range and NV12; anamorphic PAL (720x576 shown 1024 wide, enlarged) and
 * 4K (reduced to a third), both drawn as before; and a small picture not
 * scaled at all. A seek's cancel before the
 * scaling gives no bitmap; a picture copyTo cannot convert is drawn instead.
 *
 * The module is transpiled on the fly and loaded into a page (it has no
 * imports at run time), so this tests the shipped source, not a copy. It runs
 * on the page's main thread here; in the app, in the decode worker (the same
 * APIs). Each case also counts the copyTo calls that succeeded, so a copy path
 * that silently fell back to drawImage cannot pass as the copy path.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';

const SOURCE = path.join(import.meta.dirname, '..', '..', 'src-renderer', 'review', 'player', 'pictureConverter.ts');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const js = ts.transpileModule(fs.readFileSync(SOURCE, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ type: 'module', content: `${js}\nglobalThis.PictureConverter = PictureConverter;` });
  await page.waitForFunction(() => 'PictureConverter' in globalThis);
});

afterAll(async () => {
  await browser?.close();
});

interface Shape {
  codedWidth: number;
  codedHeight: number;
  visible: { width: number; height: number };
  display: { width: number; height: number };
  out: { width: number; height: number };
  format?: 'I420' | 'NV12';
  colorSpace?: VideoColorSpaceInit;
}

/** Converts a patterned I420 picture of `shape` both ways in the page; returns how far apart the two results are. */
function compare(shape: Shape, options: { breakCopyTo?: boolean } = {}) {
  return page.evaluate(
    async ({ shape, breakCopyTo }) => {
      const { codedWidth: W, codedHeight: H } = shape;
      const format = shape.format ?? 'I420';
      // Luma: gradients and fine stripes (scaling errors show on them); chroma: coloured blocks.
      const data = new Uint8Array((W * H * 3) / 2);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data[y * W + x] = 16 + ((x * 3 + y * 2 + ((x >> 2) & 1) * 40) % 220);
      const cw = W / 2;
      const ch = H / 2;
      for (let y = 0; y < ch; y++)
        for (let x = 0; x < cw; x++) {
          const u = 128 + ((((x >> 5) + (y >> 5)) % 3) - 1) * 60;
          const v = 128 + ((((x >> 4) + (y >> 6)) % 3) - 1) * 50;
          if (format === 'I420') {
            data[W * H + y * cw + x] = u;
            data[W * H + cw * ch + y * cw + x] = v;
          } else {
            data[W * H + y * W + 2 * x] = u;
            data[W * H + y * W + 2 * x + 1] = v;
          }
        }
      const init = {
        format,
        codedWidth: W,
        codedHeight: H,
        timestamp: 0,
        visibleRect: { x: 0, y: 0, ...shape.visible },
        displayWidth: shape.display.width,
        displayHeight: shape.display.height,
        ...(shape.colorSpace ? { colorSpace: shape.colorSpace } : {}),
      };
      let closed = 0;
      const frames: VideoFrame[] = [];
      const sample = {
        toVideoFrame: () => {
          const f = new VideoFrame(data, init);
          frames.push(f);
          return f;
        },
        close: () => {
          closed += 1;
        },
        drawWithFit: () => {
          throw new Error('not rotated');
        },
      };
      const original = VideoFrame.prototype.copyTo;
      let copied = 0;
      VideoFrame.prototype.copyTo = breakCopyTo
        ? () => Promise.reject(new DOMException('unsupported', 'NotSupportedError'))
        : async function (this: VideoFrame, ...args: Parameters<VideoFrame['copyTo']>) {
            const layout = await original.apply(this, args);
            copied += 1;
            return layout;
          };
      const Converter = (
        globalThis as unknown as {
          PictureConverter: new (
            w: number,
            h: number,
            r: number,
          ) => { convert(s: unknown, signal: AbortSignal): Promise<ImageBitmap | null> };
        }
      ).PictureConverter;
      let bitmap: ImageBitmap | null;
      try {
        bitmap = await new Converter(shape.out.width, shape.out.height, 0).convert(sample, new AbortController().signal);
      } finally {
        VideoFrame.prototype.copyTo = original;
      }
      if (!bitmap) throw new Error('no bitmap');
      const read = (source: CanvasImageSource) => {
        const c = new OffscreenCanvas(shape.out.width, shape.out.height);
        const ctx = c.getContext('2d', { alpha: false })!;
        ctx.drawImage(source, 0, 0, shape.out.width, shape.out.height);
        return ctx.getImageData(0, 0, shape.out.width, shape.out.height).data;
      };
      const got = read(bitmap);
      const reference = new VideoFrame(data, init);
      const want = read(reference);
      reference.close();
      let max = 0;
      let sum = 0;
      let n = 0;
      for (let i = 0; i < got.length; i += 4)
        for (let k = 0; k < 3; k++) {
          const d = Math.abs(got[i + k]! - want[i + k]!);
          max = Math.max(max, d);
          sum += d;
          n++;
        }
      return {
        width: bitmap.width,
        height: bitmap.height,
        max,
        mean: sum / n,
        copied,
        sampleClosed: closed,
        framesOpen: frames.filter((f) => f.format !== null).length,
      };
    },
    { shape, breakCopyTo: options.breakCopyTo ?? false },
  );
}

/** Copied (not drawn), and within what two bilinear scalers rounding differently give: measured at most one level apart, mean well under one. */
function expectCopiedLikeDrawImage(r: Awaited<ReturnType<typeof compare>>): void {
  expect(r.copied).toBe(1);
  expect(r.max).toBeLessThanOrEqual(3);
  expect(r.mean).toBeLessThan(0.5);
  expect(r.sampleClosed).toBe(1);
  expect(r.framesOpen).toBe(0);
}

describe('picture conversion in the decode worker (real Chromium)', () => {
  const scaledDown = {
    codedWidth: 1920,
    codedHeight: 1088,
    visible: { width: 1920, height: 1080 },
    display: { width: 1920, height: 1080 },
    out: { width: 1280, height: 720 },
  };

  it('makes the picture drawImage makes: 1080p H.264 (1088 coded lines) scaled to 1280x720', async () => {
    const r = await compare(scaledDown);
    expect({ width: r.width, height: r.height }).toEqual({ width: 1280, height: 720 });
    expectCopiedLikeDrawImage(r);
  });

  for (const [name, variant] of [
    [
      'BT.601 limited range (standard-definition sources)',
      { colorSpace: { matrix: 'smpte170m', primaries: 'smpte170m', transfer: 'smpte170m', fullRange: false } },
    ],
    [
      'BT.709 full range (yuvj, as CCTV recorders write)',
      { colorSpace: { matrix: 'bt709', primaries: 'bt709', transfer: 'bt709', fullRange: true } },
    ],
    ['NV12 (as hardware decoders hand over)', { format: 'NV12' }],
  ] as const) {
    it(`converts colours as drawImage does: ${name}`, async () => {
      expectCopiedLikeDrawImage(await compare({ ...scaledDown, ...variant }));
    });
  }

  it('draws an enlarged picture as before: anamorphic PAL, 720x576 shown 1024x576', async () => {
    // Enlarged, the two scalers differ by up to 15 levels on fine stripes: such pictures keep drawImage's.
    const r = await compare({
      codedWidth: 720,
      codedHeight: 576,
      visible: { width: 720, height: 576 },
      display: { width: 1024, height: 576 },
      out: { width: 1024, height: 576 },
    });
    expect({ width: r.width, height: r.height }).toEqual({ width: 1024, height: 576 });
    expect(r.copied).toBe(0);
    expect(r.max).toBe(0);
    expect(r.framesOpen).toBe(0);
  });

  it('draws a picture reduced to less than half as before: 4K to 1280x720', async () => {
    // Bilinear scaling below half skips source pixels (PSNR 34.5 against 37.7 dB measured at a third).
    const r = await compare({
      codedWidth: 3840,
      codedHeight: 2160,
      visible: { width: 3840, height: 2160 },
      display: { width: 3840, height: 2160 },
      out: { width: 1280, height: 720 },
    });
    expect(r.copied).toBe(0);
    expect(r.max).toBe(0);
    expect(r.framesOpen).toBe(0);
  });

  it('leaves a picture that needs no scaling exactly as drawImage does', async () => {
    const r = await compare({
      codedWidth: 400,
      codedHeight: 304,
      visible: { width: 400, height: 300 },
      display: { width: 400, height: 300 },
      out: { width: 400, height: 300 },
    });
    expect(r.copied).toBe(1);
    expect(r.max).toBe(0);
  });

  it('draws a picture copyTo cannot convert, and closes everything', async () => {
    const r = await compare(
      {
        codedWidth: 1920,
        codedHeight: 1088,
        visible: { width: 1920, height: 1080 },
        display: { width: 1920, height: 1080 },
        out: { width: 1280, height: 720 },
      },
      { breakCopyTo: true },
    );
    // The fallback is drawImage itself: the same pixels.
    expect(r.max).toBe(0);
    expect(r.sampleClosed).toBe(1);
    expect(r.framesOpen).toBe(0);
  });

  it('gives no bitmap when the run is cancelled before the scaling, and closes the sample and its frame', async () => {
    const r = await page.evaluate(async () => {
      const data = new Uint8Array((640 * 480 * 3) / 2).fill(128);
      let closed = 0;
      const frames: VideoFrame[] = [];
      const sample = {
        toVideoFrame: () => {
          const f = new VideoFrame(data, { format: 'I420', codedWidth: 640, codedHeight: 480, timestamp: 0 });
          frames.push(f);
          return f;
        },
        close: () => {
          closed += 1;
        },
      };
      const Converter = (
        globalThis as unknown as {
          PictureConverter: new (
            w: number,
            h: number,
            r: number,
          ) => { convert(s: unknown, signal: AbortSignal): Promise<ImageBitmap | null> };
        }
      ).PictureConverter;
      const controller = new AbortController();
      const converting = new Converter(320, 240, 0).convert(sample, controller.signal);
      // The seek's cancel comes while the picture is being copied (copyTo has begun and not finished).
      controller.abort();
      const bitmap = await converting;
      const notCancelled = await new Converter(320, 240, 0).convert(sample, new AbortController().signal);
      return {
        cancelled: bitmap === null,
        notCancelled: notCancelled !== null,
        closed,
        framesOpen: frames.filter((f) => f.format !== null).length,
      };
    });
    expect(r).toEqual({ cancelled: true, notCancelled: true, closed: 2, framesOpen: 0 });
  });
});
