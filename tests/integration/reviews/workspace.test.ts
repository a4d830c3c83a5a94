import { afterEach, describe, expect, it } from 'vitest';
import { readAudit, verifyAudit } from '../../../electron/core/audit/log';
import { openDatabase } from '../../../electron/core/db/open';
import { UserError } from '../../../electron/core/errors';
import { amendReview } from '../../../electron/core/reviews/amend';
import { recordConsultation } from '../../../electron/core/reviews/consultation';
import { saveDraft } from '../../../electron/core/reviews/draft';
import { buildQueue } from '../../../electron/core/reviews/queue';
import { submitReview } from '../../../electron/core/reviews/submit';
import { openReview } from '../../../electron/core/reviews/view';
import { emptyAnswers } from '../../../shared/rubric/answers';
import { completeAnswers, rubric } from './answers';
import { makeWorld, RESOURCES, type World } from './world';

let world: World;
afterEach(() => world?.db.open && world.db.close());

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

const reviewEvents = (w: World) => readAudit(w.db).filter((r) => r.object_type === 'review');

describe('drafts are saved in the database and survive a restart', () => {
  it('stores every save, logs only the start, and reopens intact from the file', () => {
    world = makeWorld();
    const [incidentId] = world.incidents as [number];
    const key = { roundId: world.roundId, incidentId };
    const first = emptyAnswers(rubric);
    first.scope = 'yes';
    const saved = saveDraft(world.db, RESOURCES, 'sgt.a', { ...key, answers: first }, new Date('2026-03-03T12:04:31Z'));
    expect(saved).toEqual({ status: 'draft', revision: 1, savedAt: '2026-03-03T12:04:31.000Z' });

    const second = structuredClone(first);
    const clip = world.clips.get(incidentId)![1]!;
    second.items['3'] = { answer: 'partly', notes: 'spoke to her at the door only', evidence: [{ clipId: clip, second: 252 }] };
    saveDraft(world.db, RESOURCES, 'sgt.a', { ...key, answers: second });

    const events = reviewEvents(world);
    expect(events).toHaveLength(1);
    expect(events[0]!.action).toBe('collection');
    expect(JSON.parse(events[0]!.detail)).toMatchObject({ event: 'draft started', incidentId, rubricId: 'child-focus', rubricVersion: 1 });

    // A restart: the file is closed and opened again, as after a crash or a flat battery.
    world.db.close();
    world.db = openDatabase(world.dbPath);
    const view = openReview(world.db, RESOURCES, 'sgt.a', key);
    expect(view.review.status).toBe('draft');
    expect(view.review.answers).toEqual(second);
    const row = world.db.prepare('SELECT rubric_id, rubric_version FROM reviews').get();
    expect(row).toEqual({ rubric_id: 'child-focus', rubric_version: 1 });
  });

  it('refuses a reviewer who is not assigned, an incident outside the round, and answers that do not fit', () => {
    world = makeWorld({ reviewers: ['sgt.a', 'sgt.b'], assign: (i) => (i === 0 ? ['sgt.a'] : ['sgt.b']) });
    const [mine, theirs] = world.incidents as [number, number];
    const answers = emptyAnswers(rubric);
    expect(userError(() => saveDraft(world.db, RESOURCES, 'sgt.a', { roundId: world.roundId, incidentId: theirs, answers })).code).toBe('forbidden');
    expect(userError(() => saveDraft(world.db, RESOURCES, 'sgt.a', { roundId: world.roundId, incidentId: 9999, answers })).message).toMatch(
      /incident 9999 is not in round/,
    );
    expect(userError(() => saveDraft(world.db, RESOURCES, 'sgt.a', { roundId: 77, incidentId: mine, answers })).message).toBe('round 77 does not exist');
    const foreignPin = emptyAnswers(rubric);
    foreignPin.items['2'] = { answer: null, notes: '', evidence: [{ clipId: world.clips.get(theirs)![0]!, second: 3 }] };
    expect(userError(() => saveDraft(world.db, RESOURCES, 'sgt.a', { roundId: world.roundId, incidentId: mine, answers: foreignPin })).message).toMatch(
      /is not footage of this incident/,
    );
    expect(world.db.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 0 });
  });
});

describe('submit locks; amend needs a reason and keeps the history', () => {
  it('refuses an incomplete submit naming what is missing, then locks a complete one', () => {
    world = makeWorld();
    const key = { roundId: world.roundId, incidentId: world.incidents[0]! };
    const partial = completeAnswers();
    partial.items['4']!.answer = null;
    partial.overall.learningNote = ' ';
    const e = userError(() => submitReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: partial }));
    expect(e.code).toBe('bad-input');
    expect(e.message).toMatch(/Item 4 \(Child spoken to away from the suspect…\) has no answer/);
    expect(e.message).toMatch(/needs a learning note/);
    expect(world.db.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 0 });

    saveDraft(world.db, RESOURCES, 'sgt.a', { ...key, answers: partial });
    const saved = submitReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: completeAnswers() }, new Date('2026-03-03T13:00:00Z'));
    expect(saved).toEqual({ status: 'submitted', revision: 1, savedAt: '2026-03-03T13:00:00.000Z' });
    const view = openReview(world.db, RESOURCES, 'sgt.a', key);
    expect(view.review).toMatchObject({ status: 'submitted', revision: 1, submittedAt: '2026-03-03T13:00:00.000Z' });
    expect(view.history.map((h) => [h.revision, h.kind, h.changes])).toEqual([[1, 'submitted', []]]);

    expect(userError(() => saveDraft(world.db, RESOURCES, 'sgt.a', { ...key, answers: completeAnswers('no') })).code).toBe('locked');
    expect(userError(() => submitReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: completeAnswers('no') })).code).toBe('locked');
    const events = reviewEvents(world);
    expect(events.map((e) => [e.action, JSON.parse(e.detail).event])).toEqual([
      ['collection', 'draft started'],
      ['collection', 'submitted'],
    ]);
  });

  it('amends with a reason: new revision, both revisions in the history, an alteration event with the reason', () => {
    world = makeWorld();
    const key = { roundId: world.roundId, incidentId: world.incidents[0]! };
    expect(userError(() => amendReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: completeAnswers(), reason: 'x' })).code).toBe('conflict');
    submitReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: completeAnswers() });

    const changed = completeAnswers();
    changed.items['3']!.answer = 'partly';
    expect(userError(() => amendReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: changed, reason: '   ' })).message).toMatch(/needs a reason/);
    expect(userError(() => amendReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: completeAnswers(), reason: 'no change' })).message).toBe(
      'the amendment changes nothing',
    );
    const incomplete = structuredClone(changed);
    incomplete.overall.answer = null;
    expect(userError(() => amendReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: incomplete, reason: 'r' })).message).toMatch(/overall judgement/);

    const saved = amendReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: changed, reason: 'Re-watched: she was spoken to at the door only' });
    expect(saved.revision).toBe(2);

    const view = openReview(world.db, RESOURCES, 'sgt.a', key);
    expect(view.review.revision).toBe(2);
    expect(view.review.answers.items['3']!.answer).toBe('partly');
    expect(view.history.map((h) => [h.revision, h.kind, h.reason])).toEqual([
      [1, 'submitted', null],
      [2, 'amended', 'Re-watched: she was spoken to at the door only'],
    ]);
    expect(view.history[0]!.answers.items['3']!.answer).toBe('yes');
    expect(view.history[1]!.changes).toEqual([{ questionId: '3', field: 'Item 3 answer', before: 'Yes', after: 'Partly' }]);

    const alteration = readAudit(world.db).filter((r) => r.action === 'alteration');
    expect(alteration).toHaveLength(1);
    expect(alteration[0]!.reason).toBe('Re-watched: she was spoken to at the door only');
    expect(JSON.parse(alteration[0]!.detail)).toMatchObject({ revision: 2, changes: [{ field: 'Item 3 answer', before: 'Yes', after: 'Partly' }] });
    expect(world.db.prepare('SELECT count(*) AS n FROM review_history').get()).toEqual({ n: 2 });
    expect(verifyAudit(world.db).ok).toBe(true);
  });

  it('refuses changes once the round is closed', () => {
    world = makeWorld();
    world.db.prepare("UPDATE rounds SET status = 'closed'").run();
    const e = userError(() => saveDraft(world.db, RESOURCES, 'sgt.a', { roundId: world.roundId, incidentId: world.incidents[0]!, answers: emptyAnswers(rubric) }));
    expect(e.code).toBe('locked');
    expect(e.message).toMatch(/is closed/);
  });
});

describe('consultation log', () => {
  it('records one event per reviewer, clip and UK day, in the same transaction as its de-dup key', () => {
    world = makeWorld();
    const clip = world.clips.get(world.incidents[0]!)![0]!;
    const other = world.clips.get(world.incidents[0]!)![1]!;
    const morning = new Date('2026-06-15T08:00:00Z');
    expect(recordConsultation(world.db, 'sgt.a', { clipId: clip, incidentId: world.incidents[0]! }, morning)).toEqual({ logged: true, day: '2026-06-15' });
    expect(recordConsultation(world.db, 'sgt.a', { clipId: clip, incidentId: world.incidents[0]! }, new Date('2026-06-15T20:00:00Z')).logged).toBe(false);
    // 23:30 UTC on the 15th is 00:30 on the 16th in London (BST): a new UK day.
    expect(recordConsultation(world.db, 'sgt.a', { clipId: clip, incidentId: world.incidents[0]! }, new Date('2026-06-15T23:30:00Z'))).toEqual({
      logged: true,
      day: '2026-06-16',
    });
    expect(recordConsultation(world.db, 'sgt.b', { clipId: clip, incidentId: world.incidents[0]! }, morning).logged).toBe(true);
    expect(recordConsultation(world.db, 'sgt.a', { clipId: other, incidentId: world.incidents[0]! }, morning).logged).toBe(true);

    const events = readAudit(world.db).filter((r) => r.action === 'consultation');
    expect(events.map((e) => [e.actor, Number(e.object_id), JSON.parse(e.detail).day])).toEqual([
      ['sgt.a', clip, '2026-06-15'],
      ['sgt.a', clip, '2026-06-16'],
      ['sgt.b', clip, '2026-06-15'],
      ['sgt.a', other, '2026-06-15'],
    ]);
    expect(world.db.prepare('SELECT count(*) AS n FROM consultations').get()).toEqual({ n: 4 });
  });
});

describe('blind calibration is enforced by the core', () => {
  it("never returns another reviewer's answers until every scorer has submitted", () => {
    world = makeWorld({ reviewers: ['sgt.a', 'sgt.b'] });
    const key = { roundId: world.roundId, incidentId: world.incidents[0]! };
    const aAnswers = completeAnswers('yes');
    submitReview(world.db, RESOURCES, 'sgt.a', { ...key, answers: aAnswers });

    const seenByB = openReview(world.db, RESOURCES, 'sgt.b', key);
    expect(seenByB.calibration.blind).toBe(true);
    expect(seenByB.calibration.others).toEqual([{ reviewerId: 'sgt.a', displayName: 'Sgt A', status: 'submitted', answers: null }]);
    expect(JSON.stringify(seenByB)).not.toContain('Officers kept the child at the centre.');

    const draftB = completeAnswers('no');
    saveDraft(world.db, RESOURCES, 'sgt.b', { ...key, answers: draftB });
    const seenByA = openReview(world.db, RESOURCES, 'sgt.a', key);
    expect(seenByA.calibration).toEqual({ blind: true, others: [{ reviewerId: 'sgt.b', displayName: 'Sgt B', status: 'draft', answers: null }] });

    // Someone not assigned to the incident cannot read it at all.
    expect(userError(() => openReview(world.db, RESOURCES, 'lead.a', key)).code).toBe('forbidden');

    submitReview(world.db, RESOURCES, 'sgt.b', { ...key, answers: draftB });
    const afterA = openReview(world.db, RESOURCES, 'sgt.a', key);
    expect(afterA.calibration.blind).toBe(false);
    expect(afterA.calibration.others[0]!.answers).toEqual(draftB);
    expect(openReview(world.db, RESOURCES, 'sgt.b', key).calibration.others[0]!.answers).toEqual(aAnswers);
  });

  it('a single-scored incident has no others and is not blind', () => {
    world = makeWorld();
    const view = openReview(world.db, RESOURCES, 'sgt.a', { roundId: world.roundId, incidentId: world.incidents[1]! });
    expect(view.calibration).toEqual({ blind: false, others: [] });
  });
});

describe('queue', () => {
  it('lists my incidents per round in draw order with status, counts and next/previous', () => {
    world = makeWorld({ reviewers: ['sgt.a', 'sgt.b'], assign: (i) => (i === 1 ? ['sgt.a', 'sgt.b'] : ['sgt.a']) });
    const [i1, i2, i3] = world.incidents as [number, number, number];
    saveDraft(world.db, RESOURCES, 'sgt.a', { roundId: world.roundId, incidentId: i2, answers: emptyAnswers(rubric) });
    submitReview(world.db, RESOURCES, 'sgt.a', { roundId: world.roundId, incidentId: i3, answers: completeAnswers() });
    const [round, ...rest] = buildQueue(world.db, 'sgt.a');
    expect(rest).toEqual([]);
    expect(round!.counts).toEqual({ notStarted: 1, draft: 1, submitted: 1, total: 3 });
    expect(round!.incidents.map((i) => [i.incidentId, i.reference, i.status, i.calibration, i.clipCount])).toEqual([
      [i1, 'CAD 1001/02MAR26', 'not_started', false, 2],
      [i2, 'CAD 1002/02MAR26', 'draft', true, 2],
      [i3, null, 'submitted', false, 2],
    ]);
    expect(buildQueue(world.db, 'sgt.b')[0]!.incidents.map((i) => i.incidentId)).toEqual([i2]);
    expect(buildQueue(world.db, 'lead.a')).toEqual([]);

    const middle = openReview(world.db, RESOURCES, 'sgt.a', { roundId: world.roundId, incidentId: i2 });
    expect(middle.position).toEqual({ index: 1, total: 3, previousIncidentId: i1, nextIncidentId: i3 });
    expect(middle.clips.map((c) => c.label)).toEqual(['PC Officer 0 (4501) · camera X80000', 'PC Officer 1 (4511) · camera X81000']);
  });
});
