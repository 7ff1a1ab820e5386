import { Command } from 'commander';
import { formatIssue, validateSuiteFile } from '../scenario/index.js';
import { EXIT_CODES } from '../verdict/index.js';

/** `bench validate PATH…`: check scenario files; every problem is printed, each with file:line:column. */
export function validateCommand(onExit: (code: number) => void): Command {
  return new Command('validate')
    .description(
      'Check scenario suite files and report every problem with its file, line and field',
    )
    .argument('<paths...>', 'scenario files (YAML)')
    .option('--json', 'print the result as JSON on stdout', false)
    .action(async (paths: string[], flags: { json: boolean }) => {
      const results = [];
      for (const file of paths) results.push({ file, result: await validateSuiteFile(file) });
      const invalid = results.filter((r) => r.result.state === 'invalid');
      if (flags.json) {
        const out = results.map(({ file, result }) =>
          result.state === 'ok'
            ? { file, valid: true, requests: result.suite.requests.length }
            : { file, valid: false, issues: result.issues },
        );
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        for (const { file, result } of results) {
          if (result.state === 'ok') {
            process.stdout.write(`${file}: ok (${result.suite.requests.length} requests)\n`);
          } else {
            process.stderr.write(
              `${file}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}\n`,
            );
            for (const issue of result.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
          }
        }
      }
      onExit(invalid.length > 0 ? EXIT_CODES.invalidInput : EXIT_CODES.ok);
    });
}
