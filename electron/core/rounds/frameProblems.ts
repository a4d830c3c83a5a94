import type { Database } from 'better-sqlite3';
import type { FieldProblem } from '../../../shared/ipc/rounds';
import type { FrameColumns } from '../../../shared/sampling/frame';
import type { StratumField } from '../../../shared/ipc/rounds';
import type { CheckedFilters } from './design';
import { countIncludingSampled } from './frameRepo';
import { KEY_SEPARATOR } from './stratumKey';

/**
 * What is wrong with a frame before any size is computed: nothing in it, or a stratum the lead named (a team in the
 * filters, while stratifying by team) that has no incident, which would silently drop out of the allocation.
 */
export function frameProblems(
  db: Database,
  filters: CheckedFilters,
  strata: readonly StratumField[],
  frame: FrameColumns,
): FieldProblem[] {
  if (frame.ids.length === 0) {
    const sampled = filters.stored.includePreviouslySampled ? 0 : countIncludingSampled(db, filters);
    const why =
      sampled > 0
        ? ` (${sampled} matching incidents were sampled in earlier rounds; include previously sampled incidents to draw from them)`
        : '';
    return [{ field: 'filters', message: `The frame is empty: no incidents match the round's filters${why}` }];
  }
  const teams = filters.stored.teams;
  if (strata.includes('team') && teams.length > 0) {
    // Team is the first field of a canonical stratum key, so its value is the key or the key's first part.
    // Every stratum listed for a frame has incidents in it.
    const hasIncidents = (team: string) => frame.strata.some((s) => s === team || s.startsWith(team + KEY_SEPARATOR));
    return teams
      .filter((t) => !hasIncidents(t))
      .map((t) => ({
        field: 'strata',
        message: `Stratum team "${t}" has no incidents in the frame: remove the team from the filters or do not stratify by team`,
      }));
  }
  return [];
}
