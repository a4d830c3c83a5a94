import type { RoundsChannel } from '../../../shared/ipc/rounds';
import { createRound } from '../rounds/create';
import { listRounds, readRound } from '../rounds/detail';
import { roundOptions } from '../rounds/options';
import { previewRound } from '../rounds/preview';
import { verifyRound } from '../rounds/verify';
import type { Handlers } from './types';

export const roundsHandlers: Handlers<RoundsChannel> = {
  'rounds.options': (ctx) => roundOptions(ctx.db),
  'rounds.preview': (ctx, input) => previewRound(ctx.db, input),
  'rounds.create': (ctx, input) => createRound(ctx.db, input, { actor: ctx.actor, resourcesDir: ctx.resourcesDir }),
  'rounds.list': (ctx) => listRounds(ctx.db),
  'rounds.get': (ctx, input) => readRound(ctx.db, input.id),
  'rounds.verify': (ctx, input) => verifyRound(ctx.db, input.id),
};
