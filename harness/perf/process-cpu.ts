import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/*
 * The CPU a server process has used, read from outside it (Linux /proc): on a small machine a
 * server's CPU per request is a steadier figure than its tail latency, which mostly measures
 * who else wanted the cores at that moment.
 */

let userHz: number | undefined;

/** Clock ticks per second of /proc's CPU times: `getconf CLK_TCK`, 100 where that fails. */
function ticksPerSecond(): number {
  if (userHz === undefined) {
    try {
      userHz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      userHz = 100;
    }
  }
  return userHz;
}

/** User + system ticks of one process, from /proc/PID/stat (fields 14 and 15). */
function ownTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** The live children of every thread of a process (none once it is gone). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found;
  }
  for (const task of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) for (const child of text.split(' ')) found.push(Number(child));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return found;
}

/**
 * Milliseconds of CPU (user + system) that a process and its live descendants (the workers of
 * `bench serve --workers`) have used; undefined without /proc or once the process is gone.
 */
export function processTreeCpuMs(pid: number): number | undefined {
  const ticks = treeTicks(pid);
  return ticks === undefined ? undefined : (ticks * 1000) / ticksPerSecond();
}

/** User + system ticks of a process and its live descendants; undefined once it is gone. */
function treeTicks(pid: number): number | undefined {
  let ticks: number;
  try {
    ticks = ownTicks(pid);
  } catch {
    return undefined;
  }
  for (const child of childrenOf(pid)) ticks += treeTicks(child) ?? 0;
  return ticks;
}

/**
 * Starts counting a process tree's CPU; the function returned gives the milliseconds used since,
 * per `count` (requests, say), or undefined where it cannot be read.
 */
export function cpuSince(pid: number): (count: number) => number | undefined {
  const before = processTreeCpuMs(pid);
  return (count) => {
    const after = processTreeCpuMs(pid);
    if (before === undefined || after === undefined || count <= 0) return undefined;
    return (after - before) / count;
  };
}
