import { Command, CommanderError } from 'commander';
import { HybridBenchError } from '../../src/index.js';
import { EXIT_CODES } from '../verdict/index.js';

type SetExit = (code: number) => void;

/**
 * Each command's module, loaded only when that command runs (or for help): a `bench serve`
 * then carries no report renderer, chart library, k6 or deploy code in its memory.
 */
const COMMANDS: Record<string, (setExit: SetExit) => Promise<Command>> = {
  run: async (setExit) => (await import('./run-command.js')).runCommand(setExit),
  validate: async (setExit) => (await import('./validate-command.js')).validateCommand(setExit),
  baseline: async () => (await import('./baseline-command.js')).baselineCommand(),
  calibrate: async () => (await import('./calibrate-command.js')).calibrateCommand(),
  compare: async (setExit) => (await import('./compare-command.js')).compareCommand(setExit),
  report: async () => (await import('./report-command.js')).reportCommand(),
  serve: async () => (await import('./serve-command.js')).serveCommand(),
  'mock-server': async () => (await import('./mock-server-command.js')).mockServerCommand(),
  overhead: async () => (await import('./overhead-command.js')).overheadCommand(),
  load: async (setExit) => (await import('./load-command.js')).loadCommand(setExit),
  k6: async () => (await import('./k6-command.js')).k6Command(),
  deploy: async () => (await import('./deploy-command.js')).deployCommand(),
  monitor: async () => (await import('./monitor-command.js')).monitorCommand(),
  agents: async (setExit) => (await import('./agents-command.js')).agentsCommand(setExit),
};

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
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  const named = argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? [argv[0]] : undefined;
  for (const name of named ?? Object.keys(COMMANDS)) {
    const load = COMMANDS[name] as (setExit: SetExit) => Promise<Command>;
    program.addCommand((await load(setExit)).exitOverride());
  }
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
