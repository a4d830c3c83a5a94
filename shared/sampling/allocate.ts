import { compareKeys } from './key-order';

/**
 * Proportional allocation of a sample over strata, n_h = n·N_h/N, rounded by largest remainders (Hamilton's
 * method): every stratum gets the whole part of its quota, and the units left over go to the largest fractional
 * parts, ties broken by stratum key in ascending order (see key-order.ts).
 *
 * With a minimum per stratum m: a stratum whose proportional share would fall below min(m, N_h) is fixed at that
 * floor first, and the rest of the sample is shared proportionally over the strata that are left, repeating until
 * no share falls below its floor. When the minimum does not bind, the result is exactly the proportional
 * allocation. No stratum ever gets more than N_h, and the allocation always sums to n.
 *
 * Arithmetic is in integers (quota numerators over a common denominator), so ties are real ties and the result
 * does not depend on floating-point rounding.
 */
export interface StratumPopulation {
  key: string;
  population: number;
}

export interface StratumAllocation {
  key: string;
  population: number;
  sample: number;
  /** Design weight N_h / n_h used to weight estimates; null when nothing is sampled from the stratum. */
  weight: number | null;
}

export type AllocationResult =
  | {
      ok: true;
      /** One row per stratum, in ascending key order. */
      allocation: StratumAllocation[];
      /** True when every n_h is within one of n·N_h/N, so unweighted estimates are fair. */
      proportional: boolean;
    }
  | { ok: false; error: string };

function validate(strata: readonly StratumPopulation[], n: number, minPerStratum: number): string | null {
  if (!Array.isArray(strata) || strata.length === 0) return 'There are no strata to allocate the sample over';
  const seen = new Set<string>();
  for (const [i, s] of strata.entries()) {
    if (typeof s?.key !== 'string') return `Stratum ${i + 1} has no key`;
    if (seen.has(s.key)) return `Stratum "${s.key}" appears twice`;
    seen.add(s.key);
    if (!Number.isSafeInteger(s.population) || s.population < 0) {
      return `Stratum "${s.key}" has population ${String(s.population)}: it must be a whole number, 0 or more`;
    }
  }
  if (!Number.isSafeInteger(n) || n < 0) return `Sample size ${String(n)} must be a whole number, 0 or more`;
  if (!Number.isSafeInteger(minPerStratum) || minPerStratum < 0) {
    return `Minimum per stratum ${String(minPerStratum)} must be a whole number, 0 or more`;
  }
  return null;
}

export function allocateProportional(
  strata: readonly StratumPopulation[],
  n: number,
  minPerStratum = 0,
): AllocationResult {
  const invalid = validate(strata, n, minPerStratum);
  if (invalid) return { ok: false, error: invalid };

  const rows = [...strata].sort((a, b) => compareKeys(a.key, b.key));
  const total = rows.reduce((sum, s) => sum + s.population, 0);
  if (n > total) return { ok: false, error: `Sample size ${n} is larger than the population (${total})` };
  if (n * total > Number.MAX_SAFE_INTEGER) {
    return { ok: false, error: `Population ${total} is too large to allocate exactly` };
  }
  const floors = rows.map((s) => Math.min(minPerStratum, s.population));
  const floorSum = floors.reduce((a, b) => a + b, 0);
  if (floorSum > n) {
    return {
      ok: false,
      error: `A minimum of ${minPerStratum} per stratum needs ${floorSum} incidents, more than the sample size ${n}`,
    };
  }

  // Strata fixed at their floor; the others share `rest` units in proportion to population.
  const fixed = rows.map((s) => s.population === 0);
  let rest = n;
  let restPopulation = total;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [h, s] of rows.entries()) {
      // Share rest·N_h/restPopulation below the floor, compared without division.
      if (!fixed[h] && rest * s.population < floors[h]! * restPopulation) {
        fixed[h] = true;
        rest -= floors[h]!;
        restPopulation -= s.population;
        changed = true;
      }
    }
  }

  // Integer floor division written so no rounded quotient can land on the wrong side of an integer.
  const whole = (h: number) => {
    const numerator = rest * rows[h]!.population;
    return (numerator - (numerator % restPopulation)) / restPopulation;
  };
  const sample = rows.map((_, h) => (fixed[h] ? floors[h]! : whole(h)));
  let left = n - sample.reduce((a, b) => a + b, 0);
  const byRemainder = rows
    .map((s, h) => ({ h, remainder: fixed[h] ? 0 : (rest * s.population) % restPopulation }))
    .filter((r) => r.remainder > 0)
    .sort((a, b) => b.remainder - a.remainder || compareKeys(rows[a.h]!.key, rows[b.h]!.key));
  for (const { h } of byRemainder) {
    if (left === 0) break;
    sample[h]!++;
    left--;
  }

  const allocation = rows.map((s, h) => {
    const sampled = sample[h]!;
    const weight = sampled === 0 ? null : s.population / sampled;
    return { key: s.key, population: s.population, sample: sampled, weight };
  });
  // |n_h − n·N_h/N| < 1, multiplied through by N.
  const proportional = total === 0 || allocation.every((a) => Math.abs(a.sample * total - n * a.population) < total);
  return { ok: true, allocation, proportional };
}
