import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * Writes a run's files into `<root>/<runId>/` and points `<root>/latest` at it. The link is
 * replaced atomically (a new link renamed over the old), so readers never see it missing.
 * Returns the run folder's absolute path.
 */
export async function writeReport(
  root: string,
  runId: string,
  files: Record<string, string | Buffer>,
): Promise<string> {
  const dir = await writeRunFiles(resolve(root, runId), files);
  const latest = join(root, 'latest');
  const temporary = join(root, `.latest-${process.pid}-${Date.now()}`);
  try {
    await symlink(runId, temporary, 'dir');
    await rename(temporary, latest);
  } catch {
    // Some file systems refuse symlinks; the run folder is still complete.
    await rm(temporary, { force: true });
  }
  return dir;
}

/** Writes files into one folder (created if needed); returns its absolute path. */
export async function writeRunFiles(
  dir: string,
  files: Record<string, string | Buffer>,
): Promise<string> {
  const absolute = resolve(dir);
  await mkdir(absolute, { recursive: true });
  await Promise.all(
    Object.entries(files).map(([name, content]) => writeFile(join(absolute, name), content)),
  );
  return absolute;
}
