import type { Playback, ProxyInfo } from '../domain/proxy.js';

/** What the review window plays for a recording, and why, in the library's words. */
export function playbackSummary(proxy: ProxyInfo, playback: Playback): { text: string; why: string } {
  const reasons = proxy.reasons.map((r) => r.message).join('; ');
  if (!playback.playable)
    return {
      text: 'not playable yet',
      why: `The window cannot play the original (${reasons || 'its format'}) and its review copy is not ready${proxy.error ? `: ${proxy.error}` : ''}.`,
    };
  if (playback.source === 'proxy')
    return {
      text: 'review copy',
      why: `A frame-exact review copy plays, because the original ${reasons ? `does not play well: ${reasons}` : 'does not play well here'}.`,
    };
  if (proxy.status === 'not-needed') return { text: 'original', why: 'The original plays and seeks well in the window.' };
  const state =
    proxy.status === 'failed'
      ? `making its review copy failed${proxy.error ? ` (${proxy.error})` : ''}`
      : `its review copy is ${proxy.status === 'needed' ? 'not made yet' : proxy.status}`;
  return { text: `original (copy ${proxy.status})`, why: `The original plays, though ${reasons || 'it plays poorly'}; ${state}.` };
}

/**
 * Seconds left for an analysis from two progress samples of it (the first seen and
 * the latest), or null while too little has happened to say (under 2 s or 1% apart).
 */
export function secondsLeft(first: { atMs: number; done: number }, latest: { atMs: number; done: number }, total: number): number | null {
  const elapsedS = (latest.atMs - first.atMs) / 1000;
  const done = latest.done - first.done;
  if (elapsedS < 2 || done <= 0 || done < total / 100) return null;
  return Math.max(0, ((total - latest.done) * elapsedS) / done);
}

/** "about 3 min left", "about 40 s left", "under 10 s left". */
export function describeSecondsLeft(s: number): string {
  if (s < 10) return 'under 10 s left';
  if (s < 90) return `about ${Math.round(s / 10) * 10} s left`;
  if (s < 90 * 60) return `about ${Math.round(s / 60)} min left`;
  return `about ${(s / 3600).toFixed(1)} h left`;
}
