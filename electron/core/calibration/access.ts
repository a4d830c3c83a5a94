import type { Database } from 'better-sqlite3';
import { UserError } from '../errors';
import { getUser } from '../users/users';

/**
 * Calibration sets reviewers' scores side by side and names who is harsher: that is for the quality team and BCU
 * leads, not for reviewers comparing themselves with colleagues.
 */
export function requireCalibrationRole(db: Database, actor: string): void {
  const user = getUser(db, actor);
  if (user === null) throw new UserError('forbidden', `${actor} is not registered; calibration is for the quality team and BCU leads`);
  if (user.role !== 'quality' && user.role !== 'lead') {
    throw new UserError('forbidden', `calibration is for the quality team and BCU leads; ${user.displayName} is registered as ${user.role}`);
  }
}
