import type { Emotion } from '../../src-shared/analysis/emotions.js';

/** One event read from an annotation file, in frames of the recording (inclusive), and where it was in the file. */
export interface ImportedEvent {
  onset: number;
  apex: number | null;
  offset: number;
  emotion: Emotion | null;
  /** Files from Micromoment say whether an event was accepted or still pending; other files' events are decisions. */
  verdict: 'accepted' | 'pending';
  note: string;
  /** "line 4", "annotation a3 (tier fear)": how a message names it. */
  where: string;
}

export type AnnotationFileFormat = 'eaf' | 'micromoment-csv' | 'csv-frames' | 'csv-seconds';

export interface AnnotationFile {
  format: AnnotationFileFormat;
  events: ImportedEvent[];
  /** What was read and left out on purpose (e.g. the tiers of rejected or unreviewed items), in plain sentences. */
  skipped: string[];
  /** SHA-256 of exactly the bytes read, and of the mapping file's (null: none). */
  sha256: string;
  mapSha256: string | null;
}

/**
 * A file refused whole: every problem found, each naming its line or
 * annotation, so the analyst can mend the file in one go. Nothing is imported.
 */
export class AnnotationFileRefused extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    const shown = problems.slice(0, 20);
    super(
      `${file} was not read: ${shown.join('; ')}${problems.length > shown.length ? `; and ${problems.length - shown.length} more` : ''}. ` +
        'Nothing was imported: mend the file and try again.',
    );
    this.name = 'AnnotationFileRefused';
  }
}
