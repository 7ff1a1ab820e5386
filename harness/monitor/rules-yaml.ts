import { Document } from 'yaml';
import type { Deployment } from '../../src/index.js';
import { type AlertRules, valueTemplate } from './alert-rules.js';

/** How the rule and rule-test files are written: no folding, so each PromQL stays on one line. */
const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

function header(lines: readonly string[]): string {
  return lines.map((line) => ` ${line}`.trimEnd()).join('\n');
}

/** Word-wraps `text` to comment lines of at most `width` characters, `indent` before the rest. */
function wrap(text: string, indent = '  ', width = 96): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function origin(deployment: Deployment): string {
  const { name, environment } = deployment.metadata;
  return `the AgentDeployment ${name} (${environment})`;
}

/** The Prometheus rule file (`rule_files:`) of a deployment's alerts. */
export function rulesYaml(deployment: Deployment, rules: AlertRules): string {
  const doc = new Document({
    groups: [
      {
        name: rules.group,
        rules: rules.rules.map((rule) => ({
          alert: rule.alert,
          expr: rule.expr,
          for: rule.for,
          labels: rule.labels,
          annotations: rule.annotations(valueTemplate(rule.source.metric)),
        })),
      },
    ],
  });
  doc.commentBefore = header([
    ...wrap(
      `Prometheus alerting rules of ${origin(deployment)}, rendered from spec.monitoring.alerts by \`bench monitor render\`: change the deployment and render again rather than edit this file.`,
      '',
    ),
    'Check: promtool check rules alerts.rules.yaml && promtool test rules alerts.test.yaml',
    ...(rules.notes.length > 0
      ? ['', 'Notes:', ...rules.notes.flatMap((n) => wrap(`- ${n}`))]
      : []),
  ]);
  return doc.toString(YAML_OPTIONS);
}

/**
 * A promtool unit-test file for the rule file `rulesFile`: for each rule, inputs that make it
 * fire (with the labels and annotations it must carry) and inputs on which it stays silent.
 */
export function ruleTestsYaml(
  deployment: Deployment,
  rules: AlertRules,
  rulesFile: string,
): string {
  const tests: unknown[] = [];
  for (const rule of rules.rules) {
    const cases = [
      ['fires', rule.firing],
      ['stays silent', rule.quiet],
    ] as const;
    for (const [what, fixture] of cases) {
      if (fixture === undefined) continue;
      const minutes = Math.max(
        ...fixture.series.map((s) => Number(/x([0-9]+)$/.exec(s.values)?.[1] ?? 0)),
      );
      const expected =
        fixture.shownValue === undefined
          ? []
          : [{ exp_labels: rule.labels, exp_annotations: rule.annotations(fixture.shownValue) }];
      tests.push({
        name: `${rule.alert} ${what}`,
        interval: '1m',
        input_series: fixture.series,
        alert_rule_test: [
          { eval_time: `${minutes - 5}m`, alertname: rule.alert, exp_alerts: expected },
        ],
      });
    }
  }
  const doc = new Document({ rule_files: [rulesFile], evaluation_interval: '1m', tests });
  doc.commentBefore = header([
    ...wrap(
      `promtool unit tests of the alerting rules of ${origin(deployment)}, rendered with them by \`bench monitor render\`: each rule fires on inputs past its threshold and stays silent on others.`,
      '',
    ),
    'Run: promtool test rules alerts.test.yaml',
  ]);
  return doc.toString(YAML_OPTIONS);
}
