import { describe, expect, it } from 'vitest';
import { calibrationQuestions, OUT_OF_SCOPE } from '../../../electron/core/calibration/questions';
import { roundTables } from '../../../electron/core/calibration/tables';
import { questionStats } from '../../../electron/core/calibration/figures';
import { answers, childFocus, data, incident, pending, submitted } from './fixtures';

const rubric = childFocus();

describe('calibration questions read from the rubric', () => {
  const q = calibrationQuestions(rubric);

  it('has scope, items 1–17 in number order and the overall judgement, on their scales', () => {
    expect(q.items.map((i) => i.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(q.items.every((i) => i.level === 'ordinal')).toBe(true);
    expect(q.items[0]!.categories).toEqual([1, 2, 3]);
    expect(q.overall.categories).toEqual([1, 2, 3]);
    expect(q.scope.level).toBe('nominal');
    expect(q.scope.categories).toEqual(['yes', 'no']);
  });

  it('orders yes > partly > no and good > requires improvement > inadequate; n/a and not visible are missing', () => {
    const item = q.items[2]!;
    const rate = (answer: 'yes' | 'partly' | 'no' | 'na' | 'not_visible') => item.rate(answers(rubric, { items: { '3': answer } }));
    expect([rate('no'), rate('partly'), rate('yes')]).toEqual([1, 2, 3]);
    expect(rate('na')).toBeNull();
    expect(rate('not_visible')).toBeNull();
    expect(item.rate(answers(rubric, {}))).toBeNull();
    const overall = (o: 'good' | 'requires_improvement' | 'inadequate') => q.overall.rate(answers(rubric, { overall: o }));
    expect([overall('inadequate'), overall('requires_improvement'), overall('good')]).toEqual([1, 2, 3]);
  });

  it('treats items as out of scope (missing) for a reviewer who answered scope "no", whatever is left on them', () => {
    const a = answers(rubric, { scope: 'no', items: { '1': 'yes' }, overall: 'good' });
    expect(q.items[0]!.rate(a)).toBeNull();
    expect(q.items[0]!.code(a)).toBe(OUT_OF_SCOPE);
    expect(q.items[0]!.labelOf(OUT_OF_SCOPE)).toMatch(/out of scope/i);
    expect(q.scope.rate(a)).toBe('no');
    expect(q.overall.rate(a)).toBe(3);
  });
});

describe('round tables', () => {
  it('has one unit per incident with a submitted review, one rater per reviewer who submitted; drafts never count', () => {
    const d = data(rubric, [
      incident(1, [submitted('b.sgt', answers(rubric, { items: { '1': 'yes' } })), submitted('a.sgt', answers(rubric, { items: { '1': 'no' } }))]),
      incident(2, [submitted('a.sgt', answers(rubric, { items: { '1': 'yes' } })), pending('c.sgt', 'draft')]),
      incident(3, [pending('a.sgt', 'not_started'), pending('b.sgt', 'draft')]),
    ]);
    const t = roundTables(d);
    const item1 = t.items[0]!.table;
    expect(item1.units).toEqual(['1', '2']);
    expect(item1.raters).toEqual(['a.sgt', 'b.sgt']);
    expect(item1.values).toEqual([
      [1, 3],
      [3, null],
    ]);
    // Pooled: one unit per incident and item.
    expect(t.allItems.table.units).toHaveLength(2 * 17);
    expect(t.allItems.table.units[0]).toBe('1/item:1');
  });

  it("reproduces Cohen's published worked example end to end, with n/a, not visible and out-of-scope answers left out", () => {
    // Wikipedia, "Cohen's kappa", worked example: 50 proposals read by A and B; both yes 20, A yes/B no 5,
    // A no/B yes 10, both no 15: p_o = 0.70, p_e = 0.50, kappa = 0.40.
    // Krippendorff's alpha by hand for the same data: pooled values yes 55, no 45 of n = 100; 30 disagreeing pairs
    // (both orders); alpha = 1 − (n − 1)·30 / (2·55·45) = 1 − 99·30/4950 = 0.40.
    const cells: [string, string, number][] = [
      ['yes', 'yes', 20],
      ['yes', 'no', 5],
      ['no', 'yes', 10],
      ['no', 'no', 15],
    ];
    const incidents = [];
    let id = 0;
    for (const [a, b, count] of cells) {
      for (let k = 0; k < count; k++) {
        id++;
        incidents.push(
          incident(id, [
            submitted('a.sgt', answers(rubric, { items: { '5': a as 'yes' | 'no' } })),
            submitted('b.sgt', answers(rubric, { items: { '5': b as 'yes' | 'no' } })),
          ]),
        );
      }
    }
    // Three incidents that must not move the figures: each leaves one reviewer without a usable item-5 answer.
    incidents.push(incident(51, [submitted('a.sgt', answers(rubric, { items: { '5': 'na' } })), submitted('b.sgt', answers(rubric, { items: { '5': 'no' } }))]));
    incidents.push(incident(52, [submitted('a.sgt', answers(rubric, { items: { '5': 'yes' } })), submitted('b.sgt', answers(rubric, { items: { '5': 'not_visible' } }))]));
    incidents.push(incident(53, [submitted('a.sgt', answers(rubric, { scope: 'no', items: { '5': 'no' } })), submitted('b.sgt', answers(rubric, { items: { '5': 'yes' } }))]));

    const t = roundTables(data(rubric, incidents));
    const item5 = t.items.find((i) => i.head.number === 5)!;
    const stats = questionStats(item5.head, item5.table, 'none');
    expect(stats.units).toBe(53);
    expect(stats.raters).toBe(2);
    expect(stats.figures.cohen.value).toBeCloseTo(0.4, 3);
    expect(stats.figures.cohen.units).toBe(50);
    expect(stats.figures.cohen.band).toBe('fair');
    expect(stats.figures.percent.value).toBeCloseTo(0.7, 3);
    expect(stats.figures.krippendorff.value).toBeCloseTo(0.4, 3);
    expect(stats.figures.krippendorff.excludedUnits).toBe(3);
    expect(stats.figures.krippendorff.band).toBe('unreliable');
    expect(stats).toMatchObject({ compared: 50, disagreements: 15 });
  });
});
