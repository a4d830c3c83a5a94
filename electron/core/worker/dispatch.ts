import type { Channel } from '../../../shared/ipc/contract';
import type { IpcError } from '../../../shared/ipc/envelope';
import { handlers } from '../api';
import type { CoreContext } from '../context';
import { isUserError } from '../errors';

/**
 * Calls the handler for an already-validated payload. User errors travel with their code; anything else is logged
 * here with its stack and reaches the window as a generic internal error, never a stack trace.
 */
export async function dispatch(
  ctx: CoreContext,
  channel: string,
  input: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; error: IpcError }> {
  // Own properties only: a channel named 'toString' or '__proto__' must not reach Object.prototype.
  const own = (o: object) => (Object.prototype.hasOwnProperty.call(o, channel) ? (o as Record<string, (c: CoreContext, i: unknown) => unknown>)[channel] : undefined);
  const handler = own(handlers);
  if (!handler) return { ok: false, error: { code: 'unknown-channel', message: `unknown channel ${channel}` } };
  try {
    return { ok: true, value: await handler(ctx, input as never) };
  } catch (e) {
    if (isUserError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    if ((e as Error)?.name === 'AbortError') return { ok: false, error: { code: 'cancelled', message: 'cancelled' } };
    console.error(`[core] ${channel as Channel} failed:`, e);
    return { ok: false, error: { code: 'internal', message: `internal error in ${channel}: ${(e as Error)?.message ?? e}` } };
  }
}
