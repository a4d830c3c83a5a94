import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAnswers, parseAnswers, type ReviewAnswers } from '../../../shared/rubric/answers';
import { ITEM_ANSWERS } from '../../../shared/rubric/codes';
import { parseRubric, type Rubric } from '../../../shared/rubric/schema';
import { applicableItems, checkSubmittable } from '../../../shared/rubric/validate';

const v1Text = readFileSync(new URL('../../../resources/rubrics/child-focus.v1.json', import.meta.url), 'utf8');

function rubricFrom(text: string): Rubric {
  const r = parseRubric(text, 'test rubric');
  if (!r.ok) throw new Error(r.error);
  return r.rubric;
}
const v1 = rubricFrom(v1Text);

/** Every question answered, as a reviewer would submit. */
function complete(rubric: Rubric): ReviewAnswers {
  const a = emptyAnswers(rubric);
  a.scope = 'yes';
  for (const item of rubric.items) a.items[item.id] = { answer: 'yes', notes: '', evidence: [{ clipId: 7, second: 12.5 }] };
  a.overall = { answer: 'good', learningNote: 'Child seen and spoken to alone; keep doing this.' };
  return a;
}

function messages(rubric: Rubric, a: ReviewAnswers): string[] {
  return checkSubmittable(rubric, a).map((p) => p.message);
}

describe('emptyAnswers', () => {
  it('has every question present and unanswered, and is itself a valid answers document', () => {
    const a = emptyAnswers(v1);
    expect(a.rubricId).toBe('child-focus');
    expect(a.rubricVersion).toBe(1);
    expect(Object.keys(a.items)).toHaveLength(17);
    expect(a.context).toEqual({ 'camera-on': null });
    expect(parseAnswers(a, 'empty').ok).toBe(true);
  });
});

describe('checkSubmittable', () => {
  it('names the scope, every item and the overall judgement of an empty review', () => {
    const problems = messages(v1, emptyAnswers(v1));
    expect(problems).toContain('The scope question (Were any children present at, or…) has no answer');
    expect(problems).toContain('Item 4 (Child spoken to away from the suspect…) has no answer');
    expect(problems).toContain('Item 2 (Each child seen by an officer on camera) has no answer');
    expect(problems.filter((m) => m.startsWith('Item '))).toHaveLength(17);
    expect(problems).toContain('The overall judgement (Overall child focus of the attendance) has no answer');
    expect(problems).toContain('The overall judgement (Overall child focus of the attendance) needs a learning note');
    expect(problems).toHaveLength(20);
  });

  it('accepts a complete review', () => {
    expect(checkSubmittable(v1, complete(v1))).toEqual([]);
  });

  it('with scope "no" puts items 1-17 out of scope but still wants the overall judgement', () => {
    const a = emptyAnswers(v1);
    a.scope = 'no';
    expect(applicableItems(v1, a)).toEqual([]);
    expect(checkSubmittable(v1, a).map((p) => p.questionId)).toEqual(['18', '18']);
    a.overall = { answer: 'good', learningNote: 'Officers confirmed no children live there.' };
    expect(checkSubmittable(v1, a)).toEqual([]);
  });

  it('treats every item as applicable until scope is answered', () => {
    expect(applicableItems(v1, emptyAnswers(v1))).toHaveLength(17);
  });

  it('wants a note on a raised escalation flag, blank or whitespace alike', () => {
    const a = complete(v1);
    a.escalation = { flag: true, note: '  \n ' };
    expect(checkSubmittable(v1, a)).toEqual([
      { questionId: 'escalation', message: 'The safeguarding escalation is flagged but has no note saying what was seen and what was not done' },
    ]);
    a.escalation.note = 'Toddler with untreated burn; no Merlin raised.';
    expect(checkSubmittable(v1, a)).toEqual([]);
  });

  it('refuses answers made with another rubric version in one plain problem', () => {
    const a = complete(v1);
    a.rubricVersion = 2;
    expect(checkSubmittable(v1, a)).toEqual([
      { questionId: 'rubric', message: 'These answers were made with rubric child-focus v2, not child-focus v1' },
    ]);
  });

  it('names items and context questions the rubric does not have', () => {
    const a = complete(v1);
    a.items['99'] = { answer: 'yes', notes: '', evidence: [] };
    a.context['lights'] = 'yes';
    expect(messages(v1, a)).toEqual([
      'The answers hold an item "99" that rubric child-focus v1 does not have',
      'The answers hold a context question "lights" that rubric child-focus v1 does not have',
    ]);
  });

  it("refuses an answer the item's own scale does not offer", () => {
    const data = JSON.parse(v1Text);
    data.answerScales.yes_no = [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ];
    data.items[12].scale = 'yes_no';
    const rubric = rubricFrom(JSON.stringify(data));
    const a = complete(rubric);
    a.items['13'] = { answer: 'partly', notes: '', evidence: [] };
    expect(messages(rubric, a)).toEqual(['Item 13 (DASH completed including the child…) has the answer "partly", which its scale does not offer']);
  });

  it('for any mix of answers, in scope, lists exactly the unanswered items', () => {
    const answer = fc.constantFrom(...ITEM_ANSWERS, null);
    fc.assert(
      fc.property(fc.array(answer, { minLength: 17, maxLength: 17 }), (chosen) => {
        const a = complete(v1);
        chosen.forEach((value, i) => {
          a.items[String(i + 1)] = { answer: value, notes: '', evidence: [] };
        });
        const missing = chosen.flatMap((value, i) => (value === null ? [String(i + 1)] : []));
        expect(checkSubmittable(v1, a).map((p) => p.questionId)).toEqual(missing);
      }),
    );
  });
});

describe('parseAnswers limits', () => {
  function withItem4(patch: Record<string, unknown>): unknown {
    const a = complete(v1) as unknown as { items: Record<string, Record<string, unknown>> };
    a.items['4'] = { ...a.items['4'], ...patch };
    return a;
  }
  function pathsOf(value: unknown): string[] {
    const r = parseAnswers(value, 'review 12');
    return r.ok ? [] : r.issues.map((i) => i.path);
  }

  it('takes notes up to 10,000 characters and refuses more', () => {
    expect(pathsOf(withItem4({ notes: 'x'.repeat(10_000) }))).toEqual([]);
    expect(pathsOf(withItem4({ notes: 'x'.repeat(10_001) }))).toEqual(['items["4"].notes']);
  });

  it('takes 50 evidence timestamps per item and refuses 51', () => {
    const ev = (n: number) => Array.from({ length: n }, (_, i) => ({ clipId: 1, second: i }));
    expect(pathsOf(withItem4({ evidence: ev(50) }))).toEqual([]);
    expect(pathsOf(withItem4({ evidence: ev(51) }))).toEqual(['items["4"].evidence']);
  });

  it('refuses negative, infinite and NaN seconds and a non-positive clip id', () => {
    expect(pathsOf(withItem4({ evidence: [{ clipId: 1, second: -0.5 }] }))).toEqual(['items["4"].evidence[0].second']);
    expect(pathsOf(withItem4({ evidence: [{ clipId: 1, second: Number.POSITIVE_INFINITY }] }))).toEqual(['items["4"].evidence[0].second']);
    expect(pathsOf(withItem4({ evidence: [{ clipId: 1, second: Number.NaN }] }))).toEqual(['items["4"].evidence[0].second']);
    expect(pathsOf(withItem4({ evidence: [{ clipId: 0, second: 1 }] }))).toEqual(['items["4"].evidence[0].clipId']);
  });

  it('refuses an unknown answer code and names the document', () => {
    const r = parseAnswers(withItem4({ answer: 'maybe' }), 'review 12');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^review 12: items\["4"\]\.answer: /);
  });

  it('refuses a missing escalation with "Required"', () => {
    const a = complete(v1) as Partial<ReviewAnswers>;
    delete a.escalation;
    const r = parseAnswers(a, 'review 12');
    expect(r.ok ? '' : r.error).toBe('review 12: escalation: Required');
  });
});
