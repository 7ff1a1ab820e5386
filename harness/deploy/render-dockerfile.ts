import { isAbsolute } from 'node:path';
import { API_KEYS_ENV, APP_USER, CONFIG_PATH, LIVE_PATH } from './deploy-names.js';
import type { DeployPlan } from './deploy-plan.js';
import { renderedHeader } from './manifest-yaml.js';

/** The base of both stages: Debian slim, so glibc for the prebuilt native modules. */
export const BASE_IMAGE = 'node:20-bookworm-slim';

/**
 * What the build and runtime stages copy from the repository. The runtime runs the compiled CLI
 * from dist/ (built in the build stage); the sources stay beside it for plugins in TypeScript
 * and as bin/bench.js's check that the build is current.
 */
export const SOURCE_DIRS = ['bin', 'src', 'mocks', 'harness'] as const;

const json = (items: readonly string[]) =>
  `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;

/** A liveness check with Node itself: slim images have neither curl nor wget. */
export function healthCheckScript(port: number): string {
  return `fetch('http://127.0.0.1:${port}${LIVE_PATH}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
}

/**
 * The image's Dockerfile: production dependencies in one stage, the compiled CLI in another
 * (with the dev dependencies it needs to build), the server in the last.
 */
export function renderDockerfile(plan: DeployPlan): string {
  const keys = plan.secretEntries.map(({ key }) => `-e ${key}`).join(' ');
  const config = isAbsolute(plan.configFile) ? plan.configFile : `$PWD/${plan.configFile}`;
  return [
    ...renderedHeader(plan).map((line) => `# ${line}`),
    '#',
    '# Build from the repository root; BuildKit reads the ignore list beside this file',
    '# (Dockerfile.dockerignore):',
    `#   docker build -f <this file> -t ${plan.image} .`,
    '# Run it with the config mounted and the secrets from the environment:',
    `#   docker run --rm -p ${plan.port}:${plan.port} -v "${config}:${CONFIG_PATH}:ro" ${keys} ${plan.image}`,
    '',
    `FROM ${BASE_IMAGE} AS deps`,
    'WORKDIR /app',
    'COPY package.json package-lock.json ./',
    '# Production dependencies only: tsx, which runs the TypeScript CLI, is one of them. Install',
    "# scripts stay off, as package.json's allowScripts asks; esbuild and msw run without theirs.",
    'RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force',
    '',
    `FROM ${BASE_IMAGE} AS build`,
    'WORKDIR /app',
    'COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./',
    'RUN npm ci --ignore-scripts',
    ...SOURCE_DIRS.map((dir) => `COPY ${dir} ./${dir}`),
    '# dist/ and its BUILT stamp, newer than every source: bench runs compiled (less memory).',
    'RUN npm run build',
    '',
    `FROM ${BASE_IMAGE} AS runtime`,
    'ENV NODE_ENV=production',
    'WORKDIR /app',
    'COPY --from=deps /app/node_modules ./node_modules',
    'COPY package.json tsconfig.json ./',
    ...SOURCE_DIRS.map((dir) => `COPY ${dir} ./${dir}`),
    'COPY --from=build /app/dist ./dist',
    `# The image's unprivileged user (uid 1000); the files it runs stay root's, read-only to it.`,
    `USER ${APP_USER}`,
    `EXPOSE ${plan.port}`,
    '# bench serve drains on SIGTERM: no new requests, those in flight get up to 10 s.',
    'STOPSIGNAL SIGTERM',
    'HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \\',
    `  CMD ${json(['node', '-e', healthCheckScript(plan.port)])}`,
    `# ${API_KEYS_ENV} and the services' keys come from the environment; the config from ${CONFIG_PATH}.`,
    `ENTRYPOINT ${json(['node', 'bin/bench.js'])}`,
    `CMD ${json(plan.serveArgs)}`,
    '',
  ].join('\n');
}

/** Kept out of the build context: everything the image does not run, and anything secret. */
export function renderDockerignore(plan: DeployPlan): string {
  return [
    ...renderedHeader(plan).map((line) => `# ${line}`),
    '# The build context is the repository root, and the image needs only these from it:',
    '*',
    '!package.json',
    '!package-lock.json',
    '!tsconfig.json',
    '!tsconfig.build.json',
    ...SOURCE_DIRS.map((dir) => `!${dir}`),
    '# and, inside them, neither tests nor anything that may hold a secret:',
    '**/*.test.ts',
    '**/node_modules',
    '**/.env*',
    '**/*.pem',
    '**/*.key',
    '',
  ].join('\n');
}
