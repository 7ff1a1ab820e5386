import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cpuSince, processTreeCpuMs } from './process-cpu.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function burn(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe.runIf(process.platform === 'linux')('processTreeCpuMs', () => {
  it('counts the CPU this process spends', () => {
    const since = cpuSince(process.pid);
    burn(150);
    // Ticks are 10 ms: 150 ms of spinning reads as at least 100.
    expect(since(1)).toBeGreaterThanOrEqual(100);
    expect(since(0)).toBeUndefined();
  });

  it("adds a process's descendants (the workers under a primary) and forgets a process that ended", async () => {
    // A parent that only waits, over a child that spends 400 ms of CPU, says so, and waits too.
    const spin =
      "let n = 0; while (process.cpuUsage().user < 400000) for (let i = 0; i < 1e6; i++) n += i; console.log('spent'); setTimeout(() => {}, 10000)";
    const parent = spawn(process.execPath, [
      '-e',
      `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(spin)}], { stdio: 'inherit' }); setTimeout(() => {}, 10000)`,
    ]);
    const pid = parent.pid as number;
    try {
      await new Promise<void>((resolve) =>
        parent.stdout.on('data', (chunk: Buffer) => {
          if (String(chunk).includes('spent')) resolve();
        }),
      );
      const tree = processTreeCpuMs(pid) ?? 0;
      // The child's 400 ms and more (the parent alone spends far less), in milliseconds: not ten
      // times that, which a child's figure counted as ticks would give.
      expect(tree).toBeGreaterThanOrEqual(400);
      expect(tree).toBeLessThan(1_500);
    } finally {
      // The group: parent and child.
      spawn('pkill', ['-P', String(pid)]);
      await sleep(100);
      parent.kill();
      await new Promise((resolve) => parent.once('exit', resolve));
    }
    expect(processTreeCpuMs(pid)).toBeUndefined();
  }, 15_000);
});
