import { spawnSync } from 'node:child_process';

/** Which CPUs (taskset lists, e.g. `1` and `0`) the server under test and everything else get. */
export interface CpuPlan {
  server: string;
  others: string;
}

/** The CPUs a process may run on, from `taskset -c -p`; undefined when taskset cannot say. */
export function affinityOf(pid: number): number[] | undefined {
  const run = spawnSync('taskset', ['-c', '-p', String(pid)], { encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  const list = /:\s*([\d,-]+)\s*$/.exec(run.stdout.trim())?.[1];
  if (!list) return undefined;
  const cpus: number[] = [];
  for (const part of list.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    for (let cpu = from; cpu <= to; cpu++) cpus.push(cpu);
  }
  return cpus;
}

/**
 * A core of its own for the server under test (the last this process may use) and the others
 * for the mock and the load, so what is measured is the server rather than the scheduler
 * sharing a core among them; or why that cannot be done here.
 */
export function planPinning(pid = process.pid): { plan: CpuPlan } | { reason: string } {
  const cpus = affinityOf(pid);
  if (!cpus) return { reason: 'taskset (util-linux) is not available' };
  if (cpus.length < 2) return { reason: `this process may use ${cpus.length} CPU` };
  return {
    plan: { server: String(cpus.at(-1)), others: cpus.slice(0, -1).join(',') },
  };
}

/** `command args` run on `cpus` (through taskset), or as it is when `cpus` is undefined. */
export function onCpus(
  cpus: string | undefined,
  command: string,
  args: readonly string[],
): [string, string[]] {
  return cpus === undefined ? [command, [...args]] : ['taskset', ['-c', cpus, command, ...args]];
}

/**
 * Moves every thread of this process to `cpus`; returns what undoes it.
 * @throws Error with taskset's message when it refuses.
 */
export function pinThisProcess(cpus: string): () => void {
  const before = affinityOf(process.pid);
  const pin = (list: string) => {
    const run = spawnSync('taskset', ['-a', '-c', '-p', list, String(process.pid)], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`taskset -p ${list}: ${run.stderr.trim()}`);
  };
  pin(cpus);
  return () => {
    if (before) pin(before.join(','));
  };
}
