// Departures are found in each channel of evidence on its own (each facial
// region, and the classifier), then the intervals that are one movement are
// grouped into one. Two reasons: a brief expression of one region is not lost
// inside a long movement of another (a brow flash while the mouth talks, which
// would otherwise be one long "too long" departure), and the fragments of one
// movement (the brows rising, then the eyes widening; two peaks of one smile
// onset) become one candidate, not several.
import type { FrameEvidence } from './evidence.js';
import type { SpotParams } from './params.js';
import { findPeakIntervals, type PeakInterval } from './peaks.js';
import { TIME_EPS, endTimeOf, spanSeconds, type Timeline } from './timeline.js';
import { REGIONS, type Region } from './types.js';

export type Channel = Region | 'classifier';

export interface ChannelInterval extends PeakInterval {
  channel: Channel;
}

/** A group of channel intervals that are one movement: their union, apex at the highest combined evidence. */
export interface Movement extends PeakInterval {
  channels: Channel[];
}

/**
 * Peak intervals of every region's evidence with the classifier's added at its
 * weight (a region that moves while the classifier sees an emotion needs less
 * motion), and of the classifier's alone (so it needs 1 / classWeight times the
 * threshold without any motion).
 */
export function channelIntervals(ev: FrameEvidence, params: SpotParams): ChannelInterval[] {
  const out: ChannelInterval[] = [];
  const n = ev.combined.length;
  for (const channel of [...REGIONS, 'classifier'] as const) {
    const at = channelSeries(ev, channel, params);
    const series = new Float64Array(n);
    for (let t = 0; t < n; t++) series[t] = at(t);
    const found = findPeakIntervals(series, params.onThreshold, params.lowThreshold, params.boundaryFraction);
    for (const iv of found) out.push({ ...iv, channel });
  }
  return out;
}

/** A channel's evidence at a frame: a region's motion with the classifier's added at its weight, or the classifier's alone. */
export function channelSeries(ev: FrameEvidence, channel: Channel, params: SpotParams): (t: number) => number {
  if (channel === 'classifier') return (t) => params.classWeight * (ev.classifier[t] ?? Number.NaN);
  const region = ev.region[channel];
  return (t) => {
    const v = region[t] ?? Number.NaN;
    return Number.isFinite(v) ? v + params.classWeight * (ev.classifier[t] ?? 0) : Number.NaN;
  };
}

/**
 * Groups intervals that are one movement. Strongest first, each interval joins
 * the first group whose span it overlaps by at least groupMinIoU, or whose span
 * it follows within fragmentGapS after or before a member of its own channel, the
 * two together no longer than fragmentMaxS (a fragment); else it
 * starts a group. Joining against the group's span, not its members one by one,
 * keeps a chain of overlaps from gluing a brief movement of one region to a long
 * movement of another (a brow flash while the mouth talks stays its own).
 */
export function groupMovements(intervals: readonly ChannelInterval[], ev: FrameEvidence, tl: Timeline, params: SpotParams): Movement[] {
  const strongest = [...intervals].sort((a, b) => b.peak - a.peak || a.onset - b.onset);
  const groups: { onset: number; offset: number; members: ChannelInterval[] }[] = [];
  for (const iv of strongest) {
    let home: (typeof groups)[number] | undefined;
    let fragment = false;
    for (const g of groups) {
      const how = joins(g, iv, ev, tl, params);
      if (how) {
        home = g;
        fragment = how === 'fragment';
        break;
      }
    }
    if (home) {
      // An overlapping channel adds itself to the movement; only a fragment lengthens it (the strongest
      // channel's departure gives the movement its frames: weaker ones spread wider around the same apex).
      home.members.push(iv);
      if (fragment) {
        home.onset = Math.min(home.onset, iv.onset);
        home.offset = Math.max(home.offset, iv.offset);
      }
    } else {
      groups.push({ onset: iv.onset, offset: iv.offset, members: [iv] });
    }
  }
  const movements: Movement[] = [];
  for (const { onset, offset, members } of groups) {
    const channels = [...new Set(members.map((m) => m.channel))];
    const regions = channels.filter((c): c is Region => c !== 'classifier');
    // The movement's own evidence: its regions' motion (not another region's moving meanwhile) and the classifier's.
    let apex = onset;
    let peak = Number.NEGATIVE_INFINITY;
    for (let t = onset; t <= offset; t++) {
      let motion = 0;
      for (const r of regions) motion = Math.max(motion, ev.region[r][t] ?? 0);
      const v = motion + params.classWeight * (ev.classifier[t] ?? 0);
      if (Number.isFinite(v) && v > peak) {
        peak = v;
        apex = t;
      }
    }
    movements.push({ onset, apex, offset, peak: Number.isFinite(peak) ? peak : Math.max(...members.map((m) => m.peak)), channels });
  }
  return movements.sort((a, b) => a.onset - b.onset || a.offset - b.offset);
}

/** How a departure joins a movement: overlapping its span enough, as a fragment of one of its members, or not. */
function joins(
  g: { onset: number; offset: number; members: ChannelInterval[] },
  iv: ChannelInterval,
  ev: FrameEvidence,
  tl: Timeline,
  params: SpotParams,
): 'overlap' | 'fragment' | null {
  const inter = Math.min(g.offset, iv.offset) - Math.max(g.onset, iv.onset) + 1;
  const union = Math.max(g.offset, iv.offset) - Math.min(g.onset, iv.onset) + 1;
  if (inter / union >= params.groupMinIoU) return 'overlap';
  // A fragment: close after or before a brief member of its own channel, the two together still brief,
  // and the channel's evidence not falling below lowThreshold between them (no pause between two movements).
  const fragment = g.members.some((m) => {
    if (m.channel !== iv.channel) return false;
    const [first, second] = m.onset <= iv.onset ? [m, iv] : [iv, m];
    const gap = (tl.times[second.onset] ?? 0) - endTimeOf(tl, first.offset);
    if (gap > params.fragmentGapS + TIME_EPS) return false;
    if (spanSeconds(tl, first.onset, Math.max(first.offset, second.offset)) > params.fragmentMaxS + TIME_EPS) return false;
    const series = channelSeries(ev, iv.channel, params);
    for (let t = first.offset + 1; t < second.onset; t++) if (!((series(t) ?? 0) >= params.lowThreshold)) return false;
    return true;
  });
  return fragment ? 'fragment' : null;
}
