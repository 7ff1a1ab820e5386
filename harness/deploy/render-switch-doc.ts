import { SERVED_MODELS } from '../../src/index.js';
import { objectNames, READY_PATH, TRACK_LABEL, TRACKS } from './deploy-names.js';
import type { DeployPlan } from './deploy-plan.js';

/** The selector patch that makes `track` the live one. */
export function switchPatch(track: string): string {
  return JSON.stringify({ spec: { selector: { [TRACK_LABEL]: track } } });
}

/** SWITCH.md of the blue-green variant: deploy to the idle track, check it, switch, roll back. */
export function renderSwitchDoc(plan: DeployPlan): string {
  const [blue, green] = TRACKS;
  const service = objectNames(plan.name).service;
  const secret = objectNames(plan.name).secret;
  const idle = objectNames(plan.name, green);
  const live = objectNames(plan.name, blue);
  const selector = `app.kubernetes.io/name=${plan.name},${TRACK_LABEL}=${green}`;
  return `# Blue-green switch for ${plan.name}

Rendered by \`bench deploy render\` from \`${plan.configFile}\` (config revision \`${plan.revision}\`).

Two Deployments run side by side, \`${live.deployment}\` and \`${idle.deployment}\`, each with its own
ConfigMap and HPA; their pods carry the label \`${TRACK_LABEL}: ${blue}\` or \`${TRACK_LABEL}: ${green}\`. The one
Service, \`${service}\`, sends traffic to the track its selector names; it starts on \`${blue}\`.
Use this folder instead of the plain manifests one level up, not beside them, in the same
namespace. The Secret \`${secret}\` is shared: create it first (see \`../secret.example.yaml\`).
The commands below run from the folder above this one.

## First install

\`\`\`sh
kubectl apply -f blue-green/
kubectl rollout status deployment/${live.deployment} --timeout=5m
\`\`\`

## Release to the idle track

Which track is live:

\`\`\`sh
kubectl get service ${service} -o jsonpath='{.spec.selector.${TRACK_LABEL}}'
\`\`\`

Say it is \`${blue}\`. Put the new version on \`${green}\` only — a new image, a newly rendered config, or both —
and leave \`${blue}\` untouched:

\`\`\`sh
kubectl set image deployment/${idle.deployment} bridge=<new image>
# or, after rendering the new config:  kubectl apply -f blue-green/configmap-${green}.yaml -f blue-green/deployment-${green}.yaml
kubectl rollout status deployment/${idle.deployment} --timeout=5m
\`\`\`

## Check the idle track is ready before switching

\`\`\`sh
kubectl get deployment ${idle.deployment} -o jsonpath='{.status.readyReplicas}/{.spec.replicas}{"\\n"}'
kubectl get pods -l ${selector}
kubectl port-forward deployment/${idle.deployment} 18080:${plan.port} &
curl -fsS http://127.0.0.1:18080${READY_PATH}        # 200 {"status":"ready"}
curl -fsS http://127.0.0.1:18080/v1/chat/completions -H "Authorization: Bearer $KEY" \\
  -H 'content-type: application/json' -d '{"model":"${SERVED_MODELS[0]}","messages":[{"role":"user","content":"Where is my order?"}]}'
\`\`\`

Switch only when every replica is ready and a real request answers.

## Switch

\`\`\`sh
kubectl patch service ${service} -p '${switchPatch(green)}'
kubectl get endpointslices -l kubernetes.io/service-name=${service} -o wide   # now the ${green} pods' addresses
\`\`\`

New connections go to \`${green}\` at once. Connections clients keep alive stay on \`${blue}\` until they close,
so keep \`${blue}\` running and watch \`${green}\`'s error rate, latency and cost (\`/metrics\`, the alerts) for a while.

## Roll back

\`${blue}\` still runs the previous version, so going back is the same patch the other way:

\`\`\`sh
kubectl patch service ${service} -p '${switchPatch(blue)}'
\`\`\`

## Retire the old track

Once \`${green}\` has proven itself, scale \`${blue}\` down; its pods drain on SIGTERM, and its HPA leaves a
Deployment at 0 replicas alone. The next release goes to \`${blue}\` and the roles swap: applying
\`deployment-${blue}.yaml\` brings it back to ${plan.replicas} replica${plan.replicas === 1 ? '' : 's'} and its HPA takes over again.

\`\`\`sh
kubectl scale deployment/${live.deployment} --replicas=0
\`\`\`

\`blue-green/service.yaml\` says \`${TRACK_LABEL}: ${blue}\` as of the first install: after a switch, apply the
track's own files as above rather than the whole folder.
`;
}
