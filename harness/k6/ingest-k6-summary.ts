import { readK6Summary } from './read-k6-summary.js';
import { type IngestedStep, loadStepFromSummary } from './summary-to-load-step.js';

/**
 * Reads a k6 end-of-test summary file (handleSummary data, `--summary-export`, or the
 * machine-readable summary) as a load step.
 * @throws K6SummaryError naming the file, the field and what was expected.
 */
export async function ingestK6Summary(file: string): Promise<IngestedStep> {
  return loadStepFromSummary(await readK6Summary(file));
}
