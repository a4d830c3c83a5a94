import type { ReviewsChannel } from '../../../shared/ipc/reviews';
import { UserError } from '../errors';
import { amendReview } from '../reviews/amend';
import { recordConsultation } from '../reviews/consultation';
import { saveDraft } from '../reviews/draft';
import { clipIncident } from '../reviews/incidentFacts';
import { buildQueue } from '../reviews/queue';
import { submitReview } from '../reviews/submit';
import { openReview } from '../reviews/view';
import { getRubric, loadRubrics } from '../rubrics/catalogue';
import type { Handlers } from './types';

export const reviewsHandlers: Handlers<ReviewsChannel> = {
  'rubrics.list': (ctx) => {
    const { rubrics, refused } = loadRubrics(ctx.resourcesDir);
    return { rubrics: rubrics.map((r) => ({ id: r.rubric.id, version: r.rubric.version, title: r.rubric.title, file: r.file })), refused };
  },
  'rubrics.get': (ctx, input) => getRubric(ctx.resourcesDir, input.id, input.version),
  'reviews.queue': (ctx) => ({ rounds: buildQueue(ctx.db, ctx.actor) }),
  'reviews.get': (ctx, input) => openReview(ctx.db, ctx.resourcesDir, ctx.actor, input),
  'reviews.saveDraft': (ctx, input) => saveDraft(ctx.db, ctx.resourcesDir, ctx.actor, input),
  'reviews.submit': (ctx, input) => submitReview(ctx.db, ctx.resourcesDir, ctx.actor, input),
  'reviews.amend': (ctx, input) => amendReview(ctx.db, ctx.resourcesDir, ctx.actor, input),
  'reviews.consulted': (ctx, input) => {
    const clip = clipIncident(ctx.db, input.clipId);
    if (!clip) throw new UserError('not-found', `clip ${input.clipId} does not exist`);
    return recordConsultation(ctx.db, ctx.actor, { clipId: input.clipId, incidentId: clip.incidentId });
  },
};
