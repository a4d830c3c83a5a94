import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open';
import type { CoreContext } from '../context';
import { isUserError } from '../errors';
import { dispatch } from './dispatch';
import type { CoreWorkerData, FromCore, ToCore } from './protocol';
import { seedLibraryIfEmpty } from '../library/seed';

/**
 * The core's home inside the app: a worker thread that owns the SQLite file, so queries and indexing never block the
 * Electron main thread (and so the window never freezes). One database connection, requests served in order of
 * arrival; long operations are async and yield, so short requests interleave with them.
 */
const port = parentPort;
if (!port) throw new Error('core worker must run in a worker thread');
const data = workerData as CoreWorkerData;
const post = (m: FromCore) => port.postMessage(m);
const inflight = new Map<number, { ac: AbortController; channel: string }>();

async function main(): Promise<void> {
  let ctxBase: Omit<CoreContext, 'signal'>;
  try {
    const db = openDatabase(data.dbPath);
    ctxBase = {
      db,
      dbPath: data.dbPath,
      actor: data.actor,
      demo: data.demo,
      resourcesDir: data.resourcesDir,
      emit: (event, payload) => post({ kind: 'event', event, payload }),
      cancel: (channel) => {
        let n = 0;
        for (const r of inflight.values()) {
          if (r.channel === channel && !r.ac.signal.aborted) {
            r.ac.abort();
            n++;
          }
        }
        return n;
      },
    };
  } catch (e) {
    post({
      kind: 'fatal',
      error: isUserError(e) ? { code: e.code, message: e.message } : { code: 'internal', message: String((e as Error).message) },
    });
    return;
  }
  port!.on('message', (m: ToCore) => {
    if (m.kind === 'cancel') {
      inflight.get(m.id)?.ac.abort();
      return;
    }
    const ac = new AbortController();
    inflight.set(m.id, { ac, channel: m.channel });
    void dispatch({ ...ctxBase, signal: ac.signal }, m.channel, m.input).then((r) => {
      inflight.delete(m.id);
      post({ kind: 'result', id: m.id, ...r });
    });
  });
  post({ kind: 'ready', dbPath: data.dbPath });
  if (data.seedLibrary) void seedLibraryIfEmpty(ctxBase, data.seedLibrary);
}

void main();
