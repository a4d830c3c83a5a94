import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../electron/core/errors';
import { reportDocument } from '../../../electron/core/reports/document';
import { gatherReport } from '../../../electron/core/reports/gather';
import { reportChoices } from '../../../electron/core/reports/options';
import type { ReportDocument, ReportScope } from '../../../shared/report/document';
import type { Proportion } from '../../../shared/report/types';
import { addIncident, addReview, addRound, addSample, answers, childFocus, october, RESOURCES, reportDb, tmp } from './fixture';

function report(db: ReturnType<typeof reportDb>['db'], scope: ReportScope, resources = RESOURCES): ReportDocument {
  return reportDocument(gatherReport(db, resources, scope), { generatedBy: 'lead.one' });
}

function expectWilson(p: Proportion | null | undefined, successes: number, n: number, lower: number, upper: number): void {
  expect(p).toMatchObject({ successes, n });
  expect(p?.interval?.lower).toBeCloseTo(lower, 5);
  expect(p?.interval?.upper).toBeCloseTo(upper, 5);
}

function thrown(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('gathering a report from the database', () => {
  it('counts a round by hand: submitted reviews only, one per incident, out of scope and not visible outside the rates', () => {
    const { db } = reportDb();
    october(db);
    const { model, meta } = report(db, { kind: 'round', roundId: 1 });
    // Wilson 95% by hand (see tests/unit/report/model.test.ts): 2/4 -> [0.150038, 0.849962]; 1/4 -> [0.045587, 0.699359];
    // 3/4 -> [0.300641, 0.954413]; 2/3 -> [0.207659, 0.938509]; 5/6 -> [0.436496, 0.969946].
    const item = (n: number) => model.items.find((f) => f.number === n)!;
    expect(item(1).counts).toMatchObject({ yes: 2, partly: 1, no: 1, outOfScope: 1, na: 0, not_visible: 0 });
    expectWilson(item(1).compliance, 2, 4, 0.150038, 0.849962);
    expectWilson(item(1).yesOrPartly, 3, 4, 0.300641, 0.954413);
    expectWilson(item(2).compliance, 1, 4, 0.045587, 0.699359);
    expect(item(7).counts).toMatchObject({ yes: 2, no: 1, not_visible: 1 });
    expectWilson(item(7).compliance, 2, 3, 0.207659, 0.938509);
    expectWilson(model.completion.rate, 5, 6, 0.436496, 0.969946);
    expect(model.summary).toEqual({ reviewsSubmitted: 6, incidentsCounted: 5, inScope: 4, outOfScope: 1, scopeUnanswered: 0 });
    // The draft of incident 6 (with its "escalation") is not data yet.
    expect(model.escalations.map((e) => [e.reference, e.reviewerId])).toEqual([['CAD 2', 's1']]);
    expect(model.completion.missing.map((m) => m.incidentId)).toEqual([6]);
    expect(meta.bcu).toBe('Central East');
    expect(meta.month).toBe('2025-10');
    expect(meta.asAt).toBe('2025-11-08T10:00:00.000Z');
  });

  it('takes the agreement section from the calibration pair', () => {
    const { db } = reportDb();
    october(db);
    const { model } = report(db, { kind: 'round', roundId: 1 });
    expect(model.agreement.incidents).toBe(1);
    expect(model.agreement.reviewers).toBe(2);
    const item1 = model.agreement.items.find((r) => r.number === 1)!;
    // Incident 5: s1 answered no, s2 yes on item 1; items 2-17 both no.
    expect(item1.percent.value).toBe(0);
    expect(model.agreement.items.find((r) => r.number === 2)!.percent.value).toBe(1);
    expect(model.agreement.pooled.percent.value).toBeCloseTo(16 / 17, 12);
    expect(model.agreement.pooled.units).toBe(17);
  });

  it('lays out a round with its statement and appendix', () => {
    const { db } = reportDb();
    october(db);
    const { meta } = report(db, { kind: 'round', roundId: 1 });
    expect(meta.rounds).toHaveLength(1);
    const r = meta.rounds[0]!;
    expect(r).toMatchObject({ id: 1, frameSize: 60, n: 6, seed: '20251101', proportional: true, incidentsInReport: 6, incidentsInRound: 6 });
    expect(r.allocation).toEqual([
      { key: 'Team A', population: 30, sample: 3, weight: 10 },
      { key: 'Team B', population: 30, sample: 3, weight: 10 },
    ]);
    expect(r.filters).toContainEqual({ label: 'bcu', value: 'Central East' });
    expect(r.sizeMethod).toBe('method: fixed; n: 6');
    expect(meta.appendix.map((a) => [a.reference, a.team, a.reviewers.join('+'), a.overall])).toEqual([
      ['CAD 1', 'Team A', 's1', 'Good'],
      ['CAD 2', 'Team A', 's1', 'Requires improvement'],
      ['CAD 3', 'Team A', 's2', 'Inadequate'],
      ['CAD 4', 'Team B', 's2', 'Good'],
      ['CAD 5', 'Team B', 's1+s2', 'Inadequate'],
      ['CAD 6', 'Team B', '', null],
    ]);
    expect(meta.appendix[0]!.officers).toEqual(['PC 101', 'PC 200']);
    expect(meta.reviewNotes).toEqual([]);
  });

  it('reads a BCU-month (case and spacing ignored) with the trend from earlier months', () => {
    const { db } = reportDb();
    october(db);
    const { model, meta } = report(db, { kind: 'month', bcu: ' central  EAST ', month: '2025-10' });
    expect(meta.bcu).toBe('Central East');
    expect(meta.rounds.map((r) => r.id)).toEqual([1]);
    expect(model.trend.map((t) => t.month)).toEqual(['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10']);
    const sept = model.trend[4]!.items.find((i) => i.itemId === model.items[0]!.itemId)!.compliance;
    expect(sept).toMatchObject({ successes: 4, n: 4 });
    expect(model.trend[3]!.items.every((i) => i.compliance === null)).toBe(true);
    // September on its own: every item yes.
    const september = report(db, { kind: 'month', bcu: 'Central East', month: '2025-09' });
    expect(september.model.items.every((f) => f.compliance.successes === 4 && f.compliance.n === 4)).toBe(true);
  });

  it('places incidents in their UK local month: 23:30 UTC on 31 October 2025 is still October (GMT)', () => {
    const { db } = reportDb();
    const rubric = childFocus();
    addIncident(db, { id: 1, startedAt: '2025-10-31T23:30:00.000Z' });
    // 23:30 UTC on 30 September is 00:30 BST on 1 October.
    addIncident(db, { id: 2, startedAt: '2025-09-30T23:30:00.000Z' });
    addIncident(db, { id: 3, startedAt: '2025-09-30T22:30:00.000Z' });
    addRound(db, { id: 1, allocation: [{ key: 'all', population: 3, sample: 3 }] });
    for (const id of [1, 2, 3]) addSample(db, 1, id, 'all', id);
    for (const id of [1, 2, 3]) addReview(db, { roundId: 1, incidentId: id, reviewer: 's1', answers: answers(rubric) });
    const oct = report(db, { kind: 'month', bcu: 'Central East', month: '2025-10' });
    expect(oct.meta.appendix.map((a) => a.incidentId)).toEqual([1, 2]);
    expect(oct.meta.rounds[0]).toMatchObject({ incidentsInReport: 2, incidentsInRound: 3 });
    const sep = report(db, { kind: 'month', bcu: 'Central East', month: '2025-09' });
    expect(sep.meta.appendix.map((a) => a.incidentId)).toEqual([3]);
  });

  it('combines several rounds of a month with strata per round, and tests proportionality on them together', () => {
    const { db } = reportDb();
    const rubric = childFocus();
    for (let id = 1; id <= 4; id += 1) addIncident(db, { id, startedAt: `2025-10-0${id}T10:00:00.000Z` });
    // Round 1 samples 2 of 10, round 2 samples 2 of 40: each proportional alone, not together.
    addRound(db, { id: 1, allocation: [{ key: 'Team A', population: 10, sample: 2 }] });
    addRound(db, { id: 2, allocation: [{ key: 'Team A', population: 40, sample: 2 }], drawnAt: '2025-11-02T09:00:00.000Z' });
    addSample(db, 1, 1, 'Team A', 1);
    addSample(db, 1, 2, 'Team A', 2);
    addSample(db, 2, 3, 'Team A', 1);
    addSample(db, 2, 4, 'Team A', 2);
    addReview(db, { roundId: 1, incidentId: 1, reviewer: 's1', answers: answers(rubric) });
    addReview(db, { roundId: 1, incidentId: 2, reviewer: 's1', answers: answers(rubric) });
    addReview(db, { roundId: 2, incidentId: 3, reviewer: 's1', answers: answers(rubric, { rest: 'no' }) });
    addReview(db, { roundId: 2, incidentId: 4, reviewer: 's1', answers: answers(rubric, { rest: 'no' }) });
    const { model, meta } = report(db, { kind: 'month', bcu: 'Central East', month: '2025-10' });
    expect(meta.rounds.map((r) => r.id)).toEqual([1, 2]);
    expect(model.byStratum.map((g) => g.key)).toEqual(['round 1: Team A', 'round 2: Team A']);
    expect(model.weighted).not.toBeNull();
    // Weights 10/2 = 5 and 40/2 = 20: weighted compliance = 2·5 / (2·5 + 2·20) = 0.2, unweighted 2/4.
    expect(model.items[0]!.compliance).toMatchObject({ successes: 2, n: 4 });
    expect(model.weighted!.items[0]!.compliance!.point).toBeCloseTo(0.2, 12);
    expect(model.notes.join(' ')).toMatch(/not sampled in proportion/);
  });

  it('a round with no submitted reviews is a report that says so', () => {
    const { db } = reportDb();
    addIncident(db, { id: 1 });
    addRound(db, { id: 7, allocation: [{ key: 'all', population: 5, sample: 1 }] });
    addSample(db, 7, 1, 'all', 1);
    addReview(db, { roundId: 7, incidentId: 1, reviewer: 's1', status: 'draft', submittedAt: null, answers: answers(childFocus()) });
    const { model, meta } = report(db, { kind: 'round', roundId: 7 });
    expect(model.summary.reviewsSubmitted).toBe(0);
    expect(model.notes[0]).toMatch(/No reviews have been submitted for this round: 1 incident was sampled/);
    expect(model.items.every((f) => f.compliance.interval === null)).toBe(true);
    expect(meta.asAt).toBe('2025-11-01T09:00:00.000Z');
  });

  it('refuses an unknown BCU naming the known ones, a month with no rounds, a bad month and a missing round', () => {
    const { db } = reportDb();
    october(db);
    const unknown = thrown(() => gatherReport(db, RESOURCES, { kind: 'month', bcu: 'Atlantis', month: '2025-10' }));
    expect(unknown.code).toBe('not-found');
    expect(unknown.message).toBe('unknown BCU "Atlantis" (known BCUs: Central East, North West)');
    const empty = thrown(() => gatherReport(db, RESOURCES, { kind: 'month', bcu: 'Central East', month: '2025-07' }));
    expect(empty.code).toBe('not-found');
    expect(empty.message).toMatch(/no audit round sampled Central East incidents that started in July 2025/);
    const noRound = thrown(() => gatherReport(db, RESOURCES, { kind: 'month', bcu: 'North West', month: '2025-10' }));
    expect(noRound.message).toMatch(/no audit round sampled North West/);
    expect(thrown(() => gatherReport(db, RESOURCES, { kind: 'month', bcu: 'Central East', month: '2025-13' })).message).toMatch(/YYYY-MM/);
    expect(thrown(() => gatherReport(db, RESOURCES, { kind: 'round', roundId: 404 })).message).toBe('round 404 does not exist');
  });

  it('names the review whose stored answers are not JSON, and an unreadable allocation', () => {
    const { db } = reportDb();
    october(db);
    db.prepare("UPDATE reviews SET answers = '{broken' WHERE incident_id = 3").run();
    expect(thrown(() => gatherReport(db, RESOURCES, { kind: 'round', roundId: 1 })).message).toMatch(
      /review \d+ \(round 1, incident 3, reviewer s2\): stored answers are not JSON/,
    );
  });

  it('compares items across a rubric version change inside the period only where they match, and says so', () => {
    const resources = tmp('bwc-resources-');
    cpSync(RESOURCES, resources, { recursive: true });
    const v1 = JSON.parse(readFileSync(join(RESOURCES, 'rubrics', 'child-focus.v1.json'), 'utf8')) as {
      version: number;
      items: { id: string; text: string }[];
    };
    const v2 = { ...v1, version: 2, items: v1.items.map((i) => (i.id === v1.items[2]!.id ? { ...i, text: 'Child spoken to, alone and in words they understand' } : i)) };
    writeFileSync(join(resources, 'rubrics', 'child-focus.v2.json'), JSON.stringify(v2));
    const { db } = reportDb();
    const rubric1 = childFocus();
    for (let id = 1; id <= 2; id += 1) addIncident(db, { id, startedAt: `2025-10-0${id}T10:00:00.000Z` });
    addRound(db, { id: 1, allocation: [{ key: 'A', population: 9, sample: 1 }], rubricVersion: 1 });
    addRound(db, { id: 2, allocation: [{ key: 'A', population: 9, sample: 1 }], rubricVersion: 2, drawnAt: '2025-11-02T09:00:00.000Z' });
    addSample(db, 1, 1, 'A', 1);
    addSample(db, 2, 2, 'A', 1);
    addReview(db, { roundId: 1, incidentId: 1, reviewer: 's1', answers: answers(rubric1) });
    addReview(db, { roundId: 2, incidentId: 2, reviewer: 's1', answers: answers(rubric1, { rubricVersion: 2, rest: 'no' }) });
    const { model } = report(db, { kind: 'month', bcu: 'Central East', month: '2025-10' }, resources);
    expect(model.rubric.version).toBe(2);
    const item3 = model.items[2]!;
    expect(item3.text).toBe('Child spoken to, alone and in words they understand');
    expect(item3.counts).toMatchObject({ no: 1, notComparable: 1, yes: 0 });
    expect(model.items[0]!.counts).toMatchObject({ yes: 1, no: 1 });
    const notes = model.notes.join('\n');
    expect(notes).toMatch(/more than one version of rubric child-focus \(v1: 1 incident, v2: 1 incident\)/);
    expect(notes).toMatch(/v1 differs from v2 on item 3/);
  });

  it('offers only BCU-months and rounds a report can be made for', () => {
    const { db } = reportDb();
    october(db);
    const choices = reportChoices(db);
    expect(choices.bcus).toEqual([{ bcu: 'Central East', months: ['2025-10', '2025-09'] }]);
    expect(choices.rounds.map((r) => [r.id, r.bcu, r.month, r.submitted])).toEqual([
      [1, 'Central East', '2025-10', 6],
      [2, 'Central East', '2025-09', 4],
    ]);
  });
});
