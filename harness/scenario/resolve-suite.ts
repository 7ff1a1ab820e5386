import { SUITE_DEFAULTS } from './defaults.js';
import type { SuiteParsed } from './schema.js';
import type { Expectation, ScenarioRequest, SlaOverrides, Suite } from './types.js';

type RequestParsed = SuiteParsed['requests'][number];

function resolveExpectation(expect: RequestParsed['expect']): Expectation {
  return {
    ...expect,
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
  return {
    file,
    name: parsed.suite.name,
    ...(parsed.suite.description === undefined ? {} : { description: parsed.suite.description }),
    sla,
    repetitions: parsed.defaults?.repetitions ?? SUITE_DEFAULTS.repetitions,
    requests: parsed.requests.map((request, index) =>
      resolveRequest(request, lineOfRequest(index)),
    ),
  };
}
