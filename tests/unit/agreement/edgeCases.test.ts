import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../shared/agreement/cohen';
import { fleissKappa } from '../../../shared/agreement/fleiss';
import { gwetAc1 } from '../../../shared/agreement/gwet';
import { alphaOfUnits, krippendorffAlpha } from '../../../shared/agreement/krippendorff';
import { percentAgreement } from '../../../shared/agreement/percent';
import type { MeasurementLevel, RatingTable, RatingValue, Statistic } from '../../../shared/agreement/table';
import { tableFromRows } from './tables';

const LEVELS: MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

function everyStatistic(table: RatingTable<RatingValue>): Record<string, Statistic> {
  const out: Record<string, Statistic> = {
    percent: percentAgreement(table),
    cohen: cohenKappa(table),
    fleiss: fleissKappa(table),
    ac1: gwetAc1(table),
  };
  for (const level of LEVELS) out[`alpha-${level}`] = krippendorffAlpha(table, level);
  return out;
}

function reason(s: Statistic): string {
  if (s.value !== null) throw new Error(`expected null, got ${s.value}`);
  return s.reason;
}

describe('undefined cases return null with a reason', () => {
  it('empty table', () => {
    const stats = everyStatistic({ units: [], raters: [], values: [] });
    for (const [name, s] of Object.entries(stats)) {
      expect(s.value, name).toBeNull();
      expect(s).toMatchObject({ units: 0, raters: 0, excludedUnits: 0 });
    }
    expect(reason(stats.percent!)).toBe('no units: the table is empty');
    expect(reason(stats.cohen!)).toMatch(/exactly two raters; this table has 0/);
  });

  it('one rater: every unit is excluded', () => {
    const stats = everyStatistic(tableFromRows([[1], [2], [3]]));
    for (const [name, s] of Object.entries(stats)) {
      expect(s.value, name).toBeNull();
      expect(s.excludedUnits, name).toBe(3);
    }
    expect(reason(stats['alpha-nominal']!)).toBe('only 1 rater: agreement needs at least two');
    expect(reason(stats.cohen!)).toMatch(/exactly two raters; this table has 1/);
  });

  it('two raters who never rate the same unit', () => {
    const stats = everyStatistic(tableFromRows([[1, null], [null, 2]]));
    for (const s of Object.values(stats)) expect(s.value).toBeNull();
    expect(reason(stats.percent!)).toBe('no unit has ratings from two or more raters');
    expect(reason(stats.cohen!)).toBe('no unit was rated by both raters');
  });

  it('all ratings the same value: chance-corrected statistics are undefined, percent agreement is 1', () => {
    const stats = everyStatistic(tableFromRows([[2, 2], [2, 2], [2, 2]]));
    expect(stats.percent!.value).toBe(1);
    expect(reason(stats.cohen!)).toMatch(/no variation/);
    expect(reason(stats.fleiss!)).toMatch(/no variation/);
    expect(reason(stats.ac1!)).toMatch(/only one category/);
    for (const level of LEVELS) expect(reason(stats[`alpha-${level}`]!)).toMatch(/no variation/);
  });

  it('AC1 with the full scale named is defined (and 1) even when only one category was used', () => {
    const table = tableFromRows([['no', 'no'], ['no', 'no']]);
    expect(gwetAc1(table, { categories: ['yes', 'no'] }).value).toBe(1);
  });

  it('AC1 and weighted kappa reject values outside the category list', () => {
    const table = tableFromRows([['low', 'high'], ['mid', 'low']]);
    expect(reason(gwetAc1(table, { categories: ['low', 'mid'] }))).toBe('value "high" is not in the category list');
    expect(reason(cohenKappa(table, { weights: 'linear', categories: ['low', 'mid'] }))).toBe(
      'value "high" is not in the category list',
    );
  });

  it('weighted kappa on text labels without an order', () => {
    const s = cohenKappa(tableFromRows([['a', 'b'], ['b', 'b']]), { weights: 'quadratic' });
    expect(reason(s)).toBe('quadratic-weighted kappa needs an ordered category list or numeric values');
  });

  it("Cohen's kappa with three raters points to the multi-rater statistics", () => {
    const s = cohenKappa(tableFromRows([[1, 1, 2], [2, 2, 2]]));
    expect(reason(s)).toMatch(/exactly two raters; this table has 3 \(use Fleiss' kappa or Krippendorff's alpha\)/);
    expect(s).toMatchObject({ units: 0, raters: 0, excludedUnits: 2 });
  });

  it("Fleiss' kappa names the range of ratings per unit", () => {
    expect(reason(fleissKappa(tableFromRows([[1, 2, 1], [1, 2, null]])))).toMatch(/between 2 and 3/);
  });

  it('Krippendorff: text at a numeric level, negative ratio values, unknown level', () => {
    const text = tableFromRows([['a', 'b'], ['b', 'b']]);
    expect(reason(krippendorffAlpha(text, 'interval'))).toBe('interval alpha needs numeric values');
    expect(reason(krippendorffAlpha(tableFromRows([[-1, 2], [3, 3]]), 'ratio'))).toMatch(/non-negative/);
    expect(reason(krippendorffAlpha(text, 'circular' as MeasurementLevel))).toMatch(/unknown level "circular"/);
  });

  it('values so large that squared differences overflow give null, not NaN', () => {
    const huge = tableFromRows([[1e300, -1e300], [1e300, 1e300]]);
    expect(reason(krippendorffAlpha(huge, 'interval'))).toMatch(/too large/);
    expect(reason(cohenKappa(huge, { weights: 'quadratic' }))).toMatch(/overflowed/);
  });

  it('alphaOfUnits ignores units with fewer than two values', () => {
    expect(alphaOfUnits([[1], [2]], 'nominal')).toEqual({ reason: 'no unit has ratings from two or more raters' });
    expect(alphaOfUnits([[1], [1, 2], [2, 2]], 'nominal')).toEqual(alphaOfUnits([[1, 2], [2, 2]], 'nominal'));
  });
});

describe('excluded units are counted', () => {
  it('Cohen counts units either rater skipped; the others count units with fewer than two ratings', () => {
    const table = tableFromRows([[1, 1], [1, null], [null, null], [2, 2], [1, 2]]);
    expect(cohenKappa(table)).toMatchObject({ units: 3, raters: 2, excludedUnits: 2, pairable: 6 });
    expect(krippendorffAlpha(table, 'nominal')).toMatchObject({ units: 3, raters: 2, excludedUnits: 2, pairable: 6 });
    expect(percentAgreement(table)).toMatchObject({ value: 2 / 3, units: 3, excludedUnits: 2 });
  });
});

describe('numbers and their string forms are different nominal categories', () => {
  it('1 and "1" disagree', () => {
    expect(percentAgreement(tableFromRows<RatingValue>([[1, '1']])).value).toBe(0);
  });
});
