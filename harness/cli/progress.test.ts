import { describe, expect, it } from 'vitest';
import { fakeRecord } from '../../test/support/records.js';
import { SLA_DEFAULTS } from '../verdict/index.js';
import { renderProgress } from './progress-bar.js';
import { createProgressReporter } from './progress-reporter.js';

const base = { gatingMode: 'hybrid', sla: SLA_DEFAULTS } as const;

describe('renderProgress', () => {
  it('shows the bar, the count, the rate, the ETA and the running SLA per path', () => {
    const records = [
      fakeRecord({ expectedPath: 'simple', latencyMs: 1_000 }),
      fakeRecord({ expectedPath: 'complex', latencyMs: 20_000 }), // over the 15 s ceiling
      fakeRecord({ expectedPath: 'full', mode: 'agno-only', latencyMs: 99_000 }), // not gating
    ];
    const line = renderProgress({ ...base, done: 25, total: 100, elapsedMs: 5_000, records });
    expect(line).toBe(
      `[=====>${' '.repeat(18)}] 25/100  5.0 req/s  ETA 15.0 s  hybrid: simple ✓ complex ✗`,
    );
  });

  it('fills the bar when done and has no ETA before the first request', () => {
    const full = renderProgress({ ...base, done: 8, total: 8, elapsedMs: 2_000, records: [] });
    expect(full).toBe(`[${'='.repeat(24)}] 8/8  4.0 req/s  ETA 0 ms`);
    const none = renderProgress({ ...base, done: 0, total: 8, elapsedMs: 0, records: [] });
    expect(none).toBe(`[${' '.repeat(24)}] 0/8  0.0 req/s  ETA –`);
  });
});

describe('createProgressReporter', () => {
  function reporter(options: { enabled: boolean; tty: boolean }) {
    const out: string[] = [];
    let t = 0;
    const progress = createProgressReporter({
      ...options,
      gatingMode: 'hybrid',
      write: (text) => out.push(text),
      now: () => t,
    });
    return { out, progress, advance: (ms: number) => (t += ms) };
  }

  it('redraws one line in place on a TTY, at most every 100 ms, and always at the end', () => {
    const { out, progress, advance } = reporter({ enabled: true, tty: true });
    progress.onRecord(fakeRecord(), 1, 3);
    advance(50);
    progress.onRecord(fakeRecord(), 2, 3); // too soon: not drawn
    advance(10);
    progress.onRecord(fakeRecord(), 3, 3); // the last one: drawn
    progress.finish();
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^\r\[.*\] 1\/3 /);
    expect(out[0]?.endsWith('\x1b[K')).toBe(true); // clears the rest of the line
    expect(out[1]).toMatch(/^\r\[=+\] 3\/3 /);
    expect(out[2]).toBe('\n');
  });

  it('writes a plain line per request when stderr is not a terminal, and nothing when off', () => {
    const logs = reporter({ enabled: true, tty: false });
    logs.progress.onRecord(fakeRecord({ id: 'faq#0' }), 1, 10);
    expect(logs.out).toEqual([expect.stringMatching(/^\[ 1\/10\] hybrid +simple +faq#0 +ok /)]);
    const off = reporter({ enabled: false, tty: true });
    off.progress.onRecord(fakeRecord(), 1, 1);
    off.progress.finish();
    expect(off.out).toEqual([]);
  });
});
