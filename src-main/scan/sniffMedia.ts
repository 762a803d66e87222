/**
 * Which files found while walking a folder are worth a probe. ffprobe decides
 * what is a recording; this rule only spares a probe (about 50–100 ms and a
 * process each) for files that are obviously something else, such as a folder
 * of case documents.
 *
 * The rule (documented in the README):
 * 1. A name with a video extension, or a head with a video container's magic
 *    bytes, *claims* to be video: it is always probed, and if ffprobe cannot read
 *    it, it is reported as failed with ffprobe's reason.
 * 2. Otherwise a head with the magic bytes of a known non-video format (PDF,
 *    Office/ZIP, images, audio, archives, executables, databases) or that is
 *    plain text is ignored without a probe.
 * 3. Anything else is probed; if ffprobe finds no video in it, it is ignored
 *    (listed with the reason), never reported as failed: its name never said it
 *    was a recording.
 */

export const SNIFF_BYTES = 4096;

export const VIDEO_EXTENSIONS: ReadonlySet<string> = new Set([
  'mp4',
  'm4v',
  'mov',
  'qt',
  'avi',
  'mkv',
  'webm',
  'mpg',
  'mpeg',
  'mpe',
  'm1v',
  'm2v',
  'vob',
  'ts',
  'mts',
  'm2ts',
  'm2t',
  'tod',
  'wmv',
  'asf',
  'flv',
  'f4v',
  '3gp',
  '3g2',
  'mxf',
  'dv',
  'ogv',
  'ogm',
  'mj2',
  'mjpeg',
  'mjpg',
  'h264',
  '264',
  'hevc',
  'h265',
  '265',
  'y4m',
  'rm',
  'rmvb',
  'divx',
  'xvid',
  'nut',
  'ivf',
  'dav',
  'h263',
  'avs',
  'vro',
  'evo',
]);

export type SniffVerdict =
  /** Magic bytes of a container that holds video. */
  | { kind: 'video'; format: string }
  /** Obviously not a video: never probed unless the name claims video. */
  | { kind: 'not-media'; format: string }
  /** Nothing known: ffprobe decides. */
  | { kind: 'unknown' };

export interface SniffDecision {
  /** Run ffprobe on it. */
  probe: boolean;
  /** Its name or its bytes say it is a video: a probe failure is a failure, not a reason to ignore it. */
  claimsVideo: boolean;
  /** Why it is ignored without a probe (when `probe` is false). */
  reason?: string;
}

/** The lower-case extension of a file name, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function decideProbe(fileName: string, head: Uint8Array): SniffDecision {
  const byName = VIDEO_EXTENSIONS.has(extensionOf(fileName));
  const verdict = sniffHead(head);
  if (byName || verdict.kind === 'video') return { probe: true, claimsVideo: true };
  if (verdict.kind === 'not-media') return { probe: false, claimsVideo: false, reason: `not a video (${verdict.format})` };
  return { probe: true, claimsVideo: false };
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** Signatures at offset 0 of formats that are never video. */
const NOT_MEDIA_PREFIXES: readonly [string, readonly number[]][] = [
  ['PDF document', ascii('%PDF')],
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', ascii('GIF8')],
  ['TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF image', [0x4d, 0x4d, 0x00, 0x2a]],
  ['Photoshop image', ascii('8BPS')],
  ['OLE document (old Word/Excel/Outlook)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['RTF document', ascii('{\\rtf')],
  ['SQLite database', ascii('SQLite format 3\0')],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Windows executable', ascii('MZ')],
  ['gzip archive', [0x1f, 0x8b]],
  ['bzip2 archive', ascii('BZh')],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR archive', ascii('Rar!')],
  ['MP3 audio', ascii('ID3')],
  ['FLAC audio', ascii('fLaC')],
  ['AppleDouble resource file', [0x00, 0x05, 0x16, 0x07]],
];

/** ISO BMFF boxes that open an MP4/MOV/3GP file (bytes 4–7). */
const ISO_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip', 'pnot']);
/** ftyp brands of audio-only MP4s. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);

function startsWith(head: Uint8Array, sig: readonly number[], offset = 0): boolean {
  if (head.length < offset + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (head[offset + i] !== sig[i]) return false;
  return true;
}

function text(head: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...head.subarray(from, Math.min(to, head.length)));
}

export function sniffHead(head: Uint8Array): SniffVerdict {
  if (head.length === 0) return { kind: 'not-media', format: 'empty' };
  const box = text(head, 4, 8);
  if (ISO_BOXES.has(box)) {
    if (box === 'ftyp' && AUDIO_BRANDS.has(text(head, 8, 12))) return { kind: 'not-media', format: 'MP4 audio' };
    return { kind: 'video', format: 'MP4/QuickTime' };
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'video', format: 'Matroska/WebM' };
  if (startsWith(head, ascii('RIFF'))) {
    const form = text(head, 8, 12);
    if (form === 'AVI ' || form === 'AVIX') return { kind: 'video', format: 'AVI' };
    return { kind: 'not-media', format: form === 'WAVE' ? 'WAV audio' : form === 'WEBP' ? 'WebP image' : `RIFF ${form.trim()} file` };
  }
  if (startsWith(head, [0x00, 0x00, 0x01, 0xba])) return { kind: 'video', format: 'MPEG program stream' };
  if (startsWith(head, [0x00, 0x00, 0x01, 0xb3])) return { kind: 'video', format: 'MPEG video' };
  if (isTransportStream(head, 0, 188) || isTransportStream(head, 4, 192)) return { kind: 'video', format: 'MPEG transport stream' };
  if (startsWith(head, [0x46, 0x4c, 0x56, 0x01])) return { kind: 'video', format: 'FLV' };
  if (startsWith(head, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return { kind: 'video', format: 'ASF/WMV' };
  if (startsWith(head, [0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01])) return { kind: 'video', format: 'MXF' };
  for (const [format, sig] of NOT_MEDIA_PREFIXES) if (startsWith(head, sig)) return { kind: 'not-media', format };
  if (looksLikeText(head)) return { kind: 'not-media', format: 'text' };
  return { kind: 'unknown' };
}

/** A sync byte 0x47 at the start of three packets in a row (two when the head is short). */
function isTransportStream(head: Uint8Array, first: number, packet: number): boolean {
  const needed = head.length >= first + 2 * packet + 1 ? 3 : 2;
  if (head.length < first + packet + 1) return false;
  for (let i = 0; i < needed; i++) if (head[first + i * packet] !== 0x47) return false;
  return true;
}

/**
 * Text: a UTF-16 byte-order mark, or no NUL byte and valid UTF-8 with few
 * control characters. Video containers have NUL bytes within their first
 * bytes (box sizes, headers), so none is mistaken for text.
 */
export function looksLikeText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control += 1;
  }
  if (control > head.length / 100) return false;
  // A head cut inside a multi-byte character is still text: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= Math.min(3, head.length - 1); cut++) {
    if (validUtf8(head.subarray(0, head.length - cut))) return true;
  }
  return false;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
