import { BrowserWindow, dialog } from 'electron';
import type { ParsedInput } from '../../../shared/ipc/contract';

/**
 * Channels that need Electron itself rather than the core: native file pickers. The picked paths go back to the
 * window, which then asks the core to index them (the core checks every path again).
 */
export const mainHandlers = {
  'dialog.choosePaths': async (input: ParsedInput<'dialog.choosePaths'>, win: BrowserWindow | null): Promise<string[]> => {
    const options: Electron.OpenDialogOptions =
      input.kind === 'folders'
        ? { title: 'Choose footage folders', properties: ['openDirectory', 'multiSelections'] }
        : { title: 'Choose force export CSV files', properties: ['openFile', 'multiSelections'], filters: [{ name: 'CSV', extensions: ['csv'] }] };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? [] : r.filePaths;
  },
} as const;
