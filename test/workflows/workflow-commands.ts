import { parse } from 'yaml';

/** A `npx bench …` or `npm run …` command in a workflow, with where it is. */
export interface WorkflowCommand {
  /** `<job>/<step name or number>`. */
  where: string;
  kind: 'bench' | 'npm-run';
  /** bench: the subcommand path (`['monitor', 'render']`); npm-run: `[script]`. */
  target: string[];
  /** The `--flags` it passes, without values. */
  flags: string[];
  text: string;
}

interface Workflow {
  jobs?: Record<string, { steps?: { name?: string; run?: unknown }[] }>;
}

/** Shell words of one command line: whitespace-split, quotes removed (enough for CI steps). */
function words(line: string): string[] {
  return (line.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^(["'])(.*)\1$/, '$2'));
}

/** Every `npx bench …` and `npm run …` in the `run:` steps of a workflow's YAML text. */
export function workflowCommands(text: string): WorkflowCommand[] {
  const workflow = parse(text) as Workflow;
  const found: WorkflowCommand[] = [];
  for (const [job, { steps = [] }] of Object.entries(workflow.jobs ?? {})) {
    steps.forEach((step, index) => {
      if (typeof step.run !== 'string') return;
      const where = `${job}/${step.name ?? `step ${index + 1}`}`;
      const script = step.run.replace(/\\\n/g, ' ');
      for (const line of script.split(/\n|&&|\|\||;|\|/)) {
        const parts = words(line.trim());
        const start = parts.findIndex(
          (w, i) =>
            (w === 'npx' && parts[i + 1] === 'bench') || (w === 'npm' && parts[i + 1] === 'run'),
        );
        if (start < 0) continue;
        const rest = parts.slice(start + 2);
        const command = parts.slice(start).join(' ');
        if (parts[start] === 'npm') {
          found.push({
            where,
            kind: 'npm-run',
            target: rest.slice(0, 1),
            flags: [],
            text: command,
          });
          continue;
        }
        const firstFlag = rest.findIndex((w) => w.startsWith('-'));
        const target = firstFlag < 0 ? rest : rest.slice(0, firstFlag);
        const flags = rest.filter((w) => w.startsWith('--')).map((w) => w.split('=')[0] ?? w);
        found.push({ where, kind: 'bench', target, flags, text: command });
      }
    });
  }
  return found;
}

/** The `--flags` a commander `--help` text defines: each option line's own, not those its text mentions. */
export function helpFlags(help: string): Set<string> {
  const flags = new Set<string>();
  for (const match of help.matchAll(/^\s+(?:-[a-zA-Z], )?(--[a-z0-9][a-z0-9-]*)/gm)) {
    if (match[1]) flags.add(match[1]);
  }
  return flags;
}

/**
 * What is wrong with each command: an npm script that package.json lacks, a bench subcommand
 * whose help does not resolve, a flag its help does not list. Empty when all are real.
 */
export async function commandProblems(
  commands: readonly WorkflowCommand[],
  scripts: Readonly<Record<string, string>>,
  help: (subcommand: readonly string[]) => Promise<string | undefined>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const command of commands) {
    if (command.kind === 'npm-run') {
      const script = command.target[0] ?? '';
      if (!Object.hasOwn(scripts, script)) {
        problems.push(`${command.where}: npm run ${script}: no such script in package.json`);
      }
      continue;
    }
    const text = await help(command.target);
    if (text === undefined) {
      problems.push(`${command.where}: bench ${command.target.join(' ')}: no such subcommand`);
      continue;
    }
    const known = helpFlags(text);
    for (const flag of command.flags) {
      if (!known.has(flag)) {
        problems.push(`${command.where}: bench ${command.target.join(' ')}: unknown flag ${flag}`);
      }
    }
  }
  return problems;
}
