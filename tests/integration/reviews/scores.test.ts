import { afterEach, describe, expect, it } from 'vitest';
import { readAudit } from '../../../electron/core/audit/log';
import { UserError } from '../../../electron/core/errors';
import { exportScores } from '../../../electron/core/reviews/exportScores';
import { importScores } from '../../../electron/core/reviews/importScores';
import { saveDraft } from '../../../electron/core/reviews/draft';
import { submitReview } from '../../../electron/core/reviews/submit';
import { emptyAnswers } from '../../../shared/rubric/answers';
import { completeAnswers, rubric } from './answers';
import { addIncident, makeWorld, RESOURCES, type World } from './world';

const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) if (w.db.open) w.db.close();
});
function world(spec: Parameters<typeof makeWorld>[0] = {}): World {
  const w = makeWorld({ reviewers: ['sgt.a', 'sgt.b'], assign: () => ['sgt.a'], ...spec });
  worlds.push(w);
  return w;
}

const HEADER = 'incident,reviewer,item,answer,notes';
const items = (incident: string, reviewer: string, answer = 'yes', skip: number[] = []) =>
  rubric.items.filter((i) => !skip.includes(i.number)).map((i) => `${incident},${reviewer},${i.number},${answer},`);
/** A whole review in the long format, one line per question. */
function reviewLines(incident: string, reviewer: string, opts: { answer?: string; skip?: number[]; overall?: string[]; escalation?: string } = {}): string[] {
  return [
    `${incident},${reviewer},scope,yes,`,
    ...items(incident, reviewer, opts.answer, opts.skip),
    ...(opts.overall ?? [`${incident},${reviewer},overall,good,Clear child focus`]),
    ...(opts.escalation ? [opts.escalation] : []),
  ];
}
const csv = (lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';

function run(w: World, text: string, dryRun = false) {
  return importScores(w.db, RESOURCES, 'lead.a', { roundId: w.roundId, file: 'scores.csv', text, dryRun });
}
const reviewCount = (w: World) => (w.db.prepare('SELECT count(*) AS n FROM reviews').get() as { n: number }).n;

function exportText(w: World): string {
  let out = '';
  exportScores(w.db, RESOURCES, 'lead.a', { roundId: w.roundId, file: 'out.csv' }, (text) => (out = text));
  return out;
}

describe('scores import', () => {
  it('imports submitted reviews by incident id or CAD reference, logged like typed ones', () => {
    const w = world();
    const [i1, , i3] = w.incidents as [number, number, number];
    const text = csv([
      ...reviewLines('cad 1001/2mar26', 'sgt.a', { answer: 'partly', escalation: 'cad 1001/2mar26,sgt.a,escalation,yes,"Baby upstairs, not seen"' }),
      ...reviewLines(String(i3), 'sgt.b'),
    ]);
    const dry = run(w, text, true);
    expect(dry).toMatchObject({ dryRun: true, rows: 39, reviews: 2, imported: 0, errors: [] });
    expect(reviewCount(w)).toBe(0);

    const r = run(w, text);
    expect(r).toMatchObject({ dryRun: false, rows: 39, reviews: 2, imported: 2, assignmentsAdded: 1, errors: [] });
    const rows = w.db.prepare('SELECT incident_id, reviewer_id, status, revision, answers FROM reviews ORDER BY incident_id').all() as {
      incident_id: number;
      reviewer_id: string;
      status: string;
      revision: number;
      answers: string;
    }[];
    expect(rows.map((x) => [x.incident_id, x.reviewer_id, x.status, x.revision])).toEqual([
      [i1, 'sgt.a', 'submitted', 1],
      [i3, 'sgt.b', 'submitted', 1],
    ]);
    const first = JSON.parse(rows[0]!.answers);
    expect(first.items['7']).toEqual({ answer: 'partly', notes: '', evidence: [] });
    expect(first.escalation).toEqual({ flag: true, note: 'Baby upstairs, not seen' });
    expect(w.db.prepare('SELECT count(*) AS n FROM review_history').get()).toEqual({ n: 2 });
    // sgt.b was not assigned to incident 3: the import assigns them, so the review shows in the round's progress.
    expect(w.db.prepare('SELECT calibration FROM assignments WHERE incident_id = ? AND reviewer_id = ?').get(i3, 'sgt.b')).toEqual({ calibration: 0 });
    const events = readAudit(w.db).filter((e) => e.object_type === 'review');
    expect(events.map((e) => [e.actor, e.action, JSON.parse(e.detail).event, JSON.parse(e.detail).source])).toEqual([
      ['lead.a', 'collection', 'submitted', 'import'],
      ['lead.a', 'collection', 'submitted', 'import'],
    ]);
  });

  it('round-trips exactly: export, import into another database, export again', () => {
    const a = world();
    const [i1, i2, i3] = a.incidents as [number, number, number];
    const key = (incidentId: number) => ({ roundId: a.roundId, incidentId });
    const one = completeAnswers('partly');
    one.items['5']!.notes = 'Mum answered for him, "he\'s fine"\nofficer did not ask the child';
    one.items['9']!.answer = 'not_visible';
    one.escalation = { flag: true, note: 'Bruising on arm, no referral' };
    submitReview(a.db, RESOURCES, 'sgt.a', { ...key(i1), answers: one });
    const outOfScope = emptyAnswers(rubric);
    outOfScope.scope = 'no';
    outOfScope.overall = { answer: 'requires_improvement', learningNote: ' leading space kept' };
    submitReview(a.db, RESOURCES, 'sgt.a', { ...key(i2), answers: outOfScope });
    saveDraft(a.db, RESOURCES, 'sgt.a', { ...key(i3), answers: completeAnswers() });

    const first = exportText(a);
    expect(first.split('\r\n')[0]).toBe(HEADER);
    expect(first).toContain('CAD 1001/02MAR26,sgt.a,scope,yes,\r\n');
    expect(first).toContain('CAD 1001/02MAR26,sgt.a,5,partly,"Mum answered for him, ""he\'s fine""\nofficer did not ask the child"\r\n');
    expect(first).not.toMatch(new RegExp(`\n${i3},`)); // the draft stays out

    const b = world({ assign: () => [] });
    const r = run(b, first);
    expect(r.errors).toEqual([]);
    expect(r.imported).toBe(2);
    expect(exportText(b)).toBe(first);
    const disclosures = readAudit(a.db).filter((e) => e.action === 'disclosure');
    expect(disclosures).toHaveLength(1);
    expect(JSON.parse(disclosures[0]!.detail)).toMatchObject({ what: 'scores CSV', file: 'out.csv', reviews: 2 });
  });

  it('writes an incident without a unique reference by id', () => {
    const w = world({ references: ['CAD 2001/02MAR26', null] });
    const [i1, i2] = w.incidents as [number, number];
    submitReview(w.db, RESOURCES, 'sgt.a', { roundId: w.roundId, incidentId: i2, answers: completeAnswers() });
    submitReview(w.db, RESOURCES, 'sgt.a', { roundId: w.roundId, incidentId: i1, answers: completeAnswers() });
    const lines = exportText(w).split('\r\n');
    expect(lines[1]).toBe('CAD 2001/02MAR26,sgt.a,scope,yes,');
    expect(lines.some((l) => l.startsWith(`${i2},sgt.a,scope,yes`))).toBe(true);
  });

  it('reports every bad row with its line number and imports nothing', () => {
    const w = world();
    const outside = addIncident(w.db, 'CAD 3001/02MAR26', 1).incidentId;
    const good = reviewLines('CAD 1001/02MAR26', 'sgt.a'); // lines 2..20
    const text = csv([
      ...good,
      'CAD 1001/02MAR26,sgt.a,3,no,', // 21: duplicate of line 5 (item 3)
      'CAD 9999/02MAR26,sgt.a,scope,yes,', // 22: unknown incident
      `${outside},sgt.a,scope,yes,`, // 23: incident not in the round
      'CAD 1002/02MAR26,sgt.zz,scope,yes,', // 24: unknown reviewer
      'CAD 1002/02MAR26,sgt.b,scope,maybe,', // 25: bad scope answer (also starts sgt.b's group)
      'CAD 1002/02MAR26,sgt.b,19,yes,', // 26: unknown item
      'CAD 1002/02MAR26,sgt.b,4,good,', // 27: answer not on the item's scale
      'CAD 1002/02MAR26,sgt.b,escalation,yes,', // 28: escalation without notes
      'CAD 1002/02MAR26,sgt.b,overall,inadequate', // 29: four fields
      'CAD 1002/02MAR26,sgt.b,scope,no,children?', // 30: scope with notes (line 25's scope was refused, so no duplicate)
    ]);
    const r = run(w, text);
    expect(r.imported).toBe(0);
    expect(reviewCount(w)).toBe(0);
    expect(r.errors).toEqual([
      {
        line: 21,
        message: 'incident CAD 1001/02MAR26, reviewer sgt.a, item 3 is already given on line 5',
      },
      { line: 22, message: "incident 'CAD 9999/02MAR26' is not in the library (give its id or CAD/CRIS reference)" },
      { line: 23, message: `incident '${outside}' (id ${outside}) is not in round ${w.roundId} (Central East March 2026)` },
      { line: 24, message: "reviewer 'sgt.zz' is not a known user (add them with bwc-dip users add)" },
      { line: 25, message: "answer 'maybe' is not valid for scope (use yes|no)" },
      // sgt.b's review starts on line 25 and is incomplete: that is reported where it starts.
      { line: 25, message: expect.stringMatching(/^incident CAD 1002\/02MAR26, reviewer sgt\.b: .*Item 1 \(.*\) has no answer/) as unknown as string },
      { line: 26, message: "item '19' is not one of scope, 1…17, overall, escalation" },
      { line: 27, message: "answer 'good' is not valid for item 4 (use yes|partly|no|na|not_visible)" },
      { line: 28, message: 'escalation yes needs notes saying what was seen and what was not done' },
      { line: 29, message: 'expected 5 fields (incident,reviewer,item,answer,notes), found 4' },
      { line: 30, message: 'scope takes no notes' },
    ]);
  });

  it('names the missing questions of an incomplete review at its first line', () => {
    const w = world();
    const r = run(w, csv(reviewLines('CAD 1001/02MAR26', 'sgt.a', { skip: [4, 12], overall: ['CAD 1001/02MAR26,sgt.a,overall,good,'] })));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.line).toBe(2);
    expect(r.errors[0]!.message).toMatch(/^incident CAD 1001\/02MAR26, reviewer sgt\.a: Item 4 .* has no answer; Item 12 .* has no answer; .*needs a learning note$/);
  });

  it('never overwrites a review already in the app', () => {
    const w = world();
    saveDraft(w.db, RESOURCES, 'sgt.a', { roundId: w.roundId, incidentId: w.incidents[0]!, answers: emptyAnswers(rubric) });
    submitReview(w.db, RESOURCES, 'sgt.a', { roundId: w.roundId, incidentId: w.incidents[1]!, answers: completeAnswers() });
    const r = run(w, csv([...reviewLines('CAD 1001/02MAR26', 'sgt.a'), ...reviewLines('CAD 1002/02MAR26', 'sgt.a')]));
    expect(r.errors).toEqual([
      { line: 2, message: 'incident CAD 1001/02MAR26, reviewer sgt.a: already has a draft review in the app; nothing is overwritten' },
      { line: 21, message: 'incident CAD 1002/02MAR26, reviewer sgt.a: already has a submitted review; nothing is overwritten' },
    ]);
  });

  it('refuses a wrong header, an empty file and an unknown round', () => {
    const w = world();
    expect(run(w, 'incident,reviewer,question,answer,notes\r\n').errors).toEqual([
      { line: 1, message: 'the header must be incident,reviewer,item,answer,notes (found incident,reviewer,question,answer,notes)' },
    ]);
    expect(run(w, '').errors).toEqual([{ line: 1, message: 'the file is empty; expected the header incident,reviewer,item,answer,notes' }]);
    expect(() => importScores(w.db, RESOURCES, 'lead.a', { roundId: 404, file: 'x.csv', text: HEADER, dryRun: false })).toThrow(UserError);
  });

  it('reports an unterminated quote with its line', () => {
    const w = world();
    const r = run(w, csv(['CAD 1001/02MAR26,sgt.a,scope,yes,', 'CAD 1001/02MAR26,sgt.a,1,yes,"never closed']));
    expect(r.errors.find((e) => /unterminated/.test(e.message))).toEqual({ line: 3, message: 'unterminated quoted field starting on line 3' });
  });
});
