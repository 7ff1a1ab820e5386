import { describe, expect, it } from 'vitest';
import { admit, afterOutcome } from './breaker-policy.js';

const policy = {
  minRequests: 4,
  failureRate: 0.5,
  openMs: 10_000,
  halfOpenProbes: 1,
  successesToClose: 2,
};
const counts = (successes: number, failures: number) => ({ successes, failures });

describe('breaker decisions', () => {
  it('stays closed until the window has enough calls, then opens at the failure rate', () => {
    expect(
      afterOutcome(undefined, { ok: false, probe: false, counts: counts(0, 3) }, 0, policy),
    ).toBeUndefined();
    expect(
      afterOutcome(undefined, { ok: false, probe: false, counts: counts(3, 2) }, 0, policy),
    ).toBeUndefined();
    expect(
      afterOutcome(undefined, { ok: false, probe: false, counts: counts(2, 2) }, 5, policy),
    ).toEqual({ state: 'open', openedAtMs: 5 });
  });

  it('refuses while open, then lets one probe through as half-open', () => {
    const open = { state: 'open' as const, openedAtMs: 0 };
    expect(admit(open, 9_999, policy)).toEqual({ allow: false, retryAfterMs: 1 });
    const probe = admit(open, 10_000, policy);
    expect(probe).toEqual({
      allow: true,
      probe: true,
      next: { state: 'half-open', openedAtMs: 0, probesInFlight: 1, probeSuccesses: 0 },
    });
    const halfOpen = probe.allow ? probe.next : undefined;
    expect(admit(halfOpen, 10_001, policy)).toMatchObject({ allow: false });
  });

  it('closes after enough successful probes and reopens on a failed one', () => {
    const half = {
      state: 'half-open' as const,
      openedAtMs: 0,
      probesInFlight: 1,
      probeSuccesses: 0,
    };
    const once = afterOutcome(
      half,
      { ok: true, probe: true, counts: counts(1, 0) },
      10_001,
      policy,
    );
    expect(once).toEqual({ ...half, probeSuccesses: 1, probesInFlight: 0 });
    expect(
      afterOutcome(once, { ok: true, probe: true, counts: counts(2, 0) }, 10_002, policy),
    ).toEqual({ state: 'closed' });
    expect(
      afterOutcome(half, { ok: false, probe: true, counts: counts(0, 1) }, 10_003, policy),
    ).toEqual({ state: 'open', openedAtMs: 10_003 });
  });

  it('follows a flapping backend: open, probe fails, open again, probes succeed, closed', () => {
    let state = afterOutcome(
      undefined,
      { ok: false, probe: false, counts: counts(0, 4) },
      0,
      policy,
    );
    const probe1 = admit(state, 10_000, policy);
    state = probe1.allow ? probe1.next : state;
    state = afterOutcome(state, { ok: false, probe: true, counts: counts(0, 5) }, 10_100, policy);
    expect(state).toEqual({ state: 'open', openedAtMs: 10_100 });
    expect(admit(state, 15_000, policy).allow).toBe(false);
    for (const at of [20_100, 20_200]) {
      const admission = admit(state, at, policy);
      expect(admission.allow).toBe(true);
      if (admission.allow && admission.next) state = admission.next;
      state =
        afterOutcome(state, { ok: true, probe: true, counts: counts(1, 0) }, at, policy) ?? state;
    }
    expect(state).toEqual({ state: 'closed' });
  });
});
