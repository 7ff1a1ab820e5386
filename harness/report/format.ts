/** Display formatting, applied only at the edge (reports, terminal). */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.round(ms)} ms`;
}

/** Dollars with enough digits to tell small per-request costs apart. */
export function formatUsd(usd: number): string {
  const abs = Math.abs(usd);
  if (abs === 0) return '$0';
  if (abs >= 100) return `$${usd.toFixed(0)}`;
  if (abs >= 1) return `$${usd.toFixed(2)}`;
  if (abs >= 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(5)}`;
}

/** A figure in its unit: milliseconds, dollars, or a ratio shown as a percentage. */
export function formatInUnit(unit: 'ms' | 'usd' | 'ratio', value: number): string {
  return unit === 'ms' ? formatMs(value) : unit === 'usd' ? formatUsd(value) : formatPct(value);
}

/** The unit of a latency, cost or success figure. */
export const UNIT_OF_METRIC = { latency: 'ms', cost: 'usd', success: 'ratio' } as const;

export function formatPct(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

export function formatSigned(value: number, format: (v: number) => string): string {
  return value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : format(0);
}

/** Milliseconds with a decimal under 10 ms, where load latencies on loopback live. */
export function formatMsFine(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : formatMs(ms);
}

/**
 * The backend and the adapter that spoke to it, as a run's header names them: `mock`, or
 * `live (adapter langchain)` — so two runs through different adapters are never confused.
 */
export function formatBackend(options: { backend: string; provider?: string | undefined }): string {
  return options.provider === undefined
    ? options.backend
    : `${options.backend} (adapter ${options.provider})`;
}
