import { z } from 'zod';

/** What ffprobe says about a recording's container and its first video stream. */
export const ProbeSchema = z.object({
  container: z.string(),
  videoCodec: z.string(),
  /** Coded size of the picture, before display rotation. */
  codedWidth: z.number().int(),
  codedHeight: z.number().int(),
  /** Size as displayed: after the display matrix's rotation (90/270 swap the sides). */
  width: z.number().int(),
  height: z.number().int(),
  /** Clockwise rotation the display matrix asks for, in degrees: 0, 90, 180 or 270. */
  rotation: z.number().int(),
  sampleAspect: z.string(),
  displayAspect: z.string(),
  timeBase: z.string(),
  nominalFrameRate: z.string(),
  averageFrameRate: z.string(),
  durationS: z.number().nullable(),
  startTimeS: z.number().nullable(),
  pixelFormat: z.string().nullable(),
  /** 'progressive', 'tt', 'bb', 'tb', 'bt' or 'unknown' as ffprobe's field_order says. */
  fieldOrder: z.string(),
  interlaced: z.boolean(),
  audioStreams: z.array(z.object({ codec: z.string(), channels: z.number().int(), sampleRate: z.number().int() })),
});
export type Probe = z.infer<typeof ProbeSchema>;

export const RecordingSchema = z.object({
  id: z.number().int(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  /** The path it was first imported from; `locations` holds every path it was seen at. */
  path: z.string(),
  name: z.string(),
  locations: z.array(z.string()),
  frames: z.number().int(),
  /** Frames per second derived from the frame table (median frame gap). */
  fps: z.number(),
  /** From the first frame's PTS to the end of the last frame. */
  durationS: z.number(),
  vfr: z.boolean(),
  probe: ProbeSchema,
  importedAt: z.string(),
  importedBy: z.string(),
});
export type Recording = z.infer<typeof RecordingSchema>;

export const ImportStatusSchema = z.enum(['imported', 'exists', 'failed']);

export const ImportResultSchema = z.object({
  path: z.string(),
  status: ImportStatusSchema,
  error: z.string().optional(),
  id: z.number().int().optional(),
  sha256: z.string().optional(),
  frames: z.number().int().optional(),
  fps: z.number().optional(),
  durationS: z.number().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  codec: z.string().optional(),
  vfr: z.boolean().optional(),
  /** Something the analyst must know about the file though it imported (e.g. less video decodes than it declares). */
  warning: z.string().optional(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
