import { startPlayback, tick, type PlaybackPlan, type SchedulerState } from '../../../src-shared/review/playbackScheduler.js';
import { cacheWindow, nextDecodeRun, runInFlightServes, type CacheWindow } from '../../../src-shared/review/frameCachePlan.js';
import { DEFAULT_REVIEW_SPEED, type Speed } from '../../../src-shared/review/speeds.js';
import { FrameCache, cacheCapacity } from './frameCache.js';
import { WorkerFrameDecoder, type RunAccount } from './workerFrameDecoder.js';
import type { DecodeStats } from './frameDecoder.js';

export interface LoopRange {
  first: number;
  last: number;
}

export interface PlayerSnapshot {
  /** The frame on the canvas now (null before the first is drawn). What the readout shows. */
  displayed: number | null;
  /** The frame asked for: while paused, the one that will be drawn once decoded. */
  target: number;
  playing: boolean;
  /** Playback is waiting for the decoder (never skipping a frame). */
  waiting: boolean;
  speed: Speed;
  loop: LoopRange | null;
  ready: boolean;
  error: string | null;
  width: number;
  height: number;
}

/** One picture put on the screen: which frame, when (performance.now() ms), in which mode. */
export interface Presentation {
  frame: number;
  at: number;
  playing: boolean;
  speed: Speed;
}

/** What the decoder did so far, summed over runs (for the benchmark's account of a seek's time). */
export interface DecoderTotals extends Omit<DecodeStats, 'seeked' | 'firstFrameMs' | 'marks' | 'fromKey'> {
  runs: number;
  seeks: number;
  cancelled: number;
  /** Sum over runs that started at a keyframe and made a frame: time to that first frame. */
  seekFirstFrameMs: number;
  seeksWithFrame: number;
}

const LOG_LIMIT = 200_000;
/** Run accounts kept for the benchmark (the latest). */
const RUN_ACCOUNTS_LIMIT = 2000;
/** Forward decode runs are short so a new request is served soon; backward runs go one keyframe interval at a time, nearest first. */
const FORWARD_RUN = 24;

/**
 * The player: what is on the canvas, what is decoded, and when the next frame
 * is shown. No React here: components subscribe to its snapshot. Playback
 * follows the pure scheduler (every frame once, in order, never early) at any
 * speed, presenting decoded bitmaps from the cache on a canvas; the decoder
 * fills the cache around the current frame, leaning in the direction of travel.
 */
export class PlayerEngine {
  private snapshot: PlayerSnapshot;
  private readonly listeners = new Set<() => void>();
  private canvas: HTMLCanvasElement | null = null;
  private decoder: WorkerFrameDecoder | null = null;
  private cache: FrameCache | null = null;
  private scheduler: SchedulerState | null = null;
  private direction: 1 | -1 = 1;
  private rafId: number | null = null;
  private generation = 0;
  private inflight: CacheWindow | null = null;
  /** The next frame the run in flight will hand over (frames come in order). */
  private inflightNext = 0;
  /** Stops the run in flight (in the worker) when a request makes it pointless. */
  private runAbort: AbortController | null = null;
  /** Frames a finished decode run did not produce (e.g. lost by a broken stream): not asked for again. */
  private readonly undecodable = new Set<number>();
  private wake: (() => void) | null = null;
  private disposed = false;
  readonly log: Presentation[] = [];
  /** The latest decode runs as both threads saw them (the benchmark's account of where a seek's time goes). */
  readonly runAccounts: RunAccount[] = [];
  readonly decoderTotals: DecoderTotals = {
    runs: 0,
    seeks: 0,
    cancelled: 0,
    passed: 0,
    converted: 0,
    waitMs: 0,
    convertMs: 0,
    seekFirstFrameMs: 0,
    seeksWithFrame: 0,
  };

  constructor(
    private readonly times: Float64Array,
    initialFrame = 0,
    private readonly keyFrames: readonly number[] = [],
  ) {
    this.snapshot = {
      displayed: null,
      target: this.clamp(initialFrame),
      playing: false,
      waiting: false,
      speed: DEFAULT_REVIEW_SPEED,
      loop: null,
      ready: false,
      error: null,
      width: 0,
      height: 0,
    };
  }

  get frameCount(): number {
    return this.times.length;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PlayerSnapshot => this.snapshot;

  /** Opens the media and starts decoding around the initial frame. */
  async open(url: string, ptsSeconds: Float64Array, maxSide = 1280): Promise<void> {
    try {
      this.decoder = await WorkerFrameDecoder.open(url, ptsSeconds, maxSide);
    } catch (err) {
      this.update({ error: `Cannot play this recording: ${(err as Error).message}` });
      return;
    }
    if (this.disposed) return this.decoder.close();
    this.decoder.onRunEnd = (account) => {
      this.count(account.stats, account.cancelled);
      if (this.runAccounts.length >= RUN_ACCOUNTS_LIMIT) this.runAccounts.shift();
      this.runAccounts.push(account);
    };
    const { width, height } = this.decoder.info;
    this.cache = new FrameCache(cacheCapacity(width, height));
    this.update({ ready: true, width, height });
    void this.pump();
    this.kick();
  }

  attach(canvas: HTMLCanvasElement | null): void {
    this.canvas = canvas;
    const shown = this.snapshot.displayed;
    if (canvas && shown !== null) this.draw(shown, performance.now(), false);
  }

  seek(frame: number): void {
    const target = this.clamp(frame);
    this.direction = target >= (this.snapshot.displayed ?? 0) ? 1 : -1;
    if (this.snapshot.playing) this.scheduler = startPlayback(this.plan(), target, performance.now());
    this.retarget(target);
  }

  /** Moves by `delta` frames from the frame asked for last (so held keys never run ahead of the screen by more than one request). */
  step(delta: number): void {
    if (this.snapshot.playing) this.pause();
    this.direction = delta >= 0 ? 1 : -1;
    this.retarget(this.clamp(this.snapshot.target + delta));
  }

  /** True when the frame asked for is on screen: a held step key waits for this before the next step. */
  settled(): boolean {
    return this.snapshot.displayed === this.snapshot.target;
  }

  /** The picture on the canvas now (for the magnifier). */
  displayedBitmap(): ImageBitmap | undefined {
    const f = this.snapshot.displayed;
    return f === null ? undefined : this.cache?.get(f);
  }

  play(): void {
    if (this.snapshot.speed === 'frame') return this.step(1);
    if (this.snapshot.playing) return;
    const loop = this.snapshot.loop;
    let from = this.snapshot.displayed ?? this.snapshot.target;
    if (loop && (from < loop.first || from > loop.last)) from = loop.first;
    if (!loop && from >= this.frameCount - 1) from = 0;
    this.playFrom(from);
  }

  private playFrom(from: number): void {
    this.direction = 1;
    this.scheduler = startPlayback(this.plan(), from, performance.now());
    this.update({ playing: true });
    this.retarget(from);
  }

  pause(): void {
    if (!this.snapshot.playing) return;
    this.scheduler = null;
    this.update({ playing: false, waiting: false, target: this.snapshot.displayed ?? this.snapshot.target });
  }

  toggle(): void {
    if (this.snapshot.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: Speed): void {
    const wasPlaying = this.snapshot.playing;
    if (wasPlaying) this.pause();
    this.update({ speed });
    if (wasPlaying && speed !== 'frame') this.play();
  }

  /** Loops `range` (or stops looping); playback continues at the chosen speed. */
  setLoop(range: LoopRange | null): void {
    const loop = range ? { first: this.clamp(range.first), last: this.clamp(Math.max(range.first, range.last)) } : null;
    const wasPlaying = this.snapshot.playing;
    if (wasPlaying) this.pause();
    this.update({ loop });
    if (loop && this.snapshot.speed !== 'frame') this.playFrom(loop.first);
    else if (loop) this.retarget(loop.first);
    else if (wasPlaying) this.play();
  }

  dispose(): void {
    this.disposed = true;
    if (this.rafId !== null) cancelAnimationFrame(this.rafId);
    this.generation++;
    this.runAbort?.abort();
    this.wake?.();
    this.decoder?.close();
    this.cache?.clear();
  }

  private plan(): PlaybackPlan {
    const loop = this.snapshot.loop;
    const speed = this.snapshot.speed === 'frame' ? (DEFAULT_REVIEW_SPEED as number) : this.snapshot.speed;
    return { times: this.times, first: loop?.first ?? 0, last: loop?.last ?? this.frameCount - 1, loop: loop !== null, speed };
  }

  private retarget(target: number): void {
    if (this.cache && !this.cache.has(target) && !runInFlightServes(this.inflight, this.inflightNext, target)) {
      // The run in flight will not make the frame asked for soon: stop it now, so the new one starts at once.
      this.generation++;
      this.runAbort?.abort();
    }
    this.update({ target });
    // A cached frame is drawn at once, not at the next animation frame: a step costs one drawImage.
    if (!this.snapshot.playing && this.cache?.has(target) && target !== this.snapshot.displayed)
      this.draw(target, performance.now(), false);
    this.wake?.();
    this.kick();
  }

  private clamp(frame: number): number {
    return Math.max(0, Math.min(this.times.length - 1, Math.round(frame)));
  }

  /** The frame the cache is centred on. */
  private focus(): number {
    return this.snapshot.playing ? (this.scheduler?.next ?? this.snapshot.target) : this.snapshot.target;
  }

  private window(): CacheWindow {
    const loop = this.snapshot.loop;
    const capacity = this.cache?.capacity ?? 1;
    // A loop that fits the cache is held whole, so every pass plays from memory.
    if (loop && this.snapshot.playing && loop.last - loop.first + 1 <= capacity) return { from: loop.first, to: loop.last };
    return cacheWindow(this.focus(), this.direction, capacity, this.frameCount);
  }

  /** Starts the animation-frame loop if it is not running. */
  private kick(): void {
    if (this.rafId === null && !this.disposed) this.rafId = requestAnimationFrame(this.onAnimationFrame);
  }

  private onAnimationFrame = (): void => {
    this.rafId = null;
    const cache = this.cache;
    if (!cache) return;
    const now = performance.now();
    if (this.snapshot.playing && this.scheduler) {
      const result = tick(this.plan(), this.scheduler, now, (f) => cache.has(f));
      this.scheduler = result.state;
      if (result.present !== null) {
        this.draw(result.present, now, true);
        this.wake?.();
      }
      if (result.waiting !== this.snapshot.waiting) this.update({ waiting: result.waiting });
      if (result.state.next === null) this.pause();
      else this.update({ target: result.state.next });
    } else if (this.snapshot.target !== this.snapshot.displayed && cache.has(this.snapshot.target)) {
      this.draw(this.snapshot.target, now, false);
      this.wake?.();
    }
    if (this.snapshot.playing || this.snapshot.target !== this.snapshot.displayed) this.kick();
  };

  private draw(frame: number, at: number, playing: boolean): void {
    const bitmap = this.cache?.get(frame);
    const canvas = this.canvas;
    if (!bitmap || !canvas) return;
    if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
    }
    canvas.getContext('2d', { alpha: false })?.drawImage(bitmap, 0, 0);
    if (this.log.length >= LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT + 1);
    this.log.push({ frame, at, playing, speed: this.snapshot.speed });
    this.update({ displayed: frame });
  }

  /** The decode loop: fills the cache window, nearest missing frames first, until told to stop. */
  private async pump(): Promise<void> {
    while (!this.disposed) {
      const decoder = this.decoder;
      const cache = this.cache;
      if (!decoder || !cache) return;
      const focus = this.focus();
      const window = this.window();
      cache.trim(window, focus, this.snapshot.displayed);
      const done = (f: number) => cache.has(f) || this.undecodable.has(f);
      const run = nextDecodeRun(window, focus, this.direction, done, this.direction === 1 ? FORWARD_RUN : cache.capacity, this.keyFrames);
      if (!run) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = null;
        continue;
      }
      const generation = this.generation;
      const produced = new Set<number>();
      const abort = new AbortController();
      this.inflight = run;
      this.inflightNext = run.from;
      this.runAbort = abort;
      try {
        const end = await decoder.decode(
          run.from,
          run.to,
          ({ frame, bitmap }) => {
            produced.add(frame);
            // A stopped run's last frames can arrive after the next run began: only this run's own count.
            if (this.inflight === run) this.inflightNext = frame + 1;
            cache.put(frame, bitmap);
            cache.trim(this.window(), this.focus(), this.snapshot.displayed);
            // The frame asked for is drawn as it arrives, not at the next animation frame.
            if (!this.snapshot.playing && frame === this.snapshot.target && frame !== this.snapshot.displayed)
              this.draw(frame, performance.now(), false);
            this.kick();
          },
          abort.signal,
        );
        if (this.generation === generation && !end.cancelled) this.noteUndecodable(run, produced);
      } catch (err) {
        if (!this.disposed) this.update({ error: `Decoding failed: ${(err as Error).message}` });
        return;
      } finally {
        this.inflight = null;
        this.runAbort = null;
      }
    }
  }

  private count(stats: DecodeStats, cancelled: boolean): void {
    const t = this.decoderTotals;
    t.runs += 1;
    if (stats.seeked) t.seeks += 1;
    if (stats.seeked && stats.firstFrameMs !== null) {
      t.seekFirstFrameMs += stats.firstFrameMs;
      t.seeksWithFrame += 1;
    }
    if (cancelled) t.cancelled += 1;
    t.passed += stats.passed;
    t.converted += stats.converted;
    t.waitMs += stats.waitMs;
    t.convertMs += stats.convertMs;
  }

  private noteUndecodable(run: CacheWindow, produced: Set<number>): void {
    const lost: number[] = [];
    for (let f = run.from; f <= run.to; f++) if (!produced.has(f)) lost.push(f);
    if (lost.length === 0) return;
    lost.forEach((f) => this.undecodable.add(f));
    this.update({
      error:
        `Frame${lost.length > 1 ? 's' : ''} ${lost[0]}${lost.length > 1 ? `–${lost[lost.length - 1]}` : ''} could not be decoded in this window ` +
        `(the frame table has ${lost.length > 1 ? 'them' : 'it'}): a review proxy may help.`,
    });
  }

  private update(patch: Partial<PlayerSnapshot>): void {
    let changed = false;
    for (const [k, v] of Object.entries(patch)) {
      if (this.snapshot[k as keyof PlayerSnapshot] !== v) changed = true;
    }
    if (!changed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
