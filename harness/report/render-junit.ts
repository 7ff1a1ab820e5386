import type { Report } from './report-schema.js';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe in XML 1.0: markup escaped, and characters XML cannot carry at all dropped. */
function x(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);
}

interface Case {
  name: string;
  classname: string;
  failure?: string;
  skipped?: string;
}

function suite(name: string, cases: readonly Case[]): string {
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const body = cases
    .map((c) => {
      const head = `    <testcase classname="${x(c.classname)}" name="${x(c.name)}" time="0"`;
      if (c.failure !== undefined)
        return `${head}>\n      <failure message="${x(c.failure)}" type="failure">${x(c.failure)}</failure>\n    </testcase>`;
      if (c.skipped !== undefined)
        return `${head}>\n      <skipped message="${x(c.skipped)}"/>\n    </testcase>`;
      return `${head}/>`;
    })
    .join('\n');
  return `  <testsuite name="${x(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${body}\n  </testsuite>`;
}

/**
 * JUnit XML so CI systems show the run natively: each SLA check and each regression check is a
 * test case. Checks of a mode that does not gate are reported as skipped when they fail (they
 * are shown for comparison and do not decide the verdict). Pure.
 */
export function renderJunit(report: Report): string {
  const sla: Case[] = report.sla.checks.map((c) => {
    const name = `${c.path} ${c.metric} ${c.stat} ${c.comparison} ${c.limit}`;
    const what = `${c.mode} ${c.path}: ${c.metric} ${c.stat} = ${c.value} (${c.unit}), target ${c.comparison} ${c.limit} over ${c.requests} requests`;
    if (c.pass) return { name, classname: `sla.${c.mode}` };
    return c.gating
      ? { name, classname: `sla.${c.mode}`, failure: what }
      : { name, classname: `sla.${c.mode}`, skipped: `not gating: ${what}` };
  });
  const regression: Case[] = (report.regression ?? []).flatMap((g) => {
    if (!g.result.comparable)
      return [
        {
          name: `baseline ${g.baselineFile}`,
          classname: `regression.${g.mode}`,
          skipped: `not comparable: ${g.result.differences.join('; ')}`,
        },
      ];
    return g.result.checks.map((c) => {
      const name = `${c.path} ${c.metric} ${c.stat}`;
      const change = `${(c.relativeChange * 100).toFixed(2)} % (${c.test}${c.pValue === undefined ? '' : `, p=${c.pValue.toPrecision(3)}`}; threshold ${(c.threshold * 100).toFixed(1)} %)`;
      return c.regressed
        ? { name, classname: `regression.${g.mode}`, failure: `regressed: ${change}` }
        : { name, classname: `regression.${g.mode}` };
    });
  });
  const suites = [suite(`hybrid-bench SLA · ${report.suite.name}`, sla)];
  if (regression.length > 0)
    suites.push(suite(`hybrid-bench regression · ${report.suite.name}`, regression));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="hybrid-bench ${x(report.runId)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
