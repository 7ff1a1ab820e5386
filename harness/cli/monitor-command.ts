import { Command } from 'commander';
import { DeploymentError, type LoadedDeployment, loadDeployment } from '../../src/index.js';
import {
  DASHBOARD_SCHEMA_VERSION,
  MONITORING_FILES,
  renderMonitoring,
  writeMonitoringFiles,
} from '../monitor/index.js';
import { UsageError } from './cli-error.js';

interface RenderFlags {
  config: string;
  out: string;
}

async function load(file: string): Promise<LoadedDeployment> {
  try {
    return await loadDeployment(file, { env: process.env });
  } catch (error) {
    // The loader's message names the file and lists every problem: exit 2 with it as it is.
    if (error instanceof DeploymentError) throw new UsageError(error.message);
    throw error;
  }
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function renderCommand(): Command {
  return new Command('render')
    .description(
      `Render Prometheus alerting rules (${MONITORING_FILES.rules}) with promtool unit tests (${MONITORING_FILES.ruleTests}) from spec.monitoring.alerts, and a Grafana dashboard (${MONITORING_FILES.dashboard}) of the bridge's metrics`,
    )
    .requiredOption(
      '--config <file>',
      'AgentDeployment YAML, e.g. config/agent-deployment.yaml (HB__ overrides in the environment apply)',
    )
    .requiredOption('--out <dir>', 'directory to write the files into, created if missing')
    .action(async (flags: RenderFlags) => {
      const { deployment } = await load(flags.config);
      const rendered = renderMonitoring(deployment);
      let written: string[];
      try {
        written = await writeMonitoringFiles(flags.out, rendered.files);
      } catch (error) {
        const code = errnoCode(error);
        if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EACCES' || code === 'EROFS') {
          throw new UsageError(`--out ${flags.out}: cannot write there (${code}).`);
        }
        throw error;
      }
      const [rules, tests, dashboard] = written;
      const { counts } = rendered;
      process.stdout.write(
        [
          `wrote ${rules}: ${counts.rules} alerting rules`,
          `wrote ${tests}: ${counts.ruleTests} promtool unit tests`,
          `wrote ${dashboard}: ${counts.panels} panels (Grafana schemaVersion ${DASHBOARD_SCHEMA_VERSION})`,
          `check: promtool check rules ${rules} && promtool test rules ${tests}`,
          '',
        ].join('\n'),
      );
      for (const note of rendered.notes) process.stderr.write(`note: ${note}\n`);
    });
}

/** `bench monitor render`: Prometheus alerting rules and a Grafana dashboard for a deployment. */
export function monitorCommand(): Command {
  return new Command('monitor')
    .description(
      "Monitoring for a deployment: Prometheus alerting rules from its alerts and a Grafana dashboard of the bridge's metrics",
    )
    .addCommand(renderCommand().exitOverride());
}
