import { app, BrowserWindow, Menu, protocol, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { currentAccount } from '../core/paths';
import { dbPathFromArgs, mainConfig } from './config';
import { startCore, type CoreClient } from './coreClient';
import { registerIpc } from './ipc/router';
import { BLOCKED_URL_PATTERNS } from './navigation';
import { createAppHandler } from './protocols/app';
import { createMediaHandler, type ClipLocation } from './protocols/media';
import { createMainWindow } from './window';

// Must happen before 'ready': both schemes behave like https for the renderer (fetch, streaming media, CSP).
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: 'media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);
app.enableSandbox();

let core: CoreClient | null = null;
const windows: BrowserWindow[] = [];

async function start(): Promise<void> {
  const distDir = join(__dirname, '..');
  const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(distDir, '..', 'resources');
  const dbPath = dbPathFromArgs(process.argv, process.env, join(app.getPath('userData'), 'bwc-dip.sqlite'));
  mkdirSync(dirname(dbPath), { recursive: true });
  const cfg = mainConfig({ distDir, resourcesDir, dbPath });

  // Nothing leaves the machine: no permission prompts granted, no http(s)/ws requests from any page.
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  ses.webRequest.onBeforeRequest({ urls: BLOCKED_URL_PATTERNS }, (_d, cb) => cb({ cancel: true }));

  core = startCore(cfg.coreWorker, {
    dbPath: cfg.dbPath,
    actor: currentAccount(),
    demo: cfg.firstRun,
    resourcesDir,
    seedLibrary: cfg.firstRun ? { roots: [join(cfg.demoRoot, 'footage')], manifests: [join(cfg.demoRoot, 'export.csv')] } : null,
  });
  const c = core;
  protocol.handle('app', createAppHandler(cfg.uiRoot));
  protocol.handle(
    'media',
    createMediaHandler(async (clipId) => {
      const r = await c.call('internal.clipLocation', { clipId });
      return r.ok ? (r.value as ClipLocation | null) : null;
    }),
  );
  registerIpc(core, () => windows.filter((w) => !w.isDestroyed()).map((w) => w.webContents));
  Menu.setApplicationMenu(null);
  windows.push(createMainWindow(cfg.preload));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => windows[0]?.focus());
  app.on('window-all-closed', () => {
    void core?.close().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
