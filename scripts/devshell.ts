/**
 * Development shell for machines without an Electron binary: runs the real main bundle with the same electron double
 * the e2e tests use, in a visible Chromium window. Not a product build: Electron's process sandbox and context
 * isolation are not in force here (the window's page is still the sandboxed, CSP-restricted UI).
 */
import { chromium } from '@playwright/test';
import { userInfo } from 'node:os';
import { launchApp } from '../tests/e2e/harness/launch';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dbArg = process.argv.find((a) => a.startsWith('--db='))?.slice(5);

async function main(): Promise<void> {
  const browser = await chromium.launch({
    headless: false,
    executablePath: chromiumPath,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  const userData = process.env.BWC_DIP_USER_DATA;
  const app = await launchApp(browser, { userData, dbPath: dbArg ?? process.env.BWC_DIP_DB, user: process.env.BWC_DIP_USER ?? userInfo().username });
  console.log(`BWC Dip Sampler (development shell) on ${app.dbPath}. Close the window to quit.`);
  app.page.on('close', () => void browser.close().then(() => process.exit(0)));
  browser.on('disconnected', () => process.exit(0));
}

main().catch((e) => {
  console.error(`could not start the development shell: ${(e as Error).message}`);
  process.exit(1);
});
