import { requireCalibrationRole } from '../calibration/access';
import { compareIncidents } from '../calibration/compare';
import { gatherCalibration } from '../calibration/gather';
import { openCalibrationReview } from '../calibration/review';
import { listCalibrationRounds } from '../calibration/rounds';
import { calibrationSummary } from '../calibration/summary';
import type { Handlers } from './types';

export const calibrationHandlers: Handlers<'calibration.rounds' | 'calibration.summary' | 'calibration.compare' | 'calibration.review'> = {
  'calibration.rounds': (ctx) => {
    requireCalibrationRole(ctx.db, ctx.actor);
    return { rounds: listCalibrationRounds(ctx.db) };
  },
  'calibration.summary': (ctx, input) => {
    requireCalibrationRole(ctx.db, ctx.actor);
    // Unweighted, as the CLI's default: the screen leads with ordinal alpha, and Cohen's kappa rarely applies to a
    // round (it needs exactly two reviewers across the whole calibration set).
    return calibrationSummary(gatherCalibration(ctx.db, ctx.resourcesDir, input.roundId), 'none');
  },
  'calibration.compare': (ctx, input) => {
    requireCalibrationRole(ctx.db, ctx.actor);
    return compareIncidents(gatherCalibration(ctx.db, ctx.resourcesDir, input.roundId), ctx.actor);
  },
  'calibration.review': (ctx, input) => openCalibrationReview(ctx.db, ctx.resourcesDir, ctx.actor, input),
};
