// `npm start`: build, then run the app. With an Electron binary: rebuild better-sqlite3 for Electron if needed and
// launch it. Without one (Electron's download is impossible on some networks): say so, and open the same app in
// Chromium through the development shell, on the same database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureElectronNative, ensureNodeNative } from './native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);

let electronBin = null;
try {
  const p = require('electron');
  if (typeof p === 'string' && existsSync(p)) electronBin = p;
} catch {
  electronBin = null;
}

if (electronBin) {
  ensureElectronNative(root, electronBin);
  const child = spawn(electronBin, [join(root, 'dist/main/main.cjs'), ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('No Electron binary is installed (its download is blocked here), so the app opens in Chromium through');
  console.log('the development shell: same main process, core, IPC router, preload and UI; see README.');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display: run it under a desktop session, or `xvfb-run -a npm start`.');
    process.exit(1);
  }
  ensureNodeNative(root);
  await build({
    entryPoints: [join(root, 'scripts/devshell.ts')],
    outfile: join(root, 'dist/devshell/devshell.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@playwright/test', 'playwright-core', 'better-sqlite3', 'electron'],
    logLevel: 'warning',
  });
  // Same database as the packaged app would use.
  const userData = process.env.BWC_DIP_USER_DATA ?? (process.platform === 'win32' ? join(process.env.APPDATA ?? homedir(), 'BWC Dip Sampler') : join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'BWC Dip Sampler'));
  mkdirSync(userData, { recursive: true });
  const child = spawn(process.execPath, [join(root, 'dist/devshell/devshell.cjs'), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BWC_DIP_DIST: join(root, 'dist'), BWC_DIP_USER_DATA: userData },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
