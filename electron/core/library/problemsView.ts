import type { Database } from 'better-sqlite3';
import type { LibraryProblem, ProblemsPage } from '../../../shared/ipc/library';
import {
  clipsWithoutRow, countClipsWithoutRow, countEvidence, countRowsWithoutClip, rowsWithoutClip,
} from './evidenceRepo';
import { clipAbsPath } from './paths';
import { countRunProblems, latestRun, runProblems } from './runsRepo';

/**
 * The problems panel, one page at a time: what the latest run could not use (files, folders, sidecars, export rows),
 * then the current mismatches between exports and footage (rows with no file, files with no row; the latter only
 * once an export has been imported, since without one every clip would be listed).
 */
export function problemsPage(db: Database, offset: number, limit: number): ProblemsPage {
  const run = latestRun(db);
  const hasEvidence = countEvidence(db) > 0;
  const sections: { count: number; read: (offset: number, limit: number) => LibraryProblem[] }[] = [
    { count: run ? countRunProblems(db, run.id) : 0, read: (o, l) => (run ? runProblems(db, run.id, o, l) : []) },
    {
      count: hasEvidence ? countRowsWithoutClip(db) : 0,
      read: (o, l) =>
        rowsWithoutClip(db, o, l).map((r) => ({
          kind: 'row-without-clip',
          path: r.source,
          line: r.line,
          reason: `no file on disk matches evidence ${r.evidenceId}${r.fileName ? ` (${r.fileName})` : ''}`,
        })),
    },
    {
      count: hasEvidence ? countClipsWithoutRow(db) : 0,
      read: (o, l) =>
        clipsWithoutRow(db, o, l).map((c) => ({
          kind: 'clip-without-row',
          path: clipAbsPath(c.root, c.path),
          line: null,
          reason: 'no row in the imported exports describes this file (indexed from its own metadata)',
        })),
    },
  ];
  const rows: LibraryProblem[] = [];
  let skip = offset;
  for (const s of sections) {
    if (rows.length >= limit) break;
    if (skip >= s.count) {
      skip -= s.count;
      continue;
    }
    rows.push(...s.read(skip, limit - rows.length));
    skip = 0;
  }
  return {
    run: run ? { id: run.id, status: run.status, startedAt: run.started_at, finishedAt: run.finished_at } : null,
    total: sections.reduce((n, s) => n + s.count, 0),
    rows,
  };
}
