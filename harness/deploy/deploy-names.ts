/** Where the pod and the image keep the deployment config `bench serve --config` reads. */
export const CONFIG_DIR = '/etc/hybrid-bench';
export const CONFIG_KEY = 'deployment.yaml';
export const CONFIG_PATH = `${CONFIG_DIR}/${CONFIG_KEY}`;

/** The server's own routes (src/server/create-bridge-server.ts); none of them is configurable. */
export const LIVE_PATH = '/health/live';
export const READY_PATH = '/health/ready';
export const METRICS_PATH = '/metrics';

/** `bench serve`'s default port, and the name the manifests give it. */
export const DEFAULT_PORT = 8080;
export const PORT_NAME = 'http';
export const CONTAINER_NAME = 'bridge';

/** The unprivileged `node` user of the official Node images. */
export const APP_USER = 'node';
export const APP_UID = 1000;

/**
 * Shutdown, in seconds: the endpoints are removed while `preStop` sleeps, then SIGTERM makes
 * `bench serve` drain (`BridgeServer.close`, 10 s grace) and close its backend and state store.
 * The kubelet kills the pod only after `terminationGracePeriodSeconds`, which covers all three.
 */
export const PRE_STOP_SECONDS = 5;
export const DRAIN_GRACE_SECONDS = 10;
export const TERMINATION_GRACE_SECONDS = 30;

/** Environment variables the pod reads from the Secret. */
export const API_KEYS_ENV = 'HB_API_KEYS';
export const REDIS_URL_ENV = 'REDIS_URL';

/** The blue-green tracks; the Service starts on the first. */
export const TRACKS = ['blue', 'green'] as const;
export type Track = (typeof TRACKS)[number];
export const TRACK_LABEL = 'track';

export const NAME_LABEL = 'app.kubernetes.io/name';
export const COMPONENT_LABEL = 'app.kubernetes.io/component';
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';
/** Labels the render sets itself; a config label with one of these keys would be overwritten. */
export const RESERVED_LABELS = [NAME_LABEL, COMPONENT_LABEL, PART_OF_LABEL, TRACK_LABEL] as const;

/** Pod annotation holding the config's revision, so a config change rolls the pods. */
export const REVISION_ANNOTATION = 'hybrid-bench/config-revision';

/** The per-pod request rate a custom-metrics adapter is expected to serve the HPA. */
export const RPS_METRIC = 'hybrid_requests_per_second';

/** The Kubernetes object names of a deployment called `name`, optionally of one track. */
export function objectNames(name: string, track?: Track) {
  const suffix = track === undefined ? '' : `-${track}`;
  return {
    deployment: `${name}${suffix}`,
    hpa: `${name}${suffix}`,
    configMap: `${name}-config${suffix}`,
    service: name,
    secret: `${name}-secrets`,
  };
}
