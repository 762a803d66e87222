import { z } from 'zod';
import { EMOTIONS } from '../analysis/emotions.js';

/**
 * An analyst's coded event: an interval of frames (onset ≤ apex ≤ offset) with
 * an emotion, a verdict and a note. It either reviews a candidate of a stored
 * spotting run (accepted, rejected, relabelled, its frames moved) or was marked
 * by hand (no candidate). Frames are the identity of time: seconds are derived.
 */
export const EmotionSchema = z.enum(EMOTIONS);

export const VerdictSchema = z.enum(['pending', 'accepted', 'rejected']);
export type Verdict = z.infer<typeof VerdictSchema>;

const frame = z.number().int().min(0);

/** The fields an analyst can change, each optional in a change. */
export const AnnotationFieldsSchema = z.object({
  verdict: VerdictSchema,
  emotion: EmotionSchema.nullable(),
  onsetFrame: frame,
  apexFrame: frame.nullable(),
  offsetFrame: frame,
  note: z.string().max(10_000),
});
export type AnnotationFields = z.infer<typeof AnnotationFieldsSchema>;

export const AnnotationSchema = AnnotationFieldsSchema.extend({
  id: z.number().int(),
  recordingId: z.number().int(),
  /** The spotting run and index of the candidate it reviews; both null when marked by hand. */
  spottingRunId: z.number().int().nullable(),
  candidateIndex: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** The coding pass it belongs to; null (or absent): the case's working set. */
  passId: z.number().int().nullable().optional(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;

const Set = AnnotationFieldsSchema.partial();

/** One analyst action on the annotations of a recording: one transaction and one audit entry each. */
export const AnnotationChangeSchema = z.discriminatedUnion('kind', [
  /** Review a candidate: creates its annotation from the candidate on first use, then changes it. */
  z.object({ kind: z.literal('candidate'), spottingRunId: z.number().int().positive(), candidateIndex: z.number().int().min(0), set: Set }),
  /** Mark an interval by hand. */
  z.object({ kind: z.literal('manual'), set: Set.extend({ onsetFrame: frame, offsetFrame: frame }) }),
  z.object({ kind: z.literal('update'), annotationId: z.number().int().positive(), set: Set }),
  z.object({ kind: z.literal('delete'), annotationId: z.number().int().positive() }),
]);
export type AnnotationChange = z.infer<typeof AnnotationChangeSchema>;

/** The annotations of a recording as one analyst sees them, with what undo and redo would do. */
export const AnnotationStateSchema = z.object({
  recordingId: z.number().int(),
  annotations: z.array(AnnotationSchema),
  /** A plain description of the action undo would revert, or null when there is none. */
  undo: z.string().nullable(),
  redo: z.string().nullable(),
  /** The annotation the last call created or changed (null for list). */
  changedId: z.number().int().nullable(),
});
export type AnnotationState = z.infer<typeof AnnotationStateSchema>;
