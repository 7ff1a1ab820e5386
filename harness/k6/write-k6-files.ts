import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Suite } from '../scenario/index.js';
import { renderK6Script } from './render-script.js';
import { renderTestRun } from './render-testrun.js';
import { type K6ScriptOptions, type K6ScriptPlan, planK6Script } from './script-plan.js';

export interface K6FilesOptions extends K6ScriptOptions {
  /** k6-operator runners (TestRun `parallelism`). */
  runners: number;
}

export interface K6Files {
  script: string;
  testRun: string;
  plan: K6ScriptPlan;
  /** Things to know before running, one sentence each. */
  notes: string[];
}

export const SCRIPT_FILE = 'script.ts';
export const TESTRUN_FILE = 'testrun.yaml';
/** Kubernetes refuses ConfigMaps over 1 MiB. */
const CONFIGMAP_LIMIT_BYTES = 1024 * 1024;

/** Writes `script.ts` and `testrun.yaml` for a suite into `outDir` (made if missing). */
export async function writeK6Files(
  suite: Suite,
  options: K6FilesOptions,
  outDir: string,
): Promise<K6Files> {
  const plan = planK6Script(suite, options);
  const source = renderK6Script(plan);
  const manifest = renderTestRun({
    suiteName: suite.name,
    suiteFile: suite.file,
    script: source,
    scriptFile: SCRIPT_FILE,
    baseUrl: options.baseUrl,
    runners: options.runners,
    ...(plan.load.targetRps === undefined ? {} : { targetRps: plan.load.targetRps }),
  });
  const notes: string[] = [];
  if (Buffer.byteLength(source) > CONFIGMAP_LIMIT_BYTES * 0.95)
    notes.push(
      `${SCRIPT_FILE} is ${Buffer.byteLength(source)} bytes: too close to the 1 MiB ConfigMap limit for ${TESTRUN_FILE}; use a smaller suite or mount the script from a volume`,
    );
  await mkdir(outDir, { recursive: true });
  const script = join(outDir, SCRIPT_FILE);
  const testRun = join(outDir, TESTRUN_FILE);
  await writeFile(script, source);
  await writeFile(testRun, manifest);
  return { script, testRun, plan, notes };
}
