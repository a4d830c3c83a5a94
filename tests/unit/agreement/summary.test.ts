import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../shared/agreement/summary';
import { createMt19937 } from '../../../shared/random/mt19937';
import { KRIPPENDORFF_2011, tableFromContingency, tableFromRows } from './tables';

describe('computeAgreement', () => {
  it('Krippendorff (2011) data: every metric, nulls explained, bands attached, counts of the whole table', () => {
    // Figures: Krippendorff (2011) section C (alpha 0.743 nominal, 0.849 interval); irrCAC README for
    // cac.raw4raters (percent 0.818, AC1 0.775).
    const table = tableFromRows(KRIPPENDORFF_2011);
    const s = computeAgreement(table, { level: 'interval' });
    expect(s.units).toBe(12);
    expect(s.raters).toBe(4);
    expect(s.percent).toBeCloseTo(0.818, 3);
    expect(s.krippendorff).toBeCloseTo(0.849, 3);
    expect(s.ac1).toBeCloseTo(0.775, 3);
    expect(s.cohen).toBeNull();
    expect(s.fleiss).toBeNull();
    expect(Object.keys(s.reasons).sort()).toEqual(['cohen', 'fleiss']);
    expect(s.reasons.cohen).toMatch(/exactly two raters; this table has 4/);
    expect(s.bands).toEqual({
      percent: null,
      cohen: null,
      fleiss: null,
      krippendorff: 'reliable',
      ac1: 'substantial',
    });
    expect(s.details.krippendorff).toMatchObject({ units: 11, raters: 4, excludedUnits: 1, pairable: 40 });
    expect(s.krippendorffInterval).toBeUndefined();
  });

  it('nominal level by default: alpha 0.743 is "tentative"', () => {
    const s = computeAgreement(tableFromRows(KRIPPENDORFF_2011));
    expect(s.level).toBe('nominal');
    expect(s.krippendorff).toBeCloseTo(0.743, 3);
    expect(s.bands.krippendorff).toBe('tentative');
  });

  it('computes only the requested metrics', () => {
    const s = computeAgreement(tableFromRows(KRIPPENDORFF_2011), { metrics: ['fleiss', 'percent'] });
    expect(Object.keys(s.details).sort()).toEqual(['fleiss', 'percent']);
    expect('cohen' in s).toBe(false);
    expect('krippendorff' in s).toBe(false);
  });

  it('passes weights and the category order to Cohen, and the category list to AC1', () => {
    // irrCAC "Weighted Chance-corrected Agreement Coefficients" vignette: cont3x3abstractors, quadratic 0.8921569.
    const table = tableFromContingency(['Ectopic', 'AIU', 'NIU'], [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ]);
    const s = computeAgreement(table, { weights: 'quadratic', categories: ['Ectopic', 'AIU', 'NIU'] });
    expect(s.weights).toBe('quadratic');
    expect(s.cohen).toBeCloseTo(0.8921569, 6);
    expect(s.bands.cohen).toBe('almost perfect');
    const unordered = computeAgreement(table, { weights: 'linear' });
    expect(unordered.cohen).toBeNull();
    expect(unordered.reasons.cohen).toBe('linear-weighted kappa needs an ordered category list or numeric values');
  });

  it('adds a seeded bootstrap interval for alpha when asked', () => {
    const table = tableFromRows(KRIPPENDORFF_2011);
    const a = computeAgreement(table, { bootstrap: { iterations: 300, rng: createMt19937([99]) } });
    const b = computeAgreement(table, { bootstrap: { iterations: 300, rng: createMt19937([99]) } });
    expect(a.krippendorffInterval).toEqual(b.krippendorffInterval);
    expect(a.krippendorffInterval).toMatchObject({ iterations: 300, confidence: 0.95, rng: 'mt19937' });
    const skipped = computeAgreement(table, {
      metrics: ['percent'],
      bootstrap: { iterations: 300, rng: createMt19937([99]) },
    });
    expect(skipped.krippendorffInterval).toBeUndefined();
  });

  it('prints as JSON with numbers or null, never NaN', () => {
    const json = JSON.stringify(computeAgreement({ units: [], raters: [], values: [] }));
    expect(JSON.parse(json)).toMatchObject({
      units: 0,
      raters: 0,
      percent: null,
      cohen: null,
      fleiss: null,
      krippendorff: null,
      ac1: null,
      reasons: { percent: 'no units: the table is empty' },
    });
  });
});
