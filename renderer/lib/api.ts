import type { Channel, Input, Output } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { EventName, EventPayload } from '../../shared/ipc/events';

interface BwcBridge {
  invoke: Record<string, (payload?: unknown) => Promise<Envelope<unknown>>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    bwc: BwcBridge;
  }
}

export class BwcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BwcError';
  }
}

/** Typed call into the core through the preload bridge; failures arrive as BwcError with the core's code. */
export async function call<C extends Channel>(channel: C, payload: Input<C>): Promise<Output<C>> {
  const fn = window.bwc.invoke[channel];
  if (!fn) throw new BwcError('unknown-channel', `the app has no ${channel} function`);
  const r = await fn(payload);
  if (!r.ok) throw new BwcError(r.error.code, r.error.message);
  return r.value as Output<C>;
}

export function onEvent<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
  return window.bwc.on(event, cb as (p: unknown) => void);
}
