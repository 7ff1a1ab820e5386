import type { BridgeResult } from '../../src/index.js';
import type { AssertionResult } from '../metrics/request-record.js';
import { checkAnswerSchema, type Expectation } from '../scenario/index.js';

/**
 * Checks a result against a request's expectations. Path is not one of them: agno-only has no
 * routing, so routing accuracy is reported separately rather than failing requests. An absent
 * outcome (recorded traffic) asserts nothing: such a request passes when it completes.
 */
export function checkExpectations(result: BridgeResult, expect: Expectation): AssertionResult[] {
  const checks: AssertionResult[] = [];
  const text = result.text.toLowerCase();
  const add = (name: string, pass: boolean, detail?: string) =>
    checks.push(pass || detail === undefined ? { name, pass } : { name, pass, detail });

  if (result.state === 'error') {
    add('completed', false, `${result.error?.code ?? 'error'}: ${result.error?.message ?? ''}`);
    return checks;
  }
  if (expect.outcome !== undefined) {
    const outcome = result.escalated ? 'escalated' : 'resolved';
    add(`outcome ${expect.outcome}`, outcome === expect.outcome, `outcome was ${outcome}`);
  }
  for (const needle of expect.contains) {
    add(`contains "${needle}"`, text.includes(needle.toLowerCase()), 'not in the answer');
  }
  for (const needle of expect.notContains) {
    add(
      `does not contain "${needle}"`,
      !text.includes(needle.toLowerCase()),
      'found in the answer',
    );
  }
  if (expect.regex !== undefined) {
    add(`matches /${expect.regex}/`, new RegExp(expect.regex, 'i').test(result.text), 'no match');
  }
  if (expect.jsonSchema !== undefined) {
    const check = checkAnswerSchema(expect.jsonSchema, result.text);
    add('matches jsonSchema', check.pass, check.pass ? undefined : check.detail);
  }
  const called = new Set(result.toolRuns.map((t) => t.name));
  for (const tool of expect.toolsCalled) {
    add(`calls ${tool}`, called.has(tool), `called: ${[...called].join(', ') || 'none'}`);
  }
  if (expect.handoffs !== undefined && result.mode === 'hybrid') {
    const seen = result.agents.join(' → ');
    add(
      `agents ${expect.handoffs.join(' → ')}`,
      seen === expect.handoffs.join(' → '),
      `agents were ${seen}`,
    );
  }
  if (expect.maxLatencyMs !== undefined) {
    add(
      `latency ≤ ${expect.maxLatencyMs} ms`,
      result.latencyMs <= expect.maxLatencyMs,
      `${Math.round(result.latencyMs)} ms`,
    );
  }
  if (expect.maxCostUsd !== undefined) {
    add(
      `cost ≤ $${expect.maxCostUsd}`,
      result.costUsd <= expect.maxCostUsd,
      `$${result.costUsd.toFixed(5)}`,
    );
  }
  return checks;
}
