/**
 * Review speeds. Haggard and Isaacs found micro expressions at 1/6 and slower,
 * so 1/6 is where review starts. 'frame' is frame by frame: nothing plays, and
 * play advances one frame per press.
 */
export const PLAYBACK_SPEEDS = [1, 1 / 2, 1 / 4, 1 / 6, 1 / 8, 1 / 10, 1 / 16, 1 / 25, 1 / 50, 1 / 100] as const;
export type Speed = number | 'frame';
export const SPEED_CHOICES: readonly Speed[] = [...PLAYBACK_SPEEDS, 'frame'];
export const DEFAULT_REVIEW_SPEED: Speed = 1 / 6;

export function speedLabel(speed: Speed): string {
  if (speed === 'frame') return 'frame by frame';
  return speed >= 1 ? `${speed}×` : `1/${Math.round(1 / speed)}`;
}

/** The next choice slower (+1) or faster (-1) than `speed`, stopping at the ends of the list. */
export function stepSpeed(speed: Speed, direction: 1 | -1): Speed {
  const i = SPEED_CHOICES.indexOf(speed);
  const at = i < 0 ? SPEED_CHOICES.indexOf(DEFAULT_REVIEW_SPEED) : i;
  return SPEED_CHOICES[Math.max(0, Math.min(SPEED_CHOICES.length - 1, at + direction))] as Speed;
}
