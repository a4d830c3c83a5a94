/**
 * A test double of the `electron` module, just wide enough for our main process: it bridges BrowserWindow,
 * ipcMain, protocol and the preload's contextBridge/ipcRenderer onto a Playwright page in Debian's Chromium, so the
 * REAL main bundle (router, protocol handlers, core worker) and the REAL preload and renderer bundles run as in the
 * app. What it cannot reproduce (Electron's context isolation and process sandbox) is covered by the
 * real-Electron suite where a binary exists.
 *
 * The UI origin: Playwright cannot navigate a page to a custom scheme, so app://bwc/… is served as
 * http://app.invalid/… and translated back before our handler sees it; media:// subresources are routed as is.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page, Route } from '@playwright/test';

export const TEST_ORIGIN = 'http://app.invalid';
const APP_ORIGIN = 'app://bwc';

type Handler = (request: Request) => Promise<Response> | Response;
type IpcHandler = (event: unknown, payload: unknown) => unknown;

export interface FakeElectronState {
  windows: FakeWindow[];
  ipcHandlers: Map<string, IpcHandler>;
  protocols: Map<string, Handler>;
  privilegedSchemes: unknown[];
  blockedPatterns: string[];
  blockedRequests: string[];
  windowOptions: unknown[];
  pageReady: Promise<Page>;
  /** What the next native file pickers "choose" (a test pushes paths here; empty queue = cancelled). */
  dialogResults: string[][];
}

export interface FakeWindow {
  page: Promise<Page>;
  options: unknown;
  navigationHandlers: ((e: { preventDefault(): void }, url: string) => void)[];
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null;
}

const toTestUrl = (url: string) => (url.startsWith(APP_ORIGIN) ? TEST_ORIGIN + url.slice(APP_ORIGIN.length) : url);
const toAppUrl = (url: string) => (url.startsWith(TEST_ORIGIN) ? APP_ORIGIN + url.slice(TEST_ORIGIN.length) : url);

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
}

async function fulfil(route: Route, handler: Handler, url: string): Promise<void> {
  const req = route.request();
  const headers = new Headers(await req.allHeaders());
  const res = await handler(new Request(url, { method: req.method(), headers }));
  const body = res.body ? Buffer.from(await res.arrayBuffer()) : Buffer.alloc(0);
  const h: Record<string, string> = {};
  res.headers.forEach((v, k) => (h[k] = v));
  await route.fulfill({ status: res.status, headers: h, body });
}

export function createFakeElectron(opts: { browser: Browser; userData: string; preloadFile: string }) {
  let resolvePage!: (p: Page) => void;
  const state: FakeElectronState = {
    windows: [],
    ipcHandlers: new Map(),
    protocols: new Map(),
    privilegedSchemes: [],
    blockedPatterns: [],
    blockedRequests: [],
    windowOptions: [],
    dialogResults: [],
    pageReady: new Promise<Page>((r) => (resolvePage = r)),
  };
  let nextId = 1;
  const appListeners = new Map<string, (() => void)[]>();

  async function preparePage(win: FakeWindow, wcId: number, preload: string): Promise<Page> {
    const context = await opts.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(TEST_ORIGIN)) return fulfil(route, state.protocols.get('app')!, toAppUrl(url));
      const scheme = url.slice(0, url.indexOf(':'));
      const custom = state.protocols.get(scheme);
      if (custom) return fulfil(route, custom, url);
      if (state.blockedPatterns.some((p) => globToRegExp(p).test(url))) {
        state.blockedRequests.push(url);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    // IPC: the preload's ipcRenderer.invoke lands here with the calling frame, like Electron's event.senderFrame.
    await page.exposeBinding('__bwcIpcInvoke', async (source, channel: string, payload: unknown) => {
      const handler = state.ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const mainFrame = { url: toAppUrl(page.mainFrame().url()) };
      const senderFrame = source.frame === page.mainFrame() ? mainFrame : { url: toAppUrl(source.frame.url()) };
      return handler({ sender: { id: wcId, mainFrame }, senderFrame }, payload);
    });
    const preloadSource = readFileSync(preload, 'utf8');
    await page.addInitScript(`(() => {
      const listeners = [];
      window.__bwcDeliver = (channel, args) => { for (const l of listeners) if (l.channel === channel) l.fn({}, ...args); };
      const electron = {
        contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }) },
        ipcRenderer: {
          invoke: (channel, payload) => window.__bwcIpcInvoke(channel, payload),
          on: (channel, fn) => { listeners.push({ channel, fn }); },
          removeListener: (channel, fn) => { const i = listeners.findIndex((l) => l.channel === channel && l.fn === fn); if (i >= 0) listeners.splice(i, 1); },
        },
      };
      const require = (m) => { if (m === 'electron') return electron; throw new Error('sandboxed preload cannot require ' + m); };
      const module = { exports: {} };
      const exports = module.exports;
      ${preloadSource}
    })();`);
    void win;
    resolvePage(page);
    return page;
  }

  class BrowserWindow {
    static fromWebContents() {
      return null;
    }
    private readonly win: FakeWindow;
    readonly webContents;
    private readonly onceHandlers = new Map<string, () => void>();
    private destroyed = false;
    constructor(options: { webPreferences?: { preload?: string } }) {
      const id = nextId++;
      const win: FakeWindow = { page: null as unknown as Promise<Page>, options, navigationHandlers: [], windowOpenHandler: null };
      win.page = preparePage(win, id, options.webPreferences?.preload ?? opts.preloadFile);
      this.win = win;
      state.windows.push(win);
      state.windowOptions.push(options);
      const isDestroyed = () => this.destroyed;
      this.webContents = {
        id,
        get mainFrame() {
          return undefined;
        },
        on(event: string, fn: (e: { preventDefault(): void }, url: string) => void) {
          if (event === 'will-navigate' || event === 'will-redirect') win.navigationHandlers.push(fn);
        },
        setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
          win.windowOpenHandler = fn;
        },
        send(channel: string, ...args: unknown[]) {
          void win.page.then((p) => p.evaluate(([c, a]) => (window as unknown as { __bwcDeliver(c: unknown, a: unknown): void }).__bwcDeliver(c, a), [channel, args] as const).catch(() => {}));
        },
        isDestroyed,
      };
    }
    async loadURL(url: string) {
      const page = await this.win.page;
      await page.goto(toTestUrl(url));
      this.onceHandlers.get('ready-to-show')?.();
    }
    once(event: string, fn: () => void) {
      this.onceHandlers.set(event, fn);
    }
    on() {}
    show() {}
    focus() {}
    isDestroyed() {
      return this.destroyed;
    }
  }

  const electron = {
    app: {
      isPackaged: false,
      whenReady: () => Promise.resolve(),
      enableSandbox() {},
      requestSingleInstanceLock: () => true,
      getPath: (name: string) => {
        if (name !== 'userData') throw new Error(`fake electron: getPath(${name}) not supported`);
        return opts.userData;
      },
      getVersion: () => '0.0.0-test',
      on(event: string, fn: () => void) {
        appListeners.set(event, [...(appListeners.get(event) ?? []), fn]);
      },
      quit() {},
    },
    BrowserWindow,
    Menu: { setApplicationMenu() {}, buildFromTemplate: (t: unknown) => t },
    dialog: {
      showOpenDialog: async () => {
        const next = state.dialogResults.shift();
        return next ? { canceled: false, filePaths: next } : { canceled: true, filePaths: [] };
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.privilegedSchemes.push(...s),
      handle: (scheme: string, h: Handler) => state.protocols.set(scheme, h),
    },
    ipcMain: {
      handle: (channel: string, fn: IpcHandler) => state.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler() {},
        webRequest: {
          onBeforeRequest: (filter: { urls: string[] }) => state.blockedPatterns.push(...filter.urls),
        },
      },
    },
  };
  return { electron, state };
}
