import type { Database } from 'better-sqlite3';
import { UserError } from '../errors';
import { getUser } from '../users/users';

/**
 * Reports set every reviewer's scores side by side, incident by incident, including calibration incidents a
 * reviewer may not have scored yet: they are for BCU leads and the quality team, as calibration is, so a reviewer
 * can never read a colleague's answers before scoring blind.
 */
export function requireReportRole(db: Database, actor: string): void {
  const user = getUser(db, actor);
  if (user === null) throw new UserError('forbidden', `${actor} is not registered; reports are for BCU leads and the quality team`);
  if (user.role !== 'lead' && user.role !== 'quality') {
    throw new UserError('forbidden', `reports are for BCU leads and the quality team; ${user.displayName} is registered as ${user.role}`);
  }
}
