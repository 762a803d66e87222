import { z } from 'zod';

/** Where an event of the case is stored: its working set ('case') or a coding pass; what adjudication acts on. */
export const EventRefSchema = z.object({
  set: z.union([z.literal('case'), z.number().int().positive()]),
  annotationId: z.number().int().positive(),
});

const Event = z.object({
  onset: z.number().int(),
  apex: z.number().int().nullable(),
  offset: z.number().int(),
  emotion: z.string().nullable(),
  ref: EventRefSchema.optional(),
});

/** What `agreement.get` answers: the coders, each pair's figures with its disagreements, and alpha. Null: undefined (nothing to compare). */
export const AgreementSchema = z.object({
  recordingId: z.number().int(),
  frames: z.number().int(),
  minIoU: z.number(),
  coders: z.array(z.object({ name: z.string(), source: z.string(), events: z.number().int() })),
  pairs: z.array(
    z.object({
      a: z.string(),
      b: z.string(),
      matched: z.number().int(),
      onlyA: z.number().int(),
      onlyB: z.number().int(),
      precision: z.number().nullable(),
      recall: z.number().nullable(),
      f1: z.number().nullable(),
      kappa: z.number().nullable(),
      frameKappa: z.record(z.string(), z.number().nullable()),
      meanDifference: z.object({ onset: z.number().nullable(), apex: z.number().nullable(), offset: z.number().nullable() }),
      disagreements: z.array(
        z.object({
          kind: z.enum(['only-a', 'only-b', 'emotion', 'boundaries']),
          onset: z.number().int(),
          offset: z.number().int(),
          a: Event.nullable(),
          b: Event.nullable(),
        }),
      ),
    }),
  ),
  alpha: z.number().nullable(),
  /** Krippendorff's alpha of the emotions of matched events, all coders. */
  emotionAlpha: z.number().nullable(),
});
export type Agreement = z.infer<typeof AgreementSchema>;
