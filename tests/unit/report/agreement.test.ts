import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../shared/report/model';
import type { ReportInput, ReportModel, ReviewRecord } from '../../../shared/report/types';
import type { ItemAnswer, OverallAnswer } from '../../../shared/rubric/codes';
import { miniRubric, review } from './data';

function build(input: ReportInput): ReportModel {
  const r = buildReportModel(input);
  if (!r.ok) throw new Error(r.error);
  return r.model;
}

function pair(incident: number, a: [ItemAnswer, OverallAnswer], b: [ItemAnswer, OverallAnswer], scopeB: 'yes' | 'no' = 'yes'): ReviewRecord[] {
  return [
    review({ incident, stratum: 'S', reviewer: 's1', at: '2025-03-01T10:00:00Z', scope: 'yes', items: { 1: a[0], 2: 'yes', 3: 'na' }, overall: a[1] }),
    review({ incident, stratum: 'S', reviewer: 's2', at: '2025-03-02T10:00:00Z', scope: scopeB, items: { 1: b[0], 2: 'yes', 3: 'na' }, overall: b[1] }),
  ];
}

/*
 * Four incidents double-scored by s1 and s2 (mini rubric, scale of 5 answer codes).
 *   item 1:  (yes, yes) (yes, no) (no, no) (no, no)
 *   overall: (good, good) (good, requires improvement) (inadequate, inadequate) (requires improvement, inadequate)
 * Worked by hand from the definitions in K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011) and
 * K. L. Gwet, Handbook of Inter-Rater Reliability (4th ed., 2014):
 *   item 1 percent agreement 3/4 = 0.75.
 *   item 1 nominal alpha: values n_yes = 3, n_no = 5, n = 8; disagreeing pairs o_yes,no + o_no,yes = 2;
 *     alpha = 1 - (n - 1)·2 / (2·n_yes·n_no) = 1 - 14/30 = 0.533333.
 *   item 1 AC1 (q = 5): pi_yes = (1 + 0.5)/4 = 0.375, pi_no = 0.625; p_e = 2·0.375·0.625/4 = 0.1171875;
 *     AC1 = (0.75 - 0.1171875) / (1 - 0.1171875) = 0.716814.
 *   overall ordinal alpha (ranks inadequate 1, requires improvement 2, good 3): n_1 = 3, n_2 = 2, n_3 = 3;
 *     delta²(1,2) = delta²(2,3) = (5/2)² = 6.25, delta²(1,3) = (8 - 3)² = 25;
 *     observed Σ o·delta² = 2·6.25 + 2·6.25 = 25; expected Σ n_c·n_k·delta² over ordered pairs = 2·(37.5 + 37.5 + 225) = 600;
 *     alpha = 1 - 7·25/600 = 0.708333 (tentative).
 */
const reviews = [
  ...pair(1, ['yes', 'good'], ['yes', 'good']),
  ...pair(2, ['yes', 'good'], ['no', 'requires_improvement']),
  ...pair(3, ['no', 'inadequate'], ['no', 'inadequate']),
  ...pair(4, ['no', 'requires_improvement'], ['no', 'inadequate']),
];
const input: ReportInput = {
  month: '2025-03',
  rubric: miniRubric(),
  reviews,
  sampled: [1, 2, 3, 4].map((incidentId) => ({ incidentId, stratum: 'S' })),
  allocation: [{ key: 'S', population: 40, sample: 4 }],
  proportional: true,
};

describe('the agreement section of the report model', () => {
  it('matches hand-worked percent agreement, nominal alpha and AC1 per item', () => {
    const a = build(input).agreement;
    expect(a.incidents).toBe(4);
    expect(a.reviewers).toBe(2);
    const item1 = a.items[0]!;
    expect(item1).toMatchObject({ label: 'Item 1', number: 1, level: 'nominal', units: 4, raters: 2 });
    expect(item1.percent.value).toBeCloseTo(0.75, 12);
    expect(item1.alpha.value).toBeCloseTo(0.533333, 6);
    expect(item1.alpha.band).toBe('unreliable');
    expect(item1.alpha).toMatchObject({ units: 4, raters: 2 });
    expect(item1.ac1.value).toBeCloseTo(0.716814, 6);
    expect(item1.ac1.band).toBe('substantial');
  });

  it('reads the overall judgement as ordinal', () => {
    const overall = build(input).agreement.overall;
    expect(overall.level).toBe('ordinal');
    expect(overall.alpha.value).toBeCloseTo(0.708333, 6);
    expect(overall.alpha.band).toBe('tentative');
    expect(overall.percent.value).toBeCloseTo(0.5, 12);
  });

  it('explains an undefined alpha instead of printing a number', () => {
    const item2 = build(input).agreement.items[1]!;
    expect(item2.percent.value).toBe(1);
    expect(item2.alpha.value).toBeNull();
    expect(item2.alpha.reason).toMatch(/no variation/);
  });

  it('pools every item with incident × item as the unit', () => {
    const pooled = build(input).agreement.pooled;
    // 4 incidents × 3 items, each answered by both reviewers.
    expect(pooled.units).toBe(12);
    expect(pooled.percent.value).toBeCloseTo(11 / 12, 12);
  });

  it('leaves out answers of a reviewer who found the incident out of scope, and of other rubric versions', () => {
    const outOfScope = build({ ...input, reviews: [...reviews.slice(0, 6), ...pair(4, ['no', 'good'], ['no', 'good'], 'no')] }).agreement;
    const item1 = outOfScope.items[0]!;
    // Incident 4 has one item-1 rating left: it is in the table but not among the compared units.
    expect(item1.units).toBe(4);
    expect(item1.percent.units).toBe(3);
    expect(item1.percent.value).toBeCloseTo(2 / 3, 12);
    const v2 = miniRubric(2, { 1: 'Item 1, reworded' });
    const mixed = build({ ...input, rubric: v2, otherVersions: [miniRubric()] }).agreement;
    expect(mixed.items[0]!.units).toBe(0);
    expect(mixed.items[0]!.percent.value).toBeNull();
    expect(mixed.items[1]!.units).toBe(4);
  });

  it('is empty, with reasons, when nothing was double-scored', () => {
    const single = build({ ...input, reviews: reviews.filter((r) => r.reviewerId === 's1') }).agreement;
    expect(single.incidents).toBe(0);
    expect(single.pooled.units).toBe(0);
    expect(single.pooled.alpha.value).toBeNull();
    expect(single.pooled.alpha.reason).not.toBeNull();
  });
});
