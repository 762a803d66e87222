import { Command, CommanderError } from 'commander';
import { appVersion } from '../config/paths.js';
import { registerImport } from './commands/importCommand.js';
import { registerScan } from './commands/scanCommand.js';
import { registerVerify } from './commands/verifyCommand.js';
import { registerDoctor, describeEnvironment } from './commands/doctorCommand.js';
import { registerServe } from './commands/serveCommand.js';
import { registerAnalyze } from './commands/analyzeCommand.js';
import { registerSpot } from './commands/spotCommand.js';
import { registerEvaluate } from './commands/evaluateCommand.js';
import { registerProxy } from './commands/proxyCommand.js';
import { registerReport } from './commands/reportCommand.js';
import { isStoreFatal, storeFailureWords } from '../scan/storeErrors.js';
import { registerAgreement } from './commands/agreementCommand.js';
import { registerAnnotations } from './commands/annotationsCommand.js';
import { EXIT } from './exitCodes.js';
import { printable } from './printable.js';
import { UsageError } from './pathArguments.js';

export function buildProgram(): Command {
  const program = new Command('micromoment')
    .description('Frame-exact review of recorded interviews for micro expressions.')
    .version(appVersion())
    .showHelpAfterError('(run micromoment --help for usage)')
    .exitOverride();
  registerScan(program);
  registerImport(program);
  registerVerify(program);
  registerDoctor(program);
  registerAnalyze(program);
  registerSpot(program);
  registerEvaluate(program);
  registerProxy(program);
  registerReport(program);
  registerAgreement(program);
  registerAnnotations(program);
  registerServe(program);
  program.addHelpText('after', () => `\nThis installation uses:\n  ${describeEnvironment().lines.slice(1, 3).join('\n  ')}\n`);
  return program;
}

/** Runs the CLI; usage errors exit 2, unexpected failures 3, with one plain line on stderr. */
export async function runCli(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    if (isStoreFatal(err)) {
      // Every write is one transaction: the one that failed was rolled back and the case is as it was.
      const { cause, todo } = storeFailureWords(err);
      process.stderr.write(
        `micromoment: ${cause} (${printable((err as Error).message)}): ${todo}, then run the command again (the write that failed was rolled back).\n`,
      );
    } else process.stderr.write(`micromoment: ${printable((err as Error).message)}\n`);
    process.exitCode = EXIT.environment;
  }
}
