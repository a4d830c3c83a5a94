import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersToRows, applyRow } from '../../../electron/core/reviews/scoreRows';
import { emptyAnswers, type ReviewAnswers } from '../../../shared/rubric/answers';
import { ITEM_ANSWERS, OVERALL_ANSWERS } from '../../../shared/rubric/codes';
import { parseRubric, type Rubric } from '../../../shared/rubric/schema';
import { checkSubmittable } from '../../../shared/rubric/validate';

const parsed = parseRubric(readFileSync(join(__dirname, '../../../resources/rubrics/child-focus.v1.json'), 'utf8'), 'child-focus.v1.json');
if (!parsed.ok) throw new Error(parsed.error);
const rubric: Rubric = parsed.rubric;

function apply(rows: { item: string; answer: string; notes?: string }[]): { answers: ReviewAnswers; errors: (string | null)[] } {
  const answers = emptyAnswers(rubric);
  const errors = rows.map((r) => applyRow(rubric, answers, { notes: '', ...r }));
  return { answers, errors };
}

describe('score rows (the CSV long format)', () => {
  it('reads a complete in-scope review that can then be submitted', () => {
    const rows = [
      { item: 'scope', answer: 'yes' },
      ...rubric.items.map((i) => ({ item: String(i.number), answer: 'yes', notes: `item ${i.number}` })),
      { item: 'overall', answer: 'good', notes: 'clear child focus' },
    ];
    const { answers, errors } = apply(rows);
    expect(errors.every((e) => e === null)).toBe(true);
    expect(checkSubmittable(rubric, answers)).toEqual([]);
    expect(answers.items['3']).toEqual({ answer: 'yes', notes: 'item 3', evidence: [] });
    expect(answers.overall).toEqual({ answer: 'good', learningNote: 'clear child focus' });
    expect(answers.escalation).toEqual({ flag: false, note: '' });
  });

  it('matches answers without regard to case or spaces, and keeps notes exactly', () => {
    const { answers, errors } = apply([
      { item: ' Scope ', answer: ' YES ' },
      { item: '4', answer: 'Not_Visible', notes: '  camera pointing at the floor  ' },
    ]);
    expect(errors).toEqual([null, null]);
    expect(answers.scope).toBe('yes');
    expect(answers.items['4']).toEqual({ answer: 'not_visible', notes: '  camera pointing at the floor  ', evidence: [] });
  });

  it.each([
    [{ item: 'scope', answer: 'maybe' }, "answer 'maybe' is not valid for scope (use yes|no)"],
    [{ item: 'scope', answer: 'yes', notes: 'a note' }, 'scope takes no notes'],
    [{ item: '3', answer: 'good' }, "answer 'good' is not valid for item 3 (use yes|partly|no|na|not_visible)"],
    [{ item: '18', answer: 'yes' }, "item '18' is not one of scope, 1…17, overall, escalation"],
    [{ item: 'overal', answer: 'good' }, "item 'overal' is not one of scope, 1…17, overall, escalation"],
    [{ item: 'overall', answer: 'yes' }, "answer 'yes' is not valid for overall (use good|requires_improvement|inadequate)"],
    [{ item: 'escalation', answer: 'partly' }, "answer 'partly' is not valid for escalation (use yes|no)"],
    [{ item: 'escalation', answer: 'yes', notes: '   ' }, 'escalation yes needs notes saying what was seen and what was not done'],
    [{ item: '1', answer: 'yes', notes: 'x'.repeat(10_001) }, 'notes are longer than 10000 characters'],
  ])('refuses %j', (row, message) => {
    expect(apply([row]).errors).toEqual([message]);
  });

  it('writes rows in rubric order: scope, answered items, overall, escalation', () => {
    const { answers } = apply([
      { item: 'scope', answer: 'no' },
      { item: 'overall', answer: 'requires_improvement', notes: 'asked at the door only' },
      { item: 'escalation', answer: 'yes', notes: 'baby heard crying upstairs, not checked' },
    ]);
    expect(answersToRows(rubric, answers)).toEqual([
      { item: 'scope', answer: 'no', notes: '' },
      { item: 'overall', answer: 'requires_improvement', notes: 'asked at the door only' },
      { item: 'escalation', answer: 'yes', notes: 'baby heard crying upstairs, not checked' },
    ]);
  });

  it('round-trips any submitted review through rows and back', () => {
    const note = fc.string({ maxLength: 40 });
    const itemAnswer = fc.record({ answer: fc.option(fc.constantFrom(...ITEM_ANSWERS), { nil: null }), notes: note });
    const review = fc.record({
      scope: fc.constantFrom('yes' as const, 'no' as const),
      items: fc.array(itemAnswer, { minLength: 17, maxLength: 17 }),
      overall: fc.record({ answer: fc.constantFrom(...OVERALL_ANSWERS), learningNote: note }),
      escalation: fc.oneof(
        fc.record({ flag: fc.constant(true), note: note.filter((s) => s.trim() !== '') }),
        fc.record({ flag: fc.constant(false), note }),
      ),
    });
    fc.assert(
      fc.property(review, (r) => {
        const answers = emptyAnswers(rubric);
        answers.scope = r.scope;
        rubric.items.forEach((item, i) => {
          const a = r.items[i]!;
          // An item without an answer has no row, so its notes cannot travel: the format carries answered items only.
          answers.items[item.id] = { answer: a.answer, notes: a.answer === null ? '' : a.notes, evidence: [] };
        });
        answers.overall = r.overall;
        answers.escalation = r.escalation;
        const back = emptyAnswers(rubric);
        for (const row of answersToRows(rubric, answers)) expect(applyRow(rubric, back, row)).toBeNull();
        expect(back).toEqual(answers);
      }),
    );
  });
});
