import { describe, expect, it } from 'vitest';
import { displayRotation, probeFromFfprobe, ProbeError } from '../../../src-main/media/probe.js';

const video = {
  index: 0,
  codec_type: 'video',
  codec_name: 'h264',
  width: 640,
  height: 480,
  time_base: '1/12800',
  r_frame_rate: '25/1',
  avg_frame_rate: '25/1',
  field_order: 'progressive',
};

describe('probeFromFfprobe', () => {
  it('maps a plain video stream', () => {
    const p = probeFromFfprobe({ streams: [video], format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '2.0' } });
    expect(p).toMatchObject({
      videoCodec: 'h264',
      width: 640,
      height: 480,
      rotation: 0,
      timeBase: '1/12800',
      interlaced: false,
      durationS: 2,
    });
  });
  it('swaps displayed width and height for a 90° display matrix', () => {
    const p = probeFromFfprobe({ streams: [{ ...video, side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }] });
    expect(p.rotation).toBe(90);
    expect([p.width, p.height, p.codedWidth, p.codedHeight]).toEqual([480, 640, 640, 480]);
  });
  it('reads interlacing and audio streams', () => {
    const p = probeFromFfprobe({
      streams: [
        { ...video, field_order: 'tt' },
        { index: 1, codec_type: 'audio', codec_name: 'aac', channels: 2, sample_rate: '48000' },
      ],
    });
    expect(p.interlaced).toBe(true);
    expect(p.audioStreams).toEqual([{ codec: 'aac', channels: 2, sampleRate: 48000 }]);
  });
  it('refuses audio-only files and cover art with a plain reason', () => {
    expect(() => probeFromFfprobe({ streams: [{ index: 0, codec_type: 'audio' }] })).toThrow(/audio but no video/);
    expect(() => probeFromFfprobe({ streams: [{ ...video, disposition: { attached_pic: 1 } }] })).toThrow(ProbeError);
  });
});

describe('displayRotation', () => {
  it('normalises to 0/90/180/270 clockwise', () => {
    expect(displayRotation({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: 90 }] })).toBe(270);
    expect(displayRotation({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -180 }] })).toBe(180);
    expect(displayRotation({ tags: { rotate: '90' } })).toBe(90);
    expect(displayRotation({})).toBe(0);
  });
});
