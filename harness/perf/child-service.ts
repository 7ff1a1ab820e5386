import { spawn } from 'node:child_process';

export interface ChildService {
  /** The first line the child printed on stdout (its URL, by convention). */
  firstLine: string;
  pid: number;
  /** SIGTERM, then waits for the exit (SIGKILL after `killAfterMs`); resolves with the exit code. */
  stop(killAfterMs?: number): Promise<number | null>;
}

export interface ChildServiceOptions {
  /** Names the child in errors, e.g. `bench serve`. */
  name: string;
  env?: NodeJS.ProcessEnv;
  /** How long the child may take to print its first line; default 60 s. */
  timeoutMs?: number;
}

/** The last lines a child wrote on stderr, for an error message. */
function tail(text: string, lines = 8): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts a long-running child process and resolves once it prints its first stdout line (a
 * service announcing its URL). The child runs in a process group of its own, so a Ctrl-C
 * reaches this process, which then stops the child itself; it is killed if this process exits
 * first. A child that exits early, or stays silent past the timeout, rejects with its last
 * stderr lines, so a broken start names its cause.
 */
export function startChildService(
  command: string,
  args: readonly string[],
  options: ChildServiceOptions,
): Promise<ChildService> {
  const child = spawn(command, [...args], {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      resolve(code);
    }),
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_192);
  });
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${options.name} printed nothing within ${timeoutMs / 1000} s\n${tail(stderr)}`),
      );
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({
        firstLine: stdout.slice(0, newline).trim(),
        pid: child.pid ?? 0,
        async stop(killAfterMs = 20_000) {
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          child.kill('SIGTERM');
          // A child that does not drain in time is killed rather than left behind.
          const force = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
          const code = await exited;
          clearTimeout(force);
          return code;
        },
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${options.name} exited (${signal ?? `code ${code}`}) before it started\n${tail(stderr)}`,
        ),
      );
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
