import type { Database } from 'better-sqlite3';

/** One schema step. Files are named NNN-what.ts and listed in migrations/index.ts in increasing order. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
