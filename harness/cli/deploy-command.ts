import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { loadDeployment } from '../../src/index.js';
import { PACKAGE_IMAGE } from '../../src/package-info.js';
import {
  applyCommand,
  BLUE_GREEN_DIR,
  DEFAULT_PORT,
  renderDeploy,
  writeArtefacts,
} from '../deploy/index.js';
import { UsageError } from './cli-error.js';
import { integerFlag } from './parse-flags.js';

interface RenderFlags {
  config: string;
  out: string;
  image?: string;
  port: number;
}

/** A container image reference: lowercase repository path, optional tag and digest, no spaces. */
const IMAGE_REF =
  /^[a-z0-9][a-z0-9._\-/]*(?::[0-9]+\/[a-z0-9._\-/]+)?(?::\w[\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

function imageFlag(value: string): string {
  if (!IMAGE_REF.test(value))
    throw new UsageError(
      `--image must be an image reference such as registry.example.com/hybrid-bench:0.1.0; got "${value}".`,
    );
  return value;
}

function portFlag(value: string): number {
  const port = integerFlag('--port', 1)(value);
  if (port > 65535) throw new UsageError(`--port must be at most 65535; got "${value}".`);
  return port;
}

/** `--out` must be a folder or not exist yet; a file there is refused before anything is read. */
async function checkOut(out: string): Promise<void> {
  const found = await stat(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new UsageError(`Cannot use --out ${out}: ${error.code ?? error.message}.`);
  });
  if (found !== undefined && !found.isDirectory())
    throw new UsageError(
      `--out ${out} is a file, not a directory: give the folder to render into (it is made if missing).`,
    );
}

function renderCommand(): Command {
  return new Command('render')
    .description(
      'Render the Dockerfile, Kubernetes manifests (Deployment, Service, HPA, ConfigMap, Secret example) and a blue-green variant from a deployment config',
    )
    .requiredOption('--config <file>', 'deployment config (e.g. config/agent-deployment.yaml)')
    .requiredOption('--out <dir>', 'folder to write the artefacts into (made if missing)')
    .addOption(
      new Option(
        '--image <ref>',
        'image the manifests run (default: hybrid-bench:<version>)',
      ).argParser(imageFlag),
    )
    .addOption(
      new Option('--port <n>', 'port bench serve listens on in the container')
        .argParser(portFlag)
        .default(DEFAULT_PORT),
    )
    .action(async (flags: RenderFlags) => {
      await checkOut(flags.out);
      // The same loader and environment as `bench serve --config`: HB__ overrides included.
      const loaded = await loadDeployment(flags.config, { env: process.env });
      const configText = await readFile(flags.config, 'utf8');
      const { plan, artefacts } = renderDeploy({
        loaded,
        configFile: flags.config,
        configText,
        image: flags.image ?? PACKAGE_IMAGE,
        port: flags.port,
        env: process.env,
      });
      const written = await writeArtefacts(flags.out, artefacts).catch(
        (error: NodeJS.ErrnoException) => {
          throw new UsageError(
            `Cannot write into --out ${flags.out}: ${error.code ?? error.message}.`,
          );
        },
      );
      process.stdout.write(
        [
          ...written.map((file) => `wrote ${file}`),
          `deployment ${plan.name}, config revision ${plan.revision}, image ${plan.image}`,
          `build:  docker build -f ${join(flags.out, 'Dockerfile')} -t ${plan.image} .`,
          `apply:  cd ${flags.out} && ${applyCommand()}   (after creating the Secret: see secret.example.yaml)`,
          `or blue-green: kubectl apply -f ${join(flags.out, BLUE_GREEN_DIR)}/   (then ${join(BLUE_GREEN_DIR, 'SWITCH.md')})`,
          '',
        ].join('\n'),
      );
      for (const note of plan.notes) process.stderr.write(`note: ${note}\n`);
    });
}

/** `bench deploy render`: deployment artefacts that come from the deployment config itself. */
export function deployCommand(): Command {
  return new Command('deploy')
    .description('Deployment artefacts (container image, Kubernetes) from a deployment config')
    .addCommand(renderCommand().exitOverride());
}
