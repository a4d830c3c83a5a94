// `npm run bench -- <name> [args]`: compiles benchmarks/<name>.bench.ts with esbuild and runs it under Node.
// Benchmarks print figures beside a reference tool in the same run; they never assert timings.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureNodeNative } from './native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...rest] = process.argv.slice(2);
const available = readdirSync(join(root, 'benchmarks')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(1);
}
ensureNodeNative(root);
// The core starts its probe workers from the bundle in dist/core, as the app does.
if (spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'probe'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const outfile = join(root, 'dist', 'bench', `${name}.cjs`);
await build({
  entryPoints: [join(root, 'benchmarks', `${name}.bench.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // A separate map file, as the app's own bundles have (scripts/build.mjs): the index benchmark runs the core in a
  // worker from this bundle, and an inline map (3 MB of the bundle's 4.3 MB) raised that process's peak RSS by
  // 20-50 MB at 100k files, memory the app never spends.
  sourcemap: 'linked',
  external: ['better-sqlite3', 'pdfkit', 'electron', '@playwright/test', 'playwright-core', '@axe-core/playwright'],
  logLevel: 'warning',
});
if (!existsSync(outfile)) process.exit(1);
const r = spawnSync(process.execPath, ['--expose-gc', outfile, ...rest], { cwd: root, stdio: 'inherit', env: { ...process.env, BWC_DIP_ROOT: root } });
process.exit(r.status ?? 1);
