/**
 * Reads ffmpeg's stderr (run with `-loglevel level+info`) when the decode graph
 * carries a `showinfo` branch: one line per output frame with its PTS,
 * interleaved in order with the decoder's own messages. That order is what ties
 * a decoder error to the frames output right after it.
 */
export type StderrEvent = { kind: 'frame'; n: number; pts: number } | { kind: 'decoder-error'; message: string } | { kind: 'other' };

const FRAME = /^\[Parsed_showinfo_\d+ @ [^\]]+\] \[info\] n:\s*(\d+)\s+pts:\s*(-?\d+)/;
const LEVELLED = /^(?:\[([^\]@]+?) @ [^\]]+\] )?\[(fatal|error|warning)\] (.*)$/;

/**
 * Only the decoder's complaints concern the pictures (the muxer of our raw
 * output, the scaler and the filter graph say nothing about the evidence):
 * messages from a component named like the stream's codec, and ffmpeg's own
 * "Error while decoding stream" lines.
 */
export function parseStderrLine(line: string, codec: string): StderrEvent {
  const frame = FRAME.exec(line);
  if (frame) return { kind: 'frame', n: Number(frame[1]), pts: Number(frame[2]) };
  const levelled = LEVELLED.exec(line.trim());
  if (!levelled) return { kind: 'other' };
  const [, component, , message = ''] = levelled;
  if (component !== undefined && isDecoderComponent(component, codec))
    return { kind: 'decoder-error', message: `${component}: ${message}` };
  if (component === undefined && /error while decoding/i.test(message)) return { kind: 'decoder-error', message };
  return { kind: 'other' };
}

function isDecoderComponent(component: string, codec: string): boolean {
  const name = component.trim().toLowerCase();
  const c = codec.toLowerCase();
  return (
    name === c ||
    name === `lib${c}` ||
    (c === 'av1' && name === 'libdav1d') ||
    (c === 'vp9' && name === 'libvpx-vp9') ||
    (c === 'vp8' && name === 'libvpx')
  );
}
