import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { type Clock, realClock } from '../../clock.js';
import { loadDeployment } from './load-deployment.js';
import type { LoadedDeployment } from './parse-deployment.js';

export interface WatchDeploymentOptions {
  /** A new valid snapshot is in force; `previous` stays valid for requests still using it. */
  onChange?: (next: LoadedDeployment, previous: LoadedDeployment) => void;
  /** An edit could not be loaded (the last good snapshot stays), or watching failed. */
  onError?: (error: unknown) => void;
  /** Quiet time after the last file event before reloading; editors write in bursts. */
  debounceMs?: number;
  /** Where `HB__…` overrides are read from on every load; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  clock?: Clock;
}

export interface DeploymentWatcher {
  /** The snapshot in force. Read it once per request and keep it for the whole request. */
  current(): LoadedDeployment;
  /** Loads the file now (say, on SIGHUP); resolves with the snapshot in force afterwards. */
  reload(): Promise<LoadedDeployment>;
  /** Stops watching; `current()` keeps answering with the last snapshot. */
  close(): void;
}

/**
 * Loads a deployment and keeps it current as the file changes. The file's directory is
 * watched, not the file, because editors save by replacing it. Events are debounced; an edit
 * that does not validate is reported through `onError` and the last good snapshot stays in
 * force. Snapshots are frozen, so a request keeps the one it started with.
 *
 * @throws DeploymentError when the first load fails: there is no good config to fall back on.
 * @example
 * const config = await watchDeployment('config/agent-deployment.yaml', {
 *   onChange: (next) => logger.info({ revision: next.revision }, 'config reloaded'),
 *   onError: (error) => logger.error({ error }, 'config edit rejected; keeping the last good one'),
 * });
 * server.on('request', (req, res) => handle(req, res, config.current()));
 */
export async function watchDeployment(
  file: string,
  options: WatchDeploymentOptions = {},
): Promise<DeploymentWatcher> {
  const { debounceMs = 200, clock = realClock } = options;
  const load = () => loadDeployment(file, { env: options.env ?? process.env });
  let current = await load();
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  let pending: AbortController | undefined;

  const reload = (): Promise<LoadedDeployment> => {
    // One load at a time, in order, so an older read never replaces a newer one.
    const run = queue.then(async () => {
      if (closed) return current;
      let next: LoadedDeployment;
      try {
        next = await load();
      } catch (error: unknown) {
        if (!closed) options.onError?.(error);
        return current;
      }
      if (closed || next.revision === current.revision) return current;
      const previous = current;
      current = next;
      options.onChange?.(next, previous);
      return current;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const schedule = () => {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    clock.sleep(debounceMs, controller.signal).then(
      () => reload().catch((error: unknown) => options.onError?.(error)),
      () => undefined, // superseded by a later event, or closed
    );
  };

  const name = basename(file);
  const watcher: FSWatcher = watch(
    dirname(resolve(file)),
    { persistent: false },
    (_event, changed) => {
      if (!closed && (changed === null || changed === name)) schedule();
    },
  );
  watcher.on('error', (error) => options.onError?.(error));

  return {
    current: () => current,
    reload,
    close() {
      closed = true;
      pending?.abort();
      watcher.close();
    },
  };
}
