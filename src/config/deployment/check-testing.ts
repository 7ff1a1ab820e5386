import type { DraftIssue } from '../yaml/index.js';
import { recordAt, recordsOf } from '../yaml/index.js';
import { CONTROL_ARM } from './defaults.js';

const EXPERIMENTS = ['testing', 'experiments'];

/** Experiments share the traffic: together at most 100 %, and none may be called `control`. */
function checkExperiments(testing: Record<string, unknown>): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const experiments = recordsOf(testing.experiments);
  const valid = (p: unknown): p is number => typeof p === 'number' && p >= 0 && p <= 100;
  const total = experiments.reduce((sum, [e]) => sum + (valid(e.percentage) ? e.percentage : 0), 0);
  let running = 0;
  for (const [experiment, index] of experiments) {
    const at = [...EXPERIMENTS, index];
    if (experiment.name === CONTROL_ARM) {
      const message = `"${CONTROL_ARM}" is the arm of requests in no experiment`;
      issues.push({ path: [...at, 'name'], anchor: 'value', message, fix: 'choose another name' });
    }
    if (!valid(experiment.percentage)) continue;
    const before = running;
    running += experiment.percentage;
    if (before <= 100 && running > 100) {
      issues.push({
        path: [...at, 'percentage'],
        anchor: 'value',
        message: `the experiments' percentages add up to ${total}, over 100 from this one on`,
        fix: 'lower the percentages so that together they are at most 100',
      });
    }
  }
  return issues;
}

function checkChaos(testing: Record<string, unknown>): DraftIssue[] {
  const chaos = recordAt(testing, 'chaos');
  if (chaos.enabled !== true || chaos.profile !== undefined) return [];
  return [
    {
      path: ['testing', 'chaos', 'profile'],
      anchor: 'missing',
      message: 'chaos is enabled but names no fault profile',
      fix: 'add profile: a built-in name such as mixed-20, or an inline profile { name, rules }',
    },
  ];
}

/** Rules of `testing` the schema cannot express. */
export function checkTesting(data: Record<string, unknown>): DraftIssue[] {
  const testing = recordAt(data, 'testing');
  return [...checkExperiments(testing), ...checkChaos(testing)];
}
