import { Command, CommanderError } from 'commander';
import { HybridBenchError } from '../../src/index.js';
import { EXIT_CODES } from '../verdict/index.js';
import { baselineCommand } from './baseline-command.js';
import { calibrateCommand } from './calibrate-command.js';
import { compareCommand } from './compare-command.js';
import { deployCommand } from './deploy-command.js';
import { k6Command } from './k6-command.js';
import { loadCommand } from './load-command.js';
import { mockServerCommand } from './mock-server-command.js';
import { monitorCommand } from './monitor-command.js';
import { overheadCommand } from './overhead-command.js';
import { reportCommand } from './report-command.js';
import { runCommand } from './run-command.js';
import { serveCommand } from './serve-command.js';
import { validateCommand } from './validate-command.js';

/**
 * The `bench` CLI. Returns the exit code instead of exiting, so tests can call it in-process.
 * Exit codes: 0 ok, 1 unexpected, 2 usage or invalid input, 3 SLA failed, 4 regression, 130 interrupted.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command('bench')
    .description('Benchmark an agent prototype alone (agno-only) and through the hybrid bridge')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .addCommand(runCommand(setExit).exitOverride())
    .addCommand(validateCommand(setExit).exitOverride())
    .addCommand(baselineCommand().exitOverride())
    .addCommand(calibrateCommand().exitOverride())
    .addCommand(compareCommand(setExit).exitOverride())
    .addCommand(reportCommand().exitOverride())
    .addCommand(serveCommand().exitOverride())
    .addCommand(mockServerCommand().exitOverride())
    .addCommand(overheadCommand().exitOverride())
    .addCommand(monitorCommand().exitOverride())
    .addCommand(k6Command().exitOverride())
    .addCommand(deployCommand().exitOverride())
    .addCommand(loadCommand(setExit).exitOverride());
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is a usage error.
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.invalidInput;
    }
    if (error instanceof HybridBenchError && error.isUserError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_CODES.invalidInput;
    }
    process.stderr.write(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_CODES.unexpected;
  }
}
