const QUANTITY =
  /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

const SUFFIX_FACTORS: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/**
 * The value of a Kubernetes resource quantity (`250m` → 0.25, `512Mi` → 536870912, `1e3` →
 * 1000), or undefined when the text is not one.
 *
 * @example
 * parseQuantity('1Gi'); // 1073741824
 */
export function parseQuantity(quantity: string | number): number | undefined {
  if (typeof quantity === 'number') return quantity >= 0 ? quantity : undefined;
  const match = QUANTITY.exec(quantity.trim());
  if (match === null) return undefined;
  const [, digits = '', suffix = ''] = match;
  const base = Number(digits);
  if (suffix === '') return base;
  if (/^[eE]/.test(suffix)) return base * 10 ** Number(suffix.slice(1));
  const factor = SUFFIX_FACTORS[suffix];
  return factor === undefined ? undefined : base * factor;
}
