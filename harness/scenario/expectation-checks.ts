import type { DraftIssue } from '../../src/config/yaml/index.js';
import { isRecord } from '../../src/config/yaml/index.js';
import { answerSchemaProblems } from './answer-schema.js';

function outcomeIssues(expect: Record<string, unknown>, at: PropertyKey[]): DraftIssue[] {
  const hasOutcome = Object.hasOwn(expect, 'outcome');
  const hasEscalated = Object.hasOwn(expect, 'escalated');
  if (hasOutcome && hasEscalated) {
    return [
      {
        path: [...at, 'escalated'],
        anchor: 'key',
        message: 'give outcome or escalated, not both',
        fix: 'escalated: true is outcome: escalated, escalated: false is outcome: resolved',
      },
    ];
  }
  if (hasOutcome || hasEscalated) return [];
  return [
    {
      path: [...at, 'outcome'],
      anchor: 'missing',
      message: 'missing required field "outcome"',
      fix: 'add outcome: resolved | escalated (or escalated: true | false)',
    },
  ];
}

function jsonSchemaIssues(expect: Record<string, unknown>, at: PropertyKey[]): DraftIssue[] {
  const schema = expect.jsonSchema;
  if (!isRecord(schema)) return [];
  return answerSchemaProblems(schema).map((problem) => ({
    path: [...at, 'jsonSchema', ...problem.path],
    anchor: problem.path.length === 0 ? 'key' : 'value',
    message: problem.message,
    ...(problem.fix === undefined ? {} : { fix: problem.fix }),
  }));
}

/** An expectation's outcome is stated exactly once, and its JSON Schema is a valid one. */
export function expectationChecks(expect: unknown, at: PropertyKey[]): DraftIssue[] {
  if (!isRecord(expect)) return [];
  return [...outcomeIssues(expect, at), ...jsonSchemaIssues(expect, at)];
}
