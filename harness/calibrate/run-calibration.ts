import {
  BUILTIN_PRICES,
  createBridge,
  createSupportDemo,
  type ModelPrice,
  PriceTable,
  realClock,
} from '../../src/index.js';
import { labelCalls, startMockBackend, suiteCallLabels } from '../backends/index.js';
import { baselineFromRecords, machineFingerprint } from '../baseline/index.js';
import type { RequestRecord } from '../metrics/request-record.js';
import { runSuite } from '../runner/run-suite.js';
import { loadSuite, type Suite } from '../scenario/index.js';
import {
  checkRegression,
  DEFAULT_REGRESSION_THRESHOLDS,
  type RegressionResult,
  type RegressionThresholds,
  resolveSla,
} from '../verdict/index.js';

export interface CalibrationOptions {
  suitePath: string;
  pairs: number;
  firstSeed: number;
  /** The mock's latency scale for every run (small: fast runs, and timing jitter weighs more). */
  timeScale: number;
  /** Injected shifts: +15 % on every modelled delay, +5 % on every price. */
  latencyShift: number;
  costShift: number;
  concurrency: number;
  thresholds?: RegressionThresholds;
  onPair?: (done: number, total: number) => void;
}

export interface CalibrationResult {
  pairs: number;
  /** Share of A/A pairs (same code, same seed, run twice) the gate called a regression. */
  falseAlarmRate: number;
  /** Share of injected shifts (latency and cost together) the gate caught. */
  detectionRate: number;
  latencyDetectionRate: number;
  costDetectionRate: number;
  falseAlarms: Array<{ seed: number; reasons: string[] }>;
  misses: Array<{ seed: number; shift: 'latency' | 'cost' }>;
  wallTimeMs: number;
}

function scaledPrices(factor: number): PriceTable {
  const scaled: Record<string, ModelPrice> = {};
  for (const [model, p] of Object.entries(BUILTIN_PRICES)) {
    scaled[model] = {
      ...p,
      inputUsdPerMTok: p.inputUsdPerMTok * factor,
      outputUsdPerMTok: p.outputUsdPerMTok * factor,
      ...(p.cachedInputUsdPerMTok === undefined
        ? {}
        : { cachedInputUsdPerMTok: p.cachedInputUsdPerMTok * factor }),
    };
  }
  return new PriceTable(scaled);
}

/** One hybrid run of the suite on a fresh embedded mock (fresh state: no cache carried over). */
async function runOnce(
  suite: Suite,
  seed: number,
  timeScale: number,
  prices: PriceTable,
  concurrency: number,
): Promise<RequestRecord[]> {
  const backend = await startMockBackend({ seed, latency: 'realistic', timeScale });
  try {
    const provider = labelCalls(backend.provider, suiteCallLabels(suite.requests));
    const { prototype, team } = createSupportDemo();
    const bridge = createBridge({ prototype, team, provider, prices });
    const run = await runSuite({
      suite,
      bridges: { hybrid: bridge },
      modes: ['hybrid'],
      seed,
      concurrency,
      requestTimeoutMs: 120_000,
      clock: realClock,
    });
    return run.records;
  } finally {
    await backend.close();
  }
}

/**
 * Measures the regression gate on this machine: for each seed, a baseline run, then an A/A run
 * (same code, same seed) — any regression it reports is a false alarm — and two runs with an
 * injected shift (+latency on every modelled delay, +cost on every price), which it should catch.
 */
export async function runCalibration(options: CalibrationOptions): Promise<CalibrationResult> {
  const startedMs = realClock.now();
  const suite = await loadSuite(options.suitePath);
  const sla = resolveSla(suite.sla);
  const thresholds = options.thresholds ?? DEFAULT_REGRESSION_THRESHOLDS;
  const normal = new PriceTable();
  const costly = scaledPrices(1 + options.costShift);
  const result: CalibrationResult = {
    pairs: options.pairs,
    falseAlarmRate: 0,
    detectionRate: 0,
    latencyDetectionRate: 0,
    costDetectionRate: 0,
    falseAlarms: [],
    misses: [],
    wallTimeMs: 0,
  };
  let caughtLatency = 0;
  let caughtCost = 0;
  // A throwaway run first: compiling, loading the tokenizer's tables and warming the JIT would
  // otherwise slow the first pair's baseline alone.
  await runOnce(suite, options.firstSeed - 1, options.timeScale, normal, options.concurrency);
  for (let i = 0; i < options.pairs; i++) {
    const seed = options.firstSeed + i;
    // Every run is presented with the same options: an injected shift is the system changing.
    const gate = (records: RequestRecord[], baselineRecords: RequestRecord[]): RegressionResult => {
      const meta = {
        suite: { name: suite.name, version: suite.version, file: suite.file },
        mode: 'hybrid' as const,
        backend: 'mock',
        options: {
          seed,
          latency: 'realistic',
          timeScale: options.timeScale,
          repetitions: suite.repetitions,
        },
        createdAt: new Date().toISOString(),
        runId: `calibration-${seed}`,
        toolVersion: 'calibration',
      };
      return checkRegression(
        baselineFromRecords(baselineRecords, meta),
        {
          ...meta,
          machine: machineFingerprint(),
          records,
        },
        sla,
        thresholds,
        seed,
      );
    };
    const base = await runOnce(suite, seed, options.timeScale, normal, options.concurrency);
    const again = await runOnce(suite, seed, options.timeScale, normal, options.concurrency);
    const aa = gate(again, base);
    if (aa.regressed)
      result.falseAlarms.push({
        seed,
        reasons: aa.checks
          .filter((c) => c.regressed)
          .map((c) => `${c.path} ${c.metric} ${(c.relativeChange * 100).toFixed(1)}%`),
      });
    const slowTimeScale = options.timeScale * (1 + options.latencyShift);
    const slower = gate(
      await runOnce(suite, seed, slowTimeScale, normal, options.concurrency),
      base,
    );
    if (slower.checks.some((c) => c.metric === 'latency' && c.regressed)) caughtLatency++;
    else result.misses.push({ seed, shift: 'latency' });
    const pricier = gate(
      await runOnce(suite, seed, options.timeScale, costly, options.concurrency),
      base,
    );
    if (pricier.checks.some((c) => c.metric === 'cost' && c.regressed)) caughtCost++;
    else result.misses.push({ seed, shift: 'cost' });
    options.onPair?.(i + 1, options.pairs);
  }
  result.falseAlarmRate = result.falseAlarms.length / options.pairs;
  result.latencyDetectionRate = caughtLatency / options.pairs;
  result.costDetectionRate = caughtCost / options.pairs;
  result.detectionRate = (caughtLatency + caughtCost) / (2 * options.pairs);
  result.wallTimeMs = realClock.now() - startedMs;
  return result;
}
