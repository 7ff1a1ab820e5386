import { SUITE_DEFAULTS } from './defaults.js';
import { resolveLoad } from './resolve-load.js';
import type { SuiteParsed } from './schema.js';
import type { Expectation, Outcome, ScenarioRequest, SlaOverrides, Suite } from './types.js';

type RequestParsed = SuiteParsed['requests'][number];

function outcomeOf(expect: RequestParsed['expect']): Outcome | undefined {
  if (expect.outcome !== undefined) return expect.outcome;
  if (expect.escalated === undefined) return undefined;
  return expect.escalated ? 'escalated' : 'resolved';
}

function resolveExpectation(expect: RequestParsed['expect']): Expectation {
  const { escalated: _sugar, outcome: _outcome, ...rest } = expect;
  const outcome = outcomeOf(expect);
  return {
    ...rest,
    pathSource: 'label',
    ...(outcome === undefined ? {} : { outcome }),
    contains: expect.contains ?? [],
    notContains: expect.notContains ?? [],
    toolsCalled: expect.toolsCalled ?? [],
  };
}

function resolveRequest(request: RequestParsed, line: number): ScenarioRequest {
  const { messages, metadata, expect, tags, weight, ...rest } = request;
  return {
    ...rest,
    tags: tags ?? [],
    weight: weight ?? SUITE_DEFAULTS.weight,
    messages: typeof messages === 'string' ? [{ role: 'user', content: messages }] : messages,
    metadata: metadata ?? {},
    expect: resolveExpectation(expect),
    line,
  };
}

/** Applies the defaults, once, turning a validated file into the plain types the runner uses. */
export function resolveSuite(
  parsed: SuiteParsed,
  file: string,
  lineOfRequest: (index: number) => number,
): Suite {
  const sla: SlaOverrides = parsed.sla ?? {};
  const load = parsed.load === undefined ? undefined : resolveLoad(parsed.load);
  return {
    file,
    name: parsed.suite.name,
    ...(parsed.suite.description === undefined ? {} : { description: parsed.suite.description }),
    version: parsed.suite.version ?? SUITE_DEFAULTS.version,
    sla,
    repetitions: parsed.defaults?.repetitions ?? SUITE_DEFAULTS.repetitions,
    requests: parsed.requests.map((request, index) =>
      resolveRequest(request, lineOfRequest(index)),
    ),
    ...(load === undefined ? {} : { load }),
    ...(parsed.faults === undefined ? {} : { faults: parsed.faults }),
  };
}
