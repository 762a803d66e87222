import { ALL_FORMATS, EncodedPacketSink, Input, UrlSource, VideoSampleSink, type InputVideoTrack, type VideoSample } from 'mediabunny';
import { frameOfTimestamp } from '../../../src-shared/review/frameMatch.js';
import { decodeStart } from './decodeStart.js';
import { continuesOpenDecode, seeksWithLowLatency } from '../../../src-shared/review/frameCachePlan.js';
import { sharedNow } from './sharedClock.js';
import { PictureConverter } from './pictureConverter.js';

/** A decoded frame, ready to draw: the picture at the cache's size, and which frame of the table it is. */
export interface DecodedFrame {
  frame: number;
  bitmap: ImageBitmap;
}

/** What one decode run did, for the benchmark's account of where a seek's time goes. */
export interface DecodeStats {
  /** The run started a new decode at a keyframe (rather than continuing the open one). */
  seeked: boolean;
  /**
   * Pictures the open decode yielded before `from` (or unknown to the table), not converted.
   * A seek's decoding up to `from` happens inside the decoder and is not counted here.
   */
  passed: number;
  converted: number;
  /** Time spent waiting for the decoder's next picture (demuxing, decoding). */
  waitMs: number;
  /** Time spent scaling pictures into bitmaps. */
  convertMs: number;
  /** From the run's start to its first frame's bitmap (for a seek: finding the keyframe, decoding up to the frame, converting it); null when it made none. */
  firstFrameMs: number | null;
  /** When the run's first frame passed each step (null when it made none), for the benchmark's account of a seek. */
  marks: FirstFrameMarks | null;
  /** For a run that seeked: pictures decoded from the keyframe before `from` (0: `from` is a keyframe); null otherwise or unknown. */
  fromKey: number | null;
}

/**
 * Times on the clock the worker and the window share (sharedNow()), in ms:
 * the run started, the decoder was set up at the keyframe (or the open decode
 * taken up), the first wanted picture came out of it, and it was converted.
 */
export interface FirstFrameMarks {
  started: number;
  ready: number;
  decoded: number;
  converted: number;
  /** Byte-range requests for the media that finished between the run's start and its first picture, and their summed duration. */
  fetches: number;
  fetchMs: number;
  /** Their bytes (the response bodies; 0 for a request the reader stopped early). */
  fetchBytes: number;
}

export interface FrameDecoderInfo {
  codec: string | null;
  /** Size of the bitmaps it makes (the displayed picture, scaled to at most maxSide). */
  width: number;
  height: number;
  /** Table seconds − decoder seconds, measured on the first frame. */
  offset: number;
}

/**
 * Decodes frames of one recording in the window, with WebCodecs through
 * mediabunny's demuxers (MP4/MOV, Matroska/WebM, MPEG-TS), reading the media
 * URL with byte ranges. Each decoded picture is identified against the frame
 * table by its timestamp (frameOfTimestamp): a picture that matches no frame is
 * dropped and counted, never shown as another frame.
 *
 * Decoding always runs forward from a keyframe. A run that starts where the
 * previous one stopped continues the same decode instead of seeking again,
 * which is what keeps playback and forward steps cheap.
 *
 * It runs in the decode worker (playerDecodeWorker.ts), off the window's main thread:
 * demuxing, decoding and conversions there never delay an animation frame.
 */
export class FrameDecoder {
  private iterator: AsyncGenerator<VideoSample, void, unknown> | null = null;
  /** The first frame the open iterator has not yielded yet. */
  private iteratorNext = -1;
  /** The open decode's next picture, asked for by a run that was stopped while waiting for it. */
  private pendingNext: Promise<IteratorResult<VideoSample, void>> | null = null;
  /** Pictures the table did not know (should stay 0). */
  unmatched = 0;
  /** Scales pictures to the cache's size. */
  private readonly converter: PictureConverter;

  private constructor(
    private readonly input: Input,
    private readonly track: InputVideoTrack,
    /** Chromium's default decoder (frame threading: faster over long runs, each picture out one late). */
    private readonly sink: VideoSampleSink,
    /** Each picture out as soon as it is decoded: for seeks close to a keyframe (seeksWithLowLatency). */
    private readonly lowLatencySink: VideoSampleSink,
    private readonly packets: EncodedPacketSink,
    private readonly pts: Float64Array,
    readonly info: FrameDecoderInfo,
    rotation: number,
  ) {
    this.converter = new PictureConverter(info.width, info.height, rotation);
  }

  static async open(url: string, ptsSeconds: Float64Array, maxSide: number): Promise<FrameDecoder> {
    // The seek account counts media requests (resource timing): keep more than the default 250 entries, dropping old ones when full.
    performance.setResourceTimingBufferSize(2000);
    performance.addEventListener('resourcetimingbufferfull', () => performance.clearResourceTimings());
    const input = new Input({ source: new UrlSource(url, { requestInit: { credentials: 'same-origin' } }), formats: ALL_FORMATS });
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('The recording has no video track this window can read.');
    const codec = await track.getCodecParameterString();
    if (!(await track.canDecode()))
      throw new Error(
        `This window cannot decode the recording's video (${codec ?? track.codec ?? 'unknown codec'}): it needs a review proxy.`,
      );
    const first = await track.getFirstTimestamp();
    const offset = (ptsSeconds[0] as number) - first;
    const rotation = await track.getRotation();
    const w = await track.getDisplayWidth();
    const h = await track.getDisplayHeight();
    const scale = Math.min(1, maxSide / Math.max(w, h));
    const info = { codec, width: Math.max(2, Math.round(w * scale)), height: Math.max(2, Math.round(h * scale)), offset };
    return new FrameDecoder(
      input,
      track,
      new VideoSampleSink(track),
      new VideoSampleSink(track, { optimizeForLatency: true }),
      new EncodedPacketSink(track),
      ptsSeconds,
      info,
      rotation,
    );
  }

  /**
   * Decodes frames from…to (inclusive), handing each to `onFrame` in
   * presentation order as soon as it is ready. Stops as soon as `signal` is
   * aborted: between frames, or while waiting for the decoder (then the open
   * decode is dropped and the next run seeks). Frames before `from` that the
   * decoder passes on its way are decoded, never converted.
   */
  async decode(from: number, to: number, onFrame: (f: DecodedFrame) => void, signal: AbortSignal): Promise<DecodeStats> {
    const started = performance.now();
    const startedAt = sharedNow();
    const stats: DecodeStats = {
      seeked: false,
      passed: 0,
      converted: 0,
      waitMs: 0,
      convertMs: 0,
      firstFrameMs: null,
      marks: null,
      fromKey: null,
    };
    if (signal.aborted) return stats;
    // Continue the open decode when it is just short of `from` (cheaper than a seek); otherwise seek.
    if (!continuesOpenDecode(this.iterator !== null, this.iteratorNext, from)) {
      stats.fromKey = await this.seekTo(from);
      stats.seeked = true;
    }
    const readyAt = sharedNow();
    const iterator = this.iterator as AsyncGenerator<VideoSample, void, unknown>;
    const aborted = new Promise<'aborted'>((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
    while (this.iteratorNext <= to) {
      if (signal.aborted) return stats;
      const waitStart = performance.now();
      const pending = this.pendingNext ?? iterator.next();
      this.pendingNext = null;
      const next = await Promise.race([pending, aborted]);
      stats.waitMs += performance.now() - waitStart;
      if (next === 'aborted') {
        // The open decode is kept with its picture still coming: the next run takes it up if it
        // continues the decode (continuesOpenDecode), or drops it (dropIterator) if it seeks.
        this.pendingNext = pending;
        return stats;
      }
      if (next.done) {
        this.iteratorNext = Number.POSITIVE_INFINITY;
        return stats;
      }
      const sample = next.value;
      const frame = frameOfTimestamp(this.pts, sample.timestamp, this.info.offset);
      if (frame === null) this.unmatched += 1;
      else this.iteratorNext = frame + 1;
      if (frame === null || frame < from || frame > to) {
        stats.passed += 1;
        sample.close();
        continue;
      }
      const decodedAt = sharedNow();
      const convertStart = performance.now();
      const bitmap = await this.converter.convert(sample, signal);
      stats.convertMs += performance.now() - convertStart;
      if (!bitmap) return stats;
      stats.converted += 1;
      stats.firstFrameMs ??= performance.now() - started;
      stats.marks ??= { started: startedAt, ready: readyAt, decoded: decodedAt, converted: sharedNow(), ...fetchesSince(started) };
      onFrame({ frame, bitmap });
    }
    return stats;
  }

  private async dropIterator(): Promise<void> {
    const it = this.iterator;
    const pending = this.pendingNext;
    this.iterator = null;
    this.pendingNext = null;
    this.iteratorNext = -1;
    // A picture that arrives after all is closed, never leaked.
    void pending?.then(
      (r) => {
        if (!r.done) r.value.close();
      },
      () => undefined,
    );
    await it?.return().catch(() => undefined);
  }

  /** Starts a decode at the keyframe at or before `from`; returns how many pictures lie between them (null: unknown). */
  private async seekTo(from: number): Promise<number | null> {
    await this.dropIterator();
    // The container's own timestamp of `from`, and the keyframe the sink will start at (its index is in memory; no bytes are read).
    const { start, keyTimestamp } = await decodeStart(this.packets, this.pts, from, this.info.offset);
    const keyFrame = keyTimestamp === null ? null : frameOfTimestamp(this.pts, keyTimestamp, this.info.offset);
    const fromKey = keyFrame === null ? null : from - keyFrame;
    this.iterator = (seeksWithLowLatency(fromKey) ? this.lowLatencySink : this.sink).samples(start);
    this.iteratorNext = from;
    return fromKey;
  }

  async close(): Promise<void> {
    await this.dropIterator();
    this.input.dispose();
    void this.track;
  }
}

/** The media requests (resource timing) that started at or after `since` (performance.now()) and have finished. */
function fetchesSince(since: number): { fetches: number; fetchMs: number; fetchBytes: number } {
  const entries = performance.getEntriesByType('resource').filter((e) => e.startTime >= since) as PerformanceResourceTiming[];
  return {
    fetches: entries.length,
    fetchMs: entries.reduce((sum, e) => sum + e.duration, 0),
    fetchBytes: entries.reduce((sum, e) => sum + e.encodedBodySize, 0),
  };
}
