import { zForConfidence } from './normal';

/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, JASA 22:209-212, 1927; "method 3" of R. G.
 * Newcombe, Statistics in Medicine 17:857-872, 1998, which recommends it over the Wald interval). Unlike
 * p ± z·se it stays inside [0, 1] and does not collapse to zero width at 0/n or n/n, which matters for monthly
 * samples of a few dozen incidents.
 */
export interface ProportionInterval {
  /** Observed proportion successes / n. */
  point: number;
  lower: number;
  upper: number;
}

/** null when n = 0 (no proportion to estimate); RangeError for counts that are not 0 <= successes <= n integers. */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval | null {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`wilsonInterval: n = ${String(n)} must be a non-negative integer`);
  }
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: successes = ${String(successes)} must be an integer in 0..n (n = ${n})`);
  }
  const z = zForConfidence(confidence);
  if (n === 0) return null;
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // At 0/n and n/n the bound is exactly 0 or 1 in exact arithmetic; pin it so rounding cannot leave -1e-17.
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return { point: p, lower, upper };
}
