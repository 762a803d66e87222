/**
 * Reads ffmpeg's stderr (run with `-loglevel level+info`) when the decode graph
 * carries a `showinfo` branch: one line per output frame with its PTS,
 * interleaved in order with the decoder's own messages. That order is what ties
 * a decoder error to the frames output right after it.
 */
export type StderrEvent =
  | { kind: 'frame'; n: number; pts: number }
  | { kind: 'decoder-error'; message: string }
  | { kind: 'other' };

const FRAME = /^\[Parsed_showinfo_\d+ @ [^\]]+\] \[info\] n:\s*(\d+)\s+pts:\s*(-?\d+)/;
const LEVELLED = /^(?:\[([^\]@]+?) @ [^\]]+\] )?\[(fatal|error|warning)\] (.*)$/;
/** Components whose warnings say nothing about the evidence's pictures. */
const HARMLESS = /^(swscaler|graph|Parsed_|AVFilterGraph|null)/;

export function parseStderrLine(line: string): StderrEvent {
  const frame = FRAME.exec(line);
  if (frame) return { kind: 'frame', n: Number(frame[1]), pts: Number(frame[2]) };
  const levelled = LEVELLED.exec(line.trim());
  if (levelled) {
    const [, component = '', level, message = ''] = levelled;
    if (level === 'warning' && (component === '' || HARMLESS.test(component))) return { kind: 'other' };
    if (HARMLESS.test(component)) return { kind: 'other' };
    return { kind: 'decoder-error', message: component ? `${component}: ${message}` : message };
  }
  return { kind: 'other' };
}
