import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { affinityOf, onCpus, pinThisProcess, planPinning } from './cpu-pinning.js';

const cpus = affinityOf(process.pid);

describe('onCpus', () => {
  it('runs a command through taskset on the CPUs given, or as it is without them', () => {
    expect(onCpus('1', 'node', ['a.js'])).toEqual(['taskset', ['-c', '1', 'node', 'a.js']]);
    expect(onCpus(undefined, 'node', ['a.js'])).toEqual(['node', ['a.js']]);
  });
});

describe.skipIf(cpus === undefined || cpus.length < 2)('pinning on this machine', () => {
  it('plans the last CPU for the server and the rest for everything else', () => {
    const planned = planPinning();
    expect(planned).toEqual({
      plan: { server: String(cpus?.at(-1)), others: cpus?.slice(0, -1).join(',') },
    });
  });

  it('starts a child on the server CPU only', async () => {
    const planned = planPinning();
    if (!('plan' in planned)) throw new Error(planned.reason);
    const [command, args] = onCpus(planned.plan.server, 'sleep', ['5']);
    const child = spawn(command, args, { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(affinityOf(child.pid ?? 0)).toEqual([Number(planned.plan.server)]);
    } finally {
      child.kill();
    }
  });

  it('says why it cannot pin a process that may use one CPU', async () => {
    const child = spawn('taskset', ['-c', String(cpus?.[0]), 'sleep', '5'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(planPinning(child.pid ?? 0)).toEqual({ reason: 'this process may use 1 CPU' });
    } finally {
      child.kill();
    }
  });

  it('moves this process to the other CPUs and back', () => {
    const planned = planPinning();
    if (!('plan' in planned)) throw new Error(planned.reason);
    const undo = pinThisProcess(planned.plan.others);
    try {
      expect(affinityOf(process.pid)?.join(',')).toBe(planned.plan.others);
    } finally {
      undo();
    }
    expect(affinityOf(process.pid)).toEqual(cpus);
  });
});
