import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../shared/agreement/cohen';
import { fleissKappa } from '../../../shared/agreement/fleiss';
import { gwetAc1 } from '../../../shared/agreement/gwet';
import { krippendorffAlpha } from '../../../shared/agreement/krippendorff';
import { percentAgreement } from '../../../shared/agreement/percent';
import type { Statistic } from '../../../shared/agreement/table';
import { KRIPPENDORFF_2011, tableFromContingency, tableFromDistribution, tableFromRows } from './tables';

function value(s: Statistic): number {
  if (s.value === null) throw new Error(`expected a value, got null: ${s.reason}`);
  return s.value;
}

describe("Krippendorff (2011) worked example: 4 observers, 12 units, missing data", () => {
  // Source: K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
  // Communication, University of Pennsylvania, section C ("nominal α = 0.743", ordinal 0.815, interval 0.849,
  // ratio 0.797). The same data ship as irrCAC's cac.raw4raters; its README/vignettes (Gwet, irrCAC 1.0) print
  // alpha 0.74342 (unweighted) and 0.84911 (quadratic weights = interval), percent agreement 0.8181818 and
  // AC1 0.77544 for it.
  const table = tableFromRows(KRIPPENDORFF_2011);

  it('nominal alpha = 0.743, on 11 units (unit 12 has one rating) and 40 pairable values', () => {
    const s = krippendorffAlpha(table, 'nominal');
    expect(value(s)).toBeCloseTo(0.743, 3);
    expect(value(s)).toBeCloseTo(0.74342, 5);
    expect(s).toMatchObject({ units: 11, raters: 4, excludedUnits: 1, pairable: 40 });
  });

  it('ordinal alpha = 0.815', () => {
    expect(value(krippendorffAlpha(table, 'ordinal'))).toBeCloseTo(0.815, 3);
  });

  it('interval alpha = 0.849', () => {
    expect(value(krippendorffAlpha(table, 'interval'))).toBeCloseTo(0.849, 3);
    expect(value(krippendorffAlpha(table, 'interval'))).toBeCloseTo(0.84911, 5);
  });

  it('ratio alpha = 0.797', () => {
    expect(value(krippendorffAlpha(table, 'ratio'))).toBeCloseTo(0.797, 3);
  });

  it("percent agreement = 0.818 and Gwet's AC1 = 0.775 (irrCAC README, cac.raw4raters)", () => {
    expect(value(percentAgreement(table))).toBeCloseTo(0.8181818, 6);
    expect(value(gwetAc1(table))).toBeCloseTo(0.77544, 5);
  });

  it("Fleiss' kappa is undefined: units have 2 to 4 ratings", () => {
    const s = fleissKappa(table);
    expect(s.value).toBeNull();
    expect(s.value === null && s.reason).toMatch(/same number of ratings/);
  });
});

describe("Fleiss' kappa", () => {
  it('Wikipedia "Fleiss\' kappa" worked example: 10 subjects × 14 raters × 5 categories → 0.210', () => {
    // Source: Wikipedia, "Fleiss' kappa", Worked example (P̄ = 0.378, P̄e = 0.213, κ = 0.210).
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const s = fleissKappa(tableFromDistribution([1, 2, 3, 4, 5], counts));
    expect(value(s)).toBeCloseTo(0.21, 3);
    expect(s).toMatchObject({ units: 10, raters: 14, excludedUnits: 0, pairable: 140 });
  });

  it("irrCAC distrib.6raters (15 patients × 6 psychiatrists): Fleiss 0.414, AC1 0.445, alpha 0.420, pa 0.551", () => {
    // Source: K. Gwet, irrCAC 1.0 README, "Computing agreement coefficients from the distribution of raters":
    // fleiss.kappa.dist 0.4139265, gwet.ac1.dist 0.4448007, krippen.alpha.dist 0.4204384, pa 0.5511111.
    const counts = [
      [0, 0, 0, 6, 0],
      [0, 3, 0, 0, 3],
      [0, 1, 4, 0, 1],
      [0, 0, 0, 0, 6],
      [0, 3, 0, 3, 0],
      [2, 0, 4, 0, 0],
      [0, 0, 4, 0, 2],
      [2, 0, 3, 1, 0],
      [2, 0, 0, 4, 0],
      [0, 0, 0, 0, 6],
      [1, 0, 0, 5, 0],
      [1, 1, 0, 4, 0],
      [0, 3, 3, 0, 0],
      [1, 0, 0, 5, 0],
      [0, 2, 0, 3, 1],
    ];
    const table = tableFromDistribution(['Depression', 'Personality', 'Schizophrenia', 'Neurosis', 'Other'], counts);
    expect(value(fleissKappa(table))).toBeCloseTo(0.4139265, 6);
    expect(value(gwetAc1(table))).toBeCloseTo(0.4448007, 6);
    expect(value(krippendorffAlpha(table, 'nominal'))).toBeCloseTo(0.4204384, 6);
    expect(value(percentAgreement(table))).toBeCloseTo(0.5511111, 6);
  });
});

describe("Cohen's kappa", () => {
  it('Wikipedia "Cohen\'s kappa" example: 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → 0.4', () => {
    // Source: Wikipedia, "Cohen's kappa", Simple example (p_o = 0.7, p_e = 0.5, κ = 0.4).
    const table = tableFromContingency(['yes', 'no'], [
      [20, 5],
      [10, 15],
    ]);
    const s = cohenKappa(table);
    expect(value(s)).toBeCloseTo(0.4, 10);
    expect(s).toMatchObject({ units: 50, raters: 2, excludedUnits: 0 });
  });

  // Source: K. Gwet, irrCAC 1.0 README and "Weighted Chance-corrected Agreement Coefficients" vignette,
  // dataset cont3x3abstractors: kappa2.table 0.7964094; with quadratic.weights(1:3) 0.8921569; gwet.ac1.table
  // 0.8493305; pa2.table 0.89; krippen2.table 0.7972585.
  const abstractors = tableFromContingency(['Ectopic', 'AIU', 'NIU'], [
    [13, 0, 0],
    [0, 20, 7],
    [0, 4, 56],
  ]);
  const order = ['Ectopic', 'AIU', 'NIU'];

  it('irrCAC cont3x3abstractors: unweighted kappa 0.796', () => {
    expect(value(cohenKappa(abstractors))).toBeCloseTo(0.7964094, 6);
  });

  it('irrCAC cont3x3abstractors: quadratic-weighted kappa 0.892 on the ordered categories', () => {
    expect(value(cohenKappa(abstractors, { weights: 'quadratic', categories: order }))).toBeCloseTo(0.8921569, 6);
  });

  it('irrCAC cont3x3abstractors: AC1 0.849, percent agreement 0.89, alpha 0.797', () => {
    expect(value(gwetAc1(abstractors))).toBeCloseTo(0.8493305, 6);
    expect(value(percentAgreement(abstractors))).toBeCloseTo(0.89, 10);
    expect(value(krippendorffAlpha(abstractors, 'nominal'))).toBeCloseTo(0.7972585, 6);
  });

  it('Maple EssayTools QuadraticWeightedKappa examples: 0.7586 and 0.4381 on numeric scores', () => {
    // Source: Maplesoft help page "EssayTools[QuadraticWeightedKappa]", Examples 1 and 2
    // (0.758620689655172 and 0.438095238095238).
    const pairs = (a: number[], b: number[]) => tableFromRows(a.map((x, i) => [x, b[i]!]));
    const first = [9, 7, 8, 7, 6, 8, 3, 5, 10];
    expect(value(cohenKappa(pairs(first, [8, 8, 6, 6, 7, 6, 1, 4, 8]), { weights: 'quadratic' }))).toBeCloseTo(
      0.758620689655172,
      10,
    );
    expect(value(cohenKappa(pairs(first, [3, 5, 6, 6, 7, 6, 1, 4, 8]), { weights: 'quadratic' }))).toBeCloseTo(
      0.438095238095238,
      10,
    );
  });
});

describe("Gwet's AC1 on a two-category table (the kappa paradox)", () => {
  it('high agreement on a rare category: kappa collapses, AC1 does not', () => {
    // Worked by hand from the definitions in Gwet (2008), Br J Math Stat Psychol 61:29–48 (p_a, and
    // p_e = Σ π_k(1 − π_k)/(q − 1)); a consistency check rather than a published figure.
    // 100 units: 90 both "no", 5 both "yes", 3 + 2 split. p_a = 0.95; "yes" marginals 0.08 and 0.07 → π_yes = 0.075,
    // p_e = 2 · 0.075 · 0.925 = 0.13875, AC1 = 0.81125 / 0.86125 = 0.941945…;
    // kappa: p_e = 0.08 · 0.07 + 0.92 · 0.93 = 0.8612, κ = 0.0888 / 0.1388 = 0.639769…
    const table = tableFromContingency(['yes', 'no'], [
      [5, 3],
      [2, 90],
    ]);
    expect(value(gwetAc1(table))).toBeCloseTo(0.941945, 6);
    expect(value(cohenKappa(table))).toBeCloseTo(0.639769, 6);
  });
});
