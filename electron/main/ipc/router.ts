import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../../../shared/ipc/channels';
import type { Envelope } from '../../../shared/ipc/envelope';
import { eventContract, type EventName } from '../../../shared/ipc/events';
import type { CoreClient } from '../coreClient';
import { mainHandlers } from './mainHandlers';
import { checkPayload, checkSender } from './validate';

/**
 * The one place that touches ipcMain. Every call: known channel, our window's main frame, payload valid against the
 * contract — only then does it reach the core. Replies are envelopes, never thrown errors.
 */
export function registerIpc(core: CoreClient, windows: () => WebContents[]): () => void {
  const allowed = () => new Set(windows().map((w) => w.id));
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<unknown>> => {
      const frame = event.senderFrame;
      const senderError = checkSender(
        { webContentsId: event.sender.id, frameUrl: frame?.url ?? null, isMainFrame: !!frame && frame === event.sender.mainFrame },
        allowed(),
      );
      if (senderError) return { ok: false, error: senderError };
      const parsed = checkPayload(channel, payload);
      if (!parsed.ok) return parsed;
      if (channel === 'dialog.choosePaths') {
        try {
          const value = await mainHandlers[channel](parsed.value as never, BrowserWindow.fromWebContents(event.sender));
          return { ok: true, value };
        } catch (e) {
          return { ok: false, error: { code: 'internal', message: `the file picker failed: ${(e as Error).message}` } };
        }
      }
      return core.call(channel, parsed.value);
    });
  }
  const offEvents = core.onEvent((name, payload) => {
    const schema = eventContract[name as EventName];
    if (!schema || !schema.safeParse(payload).success) return;
    for (const w of windows()) if (!w.isDestroyed()) w.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    offEvents();
    for (const channel of CHANNELS) ipcMain.removeHandler(`${IPC_PREFIX}${channel}`);
  };
}
