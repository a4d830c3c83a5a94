import type { Database } from 'better-sqlite3';
import { utcToLocal } from '../../../shared/time/london';
import { appendAudit } from '../audit/log';

/** The UK calendar day of an instant ("2026-03-29"), the unit the consultation log counts in. */
export function ukDay(now: Date): string {
  const r = utcToLocal(now.toISOString());
  if (!r.ok) throw new Error(r.error);
  const { y, m, d } = r.local;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Watching a clip is a consultation under DPA 2018 s.62: logged with date, time and who. One event per reviewer,
 * clip and UK day is enough to answer "who looked at this footage, when", without a row for every pause and seek.
 * The consultations table is the de-duplication key, written in the same transaction as the audit row so the two
 * can never disagree.
 */
export function recordConsultation(
  db: Database,
  actor: string,
  clip: { clipId: number; incidentId: number | null },
  now: Date = new Date(),
): { logged: boolean; day: string } {
  const day = ukDay(now);
  const logged = db.transaction(() => {
    const r = db.prepare('INSERT OR IGNORE INTO consultations (actor, clip_id, day) VALUES (?, ?, ?)').run(actor, clip.clipId, day);
    if (r.changes === 0) return false;
    appendAudit(db, actor, { action: 'consultation', objectType: 'clip', objectId: clip.clipId, detail: { day, incidentId: clip.incidentId } }, now);
    return true;
  })();
  return { logged, day };
}
