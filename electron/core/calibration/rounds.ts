import type { Database } from 'better-sqlite3';
import type { CalibrationRound } from '../../../shared/ipc/calibration';

/** Rounds newest first, with how many calibration incidents each has and how many of those two people submitted. */
export function listCalibrationRounds(db: Database): CalibrationRound[] {
  return db
    .prepare(
      `SELECT r.id, r.name, r.status, r.drawn_at AS drawnAt,
         (SELECT count(DISTINCT a.incident_id) FROM assignments a WHERE a.round_id = r.id AND a.calibration = 1)
           AS calibrationIncidents,
         (SELECT count(*) FROM (
            SELECT v.incident_id FROM reviews v
            WHERE v.round_id = r.id AND v.status = 'submitted'
              AND v.incident_id IN (SELECT incident_id FROM assignments WHERE round_id = r.id AND calibration = 1)
            GROUP BY v.incident_id HAVING count(*) >= 2)) AS doubleScored
       FROM rounds r ORDER BY r.drawn_at DESC, r.id DESC`,
    )
    .all() as CalibrationRound[];
}
