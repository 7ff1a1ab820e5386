import { spawn } from 'node:child_process';

export interface ChildService {
  /** The first line the child printed on stdout (its URL, by convention). */
  firstLine: string;
  pid: number;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts a long-running child process and resolves once it prints its first stdout line (a
 * service announcing its URL). A child that exits first, or stays silent past `timeoutMs`,
 * rejects with its stderr, so a broken start names its cause.
 */
export function startChildService(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; name: string },
): Promise<ChildService> {
  const child = spawn(command, [...args], {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${options.name} did not start within ${options.timeoutMs ?? 30_000} ms: ${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({
        firstLine: stdout.slice(0, newline).trim(),
        pid: child.pid ?? 0,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code}) before it started: ${stderr.trim()}`));
    });
  });
}
