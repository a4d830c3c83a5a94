import { contract, type Channel } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/envelope';
import { APP_ORIGIN } from '../protocols/app';

/** The parts of an IPC event the router trusts, named so tests can build them without Electron. */
export interface SenderInfo {
  webContentsId: number;
  frameUrl: string | null;
  isMainFrame: boolean;
}

/** Only our own window's main frame, showing our own UI, may call the core. */
export function checkSender(sender: SenderInfo, allowedWebContentsIds: ReadonlySet<number>): IpcError | null {
  if (!allowedWebContentsIds.has(sender.webContentsId)) return { code: 'forbidden', message: 'unknown window' };
  if (!sender.isMainFrame) return { code: 'forbidden', message: 'calls from sub-frames are refused' };
  let origin: string | null = null;
  try {
    const u = new URL(sender.frameUrl ?? '');
    origin = `${u.protocol}//${u.host}`;
  } catch {
    origin = null;
  }
  if (origin !== APP_ORIGIN) return { code: 'forbidden', message: `calls from ${origin ?? 'an unknown page'} are refused` };
  return null;
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Parses a payload against the channel's schema; the message names the offending field. */
export function checkPayload(channel: Channel, payload: unknown): { ok: true; value: unknown } | { ok: false; error: IpcError } {
  const r = contract[channel].input.safeParse(payload ?? {});
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const where = issue && issue.path.length ? issue.path.join('.') : 'payload';
  return { ok: false, error: { code: 'bad-input', message: `${channel}: ${where}: ${issue?.message ?? 'invalid'}` } };
}
