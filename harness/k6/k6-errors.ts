import { HybridBenchError } from '../../src/index.js';

export const K6ErrorCodes = {
  summaryInvalid: 'HB_K6_SUMMARY_INVALID',
  summaryUnreadable: 'HB_K6_SUMMARY_UNREADABLE',
  notInstalled: 'HB_K6_NOT_INSTALLED',
  runFailed: 'HB_K6_RUN_FAILED',
} as const;

/**
 * A k6 summary that cannot be read as one. The message names the file, the field (as a path
 * such as `metrics.http_reqs.values.count`) and what was expected there.
 */
export class K6SummaryError extends HybridBenchError {
  readonly file: string;
  readonly field: string;

  constructor(
    file: string,
    field: string,
    problem: string,
    options?: {
      cause?: unknown;
      code?: (typeof K6ErrorCodes)['summaryInvalid' | 'summaryUnreadable'];
    },
  ) {
    super(
      options?.code ?? K6ErrorCodes.summaryInvalid,
      `${file}: ${field === '' ? '' : `${field}: `}${problem}`,
      { isUserError: true, cause: options?.cause },
    );
    this.file = file;
    this.field = field;
  }
}

/** k6 is missing, or ended without a summary to read. */
export class K6RunError extends HybridBenchError {
  readonly exitCode: number | undefined;

  constructor(
    code: (typeof K6ErrorCodes)['notInstalled' | 'runFailed'],
    message: string,
    exitCode?: number,
  ) {
    super(code, message, { isUserError: true });
    this.exitCode = exitCode;
  }
}
