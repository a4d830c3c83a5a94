// Builds every runtime piece: main, preload, core worker and CLI with esbuild (one bundle each, CommonJS, native and
// electron modules left external), and the renderer with Vite. Fast enough (~1 s + Vite) to run before start, test
// and on install.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const only = process.argv.slice(2);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  external: ['electron', 'better-sqlite3', 'pdfkit'],
};

// A package's ES module build where it has one (hash-wasm): its CommonJS build holds every algorithm, ~270 KB that
// each probe worker would parse at start, where the ES build lets the bundle keep the one hash it uses (~20 KB).
const ESM_FIRST = ['module', 'main'];

const targets = {
  main: { entryPoints: ['electron/main/main.ts'], outfile: 'dist/main/main.cjs' },
  // The sandboxed preload may require only 'electron': everything else is bundled in.
  preload: { entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', external: ['electron'] },
  core: { entryPoints: ['electron/core/worker/server.ts'], outfile: 'dist/core/worker.cjs', mainFields: ESM_FIRST },
  // Header probes and fingerprints of new files, in worker threads started by the core (library/probePool.ts).
  probe: { entryPoints: ['electron/core/library/probe/worker.ts'], outfile: 'dist/core/probe-worker.cjs', mainFields: ESM_FIRST },
  cli: { entryPoints: ['electron/cli/bin.ts'], outfile: 'dist/cli/bwc-dip.cjs', mainFields: ESM_FIRST },
};

const wanted = only.length ? only : [...Object.keys(targets), 'renderer'];
const started = Date.now();
await Promise.all(
  wanted
    .filter((t) => t !== 'renderer')
    .map((t) => {
      return build({ ...common, ...targets[t] });
    }),
);
if (wanted.includes('renderer')) {
  rmSync(join(root, 'dist/renderer'), { recursive: true, force: true });
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'renderer/vite.config.mts'), logLevel: 'warn' });
}
console.log(`built ${wanted.join(', ')} in ${Date.now() - started} ms`);
