import type { Database } from 'better-sqlite3';
import type { RoundOptions } from '../../../shared/ipc/rounds';
import { incidentFacets } from '../library/incidentsRepo';
import { listUsers } from '../users/users';

/** What the new-round form offers: the library's BCUs, teams, categories and flags, and the people who can review. */
export function roundOptions(db: Database): RoundOptions {
  const facets = incidentFacets(db);
  return { bcus: facets.bcus, teams: facets.teams, categories: facets.categories, flags: facets.flags, users: listUsers(db) };
}
