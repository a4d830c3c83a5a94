import type { Handlers } from './types';
import { runIndex } from '../library/indexRun';
import { clipLocation } from '../library/clipsRepo';
import { getIncident, incidentFacets, listIncidents } from '../library/incidentsRepo';
import { mergeIncidents, splitIncident } from '../library/manualIncidents';
import { problemsPage } from '../library/problemsView';
import { listRoots } from '../library/rootsRepo';
import type { CoreContext } from '../context';

type LibraryChannel =
  | 'library.roots' | 'library.index' | 'library.cancelIndex' | 'library.problems'
  | 'incidents.list' | 'incidents.get' | 'incidents.facets' | 'incidents.merge' | 'incidents.split';

export const libraryHandlers: Handlers<LibraryChannel> = {
  'library.roots': (ctx) => listRoots(ctx.db),
  'library.index': (ctx, input) => runIndex(ctx, input),
  'library.cancelIndex': (ctx) => ({ cancelled: ctx.cancel?.('library.index') ?? 0 }),
  'library.problems': (ctx, input) => problemsPage(ctx.db, input.offset, input.limit),
  'incidents.list': (ctx, input) => listIncidents(ctx.db, input),
  'incidents.get': (ctx, input) => getIncident(ctx.db, input.id),
  'incidents.facets': (ctx) => incidentFacets(ctx.db),
  'incidents.merge': (ctx, input) => mergeIncidents(ctx.db, ctx.actor, input.ids, input.reason ?? null),
  'incidents.split': (ctx, input) => splitIncident(ctx.db, ctx.actor, input.incidentId, input.clipIds, input.reason ?? null),
};

/**
 * Calls the main process makes for itself and never exposes to a window (they are not in the IPC contract, so the
 * router registers no channel for them): the media protocol's clip id → file path lookup.
 */
export const internalLibraryHandlers = {
  'internal.clipLocation': (ctx: CoreContext, input: unknown) => {
    const clipId = (input as { clipId?: unknown } | null)?.clipId;
    return typeof clipId === 'number' && Number.isSafeInteger(clipId) ? clipLocation(ctx.db, clipId) : null;
  },
};
