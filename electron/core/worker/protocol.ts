import type { IpcError } from '../../../shared/ipc/envelope';

/** Messages between the main process and the core worker thread. */
export type ToCore =
  | { kind: 'call'; id: number; channel: string; input: unknown }
  | { kind: 'cancel'; id: number };

export type FromCore =
  | { kind: 'ready'; dbPath: string }
  | { kind: 'fatal'; error: IpcError }
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: IpcError }
  | { kind: 'event'; event: string; payload: unknown };

export interface CoreWorkerData {
  dbPath: string;
  actor: string;
  demo: boolean;
  resourcesDir: string;
  /** Library to index on first start when the database has none (the bundled demo). */
  seedLibrary?: { roots: string[]; manifests: string[] } | null;
}
