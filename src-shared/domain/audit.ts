import { z } from 'zod';

/** One row of the append-only, hash-chained audit log. */
export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** The rows the action created or changed, each with its content hash as the action left it. */
  state: z.record(z.string(), z.string().nullable()).nullable().optional(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
