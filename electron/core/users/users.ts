import type { Database } from 'better-sqlite3';
import type { Role, User } from '../../../shared/ipc/app';
import { appendAudit } from '../audit/log';

interface UserRow {
  id: string;
  display_name: string;
  role: Role;
  officer_ids: string;
  created_at: string;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  displayName: r.display_name,
  role: r.role,
  officerIds: JSON.parse(r.officer_ids) as string[],
  createdAt: r.created_at,
});

export function getUser(db: Database, id: string): User | null {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function listUsers(db: Database): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY display_name, id').all() as UserRow[]).map(toUser);
}

/** Creates or updates the profile of an account; recorded as collection (first time) or alteration. */
export function saveUser(
  db: Database,
  actor: string,
  u: { id: string; displayName: string; role: Role; officerIds: string[] },
  now = new Date(),
): User {
  return db.transaction(() => {
    const before = getUser(db, u.id);
    db.prepare(
      `INSERT INTO users (id, display_name, role, officer_ids, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
         officer_ids = excluded.officer_ids`,
    ).run(u.id, u.displayName, u.role, JSON.stringify(u.officerIds), now.toISOString());
    appendAudit(
      db,
      actor,
      {
        action: before ? 'alteration' : 'collection',
        objectType: 'user',
        objectId: u.id,
        detail: { displayName: u.displayName, role: u.role, officerIds: u.officerIds },
      },
      now,
    );
    return getUser(db, u.id)!;
  })();
}
