import { test as base, _electron, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchApp, DIST } from './launch';

export const ARTIFACTS = resolve(__dirname, '../../.artifacts');

/** Path of an installed Electron binary, or null (here the download is impossible, so the suite says skipped). */
export function electronBinary(): string | null {
  try {
    const p = require('electron') as unknown as string;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export interface AppFixture {
  page: Page;
  /** Paths the next native file picker returns (Chromium project only; the real dialog cannot be driven). */
  chooseNext(paths: string[]): void;
  /** Starts the app again on the same database (a restart, as after a crash or power loss). */
  restart(): Promise<Page>;
  dbPath: string;
}

/**
 * `app`: the app under test. In the 'chromium' project it is the real main bundle with the electron double; in the
 * 'electron' project the same scenarios drive the real Electron binary through Playwright's launcher.
 */
export const test = base.extend<{ app: AppFixture; user: string }>({
  user: ['sgt.e2e', { option: true }],
  app: async ({ browser, user }, use, testInfo) => {
    const userData = mkdtempSync(join(tmpdir(), 'bwc-e2e-'));
    const dbPath = join(userData, 'bwc-dip.sqlite');
    if (testInfo.project.name === 'electron') {
      const bin = electronBinary();
      test.skip(!bin, 'skipped: no Electron binary');
      const launch = async () => {
        const eapp = await _electron.launch({
          executablePath: bin!,
          args: [join(DIST, 'main', 'main.cjs'), `--db=${dbPath}`],
          env: { ...process.env, BWC_DIP_USER: user } as Record<string, string>,
        });
        return { eapp, page: await eapp.firstWindow() };
      };
      let cur = await launch();
      await use({
        page: cur.page,
        dbPath,
        chooseNext: () => test.skip(true, 'native dialogs cannot be driven in the Electron project'),
        restart: async () => {
          await cur.eapp.close();
          cur = await launch();
          return cur.page;
        },
      });
      await cur.eapp.close();
      return;
    }
    let launched = await launchApp(browser, { userData, dbPath, user });
    const fixture: AppFixture = {
      page: launched.page,
      dbPath,
      chooseNext: (paths) => launched.state.dialogResults.push(paths),
      restart: async () => {
        await launched.page.context().close();
        launched = await launchApp(browser, { userData, dbPath, user });
        fixture.page = launched.page;
        return launched.page;
      },
    };
    await use(fixture);
    await launched.page.context().close();
  },
});

export { expect };

/** Screenshot kept as a CI artifact under tests/.artifacts/. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** WCAG 2.2 AA scan; serious and critical violations fail the test with their rule ids and targets. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
