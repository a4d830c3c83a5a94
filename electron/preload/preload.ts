import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENTS, EVENT_CHANNEL, IPC_PREFIX } from '../../shared/ipc/channels';

/**
 * Exposes exactly the contract's functions as window.bwc — one function per channel and one event subscription —
 * never ipcRenderer itself. Payload checking happens in main; this layer only forwards.
 */
const invoke = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (payload?: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, payload ?? {})]),
);

const known = new Set<string>(EVENTS);

contextBridge.exposeInMainWorld('bwc', {
  invoke,
  on(event: string, cb: (payload: unknown) => void): () => void {
    if (!known.has(event)) throw new Error(`unknown event ${event}`);
    const listener = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) cb(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
});
