import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { othersAnswersVisible } from '../../../electron/core/reviews/blind';
import { describeChanges } from '../../../electron/core/reviews/changes';
import { ukDay } from '../../../electron/core/reviews/consultation';
import { requireFit } from '../../../electron/core/reviews/fit';
import type { ReviewStatus } from '../../../shared/ipc/reviews';
import { emptyAnswers } from '../../../shared/rubric/answers';
import { parseRubric } from '../../../shared/rubric/schema';

const parsed = parseRubric(readFileSync(join(__dirname, '../../../resources/rubrics/child-focus.v1.json'), 'utf8'), 'child-focus.v1.json');
if (!parsed.ok) throw new Error(parsed.error);
const rubric = parsed.rubric;

describe('what an amendment changed', () => {
  it('names each changed field in the words of the form, and nothing else', () => {
    const before = emptyAnswers(rubric);
    before.scope = 'yes';
    before.items['3'] = { answer: 'yes', notes: 'spoke to her', evidence: [{ clipId: 7, second: 252 }] };
    const after = structuredClone(before);
    after.items['3'] = { answer: 'partly', notes: 'spoke to her', evidence: [{ clipId: 7, second: 252 }, { clipId: 8, second: 61.5 }] };
    after.escalation = { flag: true, note: 'no referral made' };
    expect(describeChanges(rubric, before, after)).toEqual([
      { questionId: '3', field: 'Item 3 answer', before: 'Yes', after: 'Partly' },
      { questionId: '3', field: 'Item 3 evidence', before: 'clip 7 at 04:12', after: 'clip 7 at 04:12, clip 8 at 01:01' },
      { questionId: 'escalation', field: 'Safeguarding escalation', before: 'Not raised', after: 'Raised' },
      { questionId: 'escalation', field: 'Escalation note', before: '(none)', after: 'no referral made' },
    ]);
  });

  it('finds no change between identical answers', () => {
    const a = emptyAnswers(rubric);
    expect(describeChanges(rubric, a, structuredClone(a))).toEqual([]);
  });

  it('labels answers with the scale labels', () => {
    const before = emptyAnswers(rubric);
    const after = structuredClone(before);
    after.items['5'] = { answer: 'not_visible', notes: '', evidence: [] };
    after.overall = { answer: 'requires_improvement', learningNote: '' };
    expect(describeChanges(rubric, before, after).map((c) => `${c.field}: ${c.before} → ${c.after}`)).toEqual([
      'Item 5 answer: (no answer) → Not visible on footage',
      'Overall judgement: (no answer) → Requires improvement',
    ]);
  });
});

describe('blind calibration rule', () => {
  const m = (entries: [string, ReviewStatus][]) => new Map(entries);
  it('withholds answers until every scorer has submitted', () => {
    expect(othersAnswersVisible(m([['a', 'submitted'], ['b', 'draft']]))).toBe(false);
    expect(othersAnswersVisible(m([['a', 'submitted'], ['b', 'not_started']]))).toBe(false);
    expect(othersAnswersVisible(m([['a', 'submitted'], ['b', 'submitted'], ['c', 'draft']]))).toBe(false);
    expect(othersAnswersVisible(m([['a', 'submitted'], ['b', 'submitted']]))).toBe(true);
  });
});

describe('answers must fit the round', () => {
  const clips = new Set([7, 8]);
  it('accepts a fresh document for the rubric', () => {
    expect(() => requireFit(rubric, emptyAnswers(rubric), clips)).not.toThrow();
  });
  it.each([
    ['another rubric version', (a: ReturnType<typeof emptyAnswers>) => void (a.rubricVersion = 2), /answers are for rubric child-focus v2, but this round uses child-focus v1/],
    ['an item the rubric lacks', (a: ReturnType<typeof emptyAnswers>) => void (a.items['99'] = { answer: null, notes: '', evidence: [] }), /has no item "99"/],
    ['a pin on another incident\'s clip', (a: ReturnType<typeof emptyAnswers>) => void (a.items['2'] = { answer: null, notes: '', evidence: [{ clipId: 9, second: 1 }] }), /answers\.items\.2\.evidence: clip 9 is not footage of this incident/],
    ['an unknown context question', (a: ReturnType<typeof emptyAnswers>) => void (a.context['x'] = 'yes'), /has no context question "x"/],
  ])('refuses %s', (_what, spoil, message) => {
    const a = emptyAnswers(rubric);
    spoil(a);
    expect(() => requireFit(rubric, a, clips)).toThrow(message);
  });
});

describe('UK day of a consultation', () => {
  // BST began at 01:00 UTC on Sunday 29 March 2026 (last Sunday in March, Summer Time Order 2002).
  it('follows UK local time, not UTC', () => {
    expect(ukDay(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    expect(ukDay(new Date('2026-06-15T23:30:00Z'))).toBe('2026-06-16');
    expect(ukDay(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28');
    expect(ukDay(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25');
  });
});
