import { describe, expect, it } from 'vitest';
import { compareIncidents } from '../../../electron/core/calibration/compare';
import { answers, childFocus, data, incident, pending, submitted } from './fixtures';

const rubric = childFocus();

describe('side-by-side comparison', () => {
  const d = data(
    rubric,
    [
      incident(7, [
        submitted('ash', answers(rubric, { items: { '1': 'yes', '2': 'no', '3': 'na', '4': 'partly' }, overall: 'good' })),
        submitted('bell', answers(rubric, { items: { '1': 'yes', '2': 'yes', '3': 'no', '4': 'partly' }, overall: 'requires_improvement' })),
      ]),
      incident(8, [submitted('ash', answers(rubric, { scope: 'no', overall: 'good' })), submitted('quinn', answers(rubric, { items: { '1': 'no' }, overall: 'good' }))]),
      incident(9, [submitted('ash', answers(rubric, { items: { '1': 'yes' } })), pending('quinn', 'draft')], null),
    ],
    { ash: 'Sgt Ash', bell: 'Sgt Bell', quinn: 'Insp Quinn' },
  );

  it('sets every question side by side in form order, flagging differences with their distance in steps', () => {
    const [first] = compareIncidents(d, 'analyst').incidents;
    expect(first!.rows.map((r) => r.key)).toEqual(['scope', ...rubric.items.map((i) => `item:${i.id}`), 'overall']);
    const row = (key: string) => first!.rows.find((r) => r.key === key)!;
    expect(row('item:1')).toMatchObject({ disagree: false, steps: 0 });
    expect(row('item:2')).toMatchObject({ disagree: true, steps: 2 });
    expect(row('item:2').answers).toEqual([
      { reviewerId: 'ash', code: 'no', label: 'No' },
      { reviewerId: 'bell', code: 'yes', label: 'Yes' },
    ]);
    // "Not applicable" against "No" is worth discussing, though the statistics treat n/a as missing.
    expect(row('item:3')).toMatchObject({ disagree: true, steps: null });
    expect(row('item:5')).toMatchObject({ disagree: false, steps: null });
    expect(row('overall')).toMatchObject({ disagree: true, steps: 1 });
    expect(first!.disagreements).toBe(3);
    expect(first!.withheld).toBe(false);
    expect(first!.reviewers.map((r) => r.displayName)).toEqual(['Sgt Ash', 'Sgt Bell']);
  });

  it('shows a scope "no" as out of scope on every item', () => {
    const second = compareIncidents(d, 'analyst').incidents[1]!;
    const item1 = second.rows.find((r) => r.key === 'item:1')!;
    expect(item1.answers[0]).toEqual({ reviewerId: 'ash', code: 'out_of_scope', label: 'Out of scope (no child)' });
    expect(item1.disagree).toBe(true);
    expect(second.rows.find((r) => r.key === 'scope')!.disagree).toBe(true);
  });

  it('keeps the others hidden from a scorer who has not submitted (blind scoring), but not from anyone else', () => {
    const forQuinn = compareIncidents(d, 'quinn').incidents[2]!;
    expect(forQuinn.withheld).toBe(true);
    expect(forQuinn.rows.every((r) => r.answers.every((a) => a.code === null))).toBe(true);
    expect(forQuinn.reviewers.map((r) => r.status)).toEqual(['submitted', 'draft']);
    // Quinn submitted incident 8, so it stays open to them.
    expect(compareIncidents(d, 'quinn').incidents[1]!.withheld).toBe(false);
    const forAnalyst = compareIncidents(d, 'analyst').incidents[2]!;
    expect(forAnalyst.withheld).toBe(false);
    expect(forAnalyst.rows.find((r) => r.key === 'item:1')!.answers[0]!.code).toBe('yes');
  });
});
