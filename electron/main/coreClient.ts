import { Worker } from 'node:worker_threads';
import type { Envelope, IpcError } from '../../shared/ipc/envelope';
import { CORE_RESOURCE_LIMITS, type CoreWorkerData, type FromCore, type ToCore } from '../core/worker/protocol';

export interface CoreClient {
  ready: Promise<void>;
  call(channel: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(cb: (name: string, payload: unknown) => void): () => void;
  close(): Promise<void>;
}

/**
 * Starts the core worker thread and speaks its message protocol. If the worker dies, pending calls fail with a
 * clear error rather than hanging the window.
 */
export function startCore(workerFile: string, data: CoreWorkerData): CoreClient {
  const worker = new Worker(workerFile, { workerData: data, resourceLimits: CORE_RESOURCE_LIMITS });
  const pending = new Map<number, (r: Envelope<unknown>) => void>();
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let nextId = 1;
  let fatal: IpcError | null = null;
  let resolveReady!: () => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  const failAll = (error: IpcError) => {
    fatal = error;
    for (const done of pending.values()) done({ ok: false, error });
    pending.clear();
    rejectReady(new Error(error.message));
  };
  worker.on('message', (m: FromCore) => {
    if (m.kind === 'ready') resolveReady();
    else if (m.kind === 'fatal') failAll(m.error);
    else if (m.kind === 'event') for (const l of listeners) l(m.event, m.payload);
    else {
      const done = pending.get(m.id);
      pending.delete(m.id);
      done?.(m.ok ? { ok: true, value: m.value } : { ok: false, error: m.error });
    }
  });
  worker.on('error', (e) => failAll({ code: 'internal', message: `core stopped: ${e.message}` }));
  worker.on('exit', (code) => {
    if (code !== 0 || pending.size) failAll({ code: 'internal', message: `core stopped (exit ${code})` });
  });
  return {
    ready,
    call(channel, input) {
      if (fatal) return Promise.resolve({ ok: false, error: fatal });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ kind: 'call', id, channel, input } satisfies ToCore);
      });
    },
    onEvent(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async close() {
      await worker.terminate();
    },
  };
}
