// better-sqlite3 is a native module: a build for Electron's ABI does not load in Node, and the reverse. Node-side
// commands (tests, CLI, benchmarks) call ensureNodeNative; `npm start` calls ensureElectronNative. Each rebuilds only
// when the current build does not load, so switching between them costs one rebuild, and CI never needs one.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export function nodeNativeLoads(root) {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, encoding: 'utf8' });
  return r.status === 0 ? null : r.stderr;
}

export function ensureNodeNative(root) {
  const err = nodeNativeLoads(root);
  if (!err) return;
  console.log('better-sqlite3 is not built for this Node (was it rebuilt for Electron?); rebuilding for Node…');
  const r = spawnSync('npm', ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' } });
  if (r.status !== 0) throw new Error('could not rebuild better-sqlite3 for Node');
}

export function electronNativeLoads(root, electronBin) {
  const r = spawnSync(electronBin, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return r.status === 0 ? null : r.stderr || `exit ${r.status}`;
}

export function ensureElectronNative(root, electronBin) {
  if (!electronNativeLoads(root, electronBin)) return;
  console.log('Rebuilding better-sqlite3 for Electron (once; `npm test` rebuilds it for Node again when needed)…');
  const require = createRequire(import.meta.url);
  const rebuildBin = require.resolve('@electron/rebuild/lib/cli.js');
  const r = spawnSync(process.execPath, [rebuildBin, '-f', '-w', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not rebuild better-sqlite3 for Electron');
}
