import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cohenKappa, type KappaWeights } from '../../../shared/agreement/cohen';
import { fleissKappa } from '../../../shared/agreement/fleiss';
import { gwetAc1 } from '../../../shared/agreement/gwet';
import { krippendorffAlpha } from '../../../shared/agreement/krippendorff';
import { percentAgreement } from '../../../shared/agreement/percent';
import { computeAgreement } from '../../../shared/agreement/summary';
import type { MeasurementLevel, RatingTable, Statistic } from '../../../shared/agreement/table';
import { tableFromRows } from './tables';

const LEVELS: MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];
const WEIGHTS: KappaWeights[] = ['none', 'linear', 'quadratic'];

/** Every statistic, with its variants, on one table; keys name them in failure messages. */
function allStatistics(table: RatingTable<number>): Record<string, Statistic> {
  const out: Record<string, Statistic> = {
    percent: percentAgreement(table),
    fleiss: fleissKappa(table),
    ac1: gwetAc1(table),
  };
  for (const w of WEIGHTS) out[`cohen-${w}`] = cohenKappa(table, { weights: w });
  for (const level of LEVELS) out[`alpha-${level}`] = krippendorffAlpha(table, level);
  return out;
}

/** Small 1..5 ratings with gaps: the shape of real rubric scores. */
const ratingRows = (maxRaters: number) =>
  fc.integer({ min: 1, max: maxRaters }).chain((raters) =>
    fc.array(
      fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 }), {
        minLength: raters,
        maxLength: raters,
      }),
      { minLength: 0, maxLength: 12 },
    ),
  );

function sameStatistic(a: Statistic, b: Statistic): void {
  if (a.value === null || b.value === null) {
    expect(b).toEqual(a);
    return;
  }
  expect(b.value).toBeCloseTo(a.value, 10);
  expect({ ...b, value: 0 }).toEqual({ ...a, value: 0 });
}

function shuffled<T>(items: readonly T[], order: readonly number[]): T[] {
  return order.map((i) => items[i]!);
}

/** fast-check permutation of 0..n-1 (a sort by random keys). */
const permutation = (n: number) =>
  fc
    .array(fc.double({ noNaN: true }), { minLength: n, maxLength: n })
    .map((keys) => keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i));

describe('properties', () => {
  it('never NaN or Infinity: every statistic is a finite number or null with a reason', () => {
    fc.assert(
      fc.property(ratingRows(5), (rows) => {
        for (const [name, s] of Object.entries(allStatistics(tableFromRows(rows)))) {
          if (s.value === null) expect(s.reason.length, name).toBeGreaterThan(0);
          else expect(Number.isFinite(s.value), name).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never NaN through computeAgreement on arbitrary mixed text/number tables, and JSON round-trips', () => {
    const cell = fc.option(fc.oneof(fc.string({ maxLength: 2 }), fc.integer({ min: -3, max: 3 }), fc.double()), {
      nil: null,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 8 }),
        fc.constantFrom(...LEVELS),
        fc.constantFrom(...WEIGHTS),
        (rows, level, weights) => {
          const summary = computeAgreement(tableFromRows(rows), { level, weights });
          for (const key of ['percent', 'cohen', 'fleiss', 'krippendorff', 'ac1'] as const) {
            const v = summary[key];
            expect(v === null || Number.isFinite(v), key).toBe(true);
            if (v === null) expect(summary.reasons[key], key).toBeTruthy();
          }
          expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('perfect agreement gives 1 for every statistic that is defined, and at least two values make them defined', () => {
    const unitValue = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(unitValue, { minLength: 2, maxLength: 10 }).filter((vs) => new Set(vs).size >= 2),
        (raters, unitValues) => {
          const rows = unitValues.map((v) => new Array<number>(raters).fill(v));
          const stats = allStatistics(tableFromRows(rows));
          for (const [name, s] of Object.entries(stats)) {
            if (name.startsWith('cohen') && raters !== 2) {
              expect(s.value, name).toBeNull();
              continue;
            }
            expect(s.value, name).toBeCloseTo(1, 12);
          }
        },
      ),
    );
  });

  it('perfect agreement with gaps: percent, AC1 and every alpha are 1', () => {
    fc.assert(
      fc.property(ratingRows(5), (rows) => {
        // Overwrite each unit's ratings with its first rating, keeping the gaps.
        const agreed = rows.map((r) => {
          const first = r.find((v) => v !== null) ?? null;
          return r.map((v) => (v === null ? null : first));
        });
        const stats = allStatistics(tableFromRows(agreed));
        for (const name of ['percent', 'ac1', ...LEVELS.map((l) => `alpha-${l}`)]) {
          const s = stats[name]!;
          if (s.value !== null) expect(s.value, name).toBeCloseTo(1, 12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('invariant to unit order and to relabelling (and reordering) the raters', () => {
    fc.assert(
      fc.property(
        ratingRows(4).chain((rows) =>
          fc.tuple(fc.constant(rows), permutation(rows.length), permutation(rows[0]?.length ?? 0)),
        ),
        ([rows, unitOrder, raterOrder]) => {
          const table = tableFromRows(rows);
          const moved: RatingTable<number> = {
            units: shuffled(table.units, unitOrder),
            raters: shuffled(table.raters, raterOrder).map((r) => `renamed-${r}`),
            values: shuffled(table.values, unitOrder).map((row) => shuffled(row, raterOrder)),
          };
          const before = allStatistics(table);
          const after = allStatistics(moved);
          for (const name of Object.keys(before)) sameStatistic(before[name]!, after[name]!);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('nominal statistics are invariant to renaming the categories', () => {
    fc.assert(
      fc.property(ratingRows(4), (rows) => {
        const table = tableFromRows(rows);
        const names = ['never', 'rarely', 'sometimes', 'often', 'always'];
        const renamed = tableFromRows(rows.map((r) => r.map((v) => (v === null ? null : names[v - 1]!))));
        sameStatistic(percentAgreement(table), percentAgreement(renamed));
        sameStatistic(cohenKappa(table), cohenKappa(renamed));
        sameStatistic(fleissKappa(table), fleissKappa(renamed));
        sameStatistic(gwetAc1(table), gwetAc1(renamed));
        sameStatistic(krippendorffAlpha(table, 'nominal'), krippendorffAlpha(renamed, 'nominal'));
      }),
      { numRuns: 200 },
    );
  });

  it('bounded above by 1; percent agreement within [0, 1]', () => {
    fc.assert(
      fc.property(ratingRows(5), (rows) => {
        for (const [name, s] of Object.entries(allStatistics(tableFromRows(rows)))) {
          if (s.value === null) continue;
          expect(s.value, name).toBeLessThanOrEqual(1 + 1e-12);
          if (name === 'percent') expect(s.value).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('linear-weighted kappa is the denominator-weighted mean of the kappas of the K−1 collapsed 2×2 tables', () => {
    // Vanbelle & Albert (2009), "A note on the linearly weighted kappa coefficient for ordinal scales",
    // Statistical Methodology 6:157–163 (zbMATH 1220.62172): linear weights on a K-point scale are equivalent to
    // the K−1 embedded 2×2 tables "≤ c vs > c". Checked against the unweighted code path.
    const pair = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }));
    fc.assert(
      fc.property(fc.array(pair, { minLength: 2, maxLength: 40 }), (pairs) => {
        const linear = cohenKappa(tableFromRows(pairs), { weights: 'linear' });
        let numerator = 0;
        let denominator = 0;
        for (let cut = 1; cut < 5; cut++) {
          const collapsed = pairs.map(([a, b]) => [a <= cut ? 0 : 1, b <= cut ? 0 : 1]);
          const n = collapsed.length;
          const a1 = collapsed.filter(([a]) => a === 1).length / n;
          const b1 = collapsed.filter(([, b]) => b === 1).length / n;
          const expectedDisagreement = a1 * (1 - b1) + b1 * (1 - a1);
          const kappa = cohenKappa(tableFromRows(collapsed));
          if (kappa.value === null) continue; // this cut has no variation: it contributes 0 to both sums
          numerator += expectedDisagreement * kappa.value;
          denominator += expectedDisagreement;
        }
        if (denominator === 0) expect(linear.value).toBeNull();
        else expect(linear.value).toBeCloseTo(numerator / denominator, 10);
      }),
      { numRuns: 300 },
    );
  });

  it('with two categories, linear and quadratic weighting equal unweighted kappa', () => {
    const pair = fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(0, 1));
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 30 }), (pairs) => {
        const table = tableFromRows(pairs);
        const plain = cohenKappa(table);
        sameStatistic(plain, cohenKappa(table, { weights: 'linear' }));
        sameStatistic(plain, cohenKappa(table, { weights: 'quadratic' }));
      }),
    );
  });

  it('weighted kappa on a category list equals weighted kappa on the positions as numbers', () => {
    const scale = ['none', 'some', 'most', 'all'];
    const pair = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(
        fc.array(pair, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<KappaWeights>('linear', 'quadratic'),
        (pairs, weights) => {
          const labelled = tableFromRows(pairs.map(([a, b]) => [scale[a]!, scale[b]!]));
          const numeric = cohenKappa(tableFromRows(pairs), { weights });
          sameStatistic(numeric, cohenKappa(labelled, { weights, categories: scale }));
        },
      ),
    );
  });
});
