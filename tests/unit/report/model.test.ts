import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_ANSWERS, OVERALL_ANSWERS } from '../../../shared/rubric/codes';
import { buildReportModel } from '../../../shared/report/model';
import type { Proportion, ReportInput, ReportModel } from '../../../shared/report/types';
import { miniRubric, review } from './data';

function build(input: ReportInput): ReportModel {
  const r = buildReportModel(input);
  if (!r.ok) throw new Error(r.error);
  return r.model;
}

function expectProportion(p: Proportion | null | undefined, successes: number, n: number, lower: number, upper: number): void {
  expect(p).toMatchObject({ successes, n });
  expect(p?.interval?.point).toBeCloseTo(successes / n, 12);
  expect(p?.interval?.lower).toBeCloseTo(lower, 4);
  expect(p?.interval?.upper).toBeCloseTo(upper, 4);
}

/*
 * Hand-worked round, mini rubric (items 1-3), month 2025-03. Strata DA (N = 30, n = 3) and other (N = 70, n = 3):
 * proportional allocation of 6 would be 2 and 4, so this allocation is not proportional.
 *
 *   review  incident team stratum reviewer submitted      scope  item1   item2        item3  overall  escalation
 *   R1      101      A    DA      s1       03-03 10:00Z  yes    yes     yes          na     good
 *   R2      102      A    DA      s1       03-04 10:00Z  yes    no      partly       yes    req.impr yes
 *   R3      103      B    other   s2       03-05 10:00Z  yes    yes     not_visible  no     good
 *   R4      104      B    other   s2       03-06 10:00Z  no     (no)    (no)         (no)   good         (leftover item answers ignored)
 *   R5      105      B    DA      s2       03-07 10:00Z  yes    partly  no           yes    inadequate
 *   R6      103      A    other   s3       03-08 10:00Z  yes    no      no           no     inadequate yes (calibration second review)
 * Sampled 101-106 (106 in "other" has no review).
 *
 * Counted (first review per incident): R1-R5. R6 is left out of the figures but kept in calibration + escalations.
 *   item 1: yes 2 (R1, R3), partly 1 (R5), no 1 (R2), out of scope 1 (R4) -> compliance 2/4, yes-or-partly 3/4
 *   item 2: yes 1, partly 1, no 1, not visible 1, out of scope 1          -> compliance 1/3, yes-or-partly 2/3
 *   item 3: yes 2, no 1, na 1, out of scope 1                              -> compliance 2/3, yes-or-partly 2/3
 *   overall: good 3 (R1, R3, R4), requires improvement 1, inadequate 1    -> good 3/5
 * Wilson 95% (z = 1.959964), (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), worked by hand:
 *   2/4: centre 0.5, half 0.349962            -> [0.150038, 0.849962]
 *   1/3: centre 0.426916, half 0.365425       -> [0.061491, 0.792341];  2/3 mirrors: [0.207659, 0.938509]
 *   3/4: mirror of 1/4 [0.045587, 0.699359]   -> [0.300641, 0.954413]
 *   3/5: centre 0.556552, half 0.325828       -> [0.230724, 0.882380]
 *   5/6 (completion): 1/6 is centre 0.296779, half 0.266725 -> [0.030054, 0.563504]; 5/6 mirrors: [0.436496, 0.969946]
 * Weights N_h / m_h: DA 30/3 = 10 (R1, R2, R5), other 70/2 = 35 (R3, R4).
 *   item 1 compliance: yes R1 10 + R3 35 over R1, R2, R3, R5 = 65 -> 45/65 = 0.692308;
 *     deff = 4·(10² + 10² + 35² + 10²)/65² = 6100/4225 = 1.443787; yes-or-partly 55/65 = 0.846154
 *   item 2 compliance: R1, R2, R5 all weight 10 -> 1/3, deff 1
 *   item 3 compliance: yes R2 + R5 = 20 over 20 + 35 = 55 -> 0.363636; deff = 3·1425/3025 = 1.413223
 *   overall good: R1 10 + R3 35 + R4 35 = 80 over 100 -> 0.8; inadequate 10/100 = 0.1
 * By team: A = R1, R2 (item 1: 1/2); B = R3, R4, R5 (item 1: yes 1, partly 1, out of scope 1 -> 1/2, 2/2).
 * By stratum: DA = R1, R2, R5 (item 1: 1/3); other = R3, R4 (item 1: 1/1).
 */
const rubric = miniRubric();
const handRound: ReportInput = {
  month: '2025-03',
  rubric,
  reviews: [
    review({ incident: 101, team: 'A', stratum: 'DA', reviewer: 's1', at: '2025-03-03T10:00:00Z', scope: 'yes', items: { 1: 'yes', 2: 'yes', 3: 'na' }, overall: 'good' }),
    review({
      incident: 102, team: 'A', stratum: 'DA', reviewer: 's1', at: '2025-03-04T10:00:00Z', scope: 'yes',
      items: { 1: 'no', 2: 'partly', 3: 'yes' }, overall: 'requires_improvement', escalation: 'Baby with bruising, no Merlin',
    }),
    review({ incident: 103, team: 'B', stratum: 'other', reviewer: 's2', at: '2025-03-05T10:00:00Z', scope: 'yes', items: { 1: 'yes', 2: 'not_visible', 3: 'no' }, overall: 'good' }),
    review({ incident: 104, team: 'B', stratum: 'other', reviewer: 's2', at: '2025-03-06T10:00:00Z', scope: 'no', items: { 1: 'no', 2: 'no', 3: 'no' }, overall: 'good' }),
    review({ incident: 105, team: 'B', stratum: 'DA', reviewer: 's2', at: '2025-03-07T10:00:00Z', scope: 'yes', items: { 1: 'partly', 2: 'no', 3: 'yes' }, overall: 'inadequate' }),
    review({
      incident: 103, team: 'A', stratum: 'other', reviewer: 's3', at: '2025-03-08T10:00:00Z', scope: 'yes',
      items: { 1: 'no', 2: 'no', 3: 'no' }, overall: 'inadequate', escalation: 'Second reviewer: sibling not seen',
    }),
  ],
  sampled: [101, 102, 103, 104, 105, 106].map((incidentId) => ({ incidentId, stratum: [101, 102, 105].includes(incidentId) ? 'DA' : 'other' })),
  allocation: [
    { key: 'DA', population: 30, sample: 3 },
    { key: 'other', population: 70, sample: 3 },
  ],
  proportional: false,
};

describe('buildReportModel on a hand-worked round', () => {
  const model = build(handRound);

  it('counts every answer code per item, out of scope separately, from one review per incident', () => {
    expect(model.items.map((f) => f.counts)).toEqual([
      { yes: 2, partly: 1, no: 1, na: 0, not_visible: 0, outOfScope: 1, unanswered: 0, notComparable: 0 },
      { yes: 1, partly: 1, no: 1, na: 0, not_visible: 1, outOfScope: 1, unanswered: 0, notComparable: 0 },
      { yes: 2, partly: 0, no: 1, na: 1, not_visible: 0, outOfScope: 1, unanswered: 0, notComparable: 0 },
    ]);
    expect(model.summary).toEqual({ reviewsSubmitted: 6, incidentsCounted: 5, inScope: 4, outOfScope: 1, scopeUnanswered: 0 });
  });

  it('gives compliance and yes-or-partly with hand-computed Wilson intervals', () => {
    const [i1, i2, i3] = model.items;
    expectProportion(i1?.compliance, 2, 4, 0.150038, 0.849962);
    expectProportion(i1?.yesOrPartly, 3, 4, 0.300641, 0.954413);
    expectProportion(i2?.compliance, 1, 3, 0.061491, 0.792341);
    expectProportion(i2?.yesOrPartly, 2, 3, 0.207659, 0.938509);
    expectProportion(i3?.compliance, 2, 3, 0.207659, 0.938509);
  });

  it('gives the overall judgement distribution', () => {
    expect(model.overall.options.map((o) => [o.value, o.count])).toEqual([
      ['good', 3],
      ['requires_improvement', 1],
      ['inadequate', 1],
    ]);
    expectProportion(model.overall.options[0]?.share, 3, 5, 0.230724, 0.88238);
  });

  it('lists every escalation first-submitted first, including the calibration second review', () => {
    expect(model.escalations).toEqual([
      { incidentId: 102, reference: 'CAD 102', reviewerId: 's1', submittedAt: '2025-03-04T10:00:00Z', note: 'Baby with bruising, no Merlin' },
      { incidentId: 103, reference: 'CAD 103', reviewerId: 's3', submittedAt: '2025-03-08T10:00:00Z', note: 'Second reviewer: sibling not seen' },
    ]);
  });

  it('exposes the calibration pair and says how it was counted', () => {
    expect(model.calibration).toHaveLength(1);
    expect(model.calibration[0]?.incidentId).toBe(103);
    expect(model.calibration[0]?.reviews.map((r) => r.reviewerId)).toEqual(['s2', 's3']);
    expect(model.notes.some((n) => n.startsWith('1 incident was reviewed by more than one reviewer') && n.includes('first submitted'))).toBe(true);
  });

  it('reports completion per incident and per stratum', () => {
    expect(model.completion).toMatchObject({
      sampled: 6,
      submitted: 5,
      missing: [{ incidentId: 106, stratum: 'other' }],
      byStratum: [
        { key: 'DA', sampled: 3, submitted: 3 },
        { key: 'other', sampled: 3, submitted: 2 },
      ],
      outsideSample: [],
    });
    expectProportion(model.completion.rate, 5, 6, 0.436496, 0.969946);
  });

  it('weights by N_h / m_h when allocation is not proportional, with the design effect and a note', () => {
    const [w1, w2, w3] = model.weighted?.items ?? [];
    expect(w1?.compliance?.point).toBeCloseTo(45 / 65, 12);
    expect(w1?.compliance?.designEffect).toBeCloseTo(6100 / 4225, 12);
    expect(w1?.compliance?.n).toBe(4);
    expect(w1?.yesOrPartly?.point).toBeCloseTo(55 / 65, 12);
    expect(w2?.compliance?.point).toBeCloseTo(1 / 3, 12);
    expect(w2?.compliance?.designEffect).toBeCloseTo(1, 12);
    expect(w3?.compliance?.point).toBeCloseTo(20 / 55, 12);
    expect(w3?.compliance?.designEffect).toBeCloseTo(4275 / 3025, 12);
    expect(model.weighted?.overall.map((o) => o.share?.point)).toEqual([0.8, 0.1, 0.1]);
    expect(model.notes.some((n) => n.includes('N_h / m_h') && n.includes('unweighted Wilson interval'))).toBe(true);
  });

  it('gives the same figures by team and by stratum', () => {
    expect(model.byTeam.map((g) => [g.key, g.incidents])).toEqual([
      ['A', 2],
      ['B', 3],
    ]);
    expect(model.byTeam[0]?.items[0]?.compliance).toMatchObject({ successes: 1, n: 2 });
    expect(model.byTeam[1]?.items[0]?.compliance).toMatchObject({ successes: 1, n: 2 });
    expect(model.byTeam[1]?.items[0]?.yesOrPartly).toMatchObject({ successes: 2, n: 2 });
    expect(model.byTeam[1]?.weighted?.items[0]?.compliance?.point).toBeCloseTo(35 / 45, 12);
    expect(model.byStratum.map((g) => [g.key, g.items[0]?.compliance.successes, g.items[0]?.compliance.n, g.weighted])).toEqual([
      ['DA', 1, 3, null],
      ['other', 1, 1, null],
    ]);
  });

  it('gives no weighted figures when allocation is proportional', () => {
    const m = build({ ...handRound, proportional: true });
    expect(m.weighted).toBeNull();
    expect(m.byTeam.every((g) => g.weighted === null)).toBe(true);
    expect(m.notes.some((n) => n.includes('N_h / m_h'))).toBe(false);
  });
});

describe('Wilson figures in the report', () => {
  it('match Newcombe (1998) Table I for 1/29 and 0/20, with n/a, not visible and out of scope outside n', () => {
    // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17:857-872 (1998), Table I, method 3: 1/29 -> 0.0061 to 0.1718; 0/20 -> 0 to 0.1611.
    const reviews = [];
    for (let i = 0; i < 40; i += 1) {
      // Item 1: one yes, 28 no, then answers that must stay out of the denominator.
      const item1 = i === 0 ? 'yes' : i < 29 ? 'no' : i < 33 ? 'na' : 'not_visible';
      // Item 2: twenty no and the rest not visible, so 0/20.
      const item2 = i < 20 ? 'no' : 'not_visible';
      reviews.push(review({ incident: 1000 + i, stratum: 'all', reviewer: 's1', at: `2025-03-01T10:00:${String(i).padStart(2, '0')}Z`, scope: 'yes', items: { 1: item1, 2: item2, 3: 'na' }, overall: 'good' }));
    }
    reviews.push(review({ incident: 2000, stratum: 'all', reviewer: 's1', at: '2025-03-02T10:00:00Z', scope: 'no', items: {}, overall: 'good' }));
    const model = build({ month: '2025-03', rubric, reviews, sampled: [], allocation: [], proportional: true });
    expectProportion(model.items[0]?.compliance, 1, 29, 0.0061, 0.1718);
    expectProportion(model.items[1]?.compliance, 0, 20, 0, 0.1611);
    expect(model.items[0]?.counts).toMatchObject({ na: 4, not_visible: 7, outOfScope: 1 });
    expect(model.items[2]?.compliance).toEqual({ successes: 0, n: 0, interval: null });
  });
});

describe('an empty round', () => {
  it('is a valid model that says there is nothing to report yet', () => {
    const model = build({ ...handRound, reviews: [] });
    expect(model.notes[0]).toBe('No reviews have been submitted for this round: 6 incidents were sampled and there are no figures yet.');
    expect(model.items.every((f) => f.compliance.interval === null && f.compliance.n === 0)).toBe(true);
    expect(model.overall.options.every((o) => o.count === 0 && o.share.interval === null)).toBe(true);
    expect(model.completion).toMatchObject({ sampled: 6, submitted: 0 });
    expect(model.completion.rate.interval?.lower).toBe(0);
    expect(model.weighted).toBeNull();
    expect(model.byTeam).toEqual([]);
    expect(model.escalations).toEqual([]);
    expect(model.trend).toHaveLength(6);
  });

  it('also with nothing sampled', () => {
    const model = build({ ...handRound, reviews: [], sampled: [] });
    expect(model.completion.rate).toEqual({ successes: 0, n: 0, interval: null });
  });
});

describe('rubric version change inside the period', () => {
  // v2 rewords item 2, drops item 3 and adds item 4; item 1 and the overall question are unchanged.
  const v1 = miniRubric(1);
  const v2 = miniRubric(2, { 2: 'Every child seen and spoken to on camera', 3: '' }, ['4']);
  const reviews = [
    review({ incident: 1, stratum: 'x', reviewer: 's1', at: '2025-03-01T10:00:00Z', scope: 'yes', items: { 1: 'yes', 2: 'yes', 3: 'no' }, overall: 'good' }),
    review({ incident: 2, stratum: 'x', reviewer: 's1', at: '2025-03-02T10:00:00Z', scope: 'yes', items: { 1: 'no', 2: 'yes', 3: 'yes' }, overall: 'good' }),
    review({ incident: 3, stratum: 'x', reviewer: 's1', at: '2025-03-20T10:00:00Z', scope: 'yes', items: { 1: 'yes', 2: 'no', 4: 'yes' }, overall: 'inadequate', version: 2 }),
    review({ incident: 4, stratum: 'x', reviewer: 's1', at: '2025-03-21T10:00:00Z', scope: 'no', items: {}, overall: 'good', version: 2 }),
  ];
  const base = { month: '2025-03', rubric: v2, sampled: [], allocation: [], proportional: true } as const;

  it('compares only items whose id and text match, and says which are not comparable', () => {
    const model = build({ ...base, otherVersions: [v1], reviews });
    const byId = Object.fromEntries(model.items.map((f) => [f.itemId, f]));
    expect(Object.keys(byId)).toEqual(['1', '2', '4']);
    expect(byId['1']?.counts).toMatchObject({ yes: 2, no: 1, outOfScope: 1, notComparable: 0 });
    expect(byId['2']?.counts).toMatchObject({ yes: 0, no: 1, outOfScope: 1, notComparable: 2 });
    expect(byId['4']?.counts).toMatchObject({ yes: 1, outOfScope: 1, notComparable: 2 });
    expect(model.overall.options.map((o) => o.count)).toEqual([3, 0, 1]);
    expect(model.notes).toContain(
      'Reviews in this period were made with more than one version of rubric mini (v1: 2 incidents, v2: 2 incidents). Figures are laid out by v2; an item is compared across versions only where its id and text are the same.',
    );
    expect(model.notes).toContain('v1 differs from v2 on items 2, 4: answers made with v1 (2 incidents) are counted as not comparable there.');
    expect(model.notes).toContain('v1 item 3 has no counterpart in v2 and is not reported.');
  });

  it('treats a version it was not given as not comparable, and says so', () => {
    const model = build({ ...base, reviews });
    expect(model.items[0]?.counts).toMatchObject({ yes: 1, no: 0, notComparable: 2 });
    expect(model.overall.notComparable).toBe(2);
    expect(model.notes.some((n) => n.startsWith('2 incidents were reviewed with mini v1, which was not given to the report'))).toBe(true);
  });

  it('ignores spacing differences in item text', () => {
    const spaced = miniRubric(1, { 1: '  Item 1   text ' });
    const model = build({ ...base, rubric: miniRubric(2), otherVersions: [spaced], reviews: reviews.slice(0, 2) });
    expect(model.items[0]?.counts.notComparable).toBe(0);
    expect(model.notes).toContain('v1 asks the same items as v2: all 2 answer sets made with it are compared.');
  });
});

describe('calibration duplicates', () => {
  it('counts the first submitted review by instant, not by text, and keeps all reviews of the incident', () => {
    const reviews = [
      // 09:30Z is later than 10:00+01:00 (= 09:00Z), although its text sorts first.
      review({ incident: 7, stratum: 'x', reviewer: 'a', at: '2025-03-05T09:30:00Z', scope: 'yes', items: { 1: 'no', 2: 'no', 3: 'no' }, overall: 'inadequate' }),
      review({ incident: 7, stratum: 'x', reviewer: 'b', at: '2025-03-05T10:00:00+01:00', scope: 'yes', items: { 1: 'yes', 2: 'yes', 3: 'yes' }, overall: 'good' }),
      review({ incident: 7, stratum: 'x', reviewer: 'c', at: '2025-03-06T10:00:00Z', scope: 'yes', items: { 1: 'partly', 2: 'partly', 3: 'partly' }, overall: 'good' }),
      review({ incident: 8, stratum: 'x', reviewer: 'a', at: '2025-03-05T11:00:00Z', scope: 'yes', items: { 1: 'no', 2: 'no', 3: 'no' }, overall: 'inadequate' }),
    ];
    const model = build({ month: '2025-03', rubric, reviews, sampled: [{ incidentId: 7, stratum: 'x' }, { incidentId: 8, stratum: 'x' }], allocation: [], proportional: true });
    expect(model.items[0]?.counts).toMatchObject({ yes: 1, partly: 0, no: 1 });
    expect(model.summary.incidentsCounted).toBe(2);
    expect(model.calibration.map((g) => [g.incidentId, g.reviews.map((r) => r.reviewerId)])).toEqual([[7, ['b', 'a', 'c']]]);
    expect(model.completion).toMatchObject({ sampled: 2, submitted: 2 });
  });
});

describe('six-month trend', () => {
  it('runs over six consecutive months, adds rounds of one month, and drops reworded items and later months', () => {
    const model = build({
      ...handRound,
      history: [
        { month: '2024-12', items: [{ itemId: '1', text: 'Item 1 text', yes: 1, partly: 0, no: 1 }] },
        { month: '2024-12', items: [{ itemId: '1', text: 'Item 1 text', yes: 2, partly: 0, no: 0 }] },
        {
          month: '2025-01',
          items: [
            { itemId: '1', text: 'Item 1 text', yes: 3, partly: 1, no: 1 },
            { itemId: '2', text: 'Each child seen', yes: 5, partly: 0, no: 0 },
          ],
        },
        { month: '2025-04', items: [{ itemId: '1', text: 'Item 1 text', yes: 9, partly: 0, no: 0 }] },
      ],
    });
    expect(model.trend.map((t) => t.month)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    const item1 = model.trend.map((t) => t.items[0]?.compliance);
    expect(item1.map((p) => (p === null || p === undefined ? null : [p.successes, p.n]))).toEqual([null, null, [3, 4], [3, 5], null, [2, 4]]);
    expect(model.trend[3]?.items[1]?.compliance).toBeNull();
    expect(model.notes).toContain('Trend: item 2 had different wording in earlier months; those months are not shown for it.');
    expect(model.notes).toContain('History for 2025-04 is not earlier than 2025-03 and was left out of the trend.');
  });

  it('crosses a year boundary', () => {
    expect(build({ ...handRound, month: '2025-02' }).trend.map((t) => t.month)).toEqual(['2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02']);
  });
});

describe('bad input gives an error naming where, never a crash', () => {
  it.each([
    [{ month: '2025-13' }, /^month: "2025-13" is not a YYYY-MM month$/],
    [{ allocation: [{ key: 'DA', population: -1, sample: 0 }] }, /^allocation\[0\]\.population/],
    [{ allocation: [{ key: 'DA', population: 1, sample: 1 }, { key: 'DA', population: 1, sample: 1 }] }, /^allocation\[1\]\.key: stratum "DA" is listed twice/],
    [{ history: [{ month: '2025-01', items: [{ itemId: '1', text: 't', yes: 1.5, partly: 0, no: 0 }] }] }, /^history\[0\]\.items\[0\]\.yes/],
  ])('%j', (patch, message) => {
    const r = buildReportModel({ ...handRound, ...(patch as Partial<ReportInput>) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('a corrupt answers document names the review and field', () => {
    const bad = review({ incident: 9, stratum: 'x', reviewer: 's9', at: '2025-03-01T00:00:00Z', scope: 'yes', items: {}, overall: 'good' });
    (bad.answers.escalation as { flag: unknown }).flag = 'yes';
    const r = buildReportModel({ ...handRound, reviews: [bad] });
    expect(r.ok ? '' : r.error).toMatch(/^reviews\[0\] \(incident CAD 9, reviewer s9\) answers: escalation\.flag: /);
  });

  it('reviews made with another rubric are left out of the figures but keep their escalation', () => {
    const other = review({ incident: 9, stratum: 'x', reviewer: 's9', at: '2025-03-01T00:00:00Z', scope: 'yes', items: { 1: 'yes' }, overall: 'good', escalation: 'live risk' });
    other.rubricId = 'other';
    other.answers.rubricId = 'other';
    const model = build({ ...handRound, reviews: [other], sampled: [] });
    expect(model.summary.incidentsCounted).toBe(0);
    expect(model.escalations.map((e) => e.note)).toEqual(['live risk']);
    expect(model.notes[0]).toBe('No submitted review could be counted in the figures: see the notes below.');
    expect(model.notes).toContain('1 review was made with another rubric (other) rather than mini: left out of the figures (counted for completion and escalations).');
  });
});

describe('properties over random rounds', () => {
  const answer = fc.constantFrom(...ITEM_ANSWERS, null);
  const reviewArb = fc.record({
    incident: fc.integer({ min: 1, max: 30 }),
    stratum: fc.constantFrom('s1', 's2', 's3'),
    reviewer: fc.constantFrom('a', 'b'),
    minute: fc.integer({ min: 0, max: 59 }),
    scope: fc.constantFrom('yes' as const, 'no' as const, null),
    items: fc.tuple(answer, answer, answer),
    overall: fc.constantFrom(...OVERALL_ANSWERS, null),
  });

  it('every counted incident lands in exactly one count per item, and rates use yes + partly + no only', () => {
    fc.assert(
      fc.property(fc.array(reviewArb, { maxLength: 40 }), (specs) => {
        const reviews = specs.map((s) =>
          review({ incident: s.incident, stratum: s.stratum, reviewer: s.reviewer, at: `2025-03-01T10:${String(s.minute).padStart(2, '0')}:00Z`, scope: s.scope, items: { 1: s.items[0], 2: s.items[1], 3: s.items[2] }, overall: s.overall }),
        );
        const model = build({ month: '2025-03', rubric, reviews, sampled: [], allocation: [], proportional: true });
        const incidents = new Set(specs.map((s) => s.incident)).size;
        expect(model.summary.incidentsCounted).toBe(incidents);
        for (const f of model.items) {
          const c = f.counts;
          expect(c.yes + c.partly + c.no + c.na + c.not_visible + c.outOfScope + c.unanswered + c.notComparable).toBe(incidents);
          expect(f.compliance).toMatchObject({ successes: c.yes, n: c.yes + c.partly + c.no });
          expect(f.yesOrPartly.successes).toBe(c.yes + c.partly);
        }
      }),
    );
  });

  it('equal weights give the unweighted point estimate and a design effect of 1', () => {
    fc.assert(
      fc.property(fc.array(reviewArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 20 }), (specs, factor) => {
        const reviews = specs.map((s) =>
          review({ incident: s.incident, stratum: s.stratum, reviewer: s.reviewer, at: `2025-03-01T10:${String(s.minute).padStart(2, '0')}:00Z`, scope: s.scope, items: { 1: s.items[0], 2: s.items[1], 3: s.items[2] }, overall: s.overall }),
        );
        // N_h = factor · m_h in every stratum, so every weight is the same.
        const firstStratum = new Map<number, string>();
        for (const r of [...reviews].sort((x, y) => x.submittedAt.localeCompare(y.submittedAt) || x.reviewerId.localeCompare(y.reviewerId))) {
          if (!firstStratum.has(r.incidentId)) firstStratum.set(r.incidentId, r.stratum);
        }
        const m = new Map<string, number>();
        for (const s of firstStratum.values()) m.set(s, (m.get(s) ?? 0) + 1);
        const allocation = [...m].map(([key, mh]) => ({ key, population: factor * mh, sample: mh }));
        const model = build({ month: '2025-03', rubric, reviews, sampled: [], allocation, proportional: false });
        model.items.forEach((f, i) => {
          const w = model.weighted?.items[i]?.compliance;
          if (f.compliance.n === 0) expect(w).toBeNull();
          else {
            expect(w?.point).toBeCloseTo(f.compliance.successes / f.compliance.n, 12);
            expect(w?.designEffect).toBeCloseTo(1, 12);
          }
        });
      }),
    );
  });
});
