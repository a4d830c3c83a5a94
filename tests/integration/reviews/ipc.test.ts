import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/worker/dispatch';
import { checkPayload } from '../../../electron/main/ipc/validate';
import { completeAnswers } from './answers';
import { makeWorld, RESOURCES, type World } from './world';

let world: World;
afterEach(() => world?.db.open && world.db.close());

function ctx(w: World, actor: string): CoreContext {
  return { db: w.db, dbPath: w.dbPath, actor, demo: false, resourcesDir: RESOURCES, emit: () => undefined };
}

describe('review channels through the IPC contract and the core dispatcher', () => {
  it('refuses malformed payloads naming the field, before the core sees them', () => {
    const bad = checkPayload('reviews.saveDraft', { roundId: 1, incidentId: 1, answers: { ...completeAnswers(), scope: 'maybe' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input', message: expect.stringMatching(/^reviews\.saveDraft: answers\.scope: /) as unknown as string } });
    const extra = checkPayload('reviews.get', { roundId: 1, incidentId: 1, reviewerId: 'someone.else' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const noReason = checkPayload('reviews.amend', { roundId: 1, incidentId: 1, answers: completeAnswers(), reason: '   ' });
    expect(noReason).toMatchObject({ ok: false, error: { message: 'reviews.amend: reason: a reason for the amendment is required' } });
    expect(checkPayload('reviews.consulted', { clipId: -3 })).toMatchObject({ ok: false });
  });

  it('serves the queue, a review, rubrics and consultations to the window', async () => {
    world = makeWorld();
    const c = ctx(world, 'sgt.a');
    const queue = await dispatch(c, 'reviews.queue', {});
    expect(queue).toMatchObject({ ok: true, value: { rounds: [{ roundId: world.roundId, counts: { total: 3, notStarted: 3 } }] } });
    const view = await dispatch(c, 'reviews.get', { roundId: world.roundId, incidentId: world.incidents[0] });
    expect(view).toMatchObject({ ok: true, value: { review: { status: 'not_started', revision: 0 }, position: { index: 0, total: 3 } } });
    const rubric = await dispatch(c, 'rubrics.get', { id: 'child-focus', version: 1 });
    expect(rubric).toMatchObject({ ok: true, value: { id: 'child-focus', version: 1 } });
    expect(await dispatch(c, 'rubrics.get', { id: 'child-focus', version: 7 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch(c, 'rubrics.list', {})).toMatchObject({ ok: true, value: { rubrics: [{ id: 'child-focus', version: 1, file: 'child-focus.v1.json' }], refused: [] } });

    const clipId = world.clips.get(world.incidents[0]!)![0]!;
    expect(await dispatch(c, 'reviews.consulted', { clipId })).toMatchObject({ ok: true, value: { logged: true } });
    expect(await dispatch(c, 'reviews.consulted', { clipId })).toMatchObject({ ok: true, value: { logged: false } });
    expect(await dispatch(c, 'reviews.consulted', { clipId: 999_999 })).toEqual({ ok: false, error: { code: 'not-found', message: 'clip 999999 does not exist' } });
  });

  it('keeps the blind rule at the channel: another reviewer is refused, not answered', async () => {
    world = makeWorld();
    const r = await dispatch(ctx(world, 'lead.a'), 'reviews.get', { roundId: world.roundId, incidentId: world.incidents[0] });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
