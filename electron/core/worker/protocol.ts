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

/**
 * Heap limit of the core's thread. V8 sizes its collections to the limit it may grow to: under the default (a
 * quarter of the machine's memory) an index run over 100k files let ~150 MB of garbage pile up between collections
 * (peak RSS 335-370 MB) while never holding more than ~15 MB live. 1 GiB keeps collections timely (peak RSS ~250 MB
 * for the same run, same speed) and still leaves ample room for the largest work the core does (a 1M-incident frame).
 */
export const CORE_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 1024 } as const;
