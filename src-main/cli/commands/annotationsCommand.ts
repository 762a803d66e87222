import type { Command } from 'commander';
import { ApiError } from '../../../src-shared/api/apiError.js';
import { AnnotationFileRefused } from '../../annotationFiles/importedEvent.js';
import { RecordingNotFound, resolveRecording } from '../../report/gather/resolveRecording.js';
import { importCodingFile } from '../../usecases/importCodingFile.js';
import { contextFrom, withCaseOptions, type CommonOptions } from '../commonOptions.js';
import { EXIT } from '../exitCodes.js';
import { pathArgument } from '../pathArguments.js';
import { printable } from '../printable.js';

interface ImportOptions extends CommonOptions {
  map?: string;
}

export function registerAnnotations(program: Command): void {
  const annotations = program
    .command('annotations')
    .description("annotations made elsewhere: another coder's file stored as their coding pass");
  withCaseOptions(annotations.command('import'))
    .description(
      "store an annotation file (ELAN .eaf, Micromoment's CSV, a CSV in frames or seconds) as the complete coding pass of --analyst",
    )
    .argument(
      '<recording>',
      'recording id, at least 6 hex digits of its SHA-256, or the path of its file',
      pathArgument('annotations import', 'the recording', 'name the recording'),
    )
    .argument('<file>', 'the annotation file', pathArgument('annotations import', 'the file', 'name the annotation file'))
    .option('--map <file>', 'tier or label names to emotions, one "name,emotion" line each (emotion, "no emotion" or "ignore")')
    .action(async (recording: string, file: string, options: ImportOptions) => {
      const ctx = contextFrom(options);
      try {
        const id = await resolveRecording(ctx.db, recording);
        // The pass is the acting analyst's (--analyst): the one whose coding the file holds.
        const r = importCodingFile(ctx, id, ctx.analyst, file, options.map);
        process.stdout.write(
          `imported ${r.events} event${r.events === 1 ? '' : 's'} from ${printable(file)} (${r.format}) as pass #${r.pass.id} of ` +
            `${printable(r.pass.analyst)}, complete${r.skipped.length ? `; ${printable(r.skipped.join('; '))}` : ''}\n`,
        );
        process.exitCode = EXIT.ok;
      } catch (err) {
        if (err instanceof AnnotationFileRefused || err instanceof RecordingNotFound || err instanceof ApiError) {
          process.stderr.write(`micromoment annotations import: ${printable(err.message)}\n`);
          process.exitCode = EXIT.usage;
        } else throw err;
      } finally {
        ctx.close();
      }
    });
}
