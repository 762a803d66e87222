import type { VideoSample } from 'mediabunny';

/**
 * Turns decoded pictures into bitmaps of the cache's size, in the decode
 * worker.
 *
 * Why not simply drawImage the VideoFrame onto a canvas: measured in this
 * Chromium's worker on 1080p pictures scaled to 1280x720, drawImage takes
 * 13–15 ms in one uninterruptible block, and a seek that arrives meanwhile
 * waits it out (the largest part of a slow seek: README "Review window").
 * Here the picture is converted to RGB by VideoFrame.copyTo (libyuv, 2–3 ms),
 * then the worker takes its messages (a seek's cancel ends the run before any
 * scaling), then createImageBitmap scales it bilinearly (6–7 ms): about 9 ms
 * in two blocks. The pixels are as close to ffmpeg's Lanczos scaling as
 * drawImage's (PSNR 40.3 against 40.2 dB on a 1080p picture).
 *
 * Rotated recordings, pictures copyTo cannot convert (it throws for some
 * formats), pictures enlarged in either direction (anamorphic standard
 * definition, small recordings: cheap to draw, and drawImage's enlargement is
 * kept rather than a second one), and pictures reduced to less than half
 * (4K and up) are drawn as before. Bilinear scaling reads 2x2 source pixels
 * for each one it makes, so below half it skips some: against ffmpeg's
 * Lanczos, a 1080p picture at a third (640x360) measured PSNR 34.5 dB against
 * 37.7 dB for drawImage, while at 3/4, 2/3 and 1/2 both were within 0.15 dB.
 */
export class PictureConverter {
  private rgba = new Uint8ClampedArray(0);
  private readonly canvas: OffscreenCanvas;
  private readonly context: OffscreenCanvasRenderingContext2D;
  /** Set when copyTo failed once: the rest of the recording is drawn. */
  private copyFailed = false;

  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly rotation: number,
  ) {
    this.canvas = new OffscreenCanvas(width, height);
    const context = this.canvas.getContext('2d', { alpha: false });
    if (!context) throw new Error('no 2D canvas in the decoder');
    context.imageSmoothingQuality = 'medium';
    this.context = context;
  }

  /**
   * The picture as a bitmap of the cache's size, or null when `signal` was
   * aborted before it was scaled. Always closes the sample.
   */
  async convert(sample: VideoSample, signal: AbortSignal): Promise<ImageBitmap | null> {
    try {
      if (this.rotation !== 0 || this.copyFailed) return this.draw(sample);
      const frame = sample.toVideoFrame();
      let width: number;
      let height: number;
      try {
        const rect = frame.visibleRect;
        width = rect?.width ?? frame.codedWidth;
        height = rect?.height ?? frame.codedHeight;
        if (!scalesWithinHalf(width, height, this.width, this.height)) return this.drawFrame(frame);
        if (!(await this.copyRgba(frame, width, height))) return this.drawFrame(frame);
      } finally {
        frame.close();
      }
      await yieldToMessages();
      if (signal.aborted) return null;
      return await createImageBitmap(new ImageData(this.rgba, width, height), {
        resizeWidth: this.width,
        resizeHeight: this.height,
        resizeQuality: 'low',
      });
    } finally {
      sample.close();
    }
  }

  /** The visible picture as RGBA in this.rgba; false (and drawn from now on) when copyTo cannot convert it. */
  private async copyRgba(frame: VideoFrame, width: number, height: number): Promise<boolean> {
    if (this.rgba.length !== width * height * 4) this.rgba = new Uint8ClampedArray(width * height * 4);
    try {
      // RGBA, not RGBX: the ImageData is read with its alpha, which must be opaque.
      await frame.copyTo(this.rgba, { format: 'RGBA', layout: [{ offset: 0, stride: width * 4 }] });
      return true;
    } catch (err) {
      // The same pictures would fail again: the rest of the recording is drawn, and the reason is on the console.
      this.copyFailed = true;
      console.warn(`Pictures of ${frame.format ?? 'unknown'} format are drawn instead of copied: ${(err as Error).message}`);
      return false;
    }
  }

  /** Drawn scaled on the canvas (mediabunny applies a rotation). */
  private draw(sample: VideoSample): ImageBitmap {
    if (this.rotation !== 0) {
      sample.drawWithFit(this.context, { fit: 'fill' });
      return this.canvas.transferToImageBitmap();
    }
    const frame = sample.toVideoFrame();
    try {
      return this.drawFrame(frame);
    } finally {
      frame.close();
    }
  }

  /** The frame drawn scaled on the canvas; the caller closes it. */
  private drawFrame(frame: VideoFrame): ImageBitmap {
    this.context.drawImage(frame, 0, 0, this.width, this.height);
    return this.canvas.transferToImageBitmap();
  }
}

/** Whether a picture of w x h becomes outW x outH by reducing it, to no less than half, in both directions (or leaving it as it is). */
export function scalesWithinHalf(w: number, h: number, outW: number, outH: number): boolean {
  return outW <= w && outH <= h && outW * 2 >= w && outH * 2 >= h;
}

/** One channel for every yield (a picture yields once; one channel, not one a picture). */
let yieldChannel: MessageChannel | null = null;
const yieldsWaiting: (() => void)[] = [];

/** Lets the worker take the messages waiting for it (a seek's cancel), without setTimeout's clamping. */
function yieldToMessages(): Promise<void> {
  if (!yieldChannel) {
    yieldChannel = new MessageChannel();
    yieldChannel.port1.onmessage = () => yieldsWaiting.shift()?.();
  }
  const channel = yieldChannel;
  return new Promise((resolve) => {
    yieldsWaiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
