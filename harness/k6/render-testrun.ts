import { Document, isMap, isScalar } from 'yaml';

export interface TestRunInput {
  /** The suite's name, made into Kubernetes names (`hb-<suite>`). */
  suiteName: string;
  suiteFile: string;
  script: string;
  scriptFile: string;
  baseUrl: string;
  runners: number;
  /** The whole test's offered rate, when constant, for the comment on parallelism. */
  targetRps?: number;
}

/** The Secret the runners read HB_API_KEY from; the comment on top says how to create it. */
export const API_KEY_SECRET = { name: 'hybrid-bench-api-key', key: 'api-key' } as const;

/** A DNS-1123 name, at most 63 characters, as Kubernetes requires of object names. */
function kubernetesName(text: string, suffix = ''): string {
  const base = `hb-${text.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`
    .replace(/-+/g, '-')
    .slice(0, 63 - suffix.length)
    .replace(/-+$/, '');
  return `${base}${suffix}`;
}

function parallelismNote(runners: number, targetRps?: number): string {
  const rate =
    targetRps === undefined
      ? 'its arrival rate'
      : `its ${targetRps}/s (about ${Number((targetRps / runners).toFixed(2))}/s per runner)`;
  return [
    ` k6-operator starts runner i of ${runners} with --execution-segment i/${runners}:(i+1)/${runners} and the`,
    ` matching --execution-segment-sequence, and k6 itself then runs that share of the script's`,
    ` scenario: the script states the whole test's load, and the runners split ${rate}`,
    ' and its VUs among them. Do not divide the rate in the script as well.',
  ].join('\n');
}

/**
 * The k6-operator manifests for a generated script: a ConfigMap holding it and a TestRun that
 * runs it on `runners` pods, as one multi-document YAML file.
 */
export function renderTestRun(input: TestRunInput): string {
  const configMapName = kubernetesName(input.suiteName, '-script');
  const configMap = new Document({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName },
    data: { [input.scriptFile]: input.script },
  });
  configMap.commentBefore = [
    ` k6-operator TestRun for suite ${input.suiteName} (${input.suiteFile}), made by \`bench k6 generate\`.`,
    ` First: kubectl create secret generic ${API_KEY_SECRET.name} --from-literal=${API_KEY_SECRET.key}=<bridge API key>`,
    ' Then:  kubectl apply -f testrun.yaml',
    ' The runner image must be k6 v0.57 or later to run TypeScript (grafana/k6:latest, the default, is).',
  ].join('\n');
  const testRun = new Document({
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: { name: kubernetesName(input.suiteName) },
    spec: {
      parallelism: input.runners,
      script: { configMap: { name: configMapName, file: input.scriptFile } },
      runner: {
        env: [
          { name: 'HB_BASE_URL', value: input.baseUrl },
          { name: 'HB_API_KEY', valueFrom: { secretKeyRef: { ...API_KEY_SECRET } } },
        ],
      },
    },
  });
  const spec = testRun.get('spec', true);
  if (isMap(spec)) {
    const key = spec.items.find(
      (pair) => isScalar(pair.key) && pair.key.value === 'parallelism',
    )?.key;
    if (isScalar(key)) key.commentBefore = parallelismNote(input.runners, input.targetRps);
  }
  return `${configMap.toString({ lineWidth: 0 })}---\n${testRun.toString({ lineWidth: 0 })}`;
}
