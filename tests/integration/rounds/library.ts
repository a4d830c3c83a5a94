import type { Database } from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../../electron/core/db/open';
import { incidentWriter } from '../../../electron/core/library/incidentsRepo';
import { saveUser } from '../../../electron/core/users/users';

/**
 * A real database file with a library of incidents written through the library's own incident writer (so the
 * one-row-per-value tables the frame query reads are filled as indexing fills them), and users to assign.
 */
export const RESOURCES = resolve(__dirname, '../../../resources');

export interface IncidentSpec {
  bcu?: string | null;
  team?: string | null;
  /** UTC ISO instant. */
  startedAt?: string | null;
  categories?: string[];
  flags?: string[];
  officers?: string[];
  officerIds?: string[];
}

export interface Library {
  db: Database;
  dbPath: string;
  dir: string;
}

export function makeLibrary(): Library {
  const dir = mkdtempSync(join(tmpdir(), 'bwc-rounds-'));
  const dbPath = join(dir, 'bwc-dip.sqlite');
  return { db: openDatabase(dbPath), dbPath, dir };
}

export function addIncident(db: Database, spec: IncidentSpec = {}): number {
  const startedAt = spec.startedAt === undefined ? '2026-10-10T10:00:00.000Z' : spec.startedAt;
  return incidentWriter(db).insert(
    {
      reference: null,
      refs: [],
      bcu: spec.bcu === undefined ? 'Central East' : spec.bcu,
      team: spec.team === undefined ? 'Team A' : spec.team,
      officers: [...(spec.officers ?? [])].sort(),
      officerIds: [...(spec.officerIds ?? [])].sort(),
      startedAt,
      endedAt: startedAt,
      categories: [...(spec.categories ?? ['domestic abuse'])].sort(),
      flags: [...(spec.flags ?? ['child present'])].sort(),
      clipCount: 1,
      missingCount: 0,
      unplayableCount: 0,
    },
    'single',
    false,
    '2026-11-01T09:00:00.000Z',
  );
}

/** `count` incidents spread over teams and October 2026 (UK), each a few hours after the last. */
export function addOctober(db: Database, count: number, teams = ['Team A', 'Team B', 'Team C']): number[] {
  const start = Date.UTC(2026, 9, 1, 6, 0, 0);
  return Array.from({ length: count }, (_, i) =>
    addIncident(db, {
      team: teams[i % teams.length]!,
      startedAt: new Date(start + ((i * 7 * 3_600_000) % (30 * 24 * 3_600_000))).toISOString(),
      officerIds: [`PC${100 + (i % 7)}`],
      officers: [`PC Officer ${i % 7}`],
    }),
  );
}

export function addReviewer(db: Database, id: string, officerIds: string[] = []): void {
  saveUser(db, 'setup', { id, displayName: `Sgt ${id}`, role: 'reviewer', officerIds });
}

export function counts(db: Database): { rounds: number; sampled: number; assignments: number; frames: number; audit: number } {
  const n = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { rounds: n('rounds'), sampled: n('round_incidents'), assignments: n('assignments'), frames: n('round_frames'), audit: n('audit_log') };
}
