/**
 * `x` as Go's `fmt` prints it with `%.<precision>g`, which Prometheus templates use
 * (`humanizePercentage` is `%.4g%%`): shortest of fixed and exponent form, trailing zeros cut.
 */
export function formatGoG(x: number, precision = 4): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  const [mantissa = '', exponentText = '0'] = x.toExponential(precision - 1).split('e');
  const exponent = Number(exponentText);
  const trim = (digits: string) => (digits.includes('.') ? digits.replace(/\.?0+$/, '') : digits);
  if (exponent < -4 || exponent >= precision) {
    const sign = exponent < 0 ? '-' : '+';
    return `${trim(mantissa)}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return trim(x.toFixed(Math.max(0, precision - 1 - exponent)));
}

/** A share from 0 to 1 as Prometheus' `humanizePercentage` prints it: `0.05` → `5%`. */
export function formatPercent(share: number): string {
  return `${formatGoG(share * 100)}%`;
}

/** A number in PromQL: plain decimal where JavaScript prints one, else exponent form. */
export function promqlNumber(x: number): string {
  return String(x);
}
