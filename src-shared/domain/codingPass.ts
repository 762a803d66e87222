import { z } from 'zod';

/**
 * A coding pass: one analyst's independent coding of one recording. Blind:
 * until it is complete, its analyst is shown no other set's decisions and
 * notes (and, with hideSpotterEmotion, not the spotter's emotion of each
 * candidate). Complete: its decisions are final and read only, and it counts
 * in the agreement figures.
 */
export const CodingPassSchema = z.object({
  id: z.number().int(),
  recordingId: z.number().int(),
  analyst: z.string(),
  blind: z.boolean(),
  hideSpotterEmotion: z.boolean(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type CodingPass = z.infer<typeof CodingPassSchema>;
