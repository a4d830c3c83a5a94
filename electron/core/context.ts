import type { Database } from 'better-sqlite3';
import type { EventName, EventPayload } from '../../shared/ipc/events';

/** What every core operation receives: the database, who is acting, and a way to report progress. */
export interface CoreContext {
  db: Database;
  dbPath: string;
  /** OS account (or --user / BWC_DIP_USER) the action is attributed to. */
  actor: string;
  demo: boolean;
  /** Folder holding rubrics/ and demo/ (the repo's resources/ in development, the package's when installed). */
  resourcesDir: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Aborts the core's in-flight requests on a channel (the window's Cancel button); returns how many. */
  cancel?(channel: string): number;
  /** Set when the caller asked to cancel this long-running operation. */
  signal?: AbortSignal;
}
