import Module from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { createFakeElectron, type FakeElectronState } from './fakeElectron';

// The development shell bundles this file elsewhere, so it says where dist/ is.
export const DIST = process.env.BWC_DIP_DIST ?? resolve(__dirname, '../../../dist');

export interface LaunchedApp {
  page: Page;
  state: FakeElectronState;
  dbPath: string;
  userData: string;
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const mod = Module as unknown as { _load: Loader };
const originalLoad = mod._load;
let current: unknown = null;
mod._load = function (request, parent, isMain) {
  if (request === 'electron' && current) return current;
  return originalLoad.call(this, request, parent, isMain);
};

/**
 * Runs the real main bundle (dist/main/main.cjs) in this Node process with the fake electron module, and returns the
 * window's page once the UI has loaded. Each launch gets a fresh copy of the bundle and its own user-data folder.
 */
export async function launchApp(browser: Browser, opts: { dbPath?: string; user?: string; userData?: string } = {}): Promise<LaunchedApp> {
  const userData = opts.userData ?? mkdtempSync(join(tmpdir(), 'bwc-e2e-'));
  const dbPath = opts.dbPath ?? join(userData, 'bwc-dip.sqlite');
  process.env.BWC_DIP_DB = dbPath;
  process.env.BWC_DIP_USER = opts.user ?? 'sgt.e2e';
  const fake = createFakeElectron({ browser, userData, preloadFile: join(DIST, 'preload', 'preload.cjs') });
  current = fake.electron;
  const mainFile = join(DIST, 'main', 'main.cjs');
  delete require.cache[mainFile];
  require(mainFile);
  const page = await fake.state.pageReady;
  await page.waitForLoadState('domcontentloaded');
  return { page, state: fake.state, dbPath, userData };
}
