import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Artefact } from './render-artefacts.js';

/** Writes each artefact under `dir`, making folders as needed; returns the paths written. */
export async function writeArtefacts(
  dir: string,
  artefacts: readonly Artefact[],
): Promise<string[]> {
  const written: string[] = [];
  for (const artefact of artefacts) {
    const file = join(dir, artefact.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, artefact.content);
    written.push(file);
  }
  return written;
}
