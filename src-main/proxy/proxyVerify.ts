import type { LocatedTool } from '../media/ffmpegLocator.js';
import { probeAndIndex } from '../media/probeAndIndex.js';
import { paddedSize } from './proxyEncodeArgs.js';
import type { ProxyTimeMap } from '../../src-shared/domain/proxy.js';
import { matchFrameTables } from './proxyTimeMap.js';

export type ProxyVerification =
  { ok: true; frames: number; timeBase: { num: number; den: number }; keyFrames: number[] } | { ok: false; reason: string };

/**
 * Checks a made proxy before anything uses it: it must be H.264 in MP4 at the
 * original's displayed size (even-padded), upright, and the project's own frame
 * indexer (the one that made the original's frame table) must find exactly the
 * original's frames at exactly the mapped times.
 */
export async function verifyProxy(
  proxyPath: string,
  original: { timeBase: { num: number; den: number }; ptsTicks: ArrayLike<number>; width: number; height: number },
  map: ProxyTimeMap,
  ffprobes: LocatedTool[],
  onProgress?: (frames: number) => void,
): Promise<ProxyVerification> {
  let probed;
  try {
    probed = await probeAndIndex(proxyPath, onProgress ? (n) => onProgress(n) : undefined, ffprobes);
  } catch (err) {
    return { ok: false, reason: `the proxy cannot be indexed (${err instanceof Error ? err.message : String(err)})` };
  }
  const { probe, index } = probed;
  if (probe.videoCodec !== 'h264' || !probe.container.split(',').includes('mp4')) {
    return { ok: false, reason: `the proxy is ${probe.videoCodec} in ${probe.container}, not H.264 in MP4` };
  }
  const size = paddedSize(original.width, original.height);
  if (probe.rotation !== 0 || probe.width !== size.width || probe.height !== size.height) {
    return {
      ok: false,
      reason: `the proxy is ${probe.width}x${probe.height} rotated ${probe.rotation}°, not ${size.width}x${size.height} upright`,
    };
  }
  const match = matchFrameTables(original, map, index);
  if (!match.ok) return { ok: false, reason: `its frame table differs from the original's: ${match.reason}` };
  return { ok: true, frames: index.ptsTicks.length, timeBase: index.timeBase, keyFrames: index.keyFrames };
}
