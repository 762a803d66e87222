/**
 * With frame threading and B-frame reordering, the picture a decoder error
 * concerns is output up to a few frames after the message: this many frames
 * after each error are marked as possibly damaged.
 */
export const DECODE_ISSUE_WINDOW = 8;

/**
 * The filter graph: every frame scaled to the analysis size (so a resolution
 * change mid-stream keeps frames whole), and a showinfo branch that sees every
 * frame's PTS at almost no cost (it works on a 4x4 copy).
 */
export function decodeGraph(width: number, height: number): string {
  return `[0:v:0]scale=${width}:${height}:flags=bilinear,split=2[out][probe];[probe]scale=4:4:flags=neighbor,showinfo,nullsink`;
}
