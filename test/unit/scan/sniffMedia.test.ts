import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideProbe, extensionOf, looksLikeText, sniffHead, VIDEO_EXTENSIONS } from '../../../src-main/scan/sniffMedia.js';
import { realMediaDir } from '../../helpers/paths.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));
const head = (file: string) => new Uint8Array(fs.readFileSync(file).subarray(0, 4096));

describe('sniffing the head of a file', () => {
  it('knows video containers by their magic bytes', () => {
    expect(sniffHead(head(path.join(realMediaDir, 'cap13_edit2.mp4')))).toEqual({ kind: 'video', format: 'MP4/QuickTime' });
    expect(sniffHead(bytes([0, 0, 0, 0x20], 'ftypqt  '))).toMatchObject({ kind: 'video' });
    expect(sniffHead(bytes([0, 0, 0, 8], 'wide', [0, 0, 0, 0], 'mdat'))).toMatchObject({ kind: 'video' });
    expect(sniffHead(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toEqual({ kind: 'video', format: 'Matroska/WebM' });
    expect(sniffHead(bytes('RIFF', [1, 2, 3, 4], 'AVI LIST'))).toEqual({ kind: 'video', format: 'AVI' });
    expect(sniffHead(bytes([0, 0, 1, 0xba, 0x44]))).toMatchObject({ kind: 'video', format: 'MPEG program stream' });
    expect(sniffHead(bytes('FLV', [1, 5]))).toMatchObject({ kind: 'video', format: 'FLV' });
    expect(sniffHead(bytes([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6]))).toMatchObject({ kind: 'video', format: 'ASF/WMV' });
    const ts = new Uint8Array(188 * 3).fill(0xff);
    for (const o of [0, 188, 376]) ts[o] = 0x47;
    expect(sniffHead(ts)).toMatchObject({ kind: 'video', format: 'MPEG transport stream' });
    const m2ts = new Uint8Array(192 * 3).fill(0xff);
    for (const o of [4, 196, 388]) m2ts[o] = 0x47;
    expect(sniffHead(m2ts)).toMatchObject({ kind: 'video', format: 'MPEG transport stream' });
  });

  it('knows what is obviously not a video', () => {
    expect(sniffHead(head(path.join(realMediaDir, 'face.jpg')))).toEqual({ kind: 'not-media', format: 'JPEG image' });
    expect(sniffHead(head(path.join(realMediaDir, 'PROVENANCE.md')))).toEqual({ kind: 'not-media', format: 'text' });
    expect(sniffHead(bytes('%PDF-1.7\n', [0xe2, 0xe3, 0, 1]))).toEqual({ kind: 'not-media', format: 'PDF document' });
    expect(sniffHead(bytes('PK', [3, 4, 20, 0, 6, 0]))).toMatchObject({ kind: 'not-media', format: 'ZIP archive or Office document' });
    expect(sniffHead(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toEqual({ kind: 'not-media', format: 'WAV audio' });
    expect(sniffHead(bytes([0, 0, 0, 0x20], 'ftypM4A ', [0, 0, 0, 0]))).toEqual({ kind: 'not-media', format: 'MP4 audio' });
    expect(sniffHead(bytes('ID3', [4, 0, 0, 0, 0, 0]))).toMatchObject({ kind: 'not-media', format: 'MP3 audio' });
    expect(sniffHead(bytes('SQLite format 3', [0, 16, 0]))).toMatchObject({ kind: 'not-media', format: 'SQLite database' });
    expect(sniffHead(new Uint8Array(0))).toEqual({ kind: 'not-media', format: 'empty' });
    expect(sniffHead(new TextEncoder().encode('Vernehmung Nr. 4 – Zeuge „Müller“ 🙂\r\n'))).toEqual({ kind: 'not-media', format: 'text' });
    expect(sniffHead(bytes([0xff, 0xfe], 'h', [0], 'i', [0]))).toEqual({ kind: 'not-media', format: 'text' });
  });

  it('leaves the rest to ffprobe', () => {
    expect(sniffHead(bytes([0, 0, 0, 1, 0x67, 0x42, 0, 0x1e]))).toEqual({ kind: 'unknown' }); // raw H.264
    expect(sniffHead(bytes('OggS', [0, 2]))).toEqual({ kind: 'unknown' }); // Theora or Vorbis: ffprobe decides
    expect(sniffHead(Uint8Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256))).toEqual({ kind: 'unknown' });
  });
});

describe('deciding what to probe', () => {
  it('probes anything whose name or bytes claim video, and says so', () => {
    expect(decideProbe('/case/notes.mp4', bytes('just some text\n'))).toEqual({ probe: true, claimsVideo: true });
    expect(decideProbe('/case/NO_EXTENSION', bytes([0x1a, 0x45, 0xdf, 0xa3]))).toEqual({ probe: true, claimsVideo: true });
    expect(decideProbe('/case/clip.MOV', new Uint8Array(0))).toEqual({ probe: true, claimsVideo: true });
  });

  it('ignores known non-video files with the reason, and probes unknown ones without claiming them', () => {
    expect(decideProbe('/case/report.pdf', bytes('%PDF-1.4'))).toEqual({
      probe: false,
      claimsVideo: false,
      reason: 'not a video (PDF document)',
    });
    expect(decideProbe('/case/data.bin', bytes([0, 0, 0, 1, 0x67]))).toEqual({ probe: true, claimsVideo: false });
  });

  it('never skips a file named as a video, whatever its bytes (property)', () => {
    const videoName = fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes('/') && !s.includes('\\') && !s.startsWith('.')),
        fc.constantFrom(...VIDEO_EXTENSIONS),
        fc.boolean(),
      )
      .map(([stem, ext, upper]) => `/evidence/${stem}.${upper ? ext.toUpperCase() : ext}`);
    fc.assert(
      fc.property(videoName, fc.uint8Array({ maxLength: 600 }), (name, data) => {
        expect(decideProbe(name, data)).toEqual({ probe: true, claimsVideo: true });
      }),
    );
  });

  it('reads extensions case-blind, and not from a dot file or a folder name', () => {
    expect(extensionOf('/a/b/Interview.MP4')).toBe('mp4');
    expect(extensionOf('/a/b.mp4/readme')).toBe('');
    expect(extensionOf('/a/.mp4')).toBe('');
    expect(extensionOf('C:\\cases\\x.avi')).toBe('avi');
  });
});

describe('text detection', () => {
  it('takes any UTF-8 text without control characters as text, even cut inside a character (property)', () => {
    const printable = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }).filter(
      (s) =>
        ![...s].some((c) => {
          const code = c.charCodeAt(0);
          return (code < 0x20 && !'\t\n\r\f\x1b'.includes(c)) || code === 0x7f;
        }),
    );
    fc.assert(
      fc.property(printable, fc.nat(3), (s, cut) => {
        // A head is 4096 bytes of a longer file: at least one whole character, then maybe part of one.
        const encoded = new TextEncoder().encode(`x${s}`);
        const data = encoded.subarray(0, Math.max(1, encoded.length - cut));
        expect(looksLikeText(data)).toBe(true);
      }),
    );
  });

  it('never takes bytes with a NUL for text (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), (data, at) => {
        const withNul = Uint8Array.from(data);
        withNul[at % withNul.length] = 0;
        if (withNul[0] === 0xff && withNul[1] === 0xfe) return; // a UTF-16 byte-order mark is text with NULs
        if (withNul[0] === 0xfe && withNul[1] === 0xff) return;
        expect(looksLikeText(withNul)).toBe(false);
      }),
    );
  });
});
