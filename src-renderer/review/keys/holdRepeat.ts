/**
 * Hold-to-repeat for steps, independent of the keyboard's own auto-repeat
 * (which differs per machine and starts late): the first step is immediate,
 * repeats follow after `delayMs` at `rateHz`, and a repeat is only issued once
 * the previous step is on screen (`ready`), so a held key never runs ahead of
 * what the analyst sees. Stops on key release or when the window loses focus.
 */
export interface HoldRepeatOptions {
  delayMs: number;
  rateHz: number;
  ready: () => boolean;
}

export function startHoldRepeat(action: () => void, key: string, options: HoldRepeatOptions): () => void {
  action();
  let timer: number | undefined;
  let last = performance.now();
  const started = last;
  const loop = () => {
    const now = performance.now();
    if (now - started >= options.delayMs && now - last >= 1000 / options.rateHz && options.ready()) {
      last = now;
      action();
    }
    timer = window.setTimeout(loop, 4);
  };
  timer = window.setTimeout(loop, 4);
  const stop = () => {
    window.clearTimeout(timer);
    window.removeEventListener('keyup', onKeyUp, true);
    window.removeEventListener('blur', stop);
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.key === key || e.key === 'Shift' || e.code === key) stop();
  };
  window.addEventListener('keyup', onKeyUp, true);
  window.addEventListener('blur', stop);
  return stop;
}
